import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, makeShop } from '../helpers/factories';
import { VisitService } from '../../src/lib/server/visits/visit.service';
import { VisitRepository } from '../../src/lib/server/visits/visit.repository';
import type { Community, Shop } from '../../src/lib/server/db/schema';

/**
 * docs/scaling.md: with WEB_CONCURRENCY > 1 a visitor's requests land on several workers. Their visit counters share
 * the database; the daily visitor salt must be shared too, or one person is counted once per worker.
 */

let ctx: TestContext;
let community: Community;
let shop: Shop;
const now = new Date('2026-12-01T03:00:00Z');
const phone = { address: '198.51.100.23', userAgent: 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36' };

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'dua-proses' });
	shop = await makeShop(ctx.services, community);
});
afterAll(() => ctx.cleanup());

/** Two workers' visit counters on the one database. */
function workers(seedA: Buffer | null, seedB: Buffer | null) {
	const repo = new VisitRepository(ctx.database.db);
	return [new VisitService(repo, () => now, true, seedA), new VisitService(repo, () => now, true, seedB)];
}

async function shopDay() {
	const rows = await ctx.database.db.selectFrom('visit_daily').selectAll().where('scope_id', '=', shop.id).execute();
	return { views: rows.reduce((n, r) => n + Number(r.views), 0), visitors: rows.reduce((n, r) => n + Number(r.visitors), 0) };
}

describe(`${VisitService.name} in several processes (${TEST_DIALECT})`, () => {
	it('should count one visitor once when two workers of one cluster (same seed) each see them', async () => {
		const seed = randomBytes(32);
		const [a, b] = workers(seed, seed);
		const before = await shopDay();
		for (const w of [a, b, a]) w.recordView({ ...phone, page: { community: community.slug, shop: shop.slug, product: null }, source: null, ownShopIds: [] });
		await a.flush();
		await b.flush();
		expect(await shopDay()).toEqual({ views: before.views + 3, visitors: before.visitors + 1 });
	});

	it('should (as before the fix) count them once per process when each has its own salt: why the cluster shares a seed', async () => {
		const [a, b] = workers(null, null);
		const other = { ...phone, address: '198.51.100.99' };
		const before = await shopDay();
		for (const w of [a, b]) w.recordView({ ...other, page: { community: community.slug, shop: shop.slug, product: null }, source: null, ownShopIds: [] });
		await a.flush();
		await b.flush();
		expect(await shopDay()).toEqual({ views: before.views + 2, visitors: before.visitors + 2 });
	});
});
