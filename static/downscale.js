// Progressive enhancement for photo uploads on slow, expensive data: before the form is sent, a large
// phone photo is drawn onto a canvas at most N px wide/high and re-encoded as JPEG (a 5 MB photo becomes
// ~300 KB; the canvas keeps no EXIF, so no GPS leaves the phone either). A submit tapped while this is
// still running waits for it ("Menyiapkan foto…"), then goes on by itself. Without JavaScript, or if
// anything fails, the original file is sent and the server copes (up to 15 MB).
(function () {
	'use strict';
	var pending = new WeakMap();

	function status(input, text) {
		var id = input.id + '-preparing';
		var el = document.getElementById(id);
		if (!el) {
			el = document.createElement('span');
			el.id = id;
			el.className = 'hint preparing';
			el.setAttribute('role', 'status');
			el.style.minHeight = '1.4em';
			input.insertAdjacentElement('afterend', el);
		}
		el.textContent = text || '';
	}

	// The status line is there from the start, so the buttons below never jump when it speaks.
	function prepare() {
		var inputs = document.querySelectorAll('input[type=file][data-downscale]');
		for (var i = 0; i < inputs.length; i++) if (inputs[i].id) status(inputs[i], '');
	}
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', prepare);
	else prepare();

	function shrink(input) {
		var max = Number(input.getAttribute('data-downscale')) || 1600;
		var file = input.files && input.files[0];
		input.removeAttribute('data-downscaled');
		if (!file || !/^image\/(jpeg|png|webp)$/.test(file.type) || !window.createImageBitmap || !window.DataTransfer) return Promise.resolve();
		status(input, input.getAttribute('data-preparing') || 'Menyiapkan foto…');
		return createImageBitmap(file, { imageOrientation: 'from-image' })
			.then(function (bitmap) {
				var scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
				if (scale === 1 && file.size < 1500000) return null;
				var canvas = document.createElement('canvas');
				canvas.width = Math.round(bitmap.width * scale);
				canvas.height = Math.round(bitmap.height * scale);
				canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
				return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', 0.85); });
			})
			.then(function (blob) {
				if (!blob || blob.size >= file.size || input.files[0] !== file) return;
				var dt = new DataTransfer();
				dt.items.add(new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' }));
				input.files = dt.files;
				input.setAttribute('data-downscaled', String(blob.size));
			})
			.catch(function () { /* keep the original file */ })
			.then(function () { status(input, ''); });
	}

	// After the photo is ready: an input marked data-autosubmit (a form whose only job is this photo) sends
	// its form by itself; any other says the photo is ready and which button sends it.
	function ready(input) {
		if (!input.files || !input.files.length) return;
		var form = input.form;
		if (input.hasAttribute('data-autosubmit') && form) {
			if (form.getAttribute('data-sending')) return;
			status(input, input.getAttribute('data-sending') || '');
			if (form.requestSubmit) form.requestSubmit();
			else { form.setAttribute('data-sending', '1'); form.submit(); }
			return;
		}
		status(input, input.getAttribute('data-ready') || '');
	}

	document.addEventListener('change', function (e) {
		var t = e.target;
		if (!t || !t.matches || !t.matches('input[type=file][data-downscale]')) return;
		var job = shrink(t).then(function () { if (pending.get(t) === job) pending.delete(t); });
		pending.set(t, job);
		job.then(function () { ready(t); });
	});

	// A page brought back by the Back button may upload again.
	window.addEventListener('pageshow', function () {
		var sent = document.querySelectorAll('form[data-sending]');
		for (var i = 0; i < sent.length; i++) sent[i].removeAttribute('data-sending');
	});

	// A submit while a photo is still being prepared waits for it instead of sending the 5 MB original.
	document.addEventListener('submit', function (e) {
		var form = e.target;
		var jobs = [];
		var inputs = form.querySelectorAll('input[type=file][data-downscale]');
		if (!inputs.length) return;
		// One photo, one upload: a tap on the button and the automatic send must not both go out.
		if (form.getAttribute('data-sending')) { e.preventDefault(); return; }
		for (var i = 0; i < inputs.length; i++) if (pending.has(inputs[i])) jobs.push(pending.get(inputs[i]));
		if (!jobs.length) { form.setAttribute('data-sending', '1'); return; }
		e.preventDefault();
		var submitter = e.submitter || null;
		if (submitter) submitter.disabled = true;
		Promise.all(jobs).then(function () {
			if (submitter) submitter.disabled = false;
			if (form.requestSubmit) form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
			else form.submit();
		});
	}, true);
})();
