import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, digestTables, routeByKey } from '../helpers/routes';
import { ShopService } from '../../src/lib/server/shops/shop.service';
import { PUBLIC_ACTOR, type Actor, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { makeCommunity, system } from '../helpers/factories';

/**
 * Attacker review of issue 8, finding (b): a coordinator or facilitator changed a shop's WhatsApp number (where
 * buyers send their orders) through `POST /jual/mulai/whatsapp?toko=<shop>`. Only the owner may change it once
 * the shop has one; every change is recorded (who, when, before, after) and shown to the seller.
 */
let ctx: TestContext;
let community: Community;
const actors: Record<string, Actor> = {};
let shopId: string;
let rosterShopId: string;

async function postNumber(actor: Actor, toko: string, whatsapp: string) {
	return callRoute(await routeByKey('POST /jual/mulai/[step]?/default'), { services: ctx.services, actor }, { params: { step: 'whatsapp' }, query: { toko }, form: { whatsapp } });
}
const numberOf = async (id: string) => (await ctx.services.shops.getManaged(system, id)).whatsapp;

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'nomor-wa' });
	const other = await makeCommunity(ctx.services, { slug: 'nomor-wa-lain' });
	for (const role of ['coordinator', 'facilitator'] as const) {
		const id = await ctx.services.auth.createUser(system, { name: `Staf ${role}`, email: `${role}@nomor-wa.test`, password: 'kata-sandi-panjang-1' });
		await ctx.services.members.addRole(system, community, id, role);
		actors[role] = (await ctx.services.auth.loadActor(id))!;
	}
	const coordinator = actors.coordinator as UserActor;
	const added = await ctx.services.members.addSeller(coordinator, community, { name: 'Ibu Cireng', businessType: 'Penjual cireng', whatsapp: '0812 5200 0001' });
	actors.owner = (await ctx.services.auth.loadActor(added.userId))!;
	shopId = added.shopId;
	const neighbour = await ctx.services.members.addSeller(coordinator, community, { name: 'Pak Bakso', businessType: 'Penjual bakso', whatsapp: '0812 5200 0002' });
	actors.sellerSameCommunity = (await ctx.services.auth.loadActor(neighbour.userId))!;
	const otherCoordinator = await ctx.services.auth.createUser(system, { name: 'Koordinator Lain', email: 'k@nomor-wa-lain.test', password: 'kata-sandi-panjang-1' });
	await ctx.services.members.addRole(system, other, otherCoordinator, 'coordinator');
	actors.coordinatorOtherCommunity = (await ctx.services.auth.loadActor(otherCoordinator))!;
	const far = await ctx.services.members.addSeller(actors.coordinatorOtherCommunity, other, { name: 'Ibu Jauh', businessType: 'Penjual opak', whatsapp: '0812 5200 0003' });
	actors.sellerOtherCommunity = (await ctx.services.auth.loadActor(far.userId))!;
	actors.anonymous = PUBLIC_ACTOR;
	// A roster shop without an owner account (the member has no login): the coordinator runs it.
	rosterShopId = (await ctx.services.shops.create(coordinator, community, { name: 'Warung Bu Tanpa Akun', whatsapp: '0812 5200 0004', businessType: 'Warung' })).id;
});
afterAll(() => ctx.cleanup());

describe(`${ShopService.name} WhatsApp number (${TEST_DIALECT})`, () => {
	it('should refuse staff (403) and everyone else (404/401), writing nothing anywhere', async () => {
		const before = await digestTables(ctx.database);
		const expected: Record<string, number> = { coordinator: 403, facilitator: 403, sellerSameCommunity: 404, sellerOtherCommunity: 404, coordinatorOtherCommunity: 404, anonymous: 401 };
		for (const [who, status] of Object.entries(expected)) {
			const r = await postNumber(actors[who], shopId, '0899 1111 2222');
			expect({ who, status: r.status }).toEqual({ who, status });
			if (status === 403) expect((r.body as { message: string }).message).toContain('Hanya pemilik toko yang boleh mengubah nomor WhatsApp');
		}
		expect(await numberOf(shopId)).toBe('6281252000001');
		expect(await digestTables(ctx.database)).toEqual(before);
	});

	it('should let the owner change it, record who, when, before and after, and show it to the seller only', async () => {
		const r = await postNumber(actors.owner, shopId, '+62 813-5200-0009');
		expect(r.status).toBe(303);
		expect(await numberOf(shopId)).toBe('6281352000009');
		// The same number again is not a change.
		expect((await postNumber(actors.owner, shopId, '0813 5200 0009')).status).toBe(303);
		const changes = await ctx.services.shops.listWhatsappChanges(actors.owner, shopId);
		expect(changes).toHaveLength(1);
		expect(changes[0]).toMatchObject({ byName: 'Ibu Cireng', byOwner: true, before: '6281252000001', after: '6281352000009' });
		expect(Date.parse(changes[0].at)).toBeGreaterThan(Date.now() - 60_000);
		await expect(ctx.services.shops.listWhatsappChanges(actors.sellerSameCommunity, shopId)).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.shops.listWhatsappChanges(actors.sellerOtherCommunity, shopId)).rejects.toMatchObject({ status: 404 });
	});

	it("should let staff change the number of a roster shop that has no owner account, recorded as not the owner's", async () => {
		expect((await postNumber(actors.facilitator, rosterShopId, '0857 5200 0044')).status).toBe(303);
		expect(await numberOf(rosterShopId)).toBe('6285752000044');
		const [change] = await ctx.services.shops.listWhatsappChanges(actors.coordinator, rosterShopId);
		expect(change).toMatchObject({ byName: 'Staf facilitator', byOwner: false, before: '6281252000004', after: '6285752000044' });
		expect((await postNumber(actors.sellerSameCommunity, rosterShopId, '0899 1111 2222')).status).toBe(404);
	});
});
