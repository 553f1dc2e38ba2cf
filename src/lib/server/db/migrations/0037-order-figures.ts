import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../schema';

/** Orders placed (not cancelled) and completed turnover a shop_order row adds, as SQL over NEW/OLD (or new/old). */
const placed = (row: string) => `CASE WHEN ${row}.status <> 'dibatalkan' THEN 1 ELSE 0 END`;
const turnover = (row: string) => `CASE WHEN ${row}.status = 'selesai' THEN ${row}.total ELSE 0 END`;

/**
 * The admin's comparison of communities without scanning every order (bench/scale.ts: 0.4–0.75 s for 1.8 M orders,
 * one more such scan per year of orders; docs/scaling.md). All-time figures per community are kept in
 * `community_order_figures`; triggers on `shop_order` append what each insert, status/total change or delete adds or
 * takes away to `order_figure_delta` — append-only, so a checkout locks no shared row and two checkouts never wait on
 * each other for it — and the admin's read folds the deltas in (AdminRepository.orderFigures). Filled from the
 * orders already there (PostgreSQL: with writes to shop_order held meanwhile, so none is missed or counted twice).
 */
export function orderFiguresMigration(dialect: Dialect): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('community_order_figures')
				.addColumn('community_id', 'text', (c) => c.primaryKey().references('community.id').onDelete('cascade'))
				.addColumn('placed', 'bigint', (c) => c.notNull().defaultTo(0))
				.addColumn('turnover', 'bigint', (c) => c.notNull().defaultTo(0))
				.execute();
			await db.schema
				.createTable('order_figure_delta')
				.addColumn('community_id', 'text', (c) => c.notNull())
				.addColumn('placed', 'integer', (c) => c.notNull())
				.addColumn('turnover', 'bigint', (c) => c.notNull())
				.execute();
			const delta = (row: string, sign: string) => `INSERT INTO order_figure_delta (community_id, placed, turnover) VALUES (${row}.community_id, ${sign}(${placed(row)}), ${sign}(${turnover(row)}));`;
			if (dialect === 'sqlite') {
				await sql.raw(`CREATE TRIGGER shop_order_figures_ai AFTER INSERT ON shop_order BEGIN ${delta('new', '')} END`).execute(db);
				await sql.raw(`CREATE TRIGGER shop_order_figures_au AFTER UPDATE OF status, total, community_id ON shop_order
					WHEN old.status IS NOT new.status OR old.total IS NOT new.total OR old.community_id IS NOT new.community_id
					BEGIN ${delta('old', '-')} ${delta('new', '')} END`).execute(db);
				await sql.raw(`CREATE TRIGGER shop_order_figures_ad AFTER DELETE ON shop_order BEGIN ${delta('old', '-')} END`).execute(db);
			} else {
				await sql.raw(`LOCK TABLE shop_order IN SHARE MODE`).execute(db);
				await sql.raw(`CREATE FUNCTION ecrav_order_figure_delta() RETURNS trigger LANGUAGE plpgsql AS $$
					BEGIN
						IF TG_OP <> 'INSERT' THEN ${delta('OLD', '-')} END IF;
						IF TG_OP <> 'DELETE' THEN ${delta('NEW', '')} END IF;
						RETURN NULL;
					END $$`).execute(db);
				await sql.raw(`CREATE TRIGGER shop_order_figures_id AFTER INSERT OR DELETE ON shop_order FOR EACH ROW EXECUTE FUNCTION ecrav_order_figure_delta()`).execute(db);
				await sql.raw(`CREATE TRIGGER shop_order_figures_u AFTER UPDATE OF status, total, community_id ON shop_order FOR EACH ROW
					WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.total IS DISTINCT FROM NEW.total OR OLD.community_id IS DISTINCT FROM NEW.community_id)
					EXECUTE FUNCTION ecrav_order_figure_delta()`).execute(db);
			}
			await sql.raw(`INSERT INTO community_order_figures (community_id, placed, turnover)
				SELECT community_id, sum(${placed('o')}), sum(${turnover('o')}) FROM shop_order o GROUP BY community_id`).execute(db);
		}
	};
}
