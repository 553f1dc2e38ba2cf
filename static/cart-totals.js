// Cart totals follow the delivery choice at once (progressive enhancement): picking "Diantar penjual" adds
// its fee to the shop's total and to the total of all shops without pressing "Hitung ulang". The server
// still prices everything again when the order is sent; without JavaScript, "Hitung ulang" does this.
// The address field is hidden while "Ambil sendiri" is chosen (without JavaScript its label says it is only
// for delivery, and the server never asks for it on a pickup order).
(function () {
	'use strict';
	var format = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', minimumFractionDigits: 0, maximumFractionDigits: 0 });
	function rupiah(n) {
		// Like formatRupiah on the server: "Rp" and the amount joined by a no-break space, never split.
		return format.format(Math.round(n)).replace(/^(-?)Rp\s*/, '$1Rp\u00a0');
	}
	function update() {
		var grand = 0;
		document.querySelectorAll('[data-cart-shop]').forEach(function (section) {
			var subtotal = Number(section.getAttribute('data-subtotal')) || 0;
			var chosen = section.querySelector('input[type=radio][name$=".delivery"]:checked');
			var fee = chosen ? Number(chosen.getAttribute('data-fee')) || 0 : 0;
			var feeOut = section.querySelector('[data-fee-out]');
			var totalOut = section.querySelector('[data-total-out]');
			if (feeOut) feeOut.textContent = rupiah(fee);
			if (totalOut) totalOut.textContent = rupiah(subtotal + fee);
			grand += subtotal + fee;
			var address = section.querySelector('[data-address]');
			// style, not the hidden attribute: .field's own display rule would override [hidden].
			if (address) address.style.display = chosen && chosen.value === 'pickup' ? 'none' : '';
		});
		var grandOut = document.querySelector('[data-grand-out]');
		if (grandOut) grandOut.textContent = rupiah(grand);
	}
	update();
	document.addEventListener('change', function (e) {
		var t = e.target;
		if (t && t.matches && t.matches('[data-cart-shop] input[type=radio][name$=".delivery"]')) update();
	});
})();
