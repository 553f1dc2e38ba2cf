import type { Kysely, Transaction } from 'kysely';
import type { Checkout, DB, OrderItem, OrderStatus, ShopOrder } from '../db/schema';
import { DomainError } from '../errors';
import { publicMediaKeyInUse } from '../catalog/product.repository';
import { postOrderIncome, reverseOrderIncome } from '../cashbook/order-posting';

export interface PlannedLine {
	productId: string;
	variantId: string | null;
	name: string;
	variantLabel: string | null;
	unit: string;
	price: number;
	quantity: number;
	/** Which stock to take from: the variant's, the product's, or none (made to order). */
	stockFrom: 'variant' | 'product' | 'none';
}

export interface PlannedOrder {
	id: string;
	code: string;
	shopId: string;
	delivery: ShopOrder['delivery'];
	address: string;
	deliveryFee: number;
	paymentMethod: ShopOrder['payment_method'];
	note: string;
	lines: PlannedLine[];
}

export interface PlannedCheckout {
	id: string;
	code: string;
	token: string;
	communityId: string;
	idempotencyKey: string;
	requestFingerprint: string;
	buyerName: string;
	buyerWhatsapp: string;
	note: string;
	at: string;
	orders: PlannedOrder[];
	newId: (prefix: string) => string;
}

/** Thrown inside the checkout transaction when a conditional stock update finds too little stock. */
export class OutOfStockError extends DomainError {
	constructor(product: string, available: number) {
		// "tinggal 0. Ubah jumlahnya" contradicts itself: none left is said as sold out.
		super('out_of_stock', available > 0 ? 'order.outOfStock' : 'order.soldOut', 409, { product, available });
	}
}

export class OrderRepository {
	constructor(private readonly db: Kysely<DB>) {}

	findCheckoutByKey(communityId: string, key: string): Promise<Checkout | undefined> {
		return this.db.selectFrom('checkout').selectAll().where('community_id', '=', communityId).where('idempotency_key', '=', key).executeTakeFirst();
	}

	checkoutById(id: string): Promise<Checkout | undefined> {
		return this.db.selectFrom('checkout').selectAll().where('id', '=', id).executeTakeFirst();
	}

	findCheckoutByCode(code: string): Promise<Checkout | undefined> {
		return this.db.selectFrom('checkout').selectAll().where('code', '=', code).executeTakeFirst();
	}

	async ordersOfCheckout(checkoutId: string): Promise<ShopOrder[]> {
		const rows = await this.db.selectFrom('shop_order').selectAll().where('checkout_id', '=', checkoutId).orderBy('code').execute();
		return rows.map(numbers);
	}

	async items(orderIds: string[]): Promise<OrderItem[]> {
		if (orderIds.length === 0) return [];
		const rows = await this.db.selectFrom('order_item').selectAll().where('order_id', 'in', orderIds).orderBy('name').execute();
		return rows.map((r) => ({ ...r, price: Number(r.price), line_total: Number(r.line_total) }));
	}

	async findOrder(id: string): Promise<ShopOrder | undefined> {
		const row = await this.db.selectFrom('shop_order').selectAll().where('id', '=', id).executeTakeFirst();
		return row && numbers(row);
	}

	async findOrderByCode(code: string): Promise<ShopOrder | undefined> {
		const row = await this.db.selectFrom('shop_order').selectAll().where('code', '=', code).executeTakeFirst();
		return row && numbers(row);
	}

	async findOrders(ids: string[]): Promise<ShopOrder[]> {
		if (ids.length === 0) return [];
		const rows = await this.db.selectFrom('shop_order').selectAll().where('id', 'in', ids).orderBy('code').execute();
		return rows.map(numbers);
	}

	async inbox(shopId: string, limit: number): Promise<ShopOrder[]> {
		const rows = await this.db.selectFrom('shop_order').selectAll().where('shop_id', '=', shopId).orderBy('created_at', 'desc').limit(limit).execute();
		return rows.map(numbers);
	}

	async countNew(shopId: string): Promise<number> {
		const r = await this.db.selectFrom('shop_order').select((eb) => eb.fn.countAll().as('n')).where('shop_id', '=', shopId).where('status', '=', 'baru').executeTakeFirstOrThrow();
		return Number(r.n);
	}

	async codeTaken(code: string): Promise<boolean> {
		const [a, b] = await Promise.all([
			this.db.selectFrom('shop_order').select('id').where('code', '=', code).executeTakeFirst(),
			this.db.selectFrom('checkout').select('id').where('code', '=', code).executeTakeFirst()
		]);
		return !!(a || b);
	}

	/**
	 * Writes a whole checkout atomically. Stock is taken with conditional updates
	 * (`… SET stock = stock - q WHERE id = ? AND stock >= q`); if any line finds too little, the
	 * transaction rolls back and nothing of the checkout exists.
	 */
	async placeCheckout(plan: PlannedCheckout): Promise<void> {
		await this.db.transaction().execute(async (trx) => {
			await trx
				.insertInto('checkout')
				.values({
					id: plan.id,
					code: plan.code,
					token: plan.token,
					community_id: plan.communityId,
					idempotency_key: plan.idempotencyKey,
					request_fingerprint: plan.requestFingerprint,
					buyer_name: plan.buyerName,
					buyer_whatsapp: plan.buyerWhatsapp,
					note: plan.note,
					created_at: plan.at
				})
				.execute();
			for (const order of plan.orders) {
				const subtotal = order.lines.reduce((s, l) => s + l.price * l.quantity, 0);
				await trx
					.insertInto('shop_order')
					.values({
						id: order.id,
						code: order.code,
						checkout_id: plan.id,
						community_id: plan.communityId,
						shop_id: order.shopId,
						status: 'baru',
						delivery: order.delivery,
						address: order.address,
						delivery_fee: order.deliveryFee,
						payment_method: order.paymentMethod,
						note: order.note,
						paid_at: null,
						subtotal,
						total: subtotal + order.deliveryFee,
						item_count: order.lines.reduce((s, l) => s + l.quantity, 0),
						created_at: plan.at,
						updated_at: plan.at
					})
					.execute();
				await trx
					.insertInto('order_item')
					.values(
						order.lines.map((l) => ({
							id: plan.newId('itm'),
							order_id: order.id,
							product_id: l.productId,
							variant_id: l.variantId,
							name: l.name,
							variant_label: l.variantLabel,
							unit: l.unit,
							price: l.price,
							quantity: l.quantity,
							line_total: l.price * l.quantity
						}))
					)
					.execute();
				await trx.insertInto('order_event').values({ id: plan.newId('evt'), order_id: order.id, status: 'baru', by_user_id: null, at: plan.at }).execute();
			}
			// Stock last: taking it locks the product row (and, through the stock-version trigger, the community's), and
			// every other checkout of the community waits for that lock until this commit — so hold it for as short as
			// possible (PostgreSQL load bench: 60 → see docs/scaling.md). In one fixed order, so two carts holding the same
			// products in another order cannot deadlock. Out of stock still rolls everything above back.
			const lines = plan.orders.flatMap((o) => o.lines).sort((a, b) => stockKey(a).localeCompare(stockKey(b)));
			for (const line of lines) await takeStock(trx, line);
		});
	}

	/**
	 * Moves an order to a new status, only from the status it was read in (no lost updates). Reaching `selesai` posts the
	 * order's income to the shop's cash book in the same transaction (once: `order:<id>`), so a completed order and its
	 * income exist together or not at all.
	 */
	async transition(order: ShopOrder, to: OrderStatus, byUserId: string | null, at: string, eventId: string): Promise<boolean> {
		return this.db.transaction().execute(async (trx) => {
			const r = await trx.updateTable('shop_order').set({ status: to, updated_at: at }).where('id', '=', order.id).where('status', '=', order.status).executeTakeFirst();
			if (Number(r.numUpdatedRows) !== 1) return false;
			await trx.insertInto('order_event').values({ id: eventId, order_id: order.id, status: to, by_user_id: byUserId, at }).execute();
			if (to === 'selesai') await postOrderIncome(trx, order, byUserId, at);
			return true;
		});
	}

	/**
	 * Cancels a COMPLETED order (returned, refunded), with the reason kept in its history. Its income entry is reversed in
	 * the same transaction (`order:<id>:batal`, same day as the income), so the book balances to zero for it. Stock goes
	 * back only when the seller says the goods came back whole (`restock`; food usually does not), and then once.
	 */
	async cancelCompleted(order: ShopOrder, byUserId: string | null, at: string, eventId: string, options: { note: string; restock: boolean }): Promise<boolean> {
		return this.db.transaction().execute(async (trx) => {
			let q = trx.updateTable('shop_order').set({ status: 'dibatalkan', updated_at: at, ...(options.restock ? { restocked: 1 } : {}) }).where('id', '=', order.id).where('status', '=', 'selesai');
			if (options.restock) q = q.where('restocked', '=', 0);
			const r = await q.executeTakeFirst();
			if (Number(r.numUpdatedRows) !== 1) return false;
			if (options.restock) await putStockBack(trx, order.id);
			await trx.insertInto('order_event').values({ id: eventId, order_id: order.id, status: 'dibatalkan', note: options.note, by_user_id: byUserId, at }).execute();
			await reverseOrderIncome(trx, order, byUserId, at);
			return true;
		});
	}

	/** Cancels and puts the stock back, exactly once (the `restocked` flag is claimed in the same transaction). */
	async cancel(order: ShopOrder, byUserId: string | null, at: string, eventId: string, options: { note?: string; unpaidOnly?: boolean } = {}): Promise<boolean> {
		return this.db.transaction().execute(async (trx) => {
			let q = trx
				.updateTable('shop_order')
				.set({ status: 'dibatalkan', restocked: 1, updated_at: at })
				.where('id', '=', order.id)
				.where('restocked', '=', 0)
				.where('status', 'not in', ['selesai', 'dibatalkan']);
			if (options.unpaidOnly) q = q.where('paid_at', 'is', null);
			const r = await q.executeTakeFirst();
			if (Number(r.numUpdatedRows) !== 1) return false;
			await putStockBack(trx, order.id);
			await trx.insertInto('order_event').values({ id: eventId, order_id: order.id, status: 'dibatalkan', note: options.note ?? '', by_user_id: byUserId, at }).execute();
			return true;
		});
	}

	/** The reason each cancelled order was cancelled with (its latest "dibatalkan" event's note), by order id. */
	async cancelReasons(orderIds: string[]): Promise<Map<string, string>> {
		const out = new Map<string, string>();
		if (orderIds.length === 0) return out;
		const rows = await this.db.selectFrom('order_event').select(['order_id', 'note', 'at']).where('order_id', 'in', orderIds).where('status', '=', 'dibatalkan').orderBy('at', 'asc').execute();
		for (const r of rows) out.set(r.order_id, r.note ?? '');
		return out;
	}

	/** Marks an unpaid, not cancelled order paid; false when nothing changed (already paid, or cancelled meanwhile). */
	async markPaid(orderId: string, at: string): Promise<boolean> {
		const r = await this.db.updateTable('shop_order').set({ paid_at: at, updated_at: at }).where('id', '=', orderId).where('paid_at', 'is', null).where('status', '!=', 'dibatalkan').executeTakeFirst();
		return Number(r.numUpdatedRows) === 1;
	}

	async setPaymentProof(orderId: string, variantsJson: string, at: string): Promise<void> {
		await this.db.updateTable('shop_order').set({ payment_proof: variantsJson, updated_at: at }).where('id', '=', orderId).execute();
	}

	/** Orders whose receipt still points at public media (`p/…`, stored before receipts were private). */
	ordersWithPublicProof() {
		return this.db.selectFrom('shop_order').select(['id', 'payment_proof', 'updated_at']).where('payment_proof', 'like', '%"p/%').execute();
	}

	/** Whether a product photo or a shop logo uses this public media key (same bytes, same content-addressed key). */
	publicKeyInUse(key: string): Promise<boolean> {
		return publicMediaKeyInUse(this.db, key);
	}

	/** Orders of a community in a time range (not cancelled), for the program's "did sales grow" figures. */
	async ordersBetween(communityId: string, fromIso: string, toIso: string): Promise<ShopOrder[]> {
		const rows = await this.db
			.selectFrom('shop_order')
			.selectAll()
			.where('community_id', '=', communityId)
			.where('created_at', '>=', fromIso)
			.where('created_at', '<', toIso)
			.where('status', '!=', 'dibatalkan')
			.execute();
		return rows.map(numbers);
	}
}

/** Puts an order's quantities back on its variants' or products' stock (made-to-order and untracked stock left alone). */
async function putStockBack(trx: Transaction<DB>, orderId: string): Promise<void> {
	const items = await trx.selectFrom('order_item').selectAll().where('order_id', '=', orderId).execute();
	for (const item of items) {
		if (item.variant_id) {
			const v = await trx.updateTable('product_variant').set((eb) => ({ stock: eb('stock', '+', item.quantity) })).where('id', '=', item.variant_id).where('stock', 'is not', null).executeTakeFirst();
			if (Number(v.numUpdatedRows) === 1) continue;
		}
		await trx.updateTable('product').set((eb) => ({ stock: eb('stock', '+', item.quantity) })).where('id', '=', item.product_id).where('stock', 'is not', null).where('made_to_order', '=', 0).execute();
	}
}

const stockKey = (l: PlannedLine) => `${l.stockFrom}:${l.variantId ?? l.productId}`;

async function takeStock(trx: Transaction<DB>, line: PlannedLine): Promise<void> {
	if (line.stockFrom === 'none') return;
	const r =
		line.stockFrom === 'variant'
			? await trx
					.updateTable('product_variant')
					.set((eb) => ({ stock: eb('stock', '-', line.quantity) }))
					.where('id', '=', line.variantId!)
					.where('stock', '>=', line.quantity)
					.executeTakeFirst()
			: await trx
					.updateTable('product')
					.set((eb) => ({ stock: eb('stock', '-', line.quantity) }))
					.where('id', '=', line.productId)
					.where('stock', '>=', line.quantity)
					.executeTakeFirst();
	if (Number(r.numUpdatedRows) === 1) return;
	const left =
		line.stockFrom === 'variant'
			? await trx.selectFrom('product_variant').select('stock').where('id', '=', line.variantId!).executeTakeFirst()
			: await trx.selectFrom('product').select('stock').where('id', '=', line.productId).executeTakeFirst();
	throw new OutOfStockError(line.variantLabel ? `${line.name} (${line.variantLabel})` : line.name, Number(left?.stock ?? 0));
}

function numbers(r: ShopOrder): ShopOrder {
	return { ...r, delivery_fee: Number(r.delivery_fee), subtotal: Number(r.subtotal), total: Number(r.total) };
}
