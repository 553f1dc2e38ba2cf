import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, routeByKey } from '../helpers/routes';
import { ShopService } from '../../src/lib/server/shops/shop.service';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { makeCommunity, system } from '../helpers/factories';

/**
 * Lead's attacker review (05:45), item 2: a coordinator changed a shop's name and story ("Transfer ke BCA
 * 9999999999 a.n. Koordinator") through the onboarding steps with `?toko=`, and nobody could tell. Staff may
 * help, but every change they make is recorded (who, when, before, after) and shown on the seller's home.
 */
let ctx: TestContext;
let community: Community;
const actors: Record<string, UserActor> = {};
let shopId: string;

async function step(actor: UserActor, name: string, form: Record<string, string>) {
	return callRoute(await routeByKey('POST /jual/mulai/[step]?/default'), { services: ctx.services, actor }, { params: { step: name }, query: { toko: shopId }, form });
}

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'ubah-toko' });
	for (const role of ['coordinator', 'facilitator'] as const) {
		const id = await ctx.services.auth.createUser(system, { name: role === 'coordinator' ? 'Pak Koordinator' : 'Bu Pendamping', email: `${role}@ubah-toko.test`, password: 'kata-sandi-panjang-1' });
		await ctx.services.members.addRole(system, community, id, role);
		actors[role] = (await ctx.services.auth.loadActor(id))!;
	}
	const added = await ctx.services.members.addSeller(actors.coordinator, community, { name: 'Ibu Gemblong', businessType: 'Penjual gemblong', whatsapp: '0812 5300 0001' });
	actors.owner = (await ctx.services.auth.loadActor(added.userId))!;
	shopId = added.shopId;
	const other = await ctx.services.members.addSeller(actors.coordinator, community, { name: 'Pak Lain', businessType: 'Penjual bakso', whatsapp: '0812 5300 0002' });
	actors.otherSeller = (await ctx.services.auth.loadActor(other.userId))!;
});
afterAll(() => ctx.cleanup());

describe(`${ShopService.name} changes by staff (${TEST_DIALECT})`, () => {
	it("should record every field the coordinator or facilitator changes, and show them to the seller", async () => {
		const before = await ctx.services.shops.getManaged(system, shopId);
		expect((await step(actors.coordinator, 'nama', { name: 'Toko Diambil Alih' })).status).toBe(303);
		expect((await step(actors.facilitator, 'cerita', { story: 'Transfer ke BCA 9999999999 a.n. Koordinator' })).status).toBe(303);
		expect((await step(actors.coordinator, 'lokasi', { area: 'RW 09', pickupPoint: 'Rumah Pak Koordinator', openingHours: '' })).status).toBe(303);
		expect((await step(actors.coordinator, 'pengiriman', { pickup: 'on', local: 'on', localFee: '50.000', localArea: 'Sekitar' })).status).toBe(303);
		const changes = await ctx.services.shops.listShopChanges(actors.owner, shopId);
		const byField = Object.fromEntries(changes.map((c) => [c.field, c]));
		expect(byField.name).toMatchObject({ byName: 'Pak Koordinator', before: before.name, after: 'Toko Diambil Alih' });
		expect(byField.story).toMatchObject({ byName: 'Bu Pendamping', before: before.story, after: 'Transfer ke BCA 9999999999 a.n. Koordinator' });
		expect(byField.area).toMatchObject({ after: 'RW 09' });
		expect(byField.pickup_point).toMatchObject({ before: '', after: 'Rumah Pak Koordinator' });
		expect(JSON.parse(byField.delivery.after)).toMatchObject({ local: { fee: 50000 } });
		expect(changes.every((c) => Date.parse(c.at) > Date.now() - 60_000)).toBe(true);
		// An unchanged field is not a change.
		expect(changes.some((c) => c.field === 'opening_hours')).toBe(false);
		// Staff read it too (they may manage the shop); another seller does not.
		expect(await ctx.services.shops.listShopChanges(actors.coordinator, shopId)).toHaveLength(changes.length);
		await expect(ctx.services.shops.listShopChanges(actors.otherSeller, shopId)).rejects.toMatchObject({ status: 404 });
	});

	it("should not list the owner's own edits", async () => {
		const count = (await ctx.services.shops.listShopChanges(actors.owner, shopId)).length;
		expect((await step(actors.owner, 'nama', { name: 'Gemblong Bu Ida' })).status).toBe(303);
		expect(await ctx.services.shops.listShopChanges(actors.owner, shopId)).toHaveLength(count);
		expect((await ctx.services.shops.getManaged(system, shopId)).name).toBe('Gemblong Bu Ida');
	});
});
