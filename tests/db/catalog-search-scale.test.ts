import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { generateCatalog } from '../../bench/generate';
import { parseQuery } from '../../src/lib/server/search/indonesian';
import { RANK_LIMIT } from '../../src/lib/server/catalog/product.repository';
import { CatalogService } from '../../src/lib/server/catalog/catalog.service';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

/**
 * With thousands of products SQLite switches query plans (bm25 ranking, direct lookups, index walks).
 * Every plan must give exactly what a brute-force scan in TypeScript gives.
 */
let ctx: TestContext;
let community: Community;
let all: { id: string; name: string; price: number; created_at: string; terms: string[] }[];

beforeAll(async () => {
	ctx = await createTestContext();
	await generateCatalog(ctx.database, 'bulk', RANK_LIMIT + 1500, null);
	community = await ctx.services.communities.getBySlug(PUBLIC_ACTOR, 'bulk');
	const rows = await ctx.database.db.selectFrom('product').select(['id', 'name', 'price', 'created_at', 'search_name', 'search_body', 'search_category']).execute();
	all = rows.map((r) => ({ ...r, price: Number(r.price), terms: `${r.search_name} ${r.search_body} ${r.search_category}`.split(' ') }));
}, 120_000);
afterAll(() => ctx.cleanup());

function bruteForce(q: string) {
	const words = parseQuery(q);
	return all.filter((p) => words.every((w) => p.terms.some((t) => t === w.stem || w.prefixes.some((pre) => t.startsWith(pre)))));
}
const newest = (a: { created_at: string; id: string }, b: { created_at: string; id: string }) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id);

describe(`${CatalogService.name} search at scale (${TEST_DIALECT})`, () => {
	it.each([
		['seblak keju', 'few matches'],
		['keripik', 'hundreds of matches'],
		['gurih', 'many matches']
	])('should sort "%s" (%s) newest first exactly like a full scan', async (q) => {
		const expected = bruteForce(q).sort(newest);
		for (const page of [1, 2]) {
			const result = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, community, { q, sort: 'newest', page, perPage: 24 });
			expect(result.page.total).toBe(expected.length);
			expect(result.items.map((i) => i.id)).toEqual(expected.slice((page - 1) * 24, page * 24).map((p) => p.id));
		}
	});

	it('should sort cheapest first exactly like a full scan', async () => {
		const expected = bruteForce('pedas').sort((a, b) => a.price - b.price || a.id.localeCompare(b.id));
		const result = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, community, { q: 'pedas', sort: 'cheapest', perPage: 50 });
		expect(result.page.total).toBe(expected.length);
		expect(result.items.map((i) => i.id)).toEqual(expected.slice(0, 50).map((p) => p.id));
	});

	it('should rank by relevance when matches are few enough, and list every match exactly once across pages', async () => {
		const expected = bruteForce('keju');
		expect(expected.length).toBeLessThanOrEqual(RANK_LIMIT);
		const seen: string[] = [];
		for (let page = 1; page <= Math.ceil(expected.length / 100); page++) {
			const r = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, community, { q: 'keju', page, perPage: 100 });
			seen.push(...r.items.map((i) => i.id));
		}
		expect(seen.sort()).toEqual(expected.map((p) => p.id).sort());
	});

	it('should fall back to newest first when a word matches more than the ranking limit', async () => {
		const expected = bruteForce('bench').sort(newest);
		expect(expected.length).toBeGreaterThan(RANK_LIMIT);
		const r = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, community, { q: 'bench', perPage: 24 });
		expect(r.page.total).toBe(expected.length);
		expect(r.items.map((i) => i.id)).toEqual(expected.slice(0, 24).map((p) => p.id));
	});
});
