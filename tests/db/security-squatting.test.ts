import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { MemberService } from '../../src/lib/server/accounts/member.service';
import type { UserActor } from '../../src/lib/server/auth/actor';
import { callRoute, changedTables, digestTables, routeByKey } from '../helpers/routes';
import type { Community } from '../../src/lib/server/db/schema';
import { makeCommunity, system } from '../helpers/factories';

/**
 * Number squatting (issue 8, stop 10): a coordinator of community B registering community A's seller's number as a
 * new member of B. Only an account with a password owns its number or e-mail (0017-security-5).
 */
let ctx: TestContext;
let a: Community;
let b: Community;
const actors: Record<string, UserActor> = {};
const ids: Record<string, string> = {};
const PASSWORD = 'kopi-pagi-di-teras-7';
// A demo-style seller of A: signs in with an e-mail, the shop takes orders on this number (no WhatsApp login).
const DEMO_SHOP_NUMBER = '6281290000001';
// A seller of A added by A's coordinator, who has set a password: the number is their login and their shop's.
const SELLER_NUMBER = '0812 9000 0002';

async function staff(key: string, community: Community, role: 'coordinator' | 'facilitator', whatsapp?: string) {
	ids[key] = await ctx.services.auth.createUser(system, { name: `Staf ${key}`, email: `${key}@squat.test`, whatsapp, password: PASSWORD });
	await ctx.services.members.addRole(system, community, ids[key], role);
	actors[key] = (await ctx.services.auth.loadActor(ids[key]))!;
}

const counts = async () => {
	const db = ctx.database.db;
	const n = async (t: 'app_user' | 'shop' | 'membership' | 'setup_link') => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
	return { users: await n('app_user'), shops: await n('shop'), memberships: await n('membership'), links: await n('setup_link') };
};
const login = (who: string, address = '192.0.2.77') => ctx.services.auth.login({ login: who, password: PASSWORD }, { address, kind: 'api' });

beforeAll(async () => {
	ctx = await createTestContext();
	a = await makeCommunity(ctx.services, { slug: 'desa-a' });
	b = await makeCommunity(ctx.services, { slug: 'desa-b' });
	await staff('coordA', a, 'coordinator', '0812 9000 0009');
	await staff('coordB', b, 'coordinator');
	await staff('facilB', b, 'facilitator');
	ids.demo = await ctx.services.auth.createUser(system, { name: 'Ibu Demo', email: 'demo@squat.test', password: PASSWORD });
	await ctx.services.shops.create(system, a, { name: 'Keripik Demo', businessType: 'Penjual keripik', whatsapp: DEMO_SHOP_NUMBER }, ids.demo, { name: 'Ibu Demo' });
	const seller = await ctx.services.members.addSeller(actors.coordA, a, { name: 'Ibu Pemilik', businessType: 'Penjual opak', whatsapp: SELLER_NUMBER });
	ids.seller = seller.userId;
	await ctx.services.auth.setPasswordWithLink(seller.setupToken, { password: PASSWORD, confirm: PASSWORD });
});
afterAll(() => ctx.cleanup());

describe(`${MemberService.name} (${TEST_DIALECT})`, () => {
	describe('addSeller: another community’s seller’s number', () => {
		it.each([
			['the demo seller’s shop number (no WhatsApp login)', DEMO_SHOP_NUMBER],
			['a seller’s own number (login and shop)', SELLER_NUMBER]
		])('should refuse %s to a coordinator of community B, neutrally, and create nothing', async (_label, number) => {
			const before = await counts();
			const attempt = ctx.services.members.addSeller(actors.coordB, b, { name: 'Penyerobot', businessType: 'Penjual keripik', whatsapp: number });
			await expect(attempt).rejects.toMatchObject({ status: 422, messageKey: 'security.whatsappOtherGroup' });
			expect(await counts()).toEqual(before);
		});

		it('should refuse it through the roster form too (POST /koordinator/desa-b?/tambah), nothing changed', async () => {
			const route = await routeByKey('POST /koordinator/[community]?/tambah');
			const before = await digestTables(ctx.database, ['rate_limit']);
			const res = await callRoute(route, { services: ctx.services, actor: actors.facilB }, { params: { community: b.slug }, form: { name: 'Penyerobot', businessType: 'Penjual keripik', whatsapp: '0812 9000 0001' } });
			expect(res.status).toBe(400);
			expect(JSON.stringify(res.body)).toContain('sudah dipakai akun E-Crav di kelompok lain');
			expect(changedTables(before, await digestTables(ctx.database, ['rate_limit']))).toEqual([]);
		});

		it('should leave community A’s sellers able to sign in and to be set up with their numbers', async () => {
			await expect(login(SELLER_NUMBER)).resolves.toMatchObject({ user: { id: ids.seller } });
			await expect(login('demo@squat.test')).resolves.toMatchObject({ user: { id: ids.demo } });
			// A's coordinator adds a new seller; B tries the number the moment it is a shop's; A's seller sets up.
			const fresh = await ctx.services.members.addSeller(actors.coordA, a, { name: 'Ibu Baru', businessType: 'Penjual kue', whatsapp: '0812 9000 0003' });
			await expect(ctx.services.members.addSeller(actors.coordB, b, { name: 'Penyerobot', businessType: 'Penjual kue', whatsapp: '0812 9000 0003' })).rejects.toMatchObject({ status: 422 });
			await ctx.services.auth.setPasswordWithLink(fresh.setupToken, { password: PASSWORD, confirm: PASSWORD });
			await expect(login('0812 9000 0003')).resolves.toMatchObject({ user: { id: fresh.userId } });
		});
	});

	describe('addSeller: first come keeps a number or e-mail', () => {
		it('should refuse a number or e-mail of an account in another community, pending or with a password, and create nothing', async () => {
			const before = await counts();
			// coordA's own login (with a password), not a shop's number
			await expect(ctx.services.members.addSeller(actors.coordB, b, { name: 'Ibu Satu', businessType: 'Penjual kue', whatsapp: '0812 9000 0009' })).rejects.toMatchObject({ status: 422, messageKey: 'security.whatsappOtherGroup' });
			await expect(ctx.services.members.addSeller(actors.coordB, b, { name: 'Ibu Satu', businessType: 'Penjual kue', whatsapp: '0812 9000 0010', email: 'coorda@squat.test' })).rejects.toMatchObject({ status: 422, messageKey: 'security.emailOtherGroup' });
			// the attacker's e-mail squat: A's new seller has not set a password yet; B adds someone with her e-mail
			const victim = await ctx.services.members.addSeller(actors.coordA, a, { name: 'Korban Baru', businessType: 'Penjual kue', whatsapp: '0812 9955 0103', email: 'korban1@squat.test' });
			const mid = await counts();
			await expect(ctx.services.members.addSeller(actors.coordB, b, { name: 'Penyusup', businessType: 'Penjual kue', whatsapp: '0812 9955 0104', email: 'korban1@squat.test' })).rejects.toMatchObject({ status: 422, messageKey: 'security.emailOtherGroup' });
			expect(await counts()).toEqual(mid);
			expect(mid.users).toBe(before.users + 1);
			await ctx.services.auth.setPasswordWithLink(victim.setupToken, { password: PASSWORD, confirm: PASSWORD });
			await expect(login('korban1@squat.test')).resolves.toMatchObject({ user: { id: victim.userId } });
			await expect(login('0812 9000 0009')).resolves.toMatchObject({ user: { id: ids.coordA } });
		});

		it('should still say "already a member here" for the actor’s own community only', async () => {
			await expect(ctx.services.members.addSeller(actors.coordA, a, { name: 'Duplikat', businessType: 'Penjual opak', whatsapp: SELLER_NUMBER })).rejects.toMatchObject({ messageKey: 'security.whatsappMemberHere' });
			await expect(ctx.services.members.addSeller(actors.coordA, a, { name: 'Duplikat', businessType: 'Penjual opak', whatsapp: '0812 9000 0020', email: 'demo@squat.test' })).rejects.toMatchObject({ messageKey: 'security.emailMemberHere' });
		});
	});

	describe('setPasswordWithLink: two accounts with one e-mail made before the rule (first come keeps)', () => {
		it('should open both links alike, and let only the older account set a password, also when both try at once', async () => {
			const db = ctx.database.db;
			const make = async (id: string, at: string, community: Community) => {
				await db.insertInto('app_user').values({ id, name: `Ibu ${id}`, email: 'kembar@squat.test', whatsapp: null, password_hash: null, is_platform_admin: 0, created_at: at, updated_at: at }).execute();
				await db.insertInto('membership').values({ id: `mem_${id}`, user_id: id, community_id: community.id, role: 'seller', created_at: at }).execute();
				return (await ctx.services.auth.issueSetupLink(system, id, community.id, 'invite')).token;
			};
			const older = await make('usr_kembar_lama', '2026-01-01T00:00:00.000Z', a);
			const newer = await make('usr_kembar_baru', '2026-02-01T00:00:00.000Z', b);
			// the link page answers the same for both (nothing to enumerate with a GET)
			await expect(ctx.services.auth.setupLinkInfo(older)).resolves.toMatchObject({ login: 'kembar@squat.test' });
			await expect(ctx.services.auth.setupLinkInfo(newer)).resolves.toMatchObject({ login: 'kembar@squat.test' });
			const [first, second] = await Promise.allSettled([older, newer].map((t) => ctx.services.auth.setPasswordWithLink(t, { password: PASSWORD, confirm: PASSWORD })));
			expect(first.status).toBe('fulfilled');
			expect((second as PromiseRejectedResult).reason).toMatchObject({ status: 409, code: 'login_claimed', messageKey: 'security.loginClaimed' });
			expect((await db.selectFrom('app_user').select('password_hash').where('id', '=', 'usr_kembar_baru').executeTakeFirstOrThrow()).password_hash).toBeNull();
			await expect(login('kembar@squat.test')).resolves.toMatchObject({ user: { id: 'usr_kembar_lama' } });
		});
	});
});

describe(`MemberIoService.importFile (${TEST_DIALECT})`, () => {
	it('should refuse a row with another community’s shop number or account number by the same rule, importing nothing', async () => {
		const before = await counts();
		const csv = 'nama,whatsapp,usaha\nRisol Palsu,0812 9000 0002,Penjual risol\nIbu Asli,0812 9000 0077,Penjual kue\nToko JJ Palsu,081290000001,Penjual keripik\n';
		const result = await ctx.services.memberFiles.importFile(actors.coordB, b, { name: 'anggota.csv', bytes: new TextEncoder().encode(csv) });
		expect(result).toMatchObject({ ok: false, problems: [{ row: 2, column: 'whatsapp', messageKey: 'security.whatsappOtherGroup' }, { row: 4, column: 'whatsapp', messageKey: 'security.whatsappOtherGroup' }] });
		expect(await counts()).toEqual(before);
	});
});

describe(`MemberIoService.importFile budget (${TEST_DIALECT})`, () => {
	it('should charge every number a file finds held elsewhere: a file of 61 other-community numbers answers 429 and names none', async () => {
		await staff('importB', b, 'facilitator');
		const held: string[] = [];
		for (let i = 0; i < 61; i++) {
			const number = `628129100${String(i).padStart(4, '0')}`;
			await ctx.services.shops.create(system, a, { name: `Toko A ${i}`, businessType: 'Penjual kue', whatsapp: number });
			held.push(number);
		}
		const file = (numbers: string[]) => ({ name: 'anggota.csv', bytes: new TextEncoder().encode(`nama,whatsapp,usaha\n${numbers.map((n, i) => `Ibu ${i},${n},Penjual kue`).join('\n')}\n`) });
		// a small file: its held numbers are named (1 try for the file + 2 for the numbers)
		const small = await ctx.services.memberFiles.importFile(actors.importB, b, file([held[0], held[1], '0812 9100 9999']));
		expect(small).toMatchObject({ ok: false, problems: [{ row: 2, messageKey: 'security.whatsappOtherGroup' }, { row: 3, messageKey: 'security.whatsappOtherGroup' }] });
		const before = await counts();
		// 61 held numbers cost more than the hour's 60 tries: refused as a whole, no row named
		await expect(ctx.services.memberFiles.importFile(actors.importB, b, file([...held, '0812 9100 9998']))).rejects.toMatchObject({ status: 429, messageKey: 'security.memberChecksTooMany' });
		expect(await counts()).toEqual(before);
		// the budget is spent: the next file is refused too, even one with no held number
		await expect(ctx.services.memberFiles.importFile(actors.importB, b, file(['0812 9100 9997']))).rejects.toMatchObject({ status: 429 });
	});
});

describe(`RosterService.inviteOwner (${TEST_DIALECT})`, () => {
	it('should refuse to invite an owner on another community’s shop number, nothing changed', async () => {
		const shop = await ctx.services.shops.create(system, b, { name: 'Toko Tanpa Pemilik', businessType: 'Penjual kue', whatsapp: DEMO_SHOP_NUMBER });
		const member = await ctx.database.db.selectFrom('member').select('id').where('shop_id', '=', shop.id).executeTakeFirst();
		if (!member) return expect.unreachable('a shop gets its member row');
		const before = await counts();
		await expect(ctx.services.roster.inviteOwner(actors.coordB, b, member.id)).rejects.toMatchObject({ status: 422, messageKey: 'security.whatsappOtherGroup' });
		expect(await counts()).toEqual(before);
	});
});

describe(`0017-security-5 migration (${TEST_DIALECT})`, () => {
	it('should keep every account, membership and session, make password-less logins shareable and owned ones unique', async () => {
		const old = await createTestContext({ migrateTo: '0016-program-2', sqliteFile: true });
		try {
			const db = old.database.db;
			const at = new Date().toISOString();
			const community = await makeCommunity(old.services, { slug: 'migrasi' });
			await db.insertInto('app_user').values({ id: 'usr_m', name: 'Ibu M', email: 'm@x.test', whatsapp: '6281290000099', password_hash: 'x', is_platform_admin: 0, created_at: at, updated_at: at }).execute();
			await db.insertInto('membership').values({ id: 'mem_m', user_id: 'usr_m', community_id: community.id, role: 'seller', created_at: at }).execute();
			await db.insertInto('session').values({ token_hash: 'h', user_id: 'usr_m', kind: 'cookie', created_at: at, expires_at: at, last_seen_at: at }).execute();
			const { migrate } = await import('../../src/lib/server/db');
			await migrate(old.database);
			expect(await db.selectFrom('app_user').select(['id', 'email', 'whatsapp']).execute()).toEqual([{ id: 'usr_m', email: 'm@x.test', whatsapp: '6281290000099' }]);
			expect(await db.selectFrom('membership').select('id').execute()).toEqual([{ id: 'mem_m' }]);
			expect(await db.selectFrom('session').select('token_hash').execute()).toEqual([{ token_hash: 'h' }]);
			const user = (id: string, password: string | null) => ({ id, name: id, email: null, whatsapp: '6281290000099', password_hash: password, is_platform_admin: 0, created_at: at, updated_at: at });
			await db.insertInto('app_user').values([user('usr_inv1', null), user('usr_inv2', null)]).execute();
			await expect(db.insertInto('app_user').values(user('usr_own2', 'y')).execute()).rejects.toThrow();
			// references still hold both ways: deleting the account removes its membership and session
			await db.deleteFrom('app_user').where('id', '=', 'usr_m').execute();
			expect(await db.selectFrom('membership').select('id').execute()).toEqual([]);
			expect(await db.selectFrom('session').select('token_hash').execute()).toEqual([]);
			if (old.database.dialect === 'sqlite') expect((await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db)).rows[0].foreign_keys).toBe(1);
		} finally {
			await old.cleanup();
		}
	});
});

describe(`AuthService.createUser (${TEST_DIALECT})`, () => {
	it('should tell the operator (CLI add-coordinator) at once that a number or e-mail is owned, even without a password', async () => {
		const before = await counts();
		await expect(ctx.services.auth.createUser(system, { name: 'Koordinator Baru', whatsapp: SELLER_NUMBER })).rejects.toMatchObject({ status: 422, messageKey: 'auth.whatsappTaken' });
		await expect(ctx.services.auth.createUser(system, { name: 'Koordinator Baru', email: 'demo@squat.test' })).rejects.toMatchObject({ status: 422, messageKey: 'auth.emailTaken' });
		expect(await counts()).toEqual(before);
	});
});

describe(`refuseClaimedLogins budget (${TEST_DIALECT})`, () => {
	it('should bound a coordinator’s tries: past 60 an hour, 429 with a clear message and nothing created', async () => {
		const before = await counts();
		const statuses: number[] = [];
		for (let i = 0; i < 70; i++) statuses.push(await ctx.services.members.addSeller(actors.coordB, b, { name: 'Penebak', businessType: 'Penjual kue', whatsapp: DEMO_SHOP_NUMBER }).then(() => 200, (e: { status: number }) => e.status));
		const first = statuses.indexOf(429);
		expect(first).toBeGreaterThan(0);
		expect(first).toBeLessThanOrEqual(60);
		expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
		await expect(ctx.services.members.addSeller(actors.coordB, b, { name: 'Penebak', businessType: 'Penjual kue', whatsapp: '0812 9000 0555' })).rejects.toMatchObject({ status: 429, messageKey: 'security.memberChecksTooMany' });
		expect(await counts()).toEqual(before);
		// another coordinator is not held up
		await expect(ctx.services.members.addSeller(actors.coordA, a, { name: 'Ibu Lain', businessType: 'Penjual kue', whatsapp: '0812 9000 0556' })).resolves.toBeDefined();
	});
});

describe(`AuthService.login (${TEST_DIALECT})`, () => {
	it('should never sign in as a password-less account', async () => {
		await expect(ctx.services.auth.login({ login: '0812 9955 0104', password: PASSWORD }, { address: '192.0.2.90', kind: 'api' })).rejects.toMatchObject({ status: 401 });
	});
});
