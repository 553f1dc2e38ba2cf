import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, system } from '../helpers/factories';
import { makeProgram, rosterSince } from '../helpers/program-fixtures';
import { CheckinService, CHECKIN_RULES, CLAIM_MINUTES } from '../../src/lib/server/training/checkin.service';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import type { Training } from '../../src/lib/server/training/training.service';

// The test clock: the training day of the field report (28 Nov 2024, 15.00 WIB = 08.00 UTC), moved by the tests.
const DAY = '2024-11-28T08:10:00.000Z';
let now = new Date(DAY);
let ctx: TestContext;
let community: Community;
let other: Community;
let facilitator: UserActor;
let coordinator: UserActor;
let otherCoordinator: UserActor;
let programId: string;
let otherProgramId: string;
let phone = 100;
const PASSWORD = 'risol-mayo-2024';

type Seller = { userId: string; shopId: string; memberId: string; whatsapp: string };

/** A seller as the coordinator adds them: an account without a password, a shop and a roster row. */
async function seller(c: Community, name: string): Promise<Seller> {
	const whatsapp = `0812 7788 ${String(++phone).padStart(4, '0')}`;
	const added = await ctx.services.members.addSeller(system, c, { name, businessType: 'Penjual keripik', whatsapp });
	const row = await ctx.database.db.selectFrom('member').select('id').where('shop_id', '=', added.shopId).executeTakeFirstOrThrow();
	return { userId: added.userId, shopId: added.shopId, memberId: row.id, whatsapp };
}

/** A seller on the roster only, as a spreadsheet import leaves her: a shop and a roster row, no account at all. */
async function rosterOnly(c: Community, name: string): Promise<{ shopId: string; memberId: string; whatsapp: string }> {
	const whatsapp = `0812 7788 ${String(++phone).padStart(4, '0')}`;
	const result = await ctx.services.memberFiles.importFile(system, c, { name: 'anggota.csv', bytes: new TextEncoder().encode(`nama;whatsapp;usaha\r\n${name};${whatsapp};Penjual gemblong`) });
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	const row = await ctx.database.db.selectFrom('member as m').innerJoin('shop as s', 's.id', 'm.shop_id').select(['m.id', 'm.shop_id', 's.owner_user_id']).where('m.person_name', '=', name).where('m.community_id', '=', c.id).executeTakeFirstOrThrow();
	expect(row.owner_user_id).toBeNull();
	return { shopId: row.shop_id, memberId: row.id, whatsapp };
}

async function staff(c: Community, role: 'coordinator' | 'facilitator', name: string): Promise<UserActor> {
	const id = await ctx.services.auth.createUser(system, { name, email: `${role}-${c.slug}-${++phone}@checkin.test`, password: 'kunci-staf-rahasia-9' });
	await ctx.services.members.addRole(system, c, id, role);
	return (await ctx.services.auth.loadActor(id))!;
}

const training = (startsAt = '2024-11-28T15:00', program = programId): Promise<Training> =>
	ctx.services.trainings.create(system, program, { title: 'Peningkatan Kapasitas Bagi Para Pelaku UKM', startsAt, venue: 'Gedung Serbaguna Kelurahan Cigadung' });
const present = async (trainingId: string, memberId: string) => (await ctx.services.trainings.attendance(system, trainingId)).data.find((d) => d.memberId === memberId)?.present ?? false;
const linksOf = (userId: string) => ctx.database.db.selectFrom('setup_link').select(['token_hash', 'used_at']).where('user_id', '=', userId).orderBy('created_at').orderBy('token_hash').execute();
const claims = () => ctx.database.db.selectFrom('training_checkin_claim').selectAll().execute();
let addr = 0;
/** Each phone on its own address unless a test is about the address limit. */
const address = () => `10.0.${Math.floor(++addr / 250)}.${addr % 250}`;

let eneng: Seller;
let ujang: Seller;
let siti: Seller;
let tati: Seller;
let lain: Seller;

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	community = await makeCommunity(ctx.services);
	other = await makeCommunity(ctx.services);
	programId = await makeProgram(ctx.database.db, community);
	otherProgramId = await makeProgram(ctx.database.db, other);
	eneng = await seller(community, 'Ibu Eneng Sumarni');
	ujang = await seller(community, 'Pak Ujang Jaya');
	siti = await seller(community, 'Siti Rahmawati');
	tati = await seller(community, 'Bu Tati Dewi');
	lain = await seller(other, 'Bu Lain Desa');
	await rosterSince(ctx.database.db, community);
	await rosterSince(ctx.database.db, other);
	facilitator = await staff(community, 'facilitator', 'Pendamping Rina');
	coordinator = await staff(community, 'coordinator', 'Koordinator Dedi');
	otherCoordinator = await staff(other, 'coordinator', 'Koordinator Lain');
	// Tati set her password earlier (a setup card): she signs in after the check-in
	const link = await ctx.services.auth.issueSetupLink(system, tati.userId, community.id, 'invite');
	await ctx.services.auth.setPasswordWithLink(link.token, { password: PASSWORD, confirm: PASSWORD });
}, 120_000);
afterAll(() => ctx.cleanup());

describe(`${CheckinService.name} (${TEST_DIALECT})`, () => {
	describe('publicView', () => {
		it('should list first names only on the training day, and nothing before or after it', async () => {
			const t = await training();
			now = new Date(DAY);
			const view = await ctx.services.checkins.publicView(t.checkinToken);
			expect(view.day).toBe('today');
			expect(view.members.map((m) => m.firstName)).toEqual(['Eneng', 'Siti', 'Tati', 'Ujang']);
			expect(JSON.stringify(view)).not.toMatch(/Sumarni|Jaya|7788|62812/);
			now = new Date('2024-11-27T16:59:00.000Z'); // 23.59 WIB the day before
			expect(await ctx.services.checkins.publicView(t.checkinToken)).toMatchObject({ day: 'before', members: [] });
			now = new Date('2024-11-28T17:00:00.000Z'); // 00.00 WIB the day after
			expect(await ctx.services.checkins.publicView(t.checkinToken)).toMatchObject({ day: 'after', members: [] });
			await expect(ctx.services.checkins.claim(t.checkinToken, { memberId: eneng.memberId }, undefined, address())).rejects.toMatchObject({ status: 409, messageKey: 'checkin.notToday' });
			now = new Date(DAY);
			await expect(ctx.services.checkins.publicView('bukan-token')).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.checkins.publicView('x'.repeat(500))).rejects.toMatchObject({ status: 404 });
			expect(view.closed).toBe(false);
			// attendance closed: the page says so and offers no list that would only refuse (stranger 2026-12-02); reopened: back
			await ctx.services.trainings.closeAttendance(coordinator, t.id);
			expect(await ctx.services.checkins.publicView(t.checkinToken)).toMatchObject({ day: 'today', closed: true, members: [] });
			await ctx.services.trainings.closeAttendance(coordinator, t.id, true);
			expect((await ctx.services.checkins.publicView(t.checkinToken)).members).toHaveLength(4);
		});
	});

	describe('claim → decide → claimState', () => {
		it('should wait for the facilitator, then mark present and let this phone set the first password on its own page, once, in the facilitator’s name', async () => {
			now = new Date(DAY);
			const t = await training();
			const phoneA = await ctx.services.checkins.claim(t.checkinToken, { memberId: eneng.memberId }, undefined, address());
			const waiting = await ctx.services.checkins.claimState(t.checkinToken, phoneA.claimToken);
			expect(waiting).toMatchObject({ next: 'wait', firstName: 'Eneng' });
			expect(waiting.next === 'wait' && waiting.code).toMatch(/^\d{3}$/);
			expect(await present(t.id, eneng.memberId)).toBe(false);
			// only the hash of the phone's token is stored
			expect(JSON.stringify(await claims())).not.toContain(phoneA.claimToken);

			const pending = await ctx.services.checkins.pending(facilitator, t.id);
			expect(pending).toEqual([expect.objectContaining({ id: phoneA.claimId, memberId: eneng.memberId, name: 'Ibu Eneng Sumarni', via: 'name', code: waiting.next === 'wait' ? waiting.code : '' })]);
			await ctx.services.checkins.decide(facilitator, t.id, phoneA.claimId, 'confirm');
			await ctx.services.checkins.decide(facilitator, t.id, phoneA.claimId, 'confirm'); // a double tap counts once
			expect(await present(t.id, eneng.memberId)).toBe(true);
			expect(await ctx.services.checkins.pending(facilitator, t.id)).toEqual([]);

			// "Bukan saya" tapped a moment too late: told so (409), the claim stays confirmed and she stays present
			await expect(ctx.services.checkins.cancel(t.checkinToken, phoneA.claimToken)).rejects.toMatchObject({ status: 409, messageKey: 'checkin.claimDecided' });
			expect(await present(t.id, eneng.memberId)).toBe(true);
			const next = await ctx.services.checkins.claimState(t.checkinToken, phoneA.claimToken);
			expect(next).toEqual({ next: 'setup', firstName: 'Eneng', login: `62${eneng.whatsapp.replace(/ /g, '').slice(1)}` });
			// looking again (a reload, a double tap whose first answer was thrown away) spends nothing: the same form
			const linksBefore = await linksOf(eneng.userId);
			expect(await ctx.services.checkins.claimState(t.checkinToken, phoneA.claimToken)).toEqual(next);
			// a typo spends nothing either: the form again, with the message on the field
			await expect(ctx.services.checkins.claimPassword(t.checkinToken, phoneA.claimToken, { password: PASSWORD, confirm: 'lain' }, address())).rejects.toMatchObject({ status: 422 });
			await expect(ctx.services.checkins.claimPassword(t.checkinToken, phoneA.claimToken, { password: 'eneng123', confirm: 'eneng123' }, address())).rejects.toMatchObject({ status: 422 });
			expect(await ctx.services.checkins.claimState(t.checkinToken, phoneA.claimToken)).toEqual(next);
			expect(await linksOf(eneng.userId)).toEqual(linksBefore);
			const set = await ctx.services.checkins.claimPassword(t.checkinToken, phoneA.claimToken, { password: PASSWORD, confirm: PASSWORD }, address());
			if (!('session' in set)) throw new Error('expected a session');
			expect(set.session.user.id).toBe(eneng.userId);
			// the seller is told who let her account be opened, and the audit log says who issued it
			expect(await ctx.services.auth.recentPasswordResets((await ctx.services.auth.loadActor(eneng.userId))!, eneng.userId)).toEqual([expect.objectContaining({ byName: 'Pendamping Rina', first: true })]);
			const audit = await ctx.database.db.selectFrom('audit_log').selectAll().where('target_id', '=', eneng.userId).execute();
			expect(audit.map((a) => [a.action, a.actor_name])).toEqual([['setup_link.invite', 'Pendamping Rina']]);
			expect(await ctx.services.checkins.claimState(t.checkinToken, phoneA.claimToken)).toEqual({ next: 'signin', firstName: 'Eneng' });
			// once per claim: a later post changes nothing and signs nobody in
			expect(await ctx.services.checkins.claimPassword(t.checkinToken, phoneA.claimToken, { password: 'lain-sandi-2024', confirm: 'lain-sandi-2024' }, address())).toEqual({ state: { next: 'signin', firstName: 'Eneng' } });
			await expect(ctx.services.auth.login({ login: eneng.whatsapp, password: PASSWORD }, { address: address(), kind: 'api' })).resolves.toMatchObject({ user: { id: eneng.userId } });
		});

		it('should send a member who already has a password to sign in, without a link', async () => {
			now = new Date(DAY);
			const t = await training();
			const c = await ctx.services.checkins.claim(t.checkinToken, { whatsapp: tati.whatsapp.replace(/ /g, '-') }, undefined, address());
			await ctx.services.checkins.decide(coordinator, t.id, c.claimId, 'confirm');
			expect(await ctx.services.checkins.claimState(t.checkinToken, c.claimToken)).toEqual({ next: 'signin', firstName: 'Tati' });
		});

		it('should find a member by the WhatsApp number as people type it, and refuse bad or unknown numbers with a message', async () => {
			now = new Date(DAY);
			const t = await training();
			const digits = ujang.whatsapp.replace(/ /g, '');
			for (const typed of [`+62 ${digits.slice(1, 4)} ${digits.slice(4, 8)} ${digits.slice(8)}`, `62${digits.slice(1)}`, digits.slice(1), ujang.whatsapp]) {
				const c = await ctx.services.checkins.claim(t.checkinToken, { whatsapp: typed }, undefined, address());
				expect((await ctx.services.checkins.pending(facilitator, t.id)).map((p) => [p.memberId, p.via])).toEqual([[ujang.memberId, 'phone']]);
				await ctx.services.checkins.cancel(t.checkinToken, c.claimToken);
			}
			await expect(ctx.services.checkins.claim(t.checkinToken, { whatsapp: '12345' }, undefined, address())).rejects.toMatchObject({ status: 422, issues: [{ field: 'whatsapp', messageKey: 'checkin.phoneInvalid' }] });
			await expect(ctx.services.checkins.claim(t.checkinToken, { whatsapp: '0813 0000 9999' }, undefined, address())).rejects.toMatchObject({ status: 422, issues: [{ field: 'whatsapp', messageKey: 'checkin.phoneUnknown' }] });
			// another community's member, by number or by id: not on this list
			await expect(ctx.services.checkins.claim(t.checkinToken, { whatsapp: lain.whatsapp }, undefined, address())).rejects.toMatchObject({ status: 422, issues: [{ field: 'whatsapp', messageKey: 'checkin.phoneUnknown' }] });
			await expect(ctx.services.checkins.claim(t.checkinToken, { memberId: lain.memberId }, undefined, address())).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.checkins.claim(t.checkinToken, {}, undefined, address())).rejects.toMatchObject({ status: 422 });
			expect(await ctx.services.checkins.pending(facilitator, t.id)).toEqual([]);
		});
	});

	describe('claim stealing', () => {
		it('should refuse a second phone claiming a member who is waiting, and let the same phone tap again or change its mind', async () => {
			now = new Date(DAY);
			const t = await training();
			const phoneA = await ctx.services.checkins.claim(t.checkinToken, { memberId: siti.memberId }, undefined, address());
			await expect(ctx.services.checkins.claim(t.checkinToken, { memberId: siti.memberId }, undefined, address())).rejects.toMatchObject({ status: 409, messageKey: 'checkin.pendingElsewhere' });
			await expect(ctx.services.checkins.claim(t.checkinToken, { whatsapp: siti.whatsapp }, 'token-of-nobody', address())).rejects.toMatchObject({ status: 409 });
			// a double tap on the same phone: the same claim
			expect(await ctx.services.checkins.claim(t.checkinToken, { memberId: siti.memberId }, phoneA.claimToken, address())).toEqual(phoneA);
			// the phone picks another name: its first claim is cancelled, so Siti is free again
			const changed = await ctx.services.checkins.claim(t.checkinToken, { memberId: ujang.memberId }, phoneA.claimToken, address());
			expect(changed.claimId).not.toBe(phoneA.claimId);
			expect(await ctx.services.checkins.claimState(t.checkinToken, phoneA.claimToken)).toEqual({ next: 'cancelled' });
			expect((await ctx.services.checkins.pending(facilitator, t.id)).map((p) => p.memberId)).toEqual([ujang.memberId]);
			const phoneB = await ctx.services.checkins.claim(t.checkinToken, { memberId: siti.memberId }, undefined, address());
			// refused by the facilitator: nobody marked present, the phone is told, the name is free
			await ctx.services.checkins.decide(facilitator, t.id, phoneB.claimId, 'reject');
			expect(await ctx.services.checkins.claimState(t.checkinToken, phoneB.claimToken)).toEqual({ next: 'rejected' });
			expect(await present(t.id, siti.memberId)).toBe(false);
			await expect(ctx.services.checkins.decide(facilitator, t.id, phoneB.claimId, 'confirm')).rejects.toMatchObject({ status: 409 });
			expect(await present(t.id, siti.memberId)).toBe(false);
		});

		it('should let only the confirmed claim’s own phone set the password, once, even when the form is posted twice at once', async () => {
			now = new Date(DAY);
			const t = await training();
			const mine = await ctx.services.checkins.claim(t.checkinToken, { memberId: ujang.memberId }, undefined, address());
			const form = { password: PASSWORD, confirm: PASSWORD };
			// not confirmed yet: no form, and a post is refused like an unknown claim
			await expect(ctx.services.checkins.claimPassword(t.checkinToken, mine.claimToken, form, address())).rejects.toMatchObject({ status: 404 });
			await ctx.services.checkins.decide(facilitator, t.id, mine.claimId, 'confirm');
			// another phone (no cookie, a guessed one, or the claim id itself) learns nothing and sets nothing
			for (const guess of ['', 'tebakan', mine.claimId]) {
				await expect(ctx.services.checkins.claimState(t.checkinToken, guess)).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.checkins.claimPassword(t.checkinToken, guess, form, address())).rejects.toMatchObject({ status: 404 });
			}
			// the claim with another training's QR: not found
			const t2 = await training();
			await expect(ctx.services.checkins.claimState(t2.checkinToken, mine.claimToken)).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.checkins.claimPassword(t2.checkinToken, mine.claimToken, form, address())).rejects.toMatchObject({ status: 404 });
			// a double tap on "Simpan": both posts end signed in as Ujang, one password set, one link made and used
			const linksBefore = (await linksOf(ujang.userId)).length;
			const [first, second] = await Promise.all([ctx.services.checkins.claimPassword(t.checkinToken, mine.claimToken, form, address()), ctx.services.checkins.claimPassword(t.checkinToken, mine.claimToken, form, address())]);
			for (const r of [first, second]) expect('session' in r && r.session.user.id).toBe(ujang.userId);
			const links = await linksOf(ujang.userId);
			expect(links).toHaveLength(linksBefore + 1);
			expect(links.every((l) => !!l.used_at)).toBe(true);
			expect(await ctx.services.checkins.claimState(t.checkinToken, mine.claimToken)).toEqual({ next: 'signin', firstName: 'Ujang' });
		});

		it('should give a double tap on a name (two posts with the same cookie, JavaScript off) the same claim and waiting page', async () => {
			now = new Date(DAY);
			const t = await training();
			// the list page puts a token in the cookie before the tap; a made-up or used one is replaced
			const cookie = await ctx.services.checkins.browserToken(undefined);
			expect(await ctx.services.checkins.browserToken(cookie)).toBe(cookie);
			expect(await ctx.services.checkins.browserToken('kue-sendiri')).not.toBe('kue-sendiri');
			const at = address();
			const [a, b] = await Promise.all([ctx.services.checkins.claim(t.checkinToken, { memberId: siti.memberId }, cookie, at), ctx.services.checkins.claim(t.checkinToken, { memberId: siti.memberId }, cookie, at)]);
			expect(a).toEqual({ claimToken: cookie, claimId: a.claimId });
			expect(b).toEqual(a);
			// and a third, later post of the same tap
			expect(await ctx.services.checkins.claim(t.checkinToken, { memberId: siti.memberId }, cookie, at)).toEqual(a);
			expect((await ctx.services.checkins.pending(facilitator, t.id)).map((p) => p.id)).toEqual([a.claimId]);
			expect(await ctx.services.checkins.claimState(t.checkinToken, cookie)).toMatchObject({ next: 'wait', firstName: 'Siti' });
			// another browser (another cookie) is still refused: the seat is taken
			const otherCookie = await ctx.services.checkins.browserToken(undefined);
			await expect(ctx.services.checkins.claim(t.checkinToken, { memberId: siti.memberId }, otherCookie, address())).rejects.toMatchObject({ status: 409, messageKey: 'checkin.pendingElsewhere' });
			// a token that made a claim is never handed out again
			expect(await ctx.services.checkins.browserToken(cookie)).not.toBe(cookie);
			// a double tap on the phone form (typed number) works the same
			const cookie2 = await ctx.services.checkins.browserToken(undefined);
			const [c, d] = await Promise.all([0, 1].map(() => ctx.services.checkins.claim(t.checkinToken, { whatsapp: ujang.whatsapp }, cookie2, at)));
			expect(d).toEqual(c);
			expect(c.claimToken).toBe(cookie2);
		});
	});

	describe('expiry', () => {
		it(`should let a pending claim lapse after ${CLAIM_MINUTES} minutes: not listed, not confirmable, and the name free again`, async () => {
			now = new Date(DAY);
			const t = await training();
			const old = await ctx.services.checkins.claim(t.checkinToken, { memberId: siti.memberId }, undefined, address());
			now = new Date(Date.parse(DAY) + (CLAIM_MINUTES + 1) * 60_000);
			expect(await ctx.services.checkins.claimState(t.checkinToken, old.claimToken)).toEqual({ next: 'expired' });
			expect(await ctx.services.checkins.pending(facilitator, t.id)).toEqual([]);
			await expect(ctx.services.checkins.decide(facilitator, t.id, old.claimId, 'confirm')).rejects.toMatchObject({ status: 409 });
			expect(await present(t.id, siti.memberId)).toBe(false);
			const fresh = await ctx.services.checkins.claim(t.checkinToken, { memberId: siti.memberId }, undefined, address());
			expect((await ctx.services.checkins.pending(facilitator, t.id)).map((p) => p.id)).toEqual([fresh.claimId]);
			now = new Date(DAY);
		});
	});

	describe('tenants', () => {
		it('should tell another community’s staff and sellers that the claims do not exist, and change nothing', async () => {
			now = new Date(DAY);
			const t = await training();
			const c = await ctx.services.checkins.claim(t.checkinToken, { memberId: siti.memberId }, undefined, address());
			const sellerActor = (await ctx.services.auth.loadActor(tati.userId))!;
			for (const actor of [otherCoordinator, sellerActor]) {
				await expect(ctx.services.checkins.pending(actor, t.id)).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.checkins.decide(actor, t.id, c.claimId, 'confirm')).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.checkins.issueCards(actor, t.id)).rejects.toMatchObject({ status: 404 });
			}
			// the other community's coordinator with a training of their own and this claim's id
			const theirs = await training('2024-11-28T15:00', otherProgramId);
			await expect(ctx.services.checkins.decide(otherCoordinator, theirs.id, c.claimId, 'confirm')).rejects.toMatchObject({ status: 404 });
			// this community's own staff, but the claim of another training
			const t2 = await training();
			await expect(ctx.services.checkins.decide(facilitator, t2.id, c.claimId, 'confirm')).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.checkins.issueCards(facilitator, t.id, [lain.memberId])).rejects.toMatchObject({ status: 404 });
			expect(await present(t.id, siti.memberId)).toBe(false);
			expect((await claims()).find((x) => x.id === c.claimId)?.status).toBe('pending');
		});
	});

	describe('flood limits', () => {
		it('should refuse claims from one address past the limit with 429', async () => {
			now = new Date(DAY);
			const t = await training();
			const flood = '192.0.2.77';
			for (let i = 0; i < CHECKIN_RULES.address.limit; i++) await ctx.services.limiter.hit(CHECKIN_RULES.address, flood);
			await expect(ctx.services.checkins.claim(t.checkinToken, { memberId: siti.memberId }, undefined, flood)).rejects.toMatchObject({ status: 429 });
			expect((await claims()).filter((x) => x.training_id === t.id)).toEqual([]);
		});

		it('should refuse junk (names not on the list, unknown numbers) past its own limits without locking out the members', async () => {
			now = new Date(DAY);
			const t = await training();
			const prankster = '192.0.2.90';
			for (let i = 0; i < CHECKIN_RULES.misses.limit; i++) await expect(ctx.services.checkins.claim(t.checkinToken, { memberId: `mbr_junk${i}` }, undefined, prankster)).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.checkins.claim(t.checkinToken, { whatsapp: '0812 0000 0000' }, undefined, prankster)).rejects.toMatchObject({ status: 429 });
			// the same address (the venue's hotspot) and another one: real names still go through
			await expect(ctx.services.checkins.claim(t.checkinToken, { memberId: siti.memberId }, undefined, prankster)).resolves.toMatchObject({ claimId: expect.any(String) });
			// a flood from many addresses spends the training's junk budget: junk is refused everywhere, members are not
			for (let i = 0; i < CHECKIN_RULES.training.limit; i++) await ctx.services.limiter.hit(CHECKIN_RULES.training, t.id);
			await expect(ctx.services.checkins.claim(t.checkinToken, { memberId: 'mbr_junk' }, undefined, address())).rejects.toMatchObject({ status: 429 });
			await expect(ctx.services.checkins.claim(t.checkinToken, { memberId: ujang.memberId }, undefined, address())).resolves.toMatchObject({ claimId: expect.any(String) });
		});
	});

	describe('cards', () => {
		it('should check the member in at today’s training without confirmation and hand out the first-password link once', async () => {
			now = new Date(DAY);
			const card = await seller(community, 'Cucu Cahyati');
			await rosterSince(ctx.database.db, community);
			const t = await training();
			const [issued] = await ctx.services.checkins.issueCards(facilitator, t.id, [card.memberId]);
			expect(issued).toMatchObject({ memberId: card.memberId, name: 'Cucu Cahyati' });
			expect(JSON.stringify(await ctx.database.db.selectFrom('member_checkin_card').selectAll().execute())).not.toContain(issued.token);
			expect(await ctx.services.checkins.cardView(issued.token)).toMatchObject({ firstName: 'Cucu', training: { title: t.title } });

			const first = await ctx.services.checkins.useCard(issued.token, address());
			expect(first).toMatchObject({ next: 'setup', firstName: 'Cucu' });
			expect(await present(t.id, card.memberId)).toBe(true);
			// a double tap on "Saya hadir": the same form again, nothing spent
			expect(await ctx.services.checkins.useCard(issued.token, address())).toEqual(first);
			await expect(ctx.services.checkins.cardPassword(issued.token, { password: PASSWORD, confirm: 'salah' }, address())).rejects.toMatchObject({ status: 422 });
			expect(await ctx.services.checkins.cardState(issued.token)).toEqual(first);
			// a double tap on "Simpan": both signed in as Cucu, one password, in the name of whoever printed the card
			const form = { password: PASSWORD, confirm: PASSWORD };
			const both = await Promise.all([ctx.services.checkins.cardPassword(issued.token, form, address()), ctx.services.checkins.cardPassword(issued.token, form, address())]);
			for (const r of both) expect('session' in r && r.session.user.id).toBe(card.userId);
			expect(await ctx.services.auth.recentPasswordResets((await ctx.services.auth.loadActor(card.userId))!, card.userId)).toEqual([expect.objectContaining({ byName: 'Pendamping Rina', first: true })]);
			// the card again (a second scan, or someone who found it): present, but no second password
			expect(await ctx.services.checkins.useCard(issued.token, address())).toEqual({ next: 'signin', firstName: 'Cucu' });
			expect(await ctx.services.checkins.cardPassword(issued.token, { password: 'punya-penemu-99', confirm: 'punya-penemu-99' }, address())).toEqual({ state: { next: 'signin', firstName: 'Cucu' } });

			// a new card replaces the old one; a revoked card opens nothing
			const [again] = await ctx.services.checkins.issueCards(coordinator, t.id, [card.memberId]);
			await expect(ctx.services.checkins.useCard(issued.token, address())).rejects.toMatchObject({ status: 404, messageKey: 'checkin.cardInvalid' });
			expect(await ctx.services.checkins.useCard(again.token, address())).toEqual({ next: 'signin', firstName: 'Cucu' });
			expect(await ctx.services.checkins.revokeCards(facilitator, t.id, card.memberId)).toBe(1);
			await expect(ctx.services.checkins.cardView(again.token)).rejects.toMatchObject({ status: 404 });
			// cards are credentials: the audit log says who printed them for whom and who stopped one, never the token
			const audit = await ctx.database.db.selectFrom('audit_log').select(['action', 'actor_name', 'target_id', 'after']).where('action', 'like', 'checkin_card.%').where('community_id', '=', community.id).execute();
			expect(audit.map((a) => `${a.action} ${a.actor_name} ${a.action === 'checkin_card.revoke' ? a.target_id : ''}`).sort()).toEqual(['checkin_card.issue Koordinator Dedi ', 'checkin_card.issue Pendamping Rina ', `checkin_card.revoke Pendamping Rina ${card.memberId}`]);
			expect(audit.find((a) => a.action === 'checkin_card.issue')!.after).toContain('Cucu Cahyati');
			expect(JSON.stringify(audit)).not.toContain(issued.token);
			expect(JSON.stringify(audit)).not.toContain(again.token);
			await expect(ctx.services.checkins.revokeCards(otherCoordinator, t.id, card.memberId)).rejects.toMatchObject({ status: 404 });
		});

		it('should mark the card’s member present even when another seller posted the card’s event id first (self check-in ids are the member’s own)', async () => {
			now = new Date(DAY);
			const victim = await seller(community, 'Enok Marlina');
			await rosterSince(ctx.database.db, community);
			const t = await training();
			const [card] = await ctx.services.checkins.issueCards(facilitator, t.id, [victim.memberId]);
			// Tati (signed in, with a password) posts the ids a card and a confirmed claim used to get, from her own "Saya hadir" form
			const tatiActor = (await ctx.services.auth.loadActor(tati.userId))!;
			for (const id of [`card-${victim.memberId}`, `card:${victim.memberId}`, 'chk-abcdefgh']) await ctx.services.trainings.selfCheckIn(tatiActor, t.checkinToken, id);
			expect(await present(t.id, tati.memberId)).toBe(true);
			await ctx.services.checkins.useCard(card.token, address());
			expect(await present(t.id, victim.memberId)).toBe(true);
			// her own check-in is still once per event id (a retried post of the same form)
			const events = await ctx.database.db.selectFrom('attendance_event').select('id').where('training_id', '=', t.id).where('member_id', '=', tati.memberId).execute();
			expect(events).toHaveLength(3);
			await ctx.services.trainings.selfCheckIn(tatiActor, t.checkinToken, `card-${victim.memberId}`);
			expect(await ctx.database.db.selectFrom('attendance_event').select('id').where('training_id', '=', t.id).where('member_id', '=', tati.memberId).execute()).toHaveLength(3);
		});

		it('should say when there is no training today, and stop working after its days', async () => {
			now = new Date(DAY);
			const t = await training();
			const [card] = await ctx.services.checkins.issueCards(facilitator, t.id, [siti.memberId]);
			now = new Date('2024-12-05T03:00:00.000Z');
			await expect(ctx.services.checkins.useCard(card.token, address())).rejects.toMatchObject({ status: 409, messageKey: 'checkin.cardNoTraining' });
			expect(await ctx.services.checkins.cardView(card.token)).toMatchObject({ training: null });
			now = new Date('2025-03-01T03:00:00.000Z');
			await expect(ctx.services.checkins.cardView(card.token)).rejects.toMatchObject({ status: 404 });
			now = new Date(DAY);
		});
	});

	describe('a member without an account', () => {
		const usersWith = (whatsapp: string) => ctx.database.db.selectFrom('app_user').select(['id', 'name', 'password_hash']).where('whatsapp', '=', `62${whatsapp.replace(/ /g, '').slice(1)}`).execute();
		const ownerOf = async (shopId: string) => (await ctx.database.db.selectFrom('shop').select('owner_user_id').where('id', '=', shopId).executeTakeFirstOrThrow()).owner_user_id;

		it('should open her account when the facilitator confirms her check-in, on her WhatsApp number, once, even when the form is posted twice at once', async () => {
			now = new Date(DAY);
			const ani = await rosterOnly(community, 'Bu Ani Gemblong');
			await rosterSince(ctx.database.db, community);
			const t = await training();
			const mine = await ctx.services.checkins.claim(t.checkinToken, { memberId: ani.memberId }, undefined, address());
			await ctx.services.checkins.decide(facilitator, t.id, mine.claimId, 'confirm');
			expect(await present(t.id, ani.memberId)).toBe(true);
			// not a dead end: the password form, with the number she will sign in with; reading it makes nothing yet
			const form = await ctx.services.checkins.claimState(t.checkinToken, mine.claimToken);
			expect(form).toEqual({ next: 'setup', firstName: 'Ani', login: `62${ani.whatsapp.replace(/ /g, '').slice(1)}` });
			expect(await usersWith(ani.whatsapp)).toEqual([]);
			// a weak password: the message, and still the same form (an account without a password is all that exists)
			await expect(ctx.services.checkins.claimPassword(t.checkinToken, mine.claimToken, { password: 'ani12345', confirm: 'ani12345' }, address())).rejects.toMatchObject({ status: 422 });
			expect(await ctx.services.checkins.claimState(t.checkinToken, mine.claimToken)).toEqual(form);
			const password = { password: PASSWORD, confirm: PASSWORD };
			const both = await Promise.all([ctx.services.checkins.claimPassword(t.checkinToken, mine.claimToken, password, address()), ctx.services.checkins.claimPassword(t.checkinToken, mine.claimToken, password, address())]);
			const accounts = await usersWith(ani.whatsapp);
			expect(accounts).toHaveLength(1);
			expect(accounts[0]).toMatchObject({ name: 'Bu Ani Gemblong', password_hash: expect.stringMatching(/^\$argon2id\$/) });
			for (const r of both) expect('session' in r && r.session.user.id).toBe(accounts[0].id);
			// her shop is hers, she is a seller of the community, and the opening is in the facilitator's name
			expect(await ownerOf(ani.shopId)).toBe(accounts[0].id);
			const actor = (await ctx.services.auth.loadActor(accounts[0].id))!;
			expect(actor.shopIds).toEqual([ani.shopId]);
			expect(actor.memberships).toEqual([expect.objectContaining({ communityId: community.id, role: 'seller' })]);
			expect(await ctx.services.auth.recentPasswordResets(actor, accounts[0].id)).toEqual([expect.objectContaining({ byName: 'Pendamping Rina', first: true })]);
			await expect(ctx.services.auth.login({ login: ani.whatsapp, password: PASSWORD }, { address: address(), kind: 'api' })).resolves.toMatchObject({ user: { id: accounts[0].id } });
			expect(await ctx.services.checkins.claimState(t.checkinToken, mine.claimToken)).toEqual({ next: 'signin', firstName: 'Ani' });
		});

		it('should open it from her personal card too, and never for a claim nobody confirmed', async () => {
			now = new Date(DAY);
			const yati = await rosterOnly(community, 'Yati Suryani');
			const oom = await rosterOnly(community, 'Oom Komariah');
			await rosterSince(ctx.database.db, community);
			const t = await training();
			const waiting = await ctx.services.checkins.claim(t.checkinToken, { memberId: oom.memberId }, undefined, address());
			await expect(ctx.services.checkins.claimPassword(t.checkinToken, waiting.claimToken, { password: PASSWORD, confirm: PASSWORD }, address())).rejects.toMatchObject({ status: 404 });
			expect(await usersWith(oom.whatsapp)).toEqual([]);
			expect(await ownerOf(oom.shopId)).toBeNull();

			const [card] = await ctx.services.checkins.issueCards(coordinator, t.id, [yati.memberId]);
			expect(await ctx.services.checkins.useCard(card.token, address())).toEqual({ next: 'setup', firstName: 'Yati', login: `62${yati.whatsapp.replace(/ /g, '').slice(1)}` });
			expect(await usersWith(yati.whatsapp)).toEqual([]);
			const set = await ctx.services.checkins.cardPassword(card.token, { password: PASSWORD, confirm: PASSWORD }, address());
			const [account] = await usersWith(yati.whatsapp);
			expect('session' in set && set.session.user.id).toBe(account.id);
			expect(await ownerOf(yati.shopId)).toBe(account.id);
			expect(await ctx.services.auth.recentPasswordResets((await ctx.services.auth.loadActor(account.id))!, account.id)).toEqual([expect.objectContaining({ byName: 'Koordinator Dedi', first: true })]);
		});

		it('should set ONE first password when her card and her confirmed claim are posted at once with different passwords', async () => {
			now = new Date(DAY);
			const t = await training();
			for (let round = 0; round < 4; round++) {
				const m = await rosterOnly(community, `Bu Kembar ${'ABCD'[round]}`);
				await rosterSince(ctx.database.db, community);
				const claim = await ctx.services.checkins.claim(t.checkinToken, { memberId: m.memberId }, undefined, address());
				await ctx.services.checkins.decide(facilitator, t.id, claim.claimId, 'confirm');
				const [card] = await ctx.services.checkins.issueCards(facilitator, t.id, [m.memberId]);
				await ctx.services.checkins.useCard(card.token, address());
				const [a, b] = await Promise.all([
					ctx.services.checkins.cardPassword(card.token, { password: 'sandi-kartu-2024', confirm: 'sandi-kartu-2024' }, address()),
					ctx.services.checkins.claimPassword(t.checkinToken, claim.claimToken, { password: 'sandi-klaim-2024', confirm: 'sandi-klaim-2024' }, address())
				]);
				const accounts = await usersWith(m.whatsapp);
				expect(accounts).toHaveLength(1);
				const resets = await ctx.database.db.selectFrom('password_reset').select('id').where('user_id', '=', accounts[0].id).execute();
				expect(resets).toHaveLength(1);
				// one of them set it and is signed in; the other is told to sign in (its password is not hers)
				const winners = [a, b].filter((r) => 'session' in r);
				expect(winners).toHaveLength(1);
				expect([a, b].find((r) => !('session' in r))).toEqual({ state: { next: 'signin', firstName: 'Kembar' } });
				const winning = winners[0] === a ? 'sandi-kartu-2024' : 'sandi-klaim-2024';
				await expect(ctx.services.auth.login({ login: m.whatsapp, password: winning }, { address: address(), kind: 'api' })).resolves.toMatchObject({ user: { id: accounts[0].id } });
			}
		});

		it('should leave the account to the facilitator when her number is already another village\'s login, and make nothing', async () => {
			now = new Date(DAY);
			const wati = await rosterOnly(community, 'Wati Kurniasih');
			await rosterSince(ctx.database.db, community);
			// meanwhile her number became the login of someone else's account (the operator's CLI does not ask the roster)
			const elsewhere = { userId: await ctx.services.auth.createUser(system, { name: 'Orang Lain', whatsapp: wati.whatsapp, password: 'kunci-orang-lain-7' }) };
			await ctx.services.members.addRole(system, other, elsewhere.userId, 'coordinator');
			const t = await training();
			const mine = await ctx.services.checkins.claim(t.checkinToken, { memberId: wati.memberId }, undefined, address());
			await ctx.services.checkins.decide(facilitator, t.id, mine.claimId, 'confirm');
			expect(await ctx.services.checkins.claimPassword(t.checkinToken, mine.claimToken, { password: 'sandi-wati-2024', confirm: 'sandi-wati-2024' }, address())).toEqual({ state: { next: 'noAccount', firstName: 'Wati' } });
			expect(await ownerOf(wati.shopId)).toBeNull();
			expect((await usersWith(wati.whatsapp)).map((u) => u.id)).toEqual([elsewhere.userId]);
		});
	});
});
