// Progressive enhancement for photo uploads on slow, expensive data: before the form is sent, a large
// phone photo is drawn onto a canvas at most N px wide/high and re-encoded as JPEG (a 5 MB photo becomes
// ~300 KB). Without JavaScript, or if anything fails, the original file is sent and the server copes.
(function () {
	'use strict';
	function shrink(input) {
		var max = Number(input.getAttribute('data-downscale')) || 1600;
		var file = input.files && input.files[0];
		if (!file || !/^image\/(jpeg|png|webp)$/.test(file.type) || !window.createImageBitmap || !window.DataTransfer) return;
		createImageBitmap(file, { imageOrientation: 'from-image' })
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
				if (!blob || blob.size >= file.size) return;
				var dt = new DataTransfer();
				dt.items.add(new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' }));
				input.files = dt.files;
				input.setAttribute('data-downscaled', String(blob.size));
			})
			.catch(function () { /* keep the original file */ });
	}
	document.addEventListener('change', function (e) {
		var t = e.target;
		if (t && t.matches && t.matches('input[type=file][data-downscale]')) shrink(t);
	});
})();
