// Opt-in Web Push on the seller home: asks for permission, subscribes with the server's VAPID key, saves it.
(() => {
	const btn = document.querySelector('button[data-push-key]');
	const status = document.getElementById('push-status');
	if (!btn || !status || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return;
	btn.hidden = false;
	const toKey = (b64) => {
		const s = atob((b64 + '='.repeat((4 - (b64.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/'));
		return Uint8Array.from(s, (c) => c.charCodeAt(0));
	};
	btn.addEventListener('click', async () => {
		btn.disabled = true;
		try {
			if ((await Notification.requestPermission()) !== 'granted') {
				status.textContent = btn.dataset.denied;
				return;
			}
			const reg = await navigator.serviceWorker.register('/sw.js');
			await navigator.serviceWorker.ready;
			const sub = (await reg.pushManager.getSubscription()) || (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: toKey(btn.dataset.pushKey) }));
			const res = await fetch(btn.dataset.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sub) });
			status.textContent = res.ok ? btn.dataset.on : btn.dataset.failed;
		} catch {
			status.textContent = btn.dataset.failed;
		} finally {
			btn.disabled = false;
		}
	});
})();
