import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, routeByKey } from '../helpers/routes';
import { ShopService, readPayment, PAYMENT_LOCK_AFTER_RESET_MS } from '../../src/lib/server/shops/shop.service';
import { translator } from '../../src/lib/i18n';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { makeCommunity, system } from '../helpers/factories';

/**
 * Attacker review of issue 8, finding (a): a coordinator or facilitator issued a reset link for a seller who
 * already had a password, set a new password, signed in as the seller and changed the bank account — and the
 * payment history then named the seller. A reset by someone else is recorded and shown to the seller, and
 * locks payment details for 24 hours (the clock is the test's, nobody sleeps).
 */
let ctx: TestContext;
let community: Community;
let now = Date.parse('2026-11-30T03:00:00.000Z');
const clock = () => new Date(now);
const staff: Record<string, UserActor> = {};
let sellerId: string;
let shopId: string;
let inviteToken: string;

const bank = (accountNumber: string, accountName = 'Ibu Risol') => ({ transfer: 'on', bank: 'BRI', accountNumber, accountName });
const STRONG = 'pagi-hari-kopi-teras-41';

async function setPassword(token: string, password: string) {
	const r = await callRoute(await routeByKey('POST /atur-sandi/[token]?/default'), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { token }, form: { password, confirm: password } });
	expect(r.status).toBe(303);
	return r;
}

async function savePayment(actor: UserActor, accountNumber: string, accountName?: string) {
	return callRoute(await routeByKey('POST /jual/mulai/[step]?/default'), { services: ctx.services, actor }, { params: { step: 'pembayaran' }, query: { toko: shopId }, form: bank(accountNumber, accountName) });
}

const paymentOf = async () => readPayment(await ctx.services.shops.getManaged(system, shopId));
const paymentRows = async () => ctx.database.db.selectFrom('payment_change').selectAll().where('shop_id', '=', shopId).execute();

beforeAll(async () => {
	ctx = await createTestContext({ clock });
	community = await makeCommunity(ctx.services, { slug: 'ambil-alih' });
	for (const role of ['coordinator', 'facilitator'] as const) {
		const id = await ctx.services.auth.createUser(system, { name: role === 'coordinator' ? 'Pak Koordinator' : 'Bu Pendamping', email: `${role}@ambil-alih.test`, password: 'kata-sandi-panjang-1' });
		await ctx.services.members.addRole(system, community, id, role);
		staff[role] = (await ctx.services.auth.loadActor(id))!;
	}
	const added = await ctx.services.members.addSeller(staff.coordinator, community, { name: 'Ibu Risol', businessType: 'Penjual risol', whatsapp: '0812 5100 0001' });
	sellerId = added.userId;
	shopId = added.shopId;
	// The seller's own first password, from the invite the coordinator handed over (see the first test).
	inviteToken = added.setupToken;
});
afterAll(() => ctx.cleanup());

describe(`${ShopService.name} payment details after a staff reset (${TEST_DIALECT})`, () => {
	it("should lock bank and QRIS (not COD) for 24 h after the first password set through the coordinator's invite, and say so", async () => {
		await setPassword(inviteToken, STRONG);
		const inviteUsedAt = new Date(now).toISOString();
		const seller = (await ctx.services.auth.loadActor(sellerId))!;
		// Whoever issued the invite could have opened it first: the same lock as a reset.
		const refused = await savePayment(seller, '0123000111');
		expect(refused.status).toBe(403);
		expect((refused.body as { message: string }).message).toContain('Akun ini dibuka atau sandinya diatur oleh Pak Koordinator');
		expect((refused.body as { message: string }).message).toContain('Bayar di tempat (COD) tetap bisa dipilih');
		expect((await paymentOf()).transfer).toBeNull();
		// Cash on delivery is not where the money goes to: switching it stays open.
		const cod = await callRoute(await routeByKey('POST /jual/mulai/[step]?/default'), { services: ctx.services, actor: seller }, { params: { step: 'pembayaran' }, query: { toko: shopId }, form: { cod: 'on' } });
		expect(cod.status).toBe(303);
		expect(await ctx.services.auth.recentPasswordResets(seller, sellerId)).toEqual([{ byName: 'Pak Koordinator', at: inviteUsedAt, first: true }]);
		expect(translator('id')('security.passwordFirstBy', { name: 'Pak Koordinator', resetAt: inviteUsedAt })).toMatch(/^Akun Anda dibuka oleh Pak Koordinator pada .* pukul \d{2}\.\d{2} WIB, dan kata sandinya dibuat saat itu\.$/);
		// The payment step says so before the seller types anything.
		const page = await (await import('../../src/routes/(seller)/jual/mulai/[step]/+page.server')).load({
			params: { step: 'pembayaran' },
			parent: async () => ({ shopQuery: '', shop: { id: shopId } }),
			url: new URL('http://ecrav.test/jual/mulai/pembayaran'),
			cookies: { get: () => undefined, delete: () => {} },
			locals: { services: ctx.services, actor: seller, locale: 'id' }
		} as never);
		expect((page as { lockedUntil: string }).lockedUntil).toBe(new Date(Date.parse(inviteUsedAt) + PAYMENT_LOCK_AFTER_RESET_MS).toISOString());
		now += PAYMENT_LOCK_AFTER_RESET_MS + 1;
		expect((await savePayment(seller, '0123000111')).status).toBe(303);
		expect((await paymentOf()).transfer?.accountNumber).toBe('0123000111');
	});

	it("should lock a roster shop's money after the coordinator invites an owner for it and opens the link himself", async () => {
		const rosterShop = await ctx.services.shops.create(staff.coordinator, community, { name: 'Warung Tanpa Akun', whatsapp: '0812 5100 0009', businessType: 'Warung' });
		const member = await ctx.database.db.selectFrom('member').select('id').where('shop_id', '=', rosterShop.id).executeTakeFirstOrThrow();
		const invite = await callRoute(await routeByKey('POST /koordinator/[community]?/undang'), { services: ctx.services, actor: staff.coordinator }, { params: { community: community.slug }, form: { memberId: member.id } });
		// The roster answers 303 back to itself; the new link rides along, for one read, in its flash cookie.
		expect(invite.status).toBe(303);
		const token = (JSON.parse(invite.cookiesSet.ecrav_setup_link) as string[])[2];
		await setPassword(token, 'koordinator-jadi-pemilik-7');
		const owner = await ctx.database.db.selectFrom('shop').select('owner_user_id').where('id', '=', rosterShop.id).executeTakeFirstOrThrow();
		const asOwner = (await ctx.services.auth.loadActor(owner.owner_user_id!))!;
		const pay = await callRoute(await routeByKey('POST /jual/mulai/[step]?/default'), { services: ctx.services, actor: asOwner }, { params: { step: 'pembayaran' }, query: { toko: rosterShop.id }, form: bank('8888888888', 'Koordinator') });
		expect(pay.status).toBe(403);
		const wa = await callRoute(await routeByKey('POST /jual/mulai/[step]?/default'), { services: ctx.services, actor: asOwner }, { params: { step: 'whatsapp' }, query: { toko: rosterShop.id }, form: { whatsapp: '0899 8888 8888' } });
		expect(wa.status).toBe(403);
		const after = await ctx.services.shops.getManaged(system, rosterShop.id);
		expect([readPayment(after).transfer, after.whatsapp]).toEqual([null, '6281251000009']);
	});

	for (const role of ['facilitator', 'coordinator'] as const) {
		it(`should refuse the takeover path: the ${role} resets the password, signs in as the seller and changes the bank account`, async () => {
			const sellerSession = await ctx.services.auth.login({ login: '0812 5100 0001', password: STRONG }, { address: '198.51.100.1', kind: 'cookie' });
			const before = { payment: await paymentOf(), rows: await paymentRows() };
			now += 60_000;
			const link = await ctx.services.auth.issueSetupLink(staff[role], sellerId, community.id, 'reset');
			now += 5 * 60_000;
			const resetAt = new Date(now).toISOString();
			await setPassword(link.token, `${role}-ambil-alih-akun-99`);
			// The seller's own sessions ended with the reset: the seller notices being signed out.
			expect(await ctx.services.auth.actorForToken(sellerSession.token, 'cookie')).toBeNull();
			const asSeller = (await ctx.services.auth.loadActor(sellerId))!;

			const r = await savePayment(asSeller, '9999000999', 'Penipu');
			expect(r.status).toBe(403);
			const message = (r.body as { message: string }).message;
			const name = staff[role].name;
			expect(message).toContain(`dibuka atau sandinya diatur oleh ${name}`);
			// Until when, in WIB: 24 h after the reset (03:06 UTC → 10.06 WIB the next day).
			const until = new Date(Date.parse(resetAt) + PAYMENT_LOCK_AFTER_RESET_MS).toISOString();
			expect(message).toContain(translator('id')('security.paymentLockedUntil', { untilAt: until }).match(/mulai (.*)\.$/)![1]);
			expect(message).toMatch(/\d{2}\.\d{2} WIB/);
			expect(await paymentOf()).toEqual(before.payment);
			expect(await paymentRows()).toEqual(before.rows);
			// Nor can the shop's WhatsApp number (where buyers' orders go) be redirected meanwhile.
			const wa = await callRoute(await routeByKey('POST /jual/mulai/[step]?/default'), { services: ctx.services, actor: asSeller }, { params: { step: 'whatsapp' }, query: { toko: shopId }, form: { whatsapp: '0899 0000 9999' } });
			expect(wa.status).toBe(403);
			expect((wa.body as { message: string }).message).toContain('nomor WhatsApp toko belum bisa diubah sampai');
			expect((await ctx.services.shops.getManaged(system, shopId)).whatsapp).toBe('6281251000001');

			// The seller sees who reset the password and when; the lock is shown too.
			const resets = await ctx.services.auth.recentPasswordResets(asSeller, sellerId);
			expect(resets[0]).toEqual({ byName: name, at: resetAt, first: false });
			expect(await ctx.services.shops.paymentLockedUntil(asSeller, shopId)).toBe(until);
			expect(translator('id')('security.passwordResetBy', { name, resetAt })).toMatch(new RegExp(`^Sandi Anda diatur ulang oleh ${name} pada \\w+, \\d+ \\w+ 2026 pukul \\d{2}\\.\\d{2} WIB\\.$`));
			// Nobody else reads them.
			expect(await ctx.services.auth.recentPasswordResets(staff[role], sellerId)).toEqual([]);

			// One minute before the 24 hours are over: still locked. After them: the owner changes it again.
			now = Date.parse(until) - 60_000;
			expect((await savePayment(asSeller, '0123000333')).status).toBe(403);
			now = Date.parse(until) + 1;
			expect((await savePayment(asSeller, '0123000333')).status).toBe(303);
			expect((await paymentOf()).transfer?.accountNumber).toBe('0123000333');
			expect(await ctx.services.shops.paymentLockedUntil(asSeller, shopId)).toBeNull();
			// Put it back for the next round, as the owner.
			expect((await savePayment(asSeller, '0123000111')).status).toBe(303);
			await setPassword((await ctx.services.auth.issueSetupLink(system, sellerId, community.id, 'reset')).token, STRONG);
			now += PAYMENT_LOCK_AFTER_RESET_MS + 1;
		});
	}

	it('should record the reset with who issued the link and when it was used, in the same write as the password', async () => {
		const rows = await ctx.database.db.selectFrom('password_reset').selectAll().where('user_id', '=', sellerId).orderBy('used_at').execute();
		// The system's own links (the operator's CLI, seeding) are not recorded: no person acted on the shop.
		expect(rows.map((r) => r.issued_by_name)).toEqual(['Pak Koordinator', 'Bu Pendamping', 'Pak Koordinator']);
		expect(rows.map((r) => r.id.slice(0, 4))).toEqual(['inv_', 'rst_', 'rst_']);
		expect(rows[1].issued_by).toBe(staff.facilitator.userId);
		expect(Date.parse(rows[1].issued_at)).toBeLessThan(Date.parse(rows[1].used_at));
	});
});
