// The facilitator's list of the room (issue 13): fetches the page again whenever the training board's live stream
// says a step changed (or a help flag moved), and every 30 s so "sejak N menit" keeps counting; then swaps in the
// server-rendered list. Nothing typed by users is ever inserted as HTML from JSON: the markup is the server's own
// escaped rendering of this same page. Without JavaScript the page refreshes itself (<noscript> meta refresh).
(function () {
	var root = document.querySelector('[data-room-events]');
	var live = document.querySelector('[data-room-live]');
	if (!root || !live || !window.fetch || !window.DOMParser) return;
	var busy = false;
	var again = false;

	function refresh() {
		if (busy) {
			again = true;
			return;
		}
		busy = true;
		fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
			.then(function (r) {
				if (!r.ok) throw new Error(String(r.status));
				return r.text();
			})
			.then(function (html) {
				var doc = new DOMParser().parseFromString(html, 'text/html');
				var next = doc.querySelector('[data-room-live]');
				if (next) live.replaceChildren.apply(live, Array.prototype.slice.call(next.childNodes).map(function (n) { return document.importNode(n, true); }));
			})
			.catch(function () {
				// a dropped connection: the next change or the next half minute tries again
			})
			.then(function () {
				busy = false;
				if (again) {
					again = false;
					refresh();
				}
			});
	}

	setInterval(refresh, 30000);
	if (!window.EventSource) return;
	var source = new EventSource(root.getAttribute('data-room-events'));
	// every event is a board that changed (the first one may already be newer than this page)
	source.addEventListener('board', refresh);
})();
