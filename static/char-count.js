// A live letter count under a text field with a limit (progressive enhancement). Without JavaScript the field's
// hint still says the limit ("Paling banyak 500 huruf.") and maxlength stops typing there; with it, the counter
// shows "12 dari 500 huruf" while typing and, at the limit, says so (also to screen readers) instead of the
// field just refusing more letters silently.
(function () {
	'use strict';
	document.querySelectorAll('[data-count-for]').forEach(function (counter) {
		var field = document.getElementById(counter.getAttribute('data-count-for'));
		var max = Number(counter.getAttribute('data-max'));
		var live = counter.parentNode.querySelector('[data-count-full-live]');
		if (!field || !max) return;
		var wasFull = false;
		function update() {
			var count = field.value.length;
			var full = count >= max;
			counter.textContent = (full ? counter.getAttribute('data-full') : counter.getAttribute('data-text')).replace('{count}', String(count));
			counter.classList.toggle('full', full);
			// Screen readers hear the counter only when the limit is reached, not at every letter.
			if (live && full !== wasFull) live.textContent = full ? counter.textContent : '';
			wasFull = full;
		}
		counter.hidden = false;
		field.addEventListener('input', update);
		update();
	});
})();
