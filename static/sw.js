// E-Crav service worker: shows the Web Push a seller gets when a new order arrives, opens the order on tap.
self.addEventListener('push', (event) => {
	let msg = { title: 'E-Crav', body: '', url: '/jual/pesanan' };
	try {
		msg = { ...msg, ...event.data.json() };
	} catch {
		/* not JSON: show the defaults */
	}
	event.waitUntil(self.registration.showNotification(msg.title, { body: msg.body, data: { url: msg.url }, icon: '/favicon.svg', tag: msg.url }));
});
self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	event.waitUntil(self.clients.openWindow(event.notification.data?.url || '/jual/pesanan'));
});
