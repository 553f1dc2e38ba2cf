// The training board's live updates (issue 13): listens to the board's Server-Sent Events and redraws the totals
// and tiles from the JSON — names are set as text, never as HTML. Without JavaScript the page refreshes itself
// every 10 s instead (<noscript> meta refresh).
(function () {
	var root = document.querySelector('[data-board-events]');
	if (!root || !window.EventSource) return;
	var labels = JSON.parse(root.getAttribute('data-labels') || '{}');
	var totalTemplate = root.getAttribute('data-total') || '';
	var away = root.getAttribute('data-away') || '';
	var help = root.getAttribute('data-help') || '';
	var list = root.querySelector('.tiles');
	var total = root.querySelector('.total');

	function tile(member) {
		var li = document.createElement('li');
		var name = document.createElement('span');
		name.className = 'name';
		var step = document.createElement('span');
		step.className = 'step';
		var where = document.createElement('span');
		where.className = 'where';
		li.appendChild(name);
		li.appendChild(step);
		li.appendChild(where);
		li.appendChild(document.createElement('span'));
		li.setAttribute('data-member', member.memberId);
		return li;
	}

	function render(board) {
		var byId = {};
		Array.prototype.forEach.call(list.querySelectorAll('li[data-member]'), function (li) { byId[li.getAttribute('data-member')] = li; });
		// Svelte scopes the page's styles with a class: new tiles carry the list's
		var scope = Array.prototype.filter.call(list.classList, function (c) { return c.indexOf('svelte-') === 0; });
		var keep = {};
		board.members.forEach(function (m) {
			var li = byId[m.memberId] || tile(m);
			keep[m.memberId] = true;
			li.className = ['tile', 'step-' + m.step].concat(m.present ? [] : ['away']).concat(m.help ? ['help'] : []).concat(scope).join(' ');
			li.setAttribute('data-help', String(!!m.help));
			li.setAttribute('data-step', m.step);
			li.setAttribute('data-present', String(!!m.present));
			li.children[0].className = ['name'].concat(scope).join(' ');
			li.children[1].className = ['step'].concat(scope).join(' ');
			li.children[0].textContent = m.firstName;
			li.children[1].textContent = labels[m.step] || m.step;
			li.children[2].className = ['where'].concat(scope).join(' ');
			li.children[2].textContent = m.present ? '' : away;
			li.children[3].className = ['ask'].concat(scope).join(' ');
			li.children[3].textContent = m.help ? help : '';
			list.appendChild(li);
		});
		Object.keys(byId).forEach(function (id) { if (!keep[id]) byId[id].remove(); });
		Object.keys(board.counts).forEach(function (s) {
			var n = root.querySelector('[data-count="' + s + '"]');
			if (n) n.textContent = String(board.counts[s]);
		});
		list.classList.toggle('many', board.members.length > 16);
		list.classList.toggle('crowd', board.members.length > 30);
		var cols = Math.max(1, Math.ceil(Math.sqrt(board.members.length * 1.4)));
		list.style.setProperty('--cols', String(cols));
		list.style.setProperty('--rows', String(Math.max(1, Math.ceil(board.members.length / cols))));
		if (total) total.textContent = totalTemplate.replace('{done}', String(board.counts.tayang || 0)).replace('{total}', String(board.members.length));
	}

	var source = new EventSource(root.getAttribute('data-board-events'));
	source.addEventListener('board', function (e) {
		try {
			render(JSON.parse(e.data));
		} catch {
			// a broken event changes nothing on the screen
		}
	});
	source.addEventListener('error', function () {
		// the link expired or the server went away for good: reload in a while, which shows why
		if (source.readyState === 2) setTimeout(function () { location.reload(); }, 10000);
	});
})();
