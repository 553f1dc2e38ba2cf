import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, makeProduct } from '../helpers/factories';
import { makeStaff } from '../helpers/program';
import { makeMember } from '../helpers/program-fixtures';
import type { Actor } from '../../src/lib/server/auth/actor';
import type { Community, Shop } from '../../src/lib/server/db/schema';

/**
 * A finished program's member, shop and product figures are measured at its end (as its orders already are):
 * a shop that joined or a product published after the last day is not the program's result. One measure feeds
 * the indicators API, the dashboard and the report, so all three must say the same.
 */
// 15 January 2026, 10.00 WIB: a year after the program below ended
let now = new Date('2026-01-15T03:00:00Z');
let ctx: TestContext;
let village: Community;
let coord: Actor;

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	village = await makeCommunity(ctx.services);
	coord = await makeStaff(ctx.services, village, 'coordinator');
}, 120_000);
afterAll(() => ctx.cleanup());

/** A member whose shop was listed at `joinedAt`, with one product published at `publishedAt`. */
async function memberWithProduct(name: string, joinedAt: string, publishedAt: string) {
	const { memberId, shopId } = await makeMember(ctx.services, ctx.database.db, village, name);
	const shop = (await ctx.database.db.selectFrom('shop').selectAll().where('id', '=', shopId).executeTakeFirstOrThrow()) as unknown as Shop;
	const product = await makeProduct(ctx.services, shop, { name: `Keripik ${name}` });
	// the moments are the point here: straight into the tables
	await ctx.database.db.updateTable('shop').set({ created_at: joinedAt, updated_at: joinedAt }).where('id', '=', shopId).execute();
	await ctx.database.db.updateTable('member').set({ created_at: joinedAt }).where('id', '=', memberId).execute();
	await ctx.database.db.updateTable('product').set({ published_at: publishedAt, updated_at: publishedAt }).where('id', '=', product.id).execute();
	return { memberId, shopId, productId: product.id };
}

const standard = (list: { key: string; value: number | null; standard: boolean }[]) => Object.fromEntries(list.filter((i) => i.standard).map((i) => [i.key, i.value]));

describe(`a finished program's indicators are measured at its end (${TEST_DIALECT})`, () => {
	it('should leave out a shop that joined and a product published after the last day, on the API, the dashboard and the report alike', async () => {
		const finished = await ctx.services.programs.create(coord, village, { name: 'Program 2024', startsOn: '2024-11-01', endsOn: '2024-12-31' });
		const running = await ctx.services.programs.create(coord, village, { name: 'Program 2026', startsOn: '2026-01-01', endsOn: '2026-06-30' });
		// Ibu Ani joined and published in the program; Ibu Bela joined in the program, published after it;
		// Ibu Cici joined and published a year later
		await memberWithProduct('Ibu Ani', '2024-11-05T02:00:00.000Z', '2024-11-20T02:00:00.000Z');
		await memberWithProduct('Ibu Bela', '2024-12-10T02:00:00.000Z', '2025-02-01T02:00:00.000Z');
		// the last minute of 31 December 2024 WIB is still inside; 00.00 WIB on 1 January is not
		await memberWithProduct('Ibu Cici', '2024-12-31T17:00:00.000Z', '2026-01-10T02:00:00.000Z');

		const api = standard(await ctx.services.indicators.list(coord, finished.id));
		expect(api).toMatchObject({ members: 2, products_published: 1, shops_selling: 1 });

		const dashboard = await ctx.services.indicators.dashboard(coord, finished.id);
		expect(standard(dashboard.indicators)).toEqual(api);
		expect(dashboard.metrics).toMatchObject({ members: 2, products_published: 1, shops_selling: 1 });
		// the monthly table's last month says the same as the indicators
		expect(dashboard.months.at(-1)).toMatchObject({ month: '2024-12', members: 2, productsPublished: 1 });
		expect(dashboard.measuredAt).toBe('2024-12-31');

		const report = await ctx.services.reports.build(coord, finished.id);
		expect(Object.fromEntries(report.indicators.filter((i) => ['members', 'products_published', 'shops_selling'].includes(i.key)).map((i) => [i.key, i.value]))).toEqual({ members: 2, products_published: 1, shops_selling: 1 });
		expect(report.adoption.members).toBe(2);

		// a running program counts today's rows: a product published a second ago counts
		const live = standard(await ctx.services.indicators.list(coord, running.id));
		expect(live).toMatchObject({ members: 3, products_published: 3, shops_selling: 3 });
		expect((await ctx.services.indicators.dashboard(coord, running.id)).measuredAt).toBeNull();
		now = new Date('2026-01-15T03:00:01Z');
		await memberWithProduct('Ibu Dini', '2026-01-15T03:00:00.000Z', '2026-01-15T03:00:00.500Z');
		expect(standard(await ctx.services.indicators.list(coord, running.id))).toMatchObject({ members: 4, products_published: 4 });
		// ...and still not in the finished one
		expect(standard(await ctx.services.indicators.list(coord, finished.id))).toMatchObject({ members: 2, products_published: 1 });
	});
});
