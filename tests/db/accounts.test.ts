import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { AuthService, THROTTLE } from '../../src/lib/server/accounts/auth.service';
import { MemberService } from '../../src/lib/server/accounts/member.service';
import { createServices } from '../../src/lib/server/services';
import { PUBLIC_ACTOR, type Actor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { makeCommunity, system } from '../helpers/factories';

let ctx: TestContext;
let community: Community;
let coordinator: Actor;
let now = new Date('2026-11-29T03:00:00Z');

beforeAll(async () => {
	ctx = await createTestContext();
	// A controllable clock for expiry and throttling.
	ctx.services = createServices({ database: ctx.database, storage: ctx.services.storage, clock: () => now });
	community = await makeCommunity(ctx.services, { slug: 'cigadung-akun' });
	const coordId = await ctx.services.auth.createUser(system, { name: 'Koordinator', email: 'koor@contoh.test', password: 'rahasia-koor-1' });
	await ctx.services.members.addRole(system, community, coordId, 'coordinator');
	coordinator = (await ctx.services.auth.loadActor(coordId))!;
});
afterAll(() => ctx.cleanup());

const member = (whatsapp: string, name = 'Ibu Risol') => ({ name, businessType: 'Penjual risol', area: 'RW 03', whatsapp });

describe(`${AuthService.name} (${TEST_DIALECT})`, () => {
	describe('login', () => {
		it('should accept an e-mail or a WhatsApp number in any usual spelling, and store only a hash of the token', async () => {
			const userId = await ctx.services.auth.createUser(system, { name: 'JJ', email: 'JJ@Contoh.Test', whatsapp: '0812-1111-2222', password: 'ketempling-enak' });
			const byEmail = await ctx.services.auth.login({ login: 'jj@contoh.test', password: 'ketempling-enak' }, { address: '10.0.0.1', kind: 'cookie' });
			const byPhone = await ctx.services.auth.login({ login: '+62 812 1111 2222', password: 'ketempling-enak' }, { address: '10.0.0.1', kind: 'api' });
			expect(byEmail.user.id).toBe(userId);
			expect(byPhone.user.id).toBe(userId);
			const stored = await ctx.database.db.selectFrom('session').select('token_hash').execute();
			expect(stored.map((s) => s.token_hash)).not.toContain(byEmail.token);
			const hash = (await ctx.database.db.selectFrom('app_user').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow()).password_hash;
			expect(hash).toMatch(/^\$argon2id\$/);
		});

		it('should refuse a wrong password with a 401 and keep cookie and API tokens apart', async () => {
			await expect(ctx.services.auth.login({ login: 'jj@contoh.test', password: 'salah' }, { address: '10.0.0.2', kind: 'cookie' })).rejects.toMatchObject({ status: 401 });
			const api = await ctx.services.auth.login({ login: 'jj@contoh.test', password: 'ketempling-enak' }, { address: '10.0.0.2', kind: 'api' });
			expect(await ctx.services.auth.actorForToken(api.token, 'cookie')).toBeNull();
			expect((await ctx.services.auth.actorForToken(api.token, 'api'))?.actor.name).toBe('JJ');
		});

		it('should throttle guessing per account for 15 minutes, then let the owner in again', async () => {
			await ctx.services.auth.createUser(system, { name: 'Target', email: 'target@contoh.test', password: 'benar-sekali-1' });
			for (let i = 0; i < THROTTLE.perAccount; i++) {
				await expect(ctx.services.auth.login({ login: 'target@contoh.test', password: `tebak-${i}` }, { address: `10.1.0.${i}`, kind: 'cookie' })).rejects.toMatchObject({ status: 401 });
			}
			await expect(ctx.services.auth.login({ login: 'target@contoh.test', password: 'benar-sekali-1' }, { address: '10.1.9.9', kind: 'cookie' })).rejects.toMatchObject({
				status: 429,
				messageKey: 'auth.throttled'
			});
			now = new Date(now.getTime() + THROTTLE.windowMs + 1000);
			await expect(ctx.services.auth.login({ login: 'target@contoh.test', password: 'benar-sekali-1' }, { address: '10.1.9.9', kind: 'cookie' })).resolves.toBeDefined();
		});

		it('should expire sessions, renew active ones, and log out everywhere', async () => {
			const s = await ctx.services.auth.login({ login: 'jj@contoh.test', password: 'ketempling-enak' }, { address: '10.0.0.3', kind: 'cookie' });
			now = new Date(now.getTime() + 2 * 86_400_000);
			const renewed = await ctx.services.auth.actorForToken(s.token, 'cookie');
			expect(renewed?.renewedUntil).toBeTruthy();
			await ctx.services.auth.logoutEverywhere(renewed!.actor);
			expect(await ctx.services.auth.actorForToken(s.token, 'cookie')).toBeNull();
			const t = await ctx.services.auth.login({ login: 'jj@contoh.test', password: 'ketempling-enak' }, { address: '10.0.0.3', kind: 'cookie' });
			now = new Date(now.getTime() + 31 * 86_400_000);
			expect(await ctx.services.auth.actorForToken(t.token, 'cookie')).toBeNull();
		});
	});
});

describe(`${MemberService.name} (${TEST_DIALECT})`, () => {
	describe('addSeller', () => {
		it('should create an account, a shop the seller owns and a one-time setup link', async () => {
			const added = await ctx.services.members.addSeller(coordinator, community, member('0813 2000 0001'));
			const info = await ctx.services.auth.setupLinkInfo(added.setupToken);
			expect(info).toMatchObject({ name: 'Ibu Risol', purpose: 'invite', login: '6281320000001' });
			const session = await ctx.services.auth.setPasswordWithLink(added.setupToken, { password: 'risol-mayo-1', confirm: 'risol-mayo-1' });
			const actor = (await ctx.services.auth.actorForToken(session.token, 'cookie'))!.actor;
			expect(actor.shopIds).toEqual([added.shopId]);
			// used: refused as used, and nothing changes
			await expect(ctx.services.auth.setupLinkInfo(added.setupToken)).rejects.toMatchObject({ code: 'link_used', messageKey: 'auth.linkUsed' });
			await expect(ctx.services.auth.setPasswordWithLink(added.setupToken, { password: 'lain-lagi-2', confirm: 'lain-lagi-2' })).rejects.toMatchObject({ code: 'link_used' });
			await expect(ctx.services.auth.login({ login: '081320000001', password: 'risol-mayo-1' }, { address: '10.2.0.1', kind: 'cookie' })).resolves.toBeDefined();
		});

		it('should refuse an expired link and a replaced link', async () => {
			const added = await ctx.services.members.addSeller(coordinator, community, member('0813 2000 0002', 'Pak Cireng'));
			const fresh = await ctx.services.auth.issueSetupLink(coordinator, added.userId, community.id, 'reset');
			// retired by the newer link, not used by anyone: the message says it was replaced, not "sudah dipakai"
			await expect(ctx.services.auth.setupLinkInfo(added.setupToken)).rejects.toMatchObject({ code: 'link_replaced', messageKey: 'auth.linkReplaced', status: 410 });
			now = new Date(now.getTime() + 15 * 86_400_000);
			await expect(ctx.services.auth.setPasswordWithLink(fresh.token, { password: 'cireng-rujak-1', confirm: 'cireng-rujak-1' })).rejects.toMatchObject({ code: 'link_expired' });
			await expect(ctx.services.auth.setupLinkInfo('tidak-ada')).rejects.toMatchObject({ status: 404 });
		});

		it('should refuse a wrong phone number, a taken one, and a short password, changing nothing', async () => {
			const before = (await ctx.services.members.listSellers(coordinator, community)).length;
			await expect(ctx.services.members.addSeller(coordinator, community, member('021 555 1234'))).rejects.toMatchObject({ issues: [{ field: 'whatsapp' }] });
			await expect(ctx.services.members.addSeller(coordinator, community, member('0813 2000 0001'))).rejects.toMatchObject({ messageKey: 'security.whatsappMemberHere' });
			expect((await ctx.services.members.listSellers(coordinator, community)).length).toBe(before);
			const added = await ctx.services.members.addSeller(coordinator, community, member('0813 2000 0003', 'Bu Gemblong'));
			await expect(ctx.services.auth.setPasswordWithLink(added.setupToken, { password: 'pendek', confirm: 'pendek' })).rejects.toMatchObject({ status: 422 });
			await expect(ctx.services.auth.setPasswordWithLink(added.setupToken, { password: 'panjang-sekali', confirm: 'beda-sekali' })).rejects.toMatchObject({ status: 422 });
			await expect(ctx.services.auth.setupLinkInfo(added.setupToken)).resolves.toBeDefined();
		});

		it("should refuse a coordinator of another community, a seller, and a visitor", async () => {
			const other = await makeCommunity(ctx.services);
			const otherCoordId = await ctx.services.auth.createUser(system, { name: 'Koordinator Lain', email: 'lain@contoh.test', password: 'rahasia-lain-1' });
			await ctx.services.members.addRole(system, other, otherCoordId, 'coordinator');
			const otherCoord = (await ctx.services.auth.loadActor(otherCoordId))!;
			await expect(ctx.services.members.addSeller(otherCoord, community, member('0813 2000 0009'))).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.members.listSellers(otherCoord, community)).rejects.toMatchObject({ status: 404 });
			const sellers = await ctx.services.members.listSellers(coordinator, community);
			await expect(ctx.services.auth.issueSetupLink(otherCoord, sellers[0].userId, community.id, 'reset')).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.auth.issueSetupLink(otherCoord, sellers[0].userId, other.id, 'reset')).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.members.addSeller(PUBLIC_ACTOR, community, member('0813 2000 0010'))).rejects.toMatchObject({ status: 401 });
		});
	});
});
