import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, system } from '../helpers/factories';
import type { Community } from '../../src/lib/server/db/schema';
import type { UserActor } from '../../src/lib/server/auth/actor';
import { shopChecklist } from '../../src/lib/shop-checklist';
import { readDelivery, readPayment } from '../../src/lib/server/shops/shop.service';

/**
 * Issue 7 (left, item 1): the setup checklist ticked "Lokasi dan jam buka" with the pickup place and opening hours
 * empty. The seller's home, the roster and the funnel's "profile complete" read the same checklist function.
 */

let ctx: TestContext;
let community: Community;
let coordinator: UserActor;
let seller: UserActor;
let shopId: string;
let setupToken: string;

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services);
	const id = await ctx.services.auth.createUser(system, { name: 'Koordinator Daftar', email: 'daftar@contoh.test', password: 'kata-sandi-panjang' });
	await ctx.services.members.addRole(system, community, id, 'coordinator');
	coordinator = (await ctx.services.auth.loadActor(id))!;
	const added = await ctx.services.members.addSeller(system, community, { name: 'Ibu Opak', businessType: 'Penjual opak', area: '', whatsapp: '0813 7000 0001', email: '' });
	seller = (await ctx.services.auth.loadActor(added.userId))!;
	shopId = added.shopId;
	setupToken = added.setupToken;
});
afterAll(() => ctx.cleanup());

/** The checklist exactly as /jual computes it from the shop (see src/routes/(seller)/jual/+layout.server.ts). */
async function sellerSees() {
	const s = await ctx.services.shops.getManaged(seller, shopId);
	const items = shopChecklist(
		{ name: s.name, whatsapp: s.whatsapp, hasLogo: !!s.logo, story: s.story, area: s.area, pickupPoint: s.pickup_point, openingHours: s.opening_hours, delivery: readDelivery(s), payment: readPayment(s) },
		0
	);
	return Object.fromEntries(items.map((i) => [i.step, i.done]));
}
const rosterMissing = async () => (await ctx.services.roster.list(coordinator, community)).find((m) => m.shop.id === shopId)!.checklist.missing;
const funnelLevel = async () => (await ctx.services.funnel.forCommunity(coordinator, community)).members.find((m) => m.shopName === 'Ibu Opak' || m.name === 'Ibu Opak')!;

describe(`setup checklist (${TEST_DIALECT})`, () => {
	it('should not tick "Lokasi dan jam buka" with an area but no opening hours, on the seller home and the roster alike', async () => {
		await ctx.services.shops.saveOnboardingStep(seller, shopId, 'lokasi', { area: 'RW 03 Cigadung', pickupPoint: '', openingHours: '' });
		expect((await sellerSees()).lokasi).toBe(false);
		expect(await rosterMissing()).toContain('seller.check.where');

		await ctx.services.shops.saveOnboardingStep(seller, shopId, 'lokasi', { area: '', pickupPoint: 'Depan masjid Al-Ikhlas', openingHours: '' });
		expect((await sellerSees()).lokasi).toBe(false);

		await ctx.services.shops.saveOnboardingStep(seller, shopId, 'lokasi', { area: '', pickupPoint: '', openingHours: 'Setiap hari 07.00–17.00' });
		expect((await sellerSees()).lokasi).toBe(false);
		expect(await rosterMissing()).toContain('seller.check.where');

		await ctx.services.shops.saveOnboardingStep(seller, shopId, 'lokasi', { area: 'RW 03 Cigadung', pickupPoint: '', openingHours: 'Setiap hari 07.00–17.00' });
		expect((await sellerSees()).lokasi).toBe(true);
		expect(await rosterMissing()).not.toContain('seller.check.where');
	});

	it('should read every item from the stored value, never from the wizard step reached', async () => {
		// the wizard says "all steps done", but the story was never written and the shop has no logo
		await ctx.database.db.updateTable('shop').set({ onboarding_step: 8, story: '   ', logo: null }).where('id', '=', shopId).execute();
		const seen = await sellerSees();
		expect(seen).toMatchObject({ cerita: false, logo: false, produk: false });
		expect(await rosterMissing()).toEqual(['seller.check.logo', 'seller.check.story', 'seller.check.product']);
		// a shop with the step counter at 0 but its name, number, delivery and payment stored has those ticked
		await ctx.database.db.updateTable('shop').set({ onboarding_step: 0, story: 'Opak singkong bakar dari RW 03.' }).where('id', '=', shopId).execute();
		expect(await sellerSees()).toMatchObject({ nama: true, whatsapp: true, cerita: true, lokasi: true, pengiriman: true, pembayaran: true, logo: false });
	});

	it('should tick delivery and payment only while at least one way is on', async () => {
		await ctx.database.db.updateTable('shop').set({ delivery: JSON.stringify({ pickup: false, local: null, courier: false, minOrder: 0 }), payment: JSON.stringify({ cod: false, transfer: null, qris: null }) }).where('id', '=', shopId).execute();
		expect(await sellerSees()).toMatchObject({ pengiriman: false, pembayaran: false });
		expect(await rosterMissing()).toEqual(expect.arrayContaining(['seller.check.delivery', 'seller.check.payment']));
		await ctx.services.shops.saveOnboardingStep(seller, shopId, 'pengiriman', { local: 'on', localFee: '3.000', localArea: 'Cigadung', minOrder: '0' });
		await ctx.services.shops.saveOnboardingStep(seller, shopId, 'pembayaran', { transfer: 'on', bank: 'BRI', accountNumber: '0123 4567 890', accountName: 'Ibu Opak' });
		expect(await sellerSees()).toMatchObject({ pengiriman: true, pembayaran: true });
	});

	it('should count the profile complete in the funnel only when the opening hours are there too', async () => {
		await ctx.database.db.updateTable('shop').set({ logo: '[]', story: 'Opak singkong bakar.', area: 'RW 03', pickup_point: null, opening_hours: null }).where('id', '=', shopId).execute();
		await ctx.services.auth.setPasswordWithLink(setupToken, { password: 'opak-bakar-12', confirm: 'opak-bakar-12' });
		expect(await funnelLevel()).toMatchObject({ level: 'account', next: 'profile' });
		await ctx.services.shops.saveOnboardingStep(seller, shopId, 'lokasi', { area: 'RW 03', pickupPoint: 'Depan masjid', openingHours: 'Senin–Sabtu 08.00–16.00' });
		expect((await funnelLevel()).level).toBe('profile');
	});
});
