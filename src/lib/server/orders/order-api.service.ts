import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import type { DB, OrderStatus, PaymentMethod, DeliveryMethod } from '../db/schema';
import { DomainError, NotFoundError } from '../errors';
import { parseInput } from '../validate';
import { requireCashbookOwner } from '../cashbook/cashbook.service';
import type { OrderRepository } from './order.repository';
import { canMove, type OrderService } from './order.service';
import type { SellerInboxService } from './seller-inbox.service';

export const ORDER_STATUSES = ['baru', 'dikonfirmasi', 'disiapkan', 'dikirim', 'siap_diambil', 'selesai', 'dibatalkan'] as const satisfies readonly OrderStatus[];

export interface ApiOrder {
	id: string;
	code: string;
	status: OrderStatus;
	total: number;
	subtotal: number;
	deliveryFee: number;
	paid: boolean;
	paymentMethod: PaymentMethod;
	delivery: DeliveryMethod;
	buyerName: string;
	itemCount: number;
	createdAt: string;
	updatedAt: string;
}

/** `GET /shops/{id}/orders?status=`: an optional status (also the parameter in /api/v1/openapi.json). */
export const orderListQuerySchema = z.object({ status: z.enum(ORDER_STATUSES, 'msg:debts.api.status').optional() });

/** `PATCH /orders/{id}`: a status and/or `paid: true`; `reason` is the buyer-readable reason of a cancel. */
export const orderPatchSchema = z
	.object({
		status: z.enum(ORDER_STATUSES, 'msg:debts.api.status').optional(),
		paid: z.literal(true, 'msg:debts.api.paid').optional(),
		reason: z.string('msg:debts.cancelReason').max(300, 'msg:debts.cancelReason').optional()
	})
	.refine((b) => b.status !== undefined || b.paid !== undefined, { message: 'msg:debts.api.nothing', path: ['status'] });

/**
 * Orders over the API for a shop's own seller (issue 11), for tools used beside E-Crav. Reads and changes go through the
 * SAME methods as the inbox — OrderService.setStatus / markPaid, SellerInboxService.cancel — so the rules are the inbox's:
 * an impossible move is 409, a completed order's income reaches the cash book once, a cancel after completion reverses it.
 * Unlike the inbox (where a coordinator may help), only the shop's seller may use it: anyone else gets 404.
 */
export class OrderApiService {
	constructor(
		private readonly db: Kysely<DB>,
		private readonly repo: OrderRepository,
		private readonly orders: OrderService,
		private readonly inbox: SellerInboxService
	) {}

	/** A shop's orders, newest first (at most 500), optionally of one status. */
	async list(actor: Actor, shopId: string, query: { status?: string | null }): Promise<ApiOrder[]> {
		requireCashbookOwner(actor, shopId, () => new NotFoundError('order.notFound'));
		const { status } = parseInput(orderListQuerySchema, { status: query.status || undefined }, 400);
		let q = this.rows().where('o.shop_id', '=', shopId);
		if (status) q = q.where('o.status', '=', status);
		return (await q.orderBy('o.created_at', 'desc').orderBy('o.id').limit(500).execute()).map(apiOrder);
	}

	/** Moves an order and/or marks it paid (paid first, so `{ status: 'selesai', paid: true }` does both); answers the order as it is now. */
	async patch(actor: Actor, orderId: string, body: unknown): Promise<ApiOrder> {
		const order = typeof orderId === 'string' && orderId.length <= 64 ? await this.repo.findOrder(orderId) : undefined;
		if (!order) throw new NotFoundError('order.notFound');
		requireCashbookOwner(actor, order.shop_id, () => new NotFoundError('order.notFound'));
		const data = parseInput(orderPatchSchema, body, 400);
		// A refused PATCH changes nothing: an impossible move is refused BEFORE "paid" is written (not after it).
		if (data.status && data.status !== order.status && !canMove(order.status, data.status, data.reason !== undefined))
			throw new DomainError('bad_transition', 'order.badTransition', 409, { from: order.status, to: data.status });
		// Every state conflict is 409 `bad_transition`, the same on both databases: the status it already has with nothing
		// else to change (a repeated PATCH; of two at once, the later one), and "paid" on a cancelled order.
		if (data.status && data.status === order.status && !(data.paid && !order.paid_at))
			throw new DomainError('bad_transition', 'order.sameStatus', 409, { status: order.status });
		if (data.paid && order.status === 'dibatalkan') throw new DomainError('bad_transition', 'inbox.cannotPayCancelled', 409);
		if (data.paid) await this.orders.markPaid(actor, order.id).catch(paidConflict);
		if (data.status === 'dibatalkan' && data.reason !== undefined) await this.inbox.cancel(actor, order.id, data.reason, true);
		else if (data.status && data.status !== order.status) await this.orders.setStatus(actor, order.id, data.status).catch((e) => this.sameStatusConflict(e, order.id, data.status!));
		return apiOrder((await this.rows().where('o.id', '=', order.id).executeTakeFirst())!);
	}

	/** A move refused because another request moved the order to this very status first: said as "already", like a repeated PATCH. */
	private async sameStatusConflict(e: unknown, orderId: string, to: OrderStatus): Promise<never> {
		if (e instanceof DomainError && e.code === 'bad_transition' && (await this.repo.findOrder(orderId))?.status === to) throw new DomainError('bad_transition', 'order.sameStatus', 409, { status: to });
		throw e;
	}

	private rows() {
		return this.db
			.selectFrom('shop_order as o')
			.innerJoin('checkout as c', 'c.id', 'o.checkout_id')
			.select(['o.id', 'o.code', 'o.status', 'o.total', 'o.subtotal', 'o.delivery_fee', 'o.paid_at', 'o.payment_method', 'o.delivery', 'c.buyer_name', 'o.item_count', 'o.created_at', 'o.updated_at']);
	}
}

function apiOrder(r: {
	id: string;
	code: string;
	status: OrderStatus;
	total: number;
	subtotal: number;
	delivery_fee: number;
	paid_at: string | null;
	payment_method: PaymentMethod;
	delivery: DeliveryMethod;
	buyer_name: string;
	item_count: number;
	created_at: string;
	updated_at: string;
}): ApiOrder {
	return {
		id: r.id,
		code: r.code,
		status: r.status,
		total: Number(r.total),
		subtotal: Number(r.subtotal),
		deliveryFee: Number(r.delivery_fee),
		paid: !!r.paid_at,
		paymentMethod: r.payment_method,
		delivery: r.delivery,
		buyerName: r.buyer_name,
		itemCount: Number(r.item_count),
		createdAt: r.created_at,
		updatedAt: r.updated_at
	};
}

/** Cancelled between the check and the write: the same 409 as a cancelled order found at once. */
function paidConflict(e: unknown): never {
	if (e instanceof DomainError && e.messageKey === 'inbox.cannotPayCancelled') throw new DomainError('bad_transition', 'inbox.cannotPayCancelled', 409);
	throw e;
}

