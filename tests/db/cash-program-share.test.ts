import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeSellerActor, makeStaff } from '../helpers/program';
import { digestTables } from '../helpers/routes';
import { postEntry } from '../../src/lib/server/cashbook/post-entry';
import { reportingMonth } from '../../src/lib/server/cashbook/program-figures';
import { measuringPeriod } from '../../src/lib/server/program/order-figures';
import { migrate } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/auth/actor';
import type { CashKind } from '../../src/lib/server/db/schema-cashbook';

/**
 * Issue 11 item 5: with the seller's consent (off by default) the monthly totals of the shop's cash book reach the
 * program's indicators income_monthly / profit_monthly, with the count of shops that share; without it nothing does.
 */
let ctx: TestContext;
let coordinator: Actor;
let programId: string;
let a: { actor: Actor; shopId: string };
let b: { actor: Actor; shopId: string };
let far: { actor: Actor; shopId: string };
// Monday 30 November 2026, 12.00 WIB: the running program's last complete month is October
const NOW = new Date('2026-11-30T05:00:00.000Z');

const post = (shopId: string, kind: CashKind, amount: number, occurredOn: string) =>
	postEntry(ctx.database.db, { shopId, kind, amount, occurredOn, category: kind === 'income' ? 'penjualan' : kind === 'expense' ? 'bahan_baku' : '', method: 'tunai', byUserId: null, at: NOW.toISOString() });

async function cashIndicators() {
	const m = await ctx.services.indicators.measures(coordinator, programId);
	const value = (k: string) => m.indicators.find((i) => i.key === k)?.value;
	return { income: value('income_monthly'), profit: value('profit_monthly'), month: m.cash.month, sharingShops: m.cash.sharingShops };
}

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => NOW });
	const community = await makeCommunity(ctx.services, { slug: 'desa-berbagi-kas' });
	const other = await makeCommunity(ctx.services, { slug: 'desa-lain-kas' });
	coordinator = await makeStaff(ctx.services, community, 'coordinator');
	const otherCoordinator = await makeStaff(ctx.services, other, 'coordinator');
	a = await makeSellerActor(ctx.services, community, coordinator);
	b = await makeSellerActor(ctx.services, community, coordinator);
	far = await makeSellerActor(ctx.services, other, otherCoordinator);
	programId = (await ctx.services.programs.create(coordinator, community, { name: 'Pendampingan UMKM 2026', startsOn: '2026-10-01' })).id;
	await post(a.shopId, 'income', 500_000, '2026-10-03');
	await post(a.shopId, 'expense', 200_000, '2026-10-04');
	await post(a.shopId, 'prive', 100_000, '2026-10-05');
	await post(a.shopId, 'modal', 2_000_000, '2026-10-05');
	await post(a.shopId, 'income', 80_000, '2026-11-02');
	await post(b.shopId, 'income', 900_000, '2026-10-10');
	await post(far.shopId, 'income', 700_000, '2026-10-10');
	await ctx.services.cashReports.setSharing(far.actor, far.shopId, 'on');
}, 60_000);
afterAll(() => ctx.cleanup());

describe(`cash book shared with the program (${TEST_DIALECT})`, () => {
	it('should give a new program both indicators and count nothing while no shop has agreed (off by default)', async () => {
		expect((await ctx.services.cashReports.sharing(a.actor, a.shopId)).shared).toBe(false);
		expect(await cashIndicators()).toEqual({ income: null, profit: null, month: '2026-10', sharingShops: 0 });
	});

	it("should count a consenting shop's monthly income and profit (prive and modal never), and only it", async () => {
		expect(await ctx.services.cashReports.setSharing(a.actor, a.shopId, 'on')).toBe(true);
		// shop B did not agree; the far shop agreed but belongs to another community
		expect(await cashIndicators()).toEqual({ income: 500_000, profit: 300_000, month: '2026-10', sharingShops: 1 });
	});

	it('should drop every month of a shop the moment it turns sharing off', async () => {
		await ctx.services.cashReports.setSharing(a.actor, a.shopId, 'off');
		expect(await cashIndicators()).toEqual({ income: null, profit: null, month: '2026-10', sharingShops: 0 });
		await ctx.services.cashReports.setSharing(b.actor, b.shopId, 'on');
		expect(await cashIndicators()).toEqual({ income: 900_000, profit: 900_000, month: '2026-10', sharingShops: 1 });
		await ctx.services.cashReports.setSharing(b.actor, b.shopId, 'off');
	});

	it('should refuse an unclear choice, a coordinator and another seller, changing nothing', async () => {
		const before = await digestTables(ctx.database);
		await expect(ctx.services.cashReports.setSharing(a.actor, a.shopId, 'maybe')).rejects.toMatchObject({ status: 422, issues: [{ field: 'share', messageKey: 'cashReport.settings.pick' }] });
		await expect(ctx.services.cashReports.setSharing(a.actor, a.shopId, undefined)).rejects.toMatchObject({ status: 422 });
		await expect(ctx.services.cashReports.setSharing(coordinator, a.shopId, 'on')).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.cashReports.setSharing(b.actor, a.shopId, 'on')).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.cashReports.sharing(coordinator, a.shopId)).rejects.toMatchObject({ status: 404 });
		expect(await digestTables(ctx.database)).toEqual(before);
	});

	it('should measure a finished program in its last month, only the days inside it; a running one in its first month so far', () => {
		expect(reportingMonth(measuringPeriod({ starts_on: '2026-01-01', ends_on: '2026-06-15' }, NOW))).toBe('2026-06');
		expect(reportingMonth(measuringPeriod({ starts_on: '2026-11-10', ends_on: null }, NOW))).toBe('2026-11');
		expect(reportingMonth(measuringPeriod({ starts_on: null, ends_on: null }, NOW))).toBe('2026-10');
		expect(reportingMonth(measuringPeriod({ starts_on: '2026-12-01', ends_on: null }, NOW))).toBeNull();
	});

	it('should count only the days of the month inside a finished program', async () => {
		await ctx.services.cashReports.setSharing(a.actor, a.shopId, 'on');
		await ctx.database.db.updateTable('program').set({ starts_on: '2026-09-01', ends_on: '2026-10-03' }).where('id', '=', programId).execute();
		// the expense of 4 October is after the program's end
		expect(await cashIndicators()).toEqual({ income: 500_000, profit: 500_000, month: '2026-10', sharingShops: 1 });
		await ctx.database.db.updateTable('program').set({ starts_on: '2026-10-01', ends_on: null }).where('id', '=', programId).execute();
	});
});

describe(`migration 0020-cashbook-3 (${TEST_DIALECT})`, () => {
	it('should give a program made before it the two cash-book indicators, after its others', async () => {
		const old = await createTestContext({ migrateTo: '0018-cashbook' });
		try {
			const community = await makeCommunity(old.services, { slug: 'desa-lama-kas' });
			const db = old.database.db;
			const at = NOW.toISOString();
			await db.insertInto('program').values({ id: 'prg_lama', community_id: community.id, name: 'Program lama', theme: '', goals: '', target_group: '', starts_on: null, ends_on: null, created_at: at, updated_at: at }).execute();
			await db.insertInto('program_indicator').values({ id: 'ind_lama', program_id: 'prg_lama', key: 'members', label: 'Anggota', unit: 'orang', source: 'auto', metric: 'members', position: 7, created_at: at, updated_at: at }).execute();
			await migrate(old.database);
			const rows = await db.selectFrom('program_indicator').select(['key', 'metric', 'source', 'position']).where('program_id', '=', 'prg_lama').orderBy('position').execute();
			expect(rows.map((r) => [r.key, r.metric, r.source, Number(r.position)])).toEqual([
				['members', 'members', 'auto', 7],
				['income_monthly', 'income_monthly', 'auto', 8],
				['profit_monthly', 'profit_monthly', 'auto', 9],
				['shops_on_shopee', 'shops_on_shopee', 'auto', 10],
				['visitors_30d', 'visitors_30d', 'auto', 11]
			]);
		} finally {
			await old.cleanup();
		}
	});
});
