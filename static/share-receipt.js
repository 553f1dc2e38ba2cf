// "Bagikan ke WhatsApp" on a receipt: where the phone can share files from the browser (Web Share API level 2),
// the link shares the receipt picture itself; elsewhere it stays what it is without JavaScript, a wa.me link
// with the receipt's text, beside the download link of the picture.
(() => {
	const link = document.querySelector('a[data-share-image]');
	if (!link || typeof navigator.share !== 'function' || typeof navigator.canShare !== 'function' || typeof File !== 'function') return;
	try {
		if (!navigator.canShare({ files: [new File([''], link.dataset.file, { type: 'image/png' })] })) return;
	} catch {
		return;
	}
	// Fetched ahead: a share must start within the tap's user activation, so the click must not wait for the network.
	const picture = fetch(link.dataset.shareImage, { credentials: 'same-origin' })
		.then((res) => (res.ok ? res.blob() : null))
		.then((blob) => (blob ? new File([blob], link.dataset.file, { type: 'image/png' }) : null))
		.catch(() => null);
	let file = null;
	picture.then((f) => (file = f));
	link.addEventListener('click', async (event) => {
		if (!file) return; // not fetched (yet): the wa.me link with the text still works
		event.preventDefault();
		try {
			await navigator.share({ files: [file], title: link.dataset.title, text: link.dataset.text });
		} catch (e) {
			if (e && e.name === 'AbortError') return; // the seller closed the share sheet
			window.location.href = link.href;
		}
	});
})();
