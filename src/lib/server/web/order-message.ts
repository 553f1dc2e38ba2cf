import { translator, type Locale, type MessageKey } from '../../i18n';
import { formatRupiah } from '../../utils/money';
import { whatsappUrl } from '../../utils/whatsapp';
import type { OrderView } from '../orders/order.service';

/** The buyer's prefilled WhatsApp message to one seller: code, items, total, delivery and payment. */
export function orderWhatsappUrl(locale: Locale, order: OrderView, buyer: { name: string }, note: string): string {
	const t = translator(locale);
	const items = order.items.map((i) => `• ${i.quantity} × ${i.name}${i.variantLabel ? ` (${i.variantLabel})` : ''} = ${formatRupiah(i.lineTotal)}`).join('\n');
	const delivery = t(`delivery.${order.delivery}` as MessageKey) + (order.address ? ` — ${order.address}` : '');
	const text = t('checkout.waMessage', {
		shop: order.shop.name,
		buyer: buyer.name,
		code: order.code,
		items,
		total: formatRupiah(order.total),
		delivery,
		payment: t(`payment.${order.payment.method}` as MessageKey),
		note: note ? `\n\n${note}` : ''
	});
	return whatsappUrl(order.shop.whatsapp, text);
}
