import type { CheckoutView } from '../orders/order.service';
import { orderWhatsappUrl } from './order-message';

/** The checkout as the API returns it (201 on creation, 200 on a replay or a status read). */
export function checkoutJson(view: CheckoutView, origin: string) {
	return {
		code: view.code,
		token: view.token,
		statusUrl: `${origin}/pesanan/${view.code}?t=${view.token}`,
		orders: view.orders.map((o) => ({
			code: o.code,
			shop: { slug: o.shop.slug, name: o.shop.name },
			status: o.status,
			cancelReason: o.cancelReason,
			items: o.items,
			subtotal: o.subtotal,
			deliveryFee: o.deliveryFee,
			total: o.total,
			paid: o.paid,
			payment: { method: o.payment.method, ...(o.payment.qris ? { qris: o.payment.qris } : {}), ...(o.payment.transfer ? { transfer: o.payment.transfer } : {}) },
			note: o.note,
			whatsappUrl: orderWhatsappUrl(o, view.buyer, origin)
		}))
	};
}
