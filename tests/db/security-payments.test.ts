import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { ShopService, readPayment } from '../../src/lib/server/shops/shop.service';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { makeCommunity, system } from '../helpers/factories';

let ctx: TestContext;
let community: Community;
const actors: Record<string, UserActor> = {};
let shopId: string;

const bank = (accountNumber: string, accountName = 'Ibu Risol') => ({ cod: true, transfer: true, bank: 'BRI', accountNumber, accountName, qris: '' });

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'bayar' });
	for (const role of ['coordinator', 'facilitator'] as const) {
		const id = await ctx.services.auth.createUser(system, { name: role, email: `${role}@bayar.test`, password: 'kata-sandi-panjang-1' });
		await ctx.services.members.addRole(system, community, id, role);
		actors[role] = (await ctx.services.auth.loadActor(id))!;
	}
	const added = await ctx.services.members.addSeller(actors.coordinator, community, { name: 'Ibu Risol', businessType: 'Penjual risol', whatsapp: '0812 5000 0001' });
	actors.seller = (await ctx.services.auth.loadActor(added.userId))!;
	shopId = added.shopId;
	const other = await ctx.services.members.addSeller(actors.coordinator, community, { name: 'Pak Lain', businessType: 'Penjual bakso', whatsapp: '0812 5000 0002' });
	actors.otherSeller = (await ctx.services.auth.loadActor(other.userId))!;
});
afterAll(() => ctx.cleanup());

const paymentOf = async (id: string) => readPayment(await ctx.services.shops.getManaged(system, id));
const changeRows = async (id: string) => ctx.database.db.selectFrom('payment_change').selectAll().where('shop_id', '=', id).execute();

describe(`${ShopService.name} payment details (${TEST_DIALECT})`, () => {
	it("should refuse the community's coordinator and facilitator, and another seller, changing nothing", async () => {
		await ctx.services.shops.saveOnboardingStep(actors.seller, shopId, 'pembayaran', bank('0123000111'));
		const before = await paymentOf(shopId);
		const rows = await changeRows(shopId);
		for (const who of ['coordinator', 'facilitator']) {
			await expect(ctx.services.shops.saveOnboardingStep(actors[who], shopId, 'pembayaran', bank('9999999999', 'Penipu'))).rejects.toMatchObject({ status: 403, messageKey: 'security.paymentOwnerOnly' });
		}
		await expect(ctx.services.shops.saveOnboardingStep(actors.otherSeller, shopId, 'pembayaran', bank('9999999999', 'Penipu'))).rejects.toMatchObject({ status: 404 });
		expect(await paymentOf(shopId)).toEqual(before);
		expect(await changeRows(shopId)).toEqual(rows);
		// Staff still help with everything else.
		await ctx.services.shops.saveOnboardingStep(actors.facilitator, shopId, 'cerita', { story: 'Risol buatan rumah.' });
	});

	it('should record every change (who, when, before, after) and show it to the seller, not to another shop', async () => {
		await ctx.services.shops.saveOnboardingStep(actors.seller, shopId, 'pembayaran', bank('0123000222'));
		await ctx.services.shops.saveOnboardingStep(actors.seller, shopId, 'pembayaran', bank('0123000222'));
		const changes = await ctx.services.shops.listPaymentChanges(actors.seller, shopId);
		expect(changes[0]).toMatchObject({ byName: 'Ibu Risol', byOwner: true, before: { transfer: { accountNumber: '0123000111' } }, after: { transfer: { accountNumber: '0123000222' } } });
		expect(Date.parse(changes[0].at)).toBeGreaterThan(Date.now() - 60_000);
		// Saving the same details again is not a change.
		expect(changes.filter((c) => c.after.transfer?.accountNumber === '0123000222')).toHaveLength(1);
		expect(changes.at(-1)).toMatchObject({ before: { transfer: null }, after: { transfer: { accountNumber: '0123000111' } } });
		await expect(ctx.services.shops.listPaymentChanges(actors.otherSeller, shopId)).rejects.toMatchObject({ status: 404 });
		expect(await ctx.services.shops.listPaymentChanges(actors.otherSeller, actors.otherSeller.shopIds[0])).toEqual([]);
	});
});
