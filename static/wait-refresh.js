// Pages that wait on someone else (issue 13): the phone waiting for the facilitator's tap, and the facilitator's list
// of waiting phones. With JavaScript, look every few seconds and reload only when the page would change (its
// `data-refresh-key`), or follow where it now sends the phone (a redirect): no blinking reloads, no lost place for a
// screen reader. Without JavaScript a <noscript> meta refresh reloads the page instead.
(function () {
	var root = document.querySelector('[data-refresh-key]');
	if (!root || !window.fetch) return;
	var seconds = Number(root.getAttribute('data-refresh-seconds')) || 5;
	var key = root.getAttribute('data-refresh-key');
	function later() {
		setTimeout(look, seconds * 1000);
	}
	function look() {
		fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
			.then(function (r) {
				if (r.redirected) {
					location.replace(r.url);
					return null;
				}
				return r.ok ? r.text() : '';
			})
			.then(function (html) {
				if (html === null) return;
				var m = /data-refresh-key="([^"]*)"/.exec(html);
				if (m && m[1] !== key) location.reload();
				else later();
			})
			.catch(later);
	}
	later();
})();
