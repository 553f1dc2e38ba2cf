import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { VisitEventTable, VisitSource } from '../db/schema-reach';

/** Views of one scope on one day from one source, added to the day's totals. */
export interface ViewIncrement {
	day: string;
	scopeId: string;
	source: VisitSource;
	communityId: string;
	shopId: string | null;
	productId: string | null;
	views: number;
}

/** A visitor seen in a scope on a day; counted as a visitor (of `source`) only when the hash is new there today. */
export interface VisitorCandidate {
	day: string;
	scopeId: string;
	hash: string;
	source: VisitSource;
}

export interface EventIncrement {
	day: string;
	shopId: string;
	communityId: string;
	kind: VisitEventTable['kind'];
	count: number;
}

export interface DayTotals {
	day: string;
	views: number;
	visitors: number;
}

const CHUNK = 300;

function chunks<T>(rows: T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
	return out;
}

/** Daily visit totals, the day's visitor hashes and event counts. SQL only: what is counted is VisitService's rule. */
export class VisitRepository {
	constructor(private readonly db: Kysely<DB>) {}

	async communityIdsBySlug(slugs: string[]): Promise<Map<string, string>> {
		if (!slugs.length) return new Map();
		const rows = await this.db.selectFrom('community').select(['id', 'slug']).where('slug', 'in', slugs).execute();
		return new Map(rows.map((r) => [r.slug, r.id]));
	}

	/** Shops by (community id, slug). */
	async shopsBySlug(communityIds: string[], slugs: string[]): Promise<{ id: string; slug: string; community_id: string }[]> {
		if (!communityIds.length || !slugs.length) return [];
		return this.db.selectFrom('shop').select(['id', 'slug', 'community_id']).where('community_id', 'in', communityIds).where('slug', 'in', slugs).execute();
	}

	/** Products by (shop id, slug). */
	async productsBySlug(shopIds: string[], slugs: string[]): Promise<{ id: string; slug: string; shop_id: string }[]> {
		if (!shopIds.length || !slugs.length) return [];
		return this.db.selectFrom('product').select(['id', 'slug', 'shop_id']).where('shop_id', 'in', shopIds).where('slug', 'in', slugs).execute();
	}

	async productsById(ids: string[]): Promise<{ id: string; shop_id: string; community_id: string }[]> {
		if (!ids.length) return [];
		return this.db.selectFrom('product').select(['id', 'shop_id', 'community_id']).where('id', 'in', ids).execute();
	}

	async shopsById(ids: string[]): Promise<{ id: string; community_id: string }[]> {
		if (!ids.length) return [];
		return this.db.selectFrom('shop').select(['id', 'community_id']).where('id', 'in', ids).execute();
	}

	/**
	 * One batch in one transaction: the visitor hashes not yet seen today are stored and each counts one visitor of
	 * its source (the same hash again is ignored), then the views, visitors and events are added to the day's rows.
	 */
	async saveBatch(views: ViewIncrement[], candidates: VisitorCandidate[], events: EventIncrement[]): Promise<void> {
		await this.db.transaction().execute(async (trx) => {
			const newVisitors = new Map<string, number>();
			for (const part of chunks(candidates)) {
				const inserted = await trx
					.insertInto('visit_unique')
					.values(part.map((c) => ({ day: c.day, scope_id: c.scopeId, visitor_hash: c.hash })))
					.onConflict((oc) => oc.columns(['day', 'scope_id', 'visitor_hash']).doNothing())
					.returning(['day', 'scope_id', 'visitor_hash'])
					.execute();
				const bySeen = new Map(part.map((c) => [`${c.day}|${c.scopeId}|${c.hash}`, c.source]));
				for (const r of inserted) {
					const source = bySeen.get(`${r.day}|${r.scope_id}|${r.visitor_hash}`);
					if (!source) continue;
					const key = `${r.day}|${r.scope_id}|${source}`;
					newVisitors.set(key, (newVisitors.get(key) ?? 0) + 1);
				}
			}
			const rows = views.map((v) => ({
				day: v.day,
				scope_id: v.scopeId,
				source: v.source,
				community_id: v.communityId,
				shop_id: v.shopId,
				product_id: v.productId,
				views: v.views,
				visitors: newVisitors.get(`${v.day}|${v.scopeId}|${v.source}`) ?? 0
			}));
			for (const part of chunks(rows)) {
				await trx
					.insertInto('visit_daily')
					.values(part)
					.onConflict((oc) =>
						oc.columns(['day', 'scope_id', 'source']).doUpdateSet((eb) => ({
							views: sql<number>`${eb.ref('visit_daily.views')} + ${eb.ref('excluded.views')}`,
							visitors: sql<number>`${eb.ref('visit_daily.visitors')} + ${eb.ref('excluded.visitors')}`
						}))
					)
					.execute();
			}
			for (const part of chunks(events.map((e) => ({ day: e.day, shop_id: e.shopId, community_id: e.communityId, kind: e.kind, count: e.count })))) {
				await trx
					.insertInto('visit_event')
					.values(part)
					.onConflict((oc) => oc.columns(['day', 'shop_id', 'kind']).doUpdateSet((eb) => ({ count: sql<number>`${eb.ref('visit_event.count')} + ${eb.ref('excluded.count')}` })))
					.execute();
			}
		});
	}

	/** Drops the visitor hashes of days before `day` (their visitors are already in the daily totals). */
	async deleteHashesBefore(day: string): Promise<void> {
		await this.db.deleteFrom('visit_unique').where('day', '<', day).execute();
	}

	/** Views and visitors per day of a scope (a community's, shop's or product's id), days without visits left out. */
	/**
	 * When this installation began counting visits: the time the visits migration ran (Kysely's own record), or null
	 * when it cannot be read. Days before it were never counted, which is not the same as nobody coming.
	 */
	async countingStarted(): Promise<string | null> {
		try {
			const r = await sql<{ timestamp: string }>`select timestamp from kysely_migration where name = ${'0030-visits'}`.execute(this.db);
			return r.rows[0]?.timestamp ?? null;
		} catch {
			return null;
		}
	}

	async totalsByDay(scopeId: string, fromDay: string, toDay: string): Promise<DayTotals[]> {
		const rows = await this.db
			.selectFrom('visit_daily')
			.where('scope_id', '=', scopeId)
			.where('day', '>=', fromDay)
			.where('day', '<=', toDay)
			.select((eb) => ['day', eb.fn.sum<number>('views').as('views'), eb.fn.sum<number>('visitors').as('visitors')])
			.groupBy('day')
			.execute();
		return rows.map((r) => ({ day: r.day, views: Number(r.views), visitors: Number(r.visitors) }));
	}

	/** Visitors of a scope per source over the days. */
	async visitorsBySource(scopeId: string, fromDay: string, toDay: string): Promise<{ source: VisitSource; visitors: number }[]> {
		const rows = await this.db
			.selectFrom('visit_daily')
			.where('scope_id', '=', scopeId)
			.where('day', '>=', fromDay)
			.where('day', '<=', toDay)
			.select((eb) => ['source', eb.fn.sum<number>('visitors').as('visitors')])
			.groupBy('source')
			.execute();
		return rows.map((r) => ({ source: r.source, visitors: Number(r.visitors) }));
	}

	/** WhatsApp clicks and add-to-cart per day, of one shop or of every shop of a community. */
	async eventsByDay(where: { shopId: string } | { communityId: string }, fromDay: string, toDay: string): Promise<{ day: string; kind: VisitEventTable['kind']; count: number }[]> {
		const rows = await this.db
			.selectFrom('visit_event')
			.$if('shopId' in where, (q) => q.where('shop_id', '=', (where as { shopId: string }).shopId))
			.$if('communityId' in where, (q) => q.where('community_id', '=', (where as { communityId: string }).communityId))
			.where('day', '>=', fromDay)
			.where('day', '<=', toDay)
			.select((eb) => ['day', 'kind', eb.fn.sum<number>('count').as('count')])
			.groupBy(['day', 'kind'])
			.execute();
		return rows.map((r) => ({ day: r.day, kind: r.kind, count: Number(r.count) }));
	}

	/** When each order of a shop (or of a community's shops) was placed, between two instants. */
	async orderTimes(where: { shopId: string } | { communityId: string }, fromIso: string, toIso: string): Promise<{ shopId: string; createdAt: string }[]> {
		const rows = await this.db
			.selectFrom('shop_order')
			.$if('shopId' in where, (q) => q.where('shop_id', '=', (where as { shopId: string }).shopId))
			.$if('communityId' in where, (q) => q.where('community_id', '=', (where as { communityId: string }).communityId))
			.where('created_at', '>=', fromIso)
			.where('created_at', '<', toIso)
			.select(['shop_id', 'created_at'])
			.execute();
		return rows.map((r) => ({ shopId: r.shop_id, createdAt: r.created_at }));
	}

	/** A shop's most viewed products over the days, with their names. */
	async topProducts(shopId: string, fromDay: string, toDay: string, limit: number): Promise<{ productId: string; name: string; views: number; visitors: number }[]> {
		const rows = await this.db
			.selectFrom('visit_daily')
			.innerJoin('product', 'product.id', 'visit_daily.product_id')
			.where('visit_daily.shop_id', '=', shopId)
			.where('visit_daily.scope_id', '=', sql<string>`visit_daily.product_id`)
			.where('visit_daily.day', '>=', fromDay)
			.where('visit_daily.day', '<=', toDay)
			.select((eb) => ['product.id', 'product.name', eb.fn.sum<number>('visit_daily.views').as('views'), eb.fn.sum<number>('visit_daily.visitors').as('visitors')])
			.groupBy(['product.id', 'product.name'])
			.orderBy('views', 'desc')
			.orderBy('product.name')
			.limit(limit)
			.execute();
		return rows.map((r) => ({ productId: r.id, name: r.name, views: Number(r.views), visitors: Number(r.visitors) }));
	}

	/** Views and visitors of every shop of a community over the days (shop scopes only). */
	async shopTotals(communityId: string, fromDay: string, toDay: string): Promise<{ shopId: string; views: number; visitors: number }[]> {
		const rows = await this.db
			.selectFrom('visit_daily')
			.where('community_id', '=', communityId)
			.where('scope_id', '=', sql<string>`shop_id`)
			.where('day', '>=', fromDay)
			.where('day', '<=', toDay)
			.select((eb) => ['shop_id', eb.fn.sum<number>('views').as('views'), eb.fn.sum<number>('visitors').as('visitors')])
			.groupBy('shop_id')
			.execute();
		return rows.map((r) => ({ shopId: r.shop_id!, views: Number(r.views), visitors: Number(r.visitors) }));
	}

	/** WhatsApp clicks and add-to-cart of every shop of a community over the days. */
	async shopEvents(communityId: string, fromDay: string, toDay: string): Promise<{ shopId: string; kind: VisitEventTable['kind']; count: number }[]> {
		const rows = await this.db
			.selectFrom('visit_event')
			.where('community_id', '=', communityId)
			.where('day', '>=', fromDay)
			.where('day', '<=', toDay)
			.select((eb) => ['shop_id', 'kind', eb.fn.sum<number>('count').as('count')])
			.groupBy(['shop_id', 'kind'])
			.execute();
		return rows.map((r) => ({ shopId: r.shop_id, kind: r.kind, count: Number(r.count) }));
	}

	/** The first day each shop of a community had a visitor (the program funnel's `first_visitor`). */
	async firstVisitorDays(communityId: string): Promise<Map<string, string>> {
		const rows = await this.db
			.selectFrom('visit_daily')
			.where('community_id', '=', communityId)
			.where('scope_id', '=', sql<string>`shop_id`)
			.where('visitors', '>', 0)
			.select((eb) => ['shop_id', eb.fn.min<string>('day').as('first_day')])
			.groupBy('shop_id')
			.execute();
		return new Map(rows.map((r) => [r.shop_id!, r.first_day]));
	}
}
