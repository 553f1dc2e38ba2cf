import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { AuthService, THROTTLE } from '../../src/lib/server/accounts/auth.service';
import { createServices } from '../../src/lib/server/services';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import { callRoute, routeByKey } from '../helpers/routes';
import { KNOWN_DEVICE_COOKIE } from '../../src/lib/server/web/session-cookie';
import type { Community } from '../../src/lib/server/db/schema';
import { makeCommunity, system } from '../helpers/factories';

let ctx: TestContext;
let a: Community;
let b: Community;
const actors: Record<string, UserActor> = {};
const ids: Record<string, string> = {};

async function staff(key: string, community: Community, role: 'coordinator' | 'facilitator', extra: { platformAdmin?: boolean } = {}) {
	ids[key] = await ctx.services.auth.createUser(system, { name: key, email: `${key}@sec.test`, password: 'kata-sandi-panjang-1', ...extra });
	await ctx.services.members.addRole(system, community, ids[key], role);
	actors[key] = (await ctx.services.auth.loadActor(ids[key]))!;
}

beforeAll(async () => {
	ctx = await createTestContext();
	a = await makeCommunity(ctx.services, { slug: 'sec-a' });
	b = await makeCommunity(ctx.services, { slug: 'sec-b' });
	await staff('coordA', a, 'coordinator');
	await staff('facilA', a, 'facilitator');
	await staff('coordB', b, 'coordinator');
	ids.admin = await ctx.services.auth.createUser(system, { name: 'Admin', email: 'admin@sec.test', password: 'kata-sandi-panjang-1', platformAdmin: true });
	actors.admin = (await ctx.services.auth.loadActor(ids.admin))!;
	ids.sellerA = (await ctx.services.members.addSeller(actors.coordA, a, { name: 'Penjual A', businessType: 'Penjual risol', whatsapp: '0812 4000 0001' })).userId;
	actors.sellerA = (await ctx.services.auth.loadActor(ids.sellerA))!;
	ids.sellerB = (await ctx.services.members.addSeller(actors.coordB, b, { name: 'Penjual B', businessType: 'Penjual risol', whatsapp: '0812 4000 0002' })).userId;
	// A seller of A who is a facilitator in B: staff somewhere, so A's staff may not take the account over.
	ids.mixed = (await ctx.services.members.addSeller(actors.coordA, a, { name: 'Penjual Fasilitator', businessType: 'Penjual risol', whatsapp: '0812 4000 0003' })).userId;
	await ctx.services.members.addRole(system, b, ids.mixed, 'facilitator');
});
afterAll(() => ctx.cleanup());

const links = async (userId: string) =>
	(await ctx.database.db.selectFrom('setup_link').select(['token_hash', 'used_at']).where('user_id', '=', userId).orderBy('created_at').execute()).map((r) => `${r.token_hash}|${r.used_at}`);

describe(`${AuthService.name} (${TEST_DIALECT})`, () => {
	describe('issueSetupLink', () => {
		it.each([
			['a facilitator for the coordinator', 'facilA', 'coordA', 'a'],
			['a coordinator for the facilitator', 'coordA', 'facilA', 'a'],
			['a coordinator for a seller who is staff in another community', 'coordA', 'mixed', 'a'],
			['a coordinator for a seller of another community (named as their own)', 'coordA', 'sellerB', 'a'],
			['a coordinator for a seller of another community (named as that community)', 'coordA', 'sellerB', 'b'],
			['a coordinator for a platform admin', 'coordA', 'admin', 'a'],
			['a seller for another seller of the community', 'sellerA', 'mixed', 'a'],
			['a coordinator of another community for a seller of this one', 'coordB', 'sellerA', 'a']
		])('should refuse %s with 404 and write nothing', async (_label, who, target, community) => {
			const before = await links(ids[target]);
			const communityId = community === 'a' ? a.id : b.id;
			await expect(ctx.services.auth.issueSetupLink(actors[who], ids[target], communityId, 'reset')).rejects.toMatchObject({ status: 404 });
			expect(await links(ids[target])).toEqual(before);
		});

		it('should let staff issue links for their sellers, and only a platform admin reset a coordinator', async () => {
			const seller = await ctx.services.auth.issueSetupLink(actors.facilA, ids.sellerA, a.id, 'reset');
			expect((await ctx.services.auth.setupLinkInfo(seller.token)).name).toBe('Penjual A');
			const coord = await ctx.services.auth.issueSetupLink(actors.admin, ids.coordA, a.id, 'reset');
			expect((await ctx.services.auth.setupLinkInfo(coord.token)).name).toBe('coordA');
		});
	});
});

describe(`${AuthService.name} login throttling (${TEST_DIALECT})`, () => {
	let now = new Date('2026-11-30T03:00:00Z');
	const auth = () => createServices({ database: ctx.database, storage: ctx.services.storage, clock: () => now }).auth;
	const owner = { email: 'pemilik@sec.test', whatsapp: '0812 4000 0099', password: 'benar-sekali-pemilik-9' };
	beforeAll(async () => {
		await ctx.services.auth.createUser(system, { name: 'Pemilik', ...owner });
	});

	it('should evaluate at most the limit of 40 parallel wrong logins, and still let the owner in from another address', async () => {
		const service = auth();
		const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => service.login({ login: owner.email, password: `tebakan-${i}` }, { address: '198.51.100.1', kind: 'api' })));
		const statuses = results.map((r) => (r.status === 'rejected' ? (r.reason as { status: number }).status : 200));
		expect(statuses.filter((s) => s === 401)).toHaveLength(THROTTLE.perPair);
		expect(statuses.filter((s) => s === 429)).toHaveLength(40 - THROTTLE.perPair);
		// Even the right password is not evaluated from the flooding address…
		await expect(service.login({ login: owner.email, password: owner.password }, { address: '198.51.100.1', kind: 'api' })).rejects.toMatchObject({ status: 429, retryAfterSeconds: 900 });
		// …but the owner, elsewhere, is let in.
		await expect(service.login({ login: owner.whatsapp, password: owner.password }, { address: '203.0.113.50', kind: 'cookie' })).resolves.toMatchObject({ user: { name: 'Pemilik' } });
		now = new Date(now.getTime() + THROTTLE.windowMs);
		await expect(service.login({ login: owner.email, password: owner.password }, { address: '198.51.100.1', kind: 'api' })).resolves.toBeDefined();
	});

	it('should count e-mail and WhatsApp logins of one account together', async () => {
		now = new Date(now.getTime() + THROTTLE.windowMs);
		const service = auth();
		const tries = [owner.email, owner.whatsapp, '+62 812-4000-0099', owner.email.toUpperCase(), '0812400 00099'];
		for (const login of tries) await expect(service.login({ login, password: 'salah-lagi-123' }, { address: '198.51.100.2', kind: 'cookie' })).rejects.toMatchObject({ status: 401 });
		await expect(service.login({ login: owner.whatsapp, password: owner.password }, { address: '198.51.100.2', kind: 'cookie' })).rejects.toMatchObject({ status: 429, messageKey: 'auth.throttled' });
		await expect(service.login({ login: owner.email, password: owner.password }, { address: '198.51.100.2', kind: 'cookie' })).rejects.toMatchObject({ status: 429 });
	});

	it('should let the owner in from a browser they signed in with before, after 40 failures from 40 addresses locked the account', async () => {
		now = new Date(now.getTime() + 2 * THROTTLE.windowMs);
		const services = createServices({ database: ctx.database, storage: ctx.services.storage, clock: () => now });
		const first = await services.auth.login({ login: owner.email, password: owner.password }, { address: '192.0.2.10', kind: 'cookie' });
		const proof = first.knownDevice!.token;
		expect(proof).toBeTruthy();
		// API sign-ins get no proof (no browser to keep it).
		expect((await services.auth.login({ login: owner.email, password: owner.password }, { address: '192.0.2.10', kind: 'api' })).knownDevice).toBeUndefined();
		now = new Date(now.getTime() + THROTTLE.windowMs);
		for (let i = 0; i < 40; i++) await expect(services.auth.login({ login: owner.email, password: `tebakan-${i}` }, { address: `198.51.101.${i}`, kind: 'api' })).rejects.toMatchObject({ status: i < THROTTLE.perAccount ? 401 : 429 });
		const right = { login: owner.whatsapp, password: owner.password };
		// A browser that never signed in, or shows a forged, tampered or another account's proof: the account limit holds.
		const other = await services.auth.createUser(system, { name: 'Orang Lain', email: 'lain@sec.test', password: 'benar-sekali-orang-lain-4' });
		const othersProof = (await services.auth.login({ login: 'lain@sec.test', password: 'benar-sekali-orang-lain-4' }, { address: '192.0.2.11', kind: 'cookie' })).knownDevice!.token;
		const [userId, issued, mac] = proof.split('.');
		const forged = [undefined, '', othersProof, `${userId}.${issued}.${mac.slice(0, -2)}xx`, `${userId}.${Number(issued) + 1}.${mac}`, othersProof.replace(/^[^.]+/, userId), 'x'.repeat(500)];
		for (const knownDevice of forged) await expect(services.auth.login(right, { address: '192.0.2.99', kind: 'cookie', knownDevice }), String(knownDevice)).rejects.toMatchObject({ status: 429 });
		expect(other).toBeTruthy();
		// The owner's own phone, even from a new address (mobile carriers change it), gets in and a fresh proof.
		const back = await services.auth.login(right, { address: '192.0.2.77', kind: 'cookie', knownDevice: proof });
		expect(back.user.name).toBe('Pemilik');
		expect(back.knownDevice!.token).not.toBe(proof);
		// The proof is no credential and does not lift the per-(account, address) limit: 5 wrong tries there, then 429.
		for (let i = 0; i < THROTTLE.perPair; i++) await expect(services.auth.login({ ...right, password: `salah-${i}` }, { address: '192.0.2.78', kind: 'cookie', knownDevice: proof })).rejects.toMatchObject({ status: 401 });
		await expect(services.auth.login(right, { address: '192.0.2.78', kind: 'cookie', knownDevice: proof })).rejects.toMatchObject({ status: 429 });
		// After 180 days the browser is forgotten.
		now = new Date(now.getTime() + 181 * 86_400_000);
		for (let i = 0; i < 40; i++) await services.auth.login({ login: owner.email, password: `lagi-${i}` }, { address: `198.51.102.${i}`, kind: 'api' }).catch(() => undefined);
		await expect(services.auth.login(right, { address: '192.0.2.79', kind: 'cookie', knownDevice: proof })).rejects.toMatchObject({ status: 429 });
	});

	it('should set the known-browser cookie on sign-in through /masuk and honour it there', async () => {
		now = new Date(now.getTime() + THROTTLE.windowMs);
		const services = createServices({ database: ctx.database, storage: ctx.services.storage, clock: () => now });
		const route = await routeByKey('POST /masuk?/default');
		const signIn = (address: string, cookies: Record<string, string> = {}, password = owner.password) =>
			callRoute(route, { services, actor: PUBLIC_ACTOR }, { form: { login: owner.email, password }, cookies, address });
		const first = await signIn('192.0.2.20');
		expect(first.status).toBe(303);
		const proof = first.cookiesSet[KNOWN_DEVICE_COOKIE];
		expect(proof).toMatch(/^usr_\w+\.\d+\.[\w-]+$/);
		now = new Date(now.getTime() + THROTTLE.windowMs);
		for (let i = 0; i < THROTTLE.perAccount; i++) await services.auth.login({ login: owner.email, password: `tebakan-${i}` }, { address: `198.51.103.${i}`, kind: 'api' }).catch(() => undefined);
		expect((await signIn('192.0.2.21')).status).toBe(429);
		expect((await signIn('192.0.2.21', { [KNOWN_DEVICE_COOKIE]: proof })).status).toBe(303);
	});

	it('should let a hall of new sellers behind one hotspot sign in after 99 failed tries there, and a known browser after the address is spent', async () => {
		now = new Date(now.getTime() + 2 * THROTTLE.windowMs);
		const services = createServices({ database: ctx.database, storage: ctx.services.storage, clock: () => now });
		const hotspot = '100.64.20.1';
		const proof = (await services.auth.login({ login: owner.email, password: owner.password }, { address: '192.0.2.30', kind: 'cookie' })).knownDevice!.token;
		// 99 typos by many people (different accounts, a few each) from the hall's one carrier address.
		for (let i = 0; i < 99; i++) await expect(services.auth.login({ login: `peserta${i % 40}@sec.test`, password: `salah-${i}` }, { address: hotspot, kind: 'cookie' })).rejects.toMatchObject({ status: 401 });
		// The next seller, on a phone that never signed in, still gets in (the old limit of 30 refused the whole hall).
		await expect(services.auth.login({ login: owner.whatsapp, password: owner.password }, { address: hotspot, kind: 'cookie' })).resolves.toMatchObject({ user: { name: 'Pemilik' } });
		for (let i = 0; i < 5; i++) await services.auth.login({ login: `lain${i}@sec.test`, password: 'salah' }, { address: hotspot, kind: 'cookie' }).catch(() => undefined);
		// The address is spent now: an unknown browser is refused…
		await expect(services.auth.login({ login: owner.email, password: owner.password }, { address: hotspot, kind: 'cookie' })).rejects.toMatchObject({ status: 429 });
		// …a browser that signed in to the account before is not counted per address.
		await expect(services.auth.login({ login: owner.email, password: owner.password }, { address: hotspot, kind: 'cookie', knownDevice: proof })).resolves.toMatchObject({ user: { name: 'Pemilik' } });
	});

	it('should make a browser that set its password through a link a known browser (/atur-sandi sets the cookie)', async () => {
		now = new Date(now.getTime() + 2 * THROTTLE.windowMs);
		const services = createServices({ database: ctx.database, storage: ctx.services.storage, clock: () => now });
		const link = await services.auth.issueSetupLink(actors.coordA, ids.sellerA, a.id, 'invite');
		const route = await routeByKey('POST /atur-sandi/[token]?/default');
		const set = await callRoute(route, { services, actor: PUBLIC_ACTOR }, { params: { token: link.token }, form: { password: 'risol-bu-ani-pagi-7', confirm: 'risol-bu-ani-pagi-7' }, address: '100.64.20.2' });
		expect(set.status).toBe(303);
		const proof = set.cookiesSet[KNOWN_DEVICE_COOKIE];
		expect(proof).toMatch(new RegExp(`^${ids.sellerA}\\.\\d+\\.[\\w-]+$`));
		// Anyone's 20 wrong guesses from elsewhere lock unknown browsers out of the account for 15 minutes…
		for (let i = 0; i < THROTTLE.perAccount; i++) await services.auth.login({ login: '0812 4000 0001', password: `tebakan-${i}` }, { address: `198.51.104.${i}`, kind: 'api' }).catch(() => undefined);
		await expect(services.auth.login({ login: '0812 4000 0001', password: 'risol-bu-ani-pagi-7' }, { address: '100.64.20.2', kind: 'cookie' })).rejects.toMatchObject({ status: 429 });
		// …but not the phone where she made her password at the training.
		await expect(services.auth.login({ login: '0812 4000 0001', password: 'risol-bu-ani-pagi-7' }, { address: '100.64.20.2', kind: 'cookie', knownDevice: proof })).resolves.toMatchObject({ user: { name: 'Penjual A' } });
	});
});

describe(`${AuthService.name} weak passwords (${TEST_DIALECT})`, () => {
	it.each(['12345678', 'password', '        ', 'bismillah1', 'sayangku123', 'qwertyuiop', 'Penjual123', 'rahasia2024', '081240000001', '0812-4000-0001', '+62 812 4000 0001', '6281240000001'])('should refuse %j with a plain message, leaving the link usable', async (weak) => {
		const link = await ctx.services.auth.issueSetupLink(actors.coordA, ids.sellerA, a.id, 'reset');
		await expect(ctx.services.auth.setPasswordWithLink(link.token, { password: weak, confirm: weak })).rejects.toMatchObject({ status: 422, issues: [{ field: 'password', messageKey: 'security.passwordWeak' }] });
		expect((await ctx.services.auth.setupLinkInfo(link.token)).name).toBe('Penjual A');
	});

	it('should accept a password of a few words, and refuse a weak one from the CLI too', async () => {
		const link = await ctx.services.auth.issueSetupLink(actors.coordA, ids.sellerA, a.id, 'reset');
		await expect(ctx.services.auth.setPasswordWithLink(link.token, { password: 'kopi-pagi-di-teras-7', confirm: 'kopi-pagi-di-teras-7' })).resolves.toBeDefined();
		await expect(ctx.services.auth.createUser(system, { name: 'Admin Lemah', email: 'lemah@sec.test', password: 'password1' })).rejects.toMatchObject({ status: 422 });
	});
});

describe('MemberService.addSeller taken logins (' + TEST_DIALECT + ')', () => {
	it("should say a number is a member here for its own community, and only 'another group' (no name) for another community", async () => {
		const own = ctx.services.members.addSeller(actors.coordA, a, { name: 'Duplikat', businessType: 'Penjual risol', whatsapp: '0812 4000 0001' });
		await expect(own).rejects.toMatchObject({ status: 422, messageKey: 'security.whatsappMemberHere' });
		const elsewhere = ctx.services.members.addSeller(actors.coordA, a, { name: 'Dari Desa Lain', businessType: 'Penjual risol', whatsapp: '0812 4000 0002' });
		await expect(elsewhere).rejects.toMatchObject({ status: 422, messageKey: 'security.whatsappOtherGroup' });
		const { translator } = await import('../../src/lib/i18n');
		const text = translator('id')('security.whatsappOtherGroup');
		expect(text).not.toContain(b.name);
		expect(text).not.toContain(b.slug);
	});
});
