import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The seller's cash book (issue 11): an append-only ledger (corrections are reversing entries), the shop's own
 * categories, receivables and payables with their payments, and the consent setting. See schema-cashbook.ts.
 */
export function cashbookMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('cash_category')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id').onDelete('cascade'))
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('income', 'expense')`))
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('name_key', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addUniqueConstraint('cash_category_name_key', ['shop_id', 'kind', 'name_key'])
				.execute();

			await db.schema
				.createTable('cash_entry')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id').onDelete('cascade'))
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('income', 'expense', 'prive', 'modal')`))
				.addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount <> 0`))
				.addColumn('occurred_on', 'text', (c) => c.notNull())
				.addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('tunai', 'transfer', 'qris')`))
				.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('photo_key', 'text')
				.addColumn('reverses_id', 'text', (c) => c.unique().references('cash_entry.id'))
				.addColumn('source_ref', 'text', (c) => c.unique())
				.addColumn('order_id', 'text', (c) => c.references('shop_order.id'))
				.addColumn('created_by', 'text', (c) => c.references('app_user.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('cash_entry_shop_day_idx').on('cash_entry').columns(['shop_id', 'occurred_on']).execute();

			await db.schema
				.createTable('cash_debt')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id').onDelete('cascade'))
				.addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('receivable', 'payable')`))
				.addColumn('party_name', 'text', (c) => c.notNull())
				.addColumn('party_whatsapp', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
				.addColumn('paid', 'bigint', (c) => c.notNull().defaultTo(0))
				.addColumn('due_on', 'text')
				.addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('cancelled_at', 'text')
				.addColumn('cancel_reason', 'text')
				.addColumn('created_by', 'text', (c) => c.references('app_user.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addCheckConstraint('cash_debt_paid_check', sql`paid >= 0 and paid <= amount`)
				.execute();
			await db.schema.createIndex('cash_debt_shop_idx').on('cash_debt').columns(['shop_id', 'direction', 'due_on']).execute();

			await db.schema
				.createTable('cash_debt_payment')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('debt_id', 'text', (c) => c.notNull().references('cash_debt.id').onDelete('cascade'))
				.addColumn('shop_id', 'text', (c) => c.notNull().references('shop.id').onDelete('cascade'))
				.addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
				.addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('tunai', 'transfer', 'qris')`))
				.addColumn('paid_on', 'text', (c) => c.notNull())
				.addColumn('entry_id', 'text', (c) => c.notNull().references('cash_entry.id'))
				.addColumn('created_by', 'text', (c) => c.references('app_user.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('cash_debt_payment_debt_idx').on('cash_debt_payment').columns(['debt_id']).execute();

			await db.schema
				.createTable('cash_setting')
				.addColumn('shop_id', 'text', (c) => c.primaryKey().references('shop.id').onDelete('cascade'))
				.addColumn('share_with_program', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.addColumn('updated_by', 'text', (c) => c.references('app_user.id'))
				.execute();
		}
	};
}
