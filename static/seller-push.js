// Opt-in Web Push on the seller home: asks for permission, subscribes with the server's VAPID key, saves it;
// "Matikan notifikasi" ends this browser's subscription and removes it from the shop.
(() => {
	const btn = document.querySelector('button[data-push-key]');
	const off = document.querySelector('button[data-push-off]');
	const status = document.getElementById('push-status');
	if (!btn || !status || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return;
	btn.hidden = false;
	const toKey = (b64) => {
		const s = atob((b64 + '='.repeat((4 - (b64.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/'));
		return Uint8Array.from(s, (c) => c.charCodeAt(0));
	};
	const current = async () => {
		const reg = await navigator.serviceWorker.getRegistration('/');
		return reg ? reg.pushManager.getSubscription() : null;
	};
	current()
		.then((sub) => {
			if (off && sub) off.hidden = false;
		})
		.catch(() => {});
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
			status.textContent = res.ok ? btn.dataset.on : ((await res.json().catch(() => null))?.error?.message ?? btn.dataset.failed);
			if (res.ok && off) off.hidden = false;
		} catch {
			status.textContent = btn.dataset.failed;
		} finally {
			btn.disabled = false;
		}
	});
	if (off)
		off.addEventListener('click', async () => {
			off.disabled = true;
			try {
				const sub = await current();
				if (sub) {
					const res = await fetch(off.dataset.endpoint, { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ endpoint: sub.endpoint }) });
					if (!res.ok) throw new Error(String(res.status));
					await sub.unsubscribe();
				}
				status.textContent = off.dataset.done;
				off.hidden = true;
			} catch {
				status.textContent = off.dataset.failed;
			} finally {
				off.disabled = false;
			}
		});
})();
