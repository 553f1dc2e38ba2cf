// Product page with variants (progressive enhancement): the headline price follows the chosen variant at once,
// and the address bar names the choice so a shared link opens with it. Without JavaScript the server shows the
// price range, or the chosen variant's price when the page is opened with ?variantId=…; "Pesan via WhatsApp"
// sends the form's current choice either way.
(function () {
	'use strict';
	var select = document.getElementById('variantId');
	var out = document.querySelector('[data-price-out]');
	if (!select || !out) return;
	select.addEventListener('change', function () {
		var option = select.options[select.selectedIndex];
		var price = option && option.getAttribute('data-price');
		if (price) out.textContent = price;
		if (window.history && window.history.replaceState) {
			var url = new URL(window.location.href);
			url.searchParams.set('variantId', select.value);
			url.searchParams.delete('quantity');
			url.hash = '';
			window.history.replaceState(null, '', url.href);
		}
	});
})();
