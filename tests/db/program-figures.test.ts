import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { seedDemoCommunity } from '../../src/lib/server/demo/seed';
import { PUBLIC_ACTOR, type Actor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

// 3 December 2024, 10.00 WIB: inside the demo program's field period (28 Oct – 6 Dec 2024)
const NOW = new Date('2024-12-03T03:00:00Z');
let ctx: TestContext;
let cigadung: Community;
let coordinator: Actor;
let demoProgramId: string;

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => NOW });
	await seedDemoCommunity(ctx.services, { photos: false });
	cigadung = await ctx.services.communities.getBySlug(PUBLIC_ACTOR, 'cigadung');
	const token = (await ctx.services.auth.login({ login: 'koordinator@cigadung.test', password: 'demo-cigadung-2024' }, { address: 't', kind: 'cookie' })).token;
	coordinator = (await ctx.services.auth.actorForToken(token, 'cookie'))!.actor;
	demoProgramId = (await ctx.services.programs.listByCommunity(coordinator, cigadung))[0].id;
}, 120_000);
afterAll(() => ctx.cleanup());

/** The standard indicators' values as the API, the dashboard and the report read them. */
async function indicatorValues(programId: string): Promise<Record<string, number | null>> {
	return Object.fromEntries((await ctx.services.indicators.list(coordinator, programId)).filter((i) => i.standard).map((i) => [i.key, i.value]));
}

describe(`shops ready = the funnel's "profil toko lengkap" (${TEST_DIALECT})`, () => {
	it('should give the funnel count for the demo program on the indicators, the dashboard and the report', async () => {
		const funnel = await ctx.services.funnel.forProgram(coordinator, demoProgramId);
		const values = await indicatorValues(demoProgramId);
		expect(values.shops_ready).toBe(funnel.reached.profile);
		expect(values.members).toBe(funnel.members.length);
		expect(values.accounts_set_up).toBe(funnel.reached.account);
		expect(values.shops_selling).toBe(funnel.reached.first_product);
		expect((await ctx.services.indicators.dashboard(coordinator, demoProgramId)).metrics.shops_ready).toBe(funnel.reached.profile);
		const report = await ctx.services.reports.build(coordinator, demoProgramId);
		expect(report.indicators.find((i) => i.key === 'shops_ready')?.value).toBe(funnel.reached.profile);
		expect(report.adoption.reached.profile).toBe(funnel.reached.profile);
	});

	it('should follow the funnel when a shop completes its profile and when another drops out of it', async () => {
		const before = await ctx.services.funnel.forProgram(coordinator, demoProgramId);
		const db = ctx.database.db;
		// finish one shop's profile: every checklist item but the products
		const shop = await db.selectFrom('shop').selectAll().where('community_id', '=', cigadung.id).orderBy('slug').executeTakeFirstOrThrow();
		await db
			.updateTable('shop')
			.set({ logo: 'logo/demo.webp', story: 'Dibuat sendiri di rumah sejak 2019.', area: 'RW 06', pickup_point: 'Warung Bu RT', opening_hours: 'Setiap hari 08.00–17.00', onboarding_step: 8, delivery: JSON.stringify({ pickup: true, local: { fee: 5000 }, courier: false }), payment: JSON.stringify({ cod: true, transfer: null, qris: null }) })
			.where('id', '=', shop.id)
			.execute();
		const completed = await ctx.services.funnel.forProgram(coordinator, demoProgramId);
		expect(completed.reached.profile).toBeGreaterThanOrEqual(1);
		expect((await indicatorValues(demoProgramId)).shops_ready).toBe(completed.reached.profile);

		// the same shop loses its story: it is no longer ready, in both
		await db.updateTable('shop').set({ story: '' }).where('id', '=', shop.id).execute();
		const dropped = await ctx.services.funnel.forProgram(coordinator, demoProgramId);
		expect(dropped.reached.profile).toBe(completed.reached.profile - 1);
		expect((await indicatorValues(demoProgramId)).shops_ready).toBe(dropped.reached.profile);
		expect(before.reached.profile).toBe(dropped.reached.profile);
	});
});
