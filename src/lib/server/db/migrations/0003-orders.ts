import { sql, type Kysely, type Migration } from 'kysely';

/** Checkouts, one order per shop, their lines (copies of names and prices) and status history. */
export function ordersMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('checkout')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('code', 'text', (c) => c.notNull().unique())
				.addColumn('token', 'text', (c) => c.notNull())
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
				.addColumn('idempotency_key', 'text', (c) => c.notNull())
				.addColumn('buyer_name', 'text', (c) => c.notNull())
				.addColumn('buyer_whatsapp', 'text', (c) => c.notNull())
				.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addUniqueConstraint('checkout_idempotency_uq', ['community_id', 'idempotency_key'])
				.execute();

			await db.schema
				.createTable('shop_order')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('code', 'text', (c) => c.notNull().unique())
				.addColumn('checkout_id', 'text', (c) => c.notNull().references('checkout.id'))
				.addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
				.addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id'))
				.addColumn('status', 'text', (c) =>
					c.notNull().check(sql`status in ('baru', 'dikonfirmasi', 'disiapkan', 'dikirim', 'siap_diambil', 'selesai', 'dibatalkan')`)
				)
				.addColumn('delivery', 'text', (c) => c.notNull().check(sql`delivery in ('pickup', 'local', 'courier')`))
				.addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('delivery_fee', 'bigint', (c) => c.notNull())
				.addColumn('payment_method', 'text', (c) => c.notNull().check(sql`payment_method in ('cod', 'transfer', 'qris')`))
				.addColumn('paid_at', 'text')
				.addColumn('payment_proof', 'text')
				.addColumn('subtotal', 'bigint', (c) => c.notNull())
				.addColumn('total', 'bigint', (c) => c.notNull())
				.addColumn('item_count', 'integer', (c) => c.notNull())
				.addColumn('restocked', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('shop_order_inbox_idx').on('shop_order').columns(['shop_id', 'status', 'created_at']).execute();
			await db.schema.createIndex('shop_order_day_idx').on('shop_order').columns(['community_id', 'created_at']).execute();
			await db.schema.createIndex('shop_order_checkout_idx').on('shop_order').column('checkout_id').execute();

			await db.schema
				.createTable('order_item')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('order_id', 'text', (c) => c.notNull().references('shop_order.id'))
				.addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
				.addColumn('variant_id', 'text')
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('variant_label', 'text')
				.addColumn('unit', 'text', (c) => c.notNull())
				.addColumn('price', 'bigint', (c) => c.notNull())
				.addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
				.addColumn('line_total', 'bigint', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('order_item_order_idx').on('order_item').column('order_id').execute();

			await db.schema
				.createTable('order_event')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('order_id', 'text', (c) => c.notNull().references('shop_order.id'))
				.addColumn('status', 'text', (c) => c.notNull())
				.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('by_user_id', 'text')
				.addColumn('at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('order_event_order_idx').on('order_event').columns(['order_id', 'at']).execute();
		}
	};
}
