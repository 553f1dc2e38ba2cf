import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import type { DB, OrderStatus, PaymentMethod } from '../db/schema';
import { requireShopManagerOr, requireUser } from '../auth/guards';
import { NotFoundError, ValidationError } from '../errors';
import { newId } from '../../utils/ids';
import { cleanText } from '../../validation/text';
import type { OrderRepository } from './order.repository';
import type { ShopRepository } from '../shops/shop.repository';
import { requireCashbookOwner } from '../cashbook/cashbook.service';

export const INBOX_TABS = ['baru', 'diproses', 'selesai', 'dibatalkan'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

const TAB_STATUSES: Record<InboxTab, OrderStatus[]> = {
	baru: ['baru'],
	diproses: ['dikonfirmasi', 'disiapkan', 'dikirim', 'siap_diambil'],
	selesai: ['selesai'],
	dibatalkan: ['dibatalkan']
};

export interface InboxRow {
	id: string;
	code: string;
	status: OrderStatus;
	buyerName: string;
	total: number;
	paid: boolean;
	paymentMethod: PaymentMethod;
	itemCount: number;
	createdAt: string;
}

export interface SellerInbox {
	tab: InboxTab;
	rows: InboxRow[];
	counts: Record<InboxTab, number>;
	/** Orders placed today (WIB, cancelled ones left out) and what they add up to. */
	today: { count: number; turnover: number };
}

const WIB_OFFSET_MS = 7 * 3600_000;

/** Midnight in Jakarta (UTC+7, no daylight saving) of the day `now` falls in, as an ISO UTC instant. */
export function startOfDayWib(now: Date): string {
	const local = now.getTime() + WIB_OFFSET_MS;
	return new Date(local - (local % 86_400_000) - WIB_OFFSET_MS).toISOString();
}

/**
 * The seller's order inbox: tabs by status (Baru / Diproses / Selesai / Dibatalkan) with the buyer's name and the
 * total in every row, today's count and turnover on top; and cancelling one order with a reason the buyer sees.
 */
export class SellerInboxService {
	constructor(
		private readonly db: Kysely<DB>,
		private readonly orders: OrderRepository,
		private readonly shops: ShopRepository,
		private readonly clock: () => Date = () => new Date()
	) {}

	async list(actor: Actor, shopId: string, tab: string): Promise<SellerInbox> {
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('order.notFound');
		requireShopManagerOr(actor, shop, () => new NotFoundError('order.notFound'));
		const chosen: InboxTab = (INBOX_TABS as readonly string[]).includes(tab) ? (tab as InboxTab) : 'baru';
		const rows = await this.db
			.selectFrom('shop_order as o')
			.innerJoin('checkout as c', 'c.id', 'o.checkout_id')
			.select(['o.id', 'o.code', 'o.status', 'c.buyer_name', 'o.total', 'o.paid_at', 'o.payment_method', 'o.item_count', 'o.created_at'])
			.where('o.shop_id', '=', shop.id)
			.where('o.status', 'in', TAB_STATUSES[chosen])
			.orderBy('o.created_at', 'desc')
			.limit(200)
			.execute();
		const byStatus = await this.db.selectFrom('shop_order').select(['status', (eb) => eb.fn.countAll().as('n')]).where('shop_id', '=', shop.id).groupBy('status').execute();
		const counts = Object.fromEntries(INBOX_TABS.map((t) => [t, byStatus.filter((r) => TAB_STATUSES[t].includes(r.status)).reduce((a, r) => a + Number(r.n), 0)])) as Record<InboxTab, number>;
		const today = await this.db
			.selectFrom('shop_order')
			.select([(eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.sum<number>('total').as('sum')])
			.where('shop_id', '=', shop.id)
			.where('status', '!=', 'dibatalkan')
			.where('created_at', '>=', startOfDayWib(this.clock()))
			.executeTakeFirstOrThrow();
		return {
			tab: chosen,
			rows: rows.map((r) => ({
				id: r.id,
				code: r.code,
				status: r.status,
				buyerName: r.buyer_name,
				total: Number(r.total),
				paid: !!r.paid_at,
				paymentMethod: r.payment_method,
				itemCount: Number(r.item_count),
				createdAt: r.created_at
			})),
			counts,
			today: { count: Number(today.n), turnover: Number(today.sum ?? 0) }
		};
	}

	/**
	 * Cancels one order with a reason (kept in the order's history) after the seller confirmed; stock goes back
	 * once. A completed order can be cancelled too (returned, refunded): its income in the cash book is reversed in the
	 * same transaction, and stock goes back only with `restock` (food that was eaten does not come back) — by the shop's
	 * own seller only (a coordinator helping in the inbox gets 404: the book is the seller's). Another shop's order is "not found" and nothing changes.
	 */
	async cancel(actor: Actor, orderId: string, reason: string, confirmed: boolean, options: { restock?: boolean } = {}): Promise<void> {
		const user = requireUser(actor);
		const order = await this.orders.findOrder(orderId);
		const shop = order && (await this.shops.findById(order.shop_id));
		if (!order || !shop) throw new NotFoundError('order.notFound');
		requireShopManagerOr(actor, shop, () => new NotFoundError('order.notFound'));
		// Cancelling a completed order writes a reversal into the cash book, which is the seller's alone.
		if (order.status === 'selesai') requireCashbookOwner(actor, shop.id, () => new NotFoundError('order.notFound'));
		const why = cleanText(String(reason ?? ''), { multiline: true }).trim();
		const fields = [];
		if (why.length < 3 || why.length > 300) fields.push({ field: 'reason', messageKey: 'security.cancelReason' as const, params: {} });
		if (!confirmed) fields.push({ field: 'confirm', messageKey: 'inbox.cancelConfirmNeeded' as const, params: {} });
		if (fields.length) throw new ValidationError(fields[0].messageKey, {}, fields);
		const at = this.clock().toISOString();
		const done =
			order.status === 'selesai'
				? await this.orders.cancelCompleted(order, user.userId, at, newId('evt'), { note: why, restock: options.restock === true })
				: await this.orders.cancel(order, user.userId, at, newId('evt'), { note: why });
		if (!done) throw new ValidationError('inbox.cannotCancel');
	}
}
