import { translator, type MessageKey } from '../../i18n';
import { formatRupiah } from '../../utils/money';
import { MAX_WHATSAPP_URL, whatsappUrl } from '../../utils/whatsapp';
import type { OrderView } from '../orders/order.service';
import { cleanText } from '../../validation/text';

/** The seller reads this message, so it is written in the community's language, whatever the buyer reads. */
const SELLER_LOCALE = 'id' as const;

/**
 * The buyer's prefilled WhatsApp message to one seller: code, items, subtotal, delivery fee and total,
 * delivery, payment, the buyer's note to this shop and an absolute link to the order in the seller's inbox.
 * Invariant: always in Bahasa Indonesia (the community's language), and the link is never cut off — when the
 * whole message would make the wa.me URL too long, item lines are folded into "… dan N barang lain" first,
 * then the note is shortened. Every value typed by someone is put on one line here (rows stored before issue 8 (e)
 * were not cleaned, and the note keeps its line breaks elsewhere): no value can add a line such as "Total: Rp 0".
 */
export function orderWhatsappUrl(order: OrderView, buyer: { name: string }, origin: string): string {
	const t = translator(SELLER_LOCALE);
	const one = (text: string) => cleanText(text).trim();
	const lines = order.items.map((i) => `• ${i.quantity} × ${one(i.name)}${i.variantLabel ? ` (${one(i.variantLabel)})` : ''} = ${formatRupiah(i.lineTotal)}`);
	let delivery = t(`delivery.${order.delivery}` as MessageKey) + (order.address ? ` — ${one(order.address)}` : '');
	if (order.delivery === 'pickup' && order.pickupPoint) delivery += ` — ${one(order.pickupPoint)}`;
	const build = (shown: number, note: string) =>
		t('field.wa.order', {
			shop: one(order.shop.name),
			buyer: one(buyer.name),
			code: order.code,
			items: [...lines.slice(0, shown), ...(shown < lines.length ? [t('field.wa.moreItems', { count: lines.length - shown })] : [])].join('\n'),
			subtotal: formatRupiah(order.subtotal),
			fee: order.delivery === 'courier' ? t('field.wa.courierFee') : formatRupiah(order.deliveryFee),
			total: formatRupiah(order.total),
			delivery,
			payment: t(`payment.${order.payment.method}` as MessageKey),
			note: note ? `\n${t('field.wa.note')}: ${note}` : '',
			link: `${origin}/jual/pesanan/${order.id}`
		});
	const fits = (text: string) => (`https://wa.me/${order.shop.whatsapp}?text=` + encodeURIComponent(text)).length <= MAX_WHATSAPP_URL;
	let shown = lines.length;
	let note = one(order.note.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' / '));
	while (!fits(build(shown, note)) && shown > 1) shown--;
	while (!fits(build(shown, note)) && note.length > 0) note = Array.from(note).slice(0, Math.floor(Array.from(note).length * 0.8)).join('').trimEnd() + (note.length > 8 ? '…' : '');
	if (note === '…') note = '';
	return whatsappUrl(order.shop.whatsapp, build(shown, note));
}

/**
 * The buyer's short WhatsApp message to a seller once the order is no longer new (confirmed, on its way, done, or
 * cancelled): the seller already has the order, so it names the shop, the buyer and the order code and leaves the
 * question to the buyer. In Bahasa Indonesia, as the seller reads it.
 */
export function orderQuestionWhatsappUrl(order: Pick<OrderView, 'code' | 'shop'>, buyer: { name: string }): string {
	const t = translator(SELLER_LOCALE);
	const one = (text: string) => cleanText(text).trim();
	return whatsappUrl(order.shop.whatsapp, t('field.wa.question', { shop: one(order.shop.name), buyer: one(buyer.name), code: order.code }));
}
