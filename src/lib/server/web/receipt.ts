import { translator, type Locale, type MessageKey } from '../../i18n';
import { formatRupiah } from '../../utils/money';
import { formatDateTime } from '../../utils/dates';
import { whatsappUrl } from '../../utils/whatsapp';
import { RECEIPT_MAX_ROWS, type ReceiptLayout } from '../media/receipt-image';
import type { OrderView } from '../orders/order.service';

/**
 * The words of one order's receipt picture, in the viewer's language: shop, code, date (WIB), status, buyer,
 * delivery and payment, one row per item, delivery fee and total. Past RECEIPT_MAX_ROWS items the rest is one
 * "…dan N barang lagi" row with their sum, so the total always adds up and the picture stays chat-sized.
 * The buyer's note ("Catatan") and, on a cancelled order, the seller's reason ("Alasan batal") are facts of their own.
 */
export function receiptLayout(locale: Locale, order: OrderView, buyer: { name: string }): ReceiptLayout {
	const t = translator(locale);
	const itemRow = (i: OrderView['items'][number]) => ({ left: `${i.quantity} × ${i.name}${i.variantLabel ? ` (${i.variantLabel})` : ''}`, right: formatRupiah(i.lineTotal) });
	const shown = order.items.length > RECEIPT_MAX_ROWS ? order.items.slice(0, RECEIPT_MAX_ROWS - 1) : order.items;
	const rest = order.items.slice(shown.length);
	const rows = shown.map(itemRow);
	if (rest.length) rows.push({ left: t('receipt.more', { count: rest.length }), right: formatRupiah(rest.reduce((s, i) => s + i.lineTotal, 0)) });
	return {
		heading: order.shop.name,
		subheadings: [`${t('inbox.nota')} ${order.code}`, formatDateTime(order.createdAt, locale)],
		facts: [
			{ label: t('receipt.buyer'), value: buyer.name },
			{ label: t('receipt.status'), value: t(`status.${order.status}` as MessageKey) + (order.paid ? ` · ${t('inbox.paid')}` : '') },
			{ label: t('cart.deliveryFor'), value: t(`delivery.${order.delivery}` as MessageKey) + (order.address ? ` — ${order.address}` : '') },
			{ label: t('cart.paymentFor'), value: t(`payment.${order.payment.method}` as MessageKey) },
			...(order.note.trim() ? [{ label: t('receipt.note'), value: order.note.trim() }] : []),
			...(order.cancelReason ? [{ label: t('receipt.cancelReason'), value: order.cancelReason }] : [])
		],
		rows,
		totals: [
			{ left: t('cart.deliveryFee'), right: formatRupiah(order.deliveryFee) },
			{ left: t('cart.total'), right: formatRupiah(order.total) }
		],
		footer: t('receipt.footer')
	};
}

/**
 * The buyer's status page for a shop order: the code the page is headed with (the checkout's, which the buyer got
 * at checkout) and its absolute address with the token. A text that carries this link names the order by this
 * code, never by the shop order's own code, so the buyer finds the same code on the page the link opens.
 */
export interface BuyerStatusLink {
	code: string;
	url: string;
}

/**
 * The seller's WhatsApp reply to the buyer for the order's current status. A cancelled order's reply carries the
 * reason the seller gave, the same words the buyer reads on the status page. Every reply, a cancellation too,
 * ends with the buyer's status-page link (absolute) when there is one, and then names the order by that link's code.
 */
export function sellerReplyText(locale: Locale, order: OrderView, buyer: { name: string }, link: BuyerStatusLink | null = null): string {
	const t = translator(locale);
	const params = { name: buyer.name, code: link?.code ?? order.code, total: formatRupiah(order.total), shop: order.shop.name };
	const text = order.status === 'dibatalkan' && order.cancelReason ? t('inbox.reply.dibatalkanReason', { ...params, reason: order.cancelReason }) : t(`inbox.reply.${order.status}` as MessageKey, params);
	return link ? `${text}\n${t('inbox.reply.statusLink', { url: link.url })}` : text;
}

/** wa.me link to the buyer with the seller's reply for the order's status. */
export function sellerReplyUrl(locale: Locale, order: OrderView, buyer: { name: string; whatsapp: string }, link: BuyerStatusLink | null = null): string {
	return whatsappUrl(buyer.whatsapp, sellerReplyText(locale, order, buyer, link));
}

/**
 * The text that goes with the picture (Web Share) or alone in a wa.me link when files cannot be shared. Like the
 * replies it ends with the buyer's status link when there is one, and names the order by that link's code.
 */
export function receiptShareText(locale: Locale, order: OrderView, link: BuyerStatusLink | null = null): string {
	const t = translator(locale);
	const code = link?.code ?? order.code;
	const text =
		order.status === 'dibatalkan' && order.cancelReason
			? t('receipt.shareTextCancelled', { code, shop: order.shop.name, reason: order.cancelReason })
			: t('receipt.shareText', { code, shop: order.shop.name, total: formatRupiah(order.total) });
	return link ? `${text}\n${t('inbox.reply.statusLink', { url: link.url })}` : text;
}

/** wa.me link to the buyer with the receipt's text, for phones that cannot share a file from the browser. */
export function receiptWhatsappUrl(locale: Locale, order: OrderView, buyerWhatsapp: string, link: BuyerStatusLink | null = null): string {
	return whatsappUrl(buyerWhatsapp, receiptShareText(locale, order, link));
}
