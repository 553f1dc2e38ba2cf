import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, makeShop, system } from '../helpers/factories';
import { seedDemoCommunity } from '../../src/lib/server/demo/seed';
import { backfillMembers } from '../../src/lib/server/members/member-backfill';
import { newId } from '../../src/lib/utils/ids';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import demo from '../../src/lib/server/demo/cigadung.json';

let ctx: TestContext;
beforeAll(async () => {
	ctx = await createTestContext();
});
afterAll(() => ctx.cleanup());

const membersOf = (communityId: string) => ctx.database.db.selectFrom('member').selectAll().where('community_id', '=', communityId).orderBy('created_at').execute();

describe(`member rows (${TEST_DIALECT})`, () => {
	it('should give a shop created by the system its member row, named after the shop when nobody is known', async () => {
		const c = await makeCommunity(ctx.services);
		const shop = await makeShop(ctx.services, c, 'Basreng AS');
		const rows = await membersOf(c.id);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ shop_id: shop.id, community_id: c.id, person_name: 'Basreng AS', whatsapp: '6281234567890' });
		expect(rows[0].id).toMatch(/^mbr_/);
	});

	it('should name the person and read the RW when a coordinator adds a seller', async () => {
		const c = await makeCommunity(ctx.services);
		const added = await ctx.services.members.addSeller(system, c, { name: 'Ibu Risol', businessType: 'Penjual risol', area: 'RW 04 / RT 02', whatsapp: '0813 2100 0001', email: '' });
		const [row] = await membersOf(c.id);
		expect(row).toMatchObject({ shop_id: added.shopId, person_name: 'Ibu Risol', rw: '04', whatsapp: '6281321000001' });
	});

	it('should write neither the shop nor the member when the shop is refused', async () => {
		const c = await makeCommunity(ctx.services);
		await expect(ctx.services.shops.create(PUBLIC_ACTOR, c, { name: 'Toko Palsu', whatsapp: '081234567890' })).rejects.toMatchObject({ status: 401 });
		await expect(ctx.services.shops.create(system, c, { name: 'Toko', whatsapp: '021 555' })).rejects.toMatchObject({ status: 422 });
		expect(await membersOf(c.id)).toHaveLength(0);
	});

	it('should backfill shops that exist without a member, once, keeping the owner name', async () => {
		const c = await makeCommunity(ctx.services);
		const now = new Date().toISOString();
		const userId = await ctx.services.auth.createUser(system, { name: 'Pak Tahu', email: `tahu-${c.slug}@contoh.test`, password: 'tahu-kuning-1' });
		for (const [slug, owner] of [['lama-1', userId], ['lama-2', null]] as const) {
			await ctx.database.db
				.insertInto('shop')
				.values({ id: newId('shop'), community_id: c.id, slug, name: `Toko ${slug}`, business_type: 'Penjual tahu', whatsapp: '6281234500001', area: 'RT 1 RW 6', story: '', logo: null, nib: null, status: 'active', owner_user_id: owner, created_at: now, updated_at: now })
				.execute();
		}
		expect(await backfillMembers(ctx.database.db, c.id)).toBe(2);
		expect(await backfillMembers(ctx.database.db, c.id)).toBe(0);
		const rows = await membersOf(c.id);
		expect(rows.map((r) => [r.person_name, r.rw]).sort()).toEqual([
			['Pak Tahu', '06'],
			['Toko lama-2', '06']
		]);
	});

	it("should give all 26 demo shops a member with the report's initials, a fictitious number and an RW", async () => {
		await seedDemoCommunity(ctx.services, { photos: false });
		const cigadung = await ctx.services.communities.getBySlug(PUBLIC_ACTOR, 'cigadung');
		const rows = await membersOf(cigadung.id);
		const shops = await ctx.database.db.selectFrom('shop').select('id').where('community_id', '=', cigadung.id).execute();
		expect(shops).toHaveLength(26);
		expect(rows).toHaveLength(26);
		expect(new Set(rows.map((r) => r.shop_id))).toEqual(new Set(shops.map((s) => s.id)));
		expect(rows.map((r) => r.person_name).sort()).toEqual(demo.sellers.map((s) => s.initials).sort());
		for (const r of rows) {
			expect(r.whatsapp).toMatch(/^62812000000\d\d$/);
			expect(r.rw).toMatch(/^0[1-7]$/);
		}
	});
});
