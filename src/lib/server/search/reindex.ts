import { sql } from 'kysely';
import type { Database } from '../db';

/**
 * Rebuilds the SQLite search index (FTS5, contentless: FTS5's own 'rebuild' cannot work on it) from the
 * product rows, through the same triggers that keep it current. PostgreSQL keeps its search column
 * itself. Returns how many products are indexed, or null when there is nothing to do.
 */
export async function reindexSearch(database: Database): Promise<number | null> {
	if (database.dialect !== 'sqlite') return null;
	return database.db.transaction().execute(async (trx) => {
		await sql`DELETE FROM product_fts`.execute(trx);
		await sql`UPDATE product SET search_name = search_name || ''`.execute(trx);
		const n = await sql<{ n: number }>`SELECT count(*) AS n FROM product_fts`.execute(trx);
		return Number(n.rows[0]?.n ?? 0);
	});
}
