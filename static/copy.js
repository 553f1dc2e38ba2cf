// Copy buttons on the order status page (progressive enhancement): without JavaScript the amount and the
// account number are plain selectable text and the buttons stay hidden. With it, "Salin" copies the bare
// digits (what bank apps accept) and says "Tersalin" for a moment.
(function () {
	'use strict';
	if (!navigator.clipboard && !document.queryCommandSupported) return;
	function copy(text) {
		if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
		return new Promise(function (resolve, reject) {
			var area = document.createElement('textarea');
			area.value = text;
			area.setAttribute('readonly', '');
			area.style.position = 'fixed';
			area.style.opacity = '0';
			document.body.appendChild(area);
			area.select();
			var ok = document.execCommand('copy');
			document.body.removeChild(area);
			(ok ? resolve : reject)();
		});
	}
	document.querySelectorAll('button[data-copy]').forEach(function (button) {
		var label = button.textContent;
		button.hidden = false;
		button.addEventListener('click', function () {
			copy(button.getAttribute('data-copy')).then(function () {
				button.textContent = button.getAttribute('data-copied');
				button.setAttribute('data-done', '1');
				setTimeout(function () {
					button.textContent = label;
				}, 2500);
			});
		});
	});
})();
