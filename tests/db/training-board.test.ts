import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, makeProduct, system } from '../helpers/factories';
import { makeMember, makeProgram, rosterSince, staffActor } from '../helpers/program-fixtures';
import { BoardService } from '../../src/lib/server/training/board.service';
import { BoardHub } from '../../src/lib/server/training/board-hub';
import { boardEventStream, MAX_LINK_STREAMS_PER_TRAINING, MAX_STREAMS_PER_TRAINING, staffStillSignedIn } from '../../src/lib/server/web/board-stream';
import { firstNames } from '../../src/lib/server/training/board';
import { hashToken } from '../../src/lib/server/accounts/tokens';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

// The test clock: the training day of the field report (28 Nov 2024, 15.00 WIB), moved by the tests.
let now = new Date('2024-11-28T07:30:00.000Z');
let ctx: TestContext;
let community: Community;
let other: Community;
let coordinator: UserActor;
let facilitator: UserActor;
let otherCoordinator: UserActor;
let programId: string;
const m: Record<string, { memberId: string; shopId: string }> = {};
let seq = 0;
const eid = () => `evt-board-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

const NAMES = {
	invited: 'Ibu Eneng Sumarni',
	hadir: 'Pak Ujang Jaya',
	akun: 'Bu Tati Dewi',
	toko: 'Kang Asep Saepudin',
	foto: 'Siti Rahmawati',
	tayang: 'Siti Aminah',
	noPhoto: 'Nining Purwati',
	ownerless: 'Cucu Cahyati'
};

async function photo(): Promise<Buffer> {
	return sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 150, b: 90 } } }).jpeg().toBuffer();
}

/** The real path: the coordinator invites the shop's owner, who sets a password with the setup link. */
async function setUpAccount(member: { memberId: string; shopId: string }, n: number) {
	const whatsapp = `62812770000${String(n).padStart(2, '0')}`;
	await ctx.database.db.updateTable('shop').set({ whatsapp }).where('id', '=', member.shopId).execute();
	await ctx.database.db.updateTable('member').set({ whatsapp }).where('id', '=', member.memberId).execute();
	const invite = await ctx.services.roster.inviteOwner(coordinator, community, member.memberId);
	await ctx.services.auth.setPasswordWithLink(invite.token, { password: 'risol-mayo-2024', confirm: 'risol-mayo-2024' });
}

/** Every item of the seller's checklist but the products (the funnel's "profile complete"). */
async function completeProfile(shopId: string) {
	await ctx.database.db
		.updateTable('shop')
		.set({ logo: 'logo/demo.webp', story: 'Dibuat sendiri di rumah.', area: 'RW 06', pickup_point: 'Warung Bu RT', opening_hours: 'Setiap hari 08.00–17.00', delivery: JSON.stringify({ pickup: true, local: null, courier: false }), payment: JSON.stringify({ cod: true, transfer: null, qris: null }), updated_at: now.toISOString() })
		.where('id', '=', shopId)
		.execute();
}

async function shopOf(shopId: string) {
	return ctx.database.db.selectFrom('shop').selectAll().where('id', '=', shopId).executeTakeFirstOrThrow();
}

const training = (startsAt = '2024-11-28T15:00') =>
	ctx.services.trainings.create(coordinator, programId, { title: 'Peningkatan Kapasitas Bagi Para Pelaku UKM', startsAt, venue: 'Gedung Serbaguna Kelurahan Cigadung' });

const tick = (trainingId: string, memberId: string, present = true) =>
	ctx.services.trainings.recordAttendance(facilitator, trainingId, { events: [{ id: eid(), memberId, present, at: now.toISOString() }] });

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	community = await makeCommunity(ctx.services);
	other = await makeCommunity(ctx.services);
	coordinator = staffActor(community, 'coordinator');
	facilitator = staffActor(community, 'facilitator');
	otherCoordinator = staffActor(other, 'coordinator');
	programId = await makeProgram(ctx.database.db, community);
	for (const [k, name] of Object.entries(NAMES)) m[k] = await makeMember(ctx.services, ctx.database.db, community, name);
	await makeMember(ctx.services, ctx.database.db, other, 'Bu Lain');
	await rosterSince(ctx.database.db, community);
	await rosterSince(ctx.database.db, other);
	let n = 0;
	for (const k of ['akun', 'toko', 'foto', 'tayang', 'noPhoto']) await setUpAccount(m[k], ++n);
	for (const k of ['toko', 'foto', 'tayang', 'noPhoto', 'ownerless']) await completeProfile(m[k].shopId);
	// foto: a draft with a photo; tayang: a live product with a photo; noPhoto: live without any photo
	const draft = await makeProduct(ctx.services, await shopOf(m.foto.shopId), { name: 'Risol Mayo', published: false });
	await ctx.services.products.addPhoto(system, draft.id, await photo());
	const live = await makeProduct(ctx.services, await shopOf(m.tayang.shopId), { name: 'Basreng Pedas' });
	await ctx.services.products.addPhoto(system, live.id, await photo());
	await makeProduct(ctx.services, await shopOf(m.noPhoto.shopId), { name: 'Keripik Tanpa Foto' });
	// a shop a facilitator put live, whose owner has no login yet
	const helped = await makeProduct(ctx.services, await shopOf(m.ownerless.shopId), { name: 'Cireng Rujak' });
	await ctx.services.products.addPhoto(system, helped.id, await photo());
}, 120_000);
afterAll(() => ctx.cleanup());

describe(`${BoardService.name} (${TEST_DIALECT})`, () => {
	describe('forStaff', () => {
		it('should put each member at the furthest step of the chain reached, say who is present, and count who reached each step', async () => {
			now = new Date('2024-11-28T07:30:00.000Z');
			const t = await training();
			for (const k of ['hadir', 'akun', 'toko', 'foto', 'tayang', 'noPhoto', 'ownerless']) await tick(t.id, m[k].memberId);
			const { board } = await ctx.services.boards.forStaff(facilitator, t.id);
			const step = Object.fromEntries(board.members.map((x) => [x.memberId, x.step]));
			expect(step).toEqual({
				[m.invited.memberId]: 'invited',
				[m.hadir.memberId]: 'hadir',
				[m.akun.memberId]: 'akun',
				[m.toko.memberId]: 'toko',
				[m.foto.memberId]: 'foto',
				[m.tayang.memberId]: 'tayang',
				// live but without a photo: the next thing to help with is the photo
				[m.noPhoto.memberId]: 'toko',
				// a live product a facilitator put up, but no password yet: the chain stops at hadir
				[m.ownerless.memberId]: 'hadir'
			});
			expect(board.members.filter((x) => !x.present).map((x) => x.memberId)).toEqual([m.invited.memberId]);
			// reached at least: 8 on the board, 7 present, 5 present with a password, 4 of them with a profile, 2 with a photo, 1 live
			expect(board.counts).toEqual({ invited: 8, hadir: 7, akun: 5, toko: 4, foto: 2, tayang: 1 });
			expect(board.counts.tayang).toBe(board.members.filter((x) => x.step === 'tayang').length);

			// unticked (a wrong tap undone): no longer present, so back to invited however much the shop has
			now = new Date(now.getTime() + 60_000);
			await tick(t.id, m.tayang.memberId, false);
			const after = await ctx.services.boards.forStaff(coordinator, t.id);
			expect(after.board.members.find((x) => x.memberId === m.tayang.memberId)).toMatchObject({ step: 'invited', present: false });
			expect(after.board.counts).toEqual({ invited: 8, hadir: 6, akun: 4, toko: 3, foto: 1, tayang: 0 });
		});

		it('should show nobody past invited before anyone checks in, however much their shops already have (review 2026-12-02)', async () => {
			now = new Date('2024-11-28T07:30:00.000Z');
			const t = await training();
			const { board } = await ctx.services.boards.forStaff(facilitator, t.id);
			expect(board.counts).toEqual({ invited: 8, hadir: 0, akun: 0, toko: 0, foto: 0, tayang: 0 });
			expect(board.members.every((x) => x.step === 'invited' && !x.present)).toBe(true);
			// checked in with a password, a profile and a live product from before: straight to tayang
			await tick(t.id, m.tayang.memberId);
			const after = await ctx.services.boards.forStaff(facilitator, t.id);
			expect(after.board.members.find((x) => x.memberId === m.tayang.memberId)).toMatchObject({ step: 'tayang', present: true });
			expect(after.board.counts).toEqual({ invited: 8, hadir: 1, akun: 1, toko: 1, foto: 1, tayang: 1 });
		});

		it('should list only the invited members of a training with a list, plus a walk-in marked present', async () => {
			now = new Date('2024-11-28T07:30:00.000Z');
			const t = await training();
			await ctx.services.trainings.setInvitees(coordinator, t.id, [m.hadir.memberId, m.tayang.memberId]);
			let { board } = await ctx.services.boards.forStaff(facilitator, t.id);
			expect(board.members.map((x) => x.memberId).sort()).toEqual([m.hadir.memberId, m.tayang.memberId].sort());
			expect(board.counts).toEqual({ invited: 2, hadir: 0, akun: 0, toko: 0, foto: 0, tayang: 0 });
			await tick(t.id, m.foto.memberId);
			({ board } = await ctx.services.boards.forStaff(facilitator, t.id));
			expect(board.members.map((x) => x.memberId)).toContain(m.foto.memberId);
			expect(board.members.find((x) => x.memberId === m.foto.memberId)?.step).toBe('foto');
		});

		it('should show first names only, the shop name only to tell two Siti apart: no phone number, full name or score in the JSON', async () => {
			const t = await training();
			const { board } = await ctx.services.boards.forStaff(facilitator, t.id);
			expect(board.members.map((x) => x.firstName).sort()).toEqual(['Asep', 'Cucu', 'Eneng', 'Nining', 'Siti · Toko Siti Aminah', 'Siti · Toko Siti Rahmawati', 'Tati', 'Ujang']);
			for (const x of board.members) expect(Object.keys(x).sort()).toEqual(['firstName', 'help', 'memberId', 'present', 'step']);
			const text = JSON.stringify(board);
			for (const secret of ['62812', '0812', 'Sumarni', 'Saepudin', 'Toko Tati', 'Toko Pak', 'Basreng', 'score', 'whatsapp']) expect(text).not.toContain(secret);
		});

		it("should tell a seller, a visitor and another community's coordinator that the board does not exist", async () => {
			const t = await training();
			const seller = staffActor(community, 'seller', [m.tayang.shopId]);
			for (const actor of [seller, PUBLIC_ACTOR, otherCoordinator]) {
				await expect(ctx.services.boards.forStaff(actor, t.id)).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.boards.createLink(actor, t.id)).rejects.toMatchObject({ status: 404 });
			}
			const links = await ctx.database.db.selectFrom('training_board_link').select('token_hash').where('training_id', '=', t.id).execute();
			expect(links).toHaveLength(0);
		});
	});

	describe('createLink', () => {
		it('should open the board without a login until 24.00 WIB of the training day, and nothing after', async () => {
			now = new Date('2024-11-28T02:00:00.000Z'); // 09.00 WIB, the morning of the training
			const t = await training('2024-11-28T15:00');
			const link = await ctx.services.boards.createLink(facilitator, t.id);
			expect(link.expiresAt).toBe('2024-11-28T17:00:00.000Z');
			expect(link.token.length).toBeGreaterThanOrEqual(43);
			// only the hash is stored
			const rows = await ctx.database.db.selectFrom('training_board_link').selectAll().where('training_id', '=', t.id).execute();
			expect(rows).toEqual([expect.objectContaining({ token_hash: hashToken(link.token), expires_at: '2024-11-28T17:00:00.000Z' })]);
			expect(JSON.stringify(rows)).not.toContain(link.token);

			const staff = await ctx.services.boards.forStaff(facilitator, t.id);
			now = new Date('2024-11-28T16:59:59.000Z'); // 23.59.59 WIB
			expect((await ctx.services.boards.forLink(t.id, link.token)).board).toEqual(staff.board);
			now = new Date('2024-11-28T17:00:00.000Z'); // 00.00 WIB the next day
			await expect(ctx.services.boards.forLink(t.id, link.token)).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.boards.linkTarget(t.id, link.token)).rejects.toMatchObject({ status: 404 });
			// the day is over: no new link either
			await expect(ctx.services.boards.createLink(facilitator, t.id)).rejects.toMatchObject({ status: 409, code: 'training_day_over' });
		});

		it('should count the training day in WIB for a training starting late in the evening', async () => {
			now = new Date('2024-11-28T12:00:00.000Z');
			const t = await training('2024-11-28T23:30'); // 16.30 UTC, still 28 Nov in WIB
			expect((await ctx.services.boards.createLink(coordinator, t.id)).expiresAt).toBe('2024-11-28T17:00:00.000Z');
			const early = await training('2024-11-29T06:00'); // 28 Nov 23.00 UTC, but 29 Nov in WIB
			expect((await ctx.services.boards.createLink(coordinator, early.id)).expiresAt).toBe('2024-11-29T17:00:00.000Z');
		});

		it("should open nothing with an unknown token, a changed token, or a link used with another training's id", async () => {
			now = new Date('2024-11-28T07:30:00.000Z');
			const t = await training();
			const second = await training();
			const link = await ctx.services.boards.createLink(facilitator, t.id);
			for (const [id, token] of [
				[second.id, link.token],
				[t.id, link.token.slice(0, -1) + (link.token.endsWith('A') ? 'B' : 'A')],
				[t.id, ''],
				[t.id, 'x'.repeat(5000)],
				['trn_tidak_ada', link.token]
			]) {
				await expect(ctx.services.boards.forLink(id, token)).rejects.toMatchObject({ status: 404 });
			}
		});
	});
});

describe(`${BoardHub.name} (${TEST_DIALECT})`, () => {
	it('should send a changed board to every screen within the poll, and recompute only when the version moves', async () => {
		now = new Date('2024-11-28T07:30:00.000Z');
		const t = await training();
		let computed = 0;
		let versions = 0;
		const source = {
			version: (id: string, c: string) => {
				versions++;
				return ctx.services.boards.version(id, c);
			},
			current: (id: string) => {
				computed++;
				return ctx.services.boards.current(id);
			}
		};
		const hub = new BoardHub(source, { pollMs: 50 });
		const screens = [[], []] as { memberId: string; step: string }[][][];
		const listener = (i: number) => ({ expiresAt: null, board: (json: string) => screens[i].push(JSON.parse(json).members), ping: () => {}, close: () => {} });
		const leave = [await hub.subscribe(t.id, community.id, listener(0)), await hub.subscribe(t.id, community.id, listener(1))];
		expect(hub.channelCount).toBe(1);
		expect(screens.map((s) => s.length)).toEqual([1, 1]);
		await new Promise((r) => setTimeout(r, 300));
		// nothing changed: polled the version, never recomputed, sent nothing more
		expect(computed).toBe(1);
		expect(versions).toBeGreaterThan(2);
		expect(screens.map((s) => s.length)).toEqual([1, 1]);

		await tick(t.id, m.tayang.memberId);
		const started = Date.now();
		while (screens[1].length < 2 && Date.now() - started < 2000) await new Promise((r) => setTimeout(r, 20));
		for (const s of screens) expect(s.at(-1)?.find((x) => x.memberId === m.tayang.memberId)?.step).toBe('tayang');
		expect(computed).toBe(2);

		// a photo added to the draft moves the catalog version (a database trigger): the board is recomputed
		const draft = await makeProduct(ctx.services, await shopOf(m.hadir.shopId), { published: false });
		const before = computed;
		await ctx.services.products.addPhoto(system, draft.id, await photo());
		const s2 = Date.now();
		while (computed === before && Date.now() - s2 < 2000) await new Promise((r) => setTimeout(r, 20));
		expect(computed).toBeGreaterThan(before);

		for (const l of leave) l();
		expect(hub.channelCount).toBe(0);
	});

	it('should end a stream when its board link expires, and every stream on shutdown', async () => {
		const t = await training();
		let clockMs = Date.parse('2024-11-28T16:59:00.000Z');
		const hub = new BoardHub(ctx.services.boards, { pollMs: 30, now: () => clockMs });
		const closed: string[] = [];
		const l = (name: string, expiresAt: number | null) => ({ expiresAt, board: () => {}, ping: () => {}, close: () => closed.push(name) });
		await hub.subscribe(t.id, community.id, l('link', Date.parse('2024-11-28T17:00:00.000Z')));
		await hub.subscribe(t.id, community.id, l('staff', null));
		clockMs = Date.parse('2024-11-28T17:00:00.000Z');
		await new Promise((r) => setTimeout(r, 150));
		expect(closed).toEqual(['link']);
		hub.closeAll();
		expect(closed).toEqual(['link', 'staff']);
		expect(hub.channelCount).toBe(0);
	});

	it('should end a signed-in stream at the next ping once its session is gone, and refuse streams past the cap (attacker 2026-12-02, L4 and L5)', async () => {
		const t = await training();
		const hub = new BoardHub(ctx.services.boards, { pollMs: 20, pingEvery: 2 });
		const id = await ctx.services.auth.createUser(system, { name: 'Pendamping Papan', email: 'pendamping-board@papan.test', password: 'kunci-pendamping-board-7' });
		await ctx.services.members.addRole(system, community, id, 'facilitator');
		const login = await ctx.services.auth.login({ login: 'pendamping-board@papan.test', password: 'kunci-pendamping-board-7' }, { address: '198.51.100.9', kind: 'api' });
		const stream = boardEventStream(hub, { trainingId: t.id, communityId: community.id, expiresAt: null, stillAllowed: staffStillSignedIn(ctx.services.auth, login.token, 'api', community.id) });
		const reader = stream.body!.getReader();
		const first = new TextDecoder().decode((await reader.read()).value);
		expect(first).toContain('retry: 2000');
		expect(hub.listeners(t.id)).toBe(1);
		// still signed in: pings keep coming
		await new Promise((r) => setTimeout(r, 120));
		expect(hub.listeners(t.id)).toBe(1);
		// "Keluar dari semua perangkat": the stream ends by itself and leaves the hub
		await ctx.services.auth.logoutEverywhere((await ctx.services.auth.loadActor(login.user.id))!);
		const ended = async () => {
			for (;;) if ((await reader.read()).done) return true;
		};
		await expect(Promise.race([ended(), new Promise((r) => setTimeout(() => r(false), 2000))])).resolves.toBe(true);
		expect(hub.listeners(t.id)).toBe(0);
		// an unknown token is nobody
		expect(await staffStillSignedIn(ctx.services.auth, 'no-such-token', 'api', community.id)()).toBe(false);

		// board-link streams stop at their own cap, below the total, so a leaked link leaves room for the facilitators
		const links = Array.from({ length: MAX_LINK_STREAMS_PER_TRAINING }, () => boardEventStream(hub, { trainingId: t.id, communityId: community.id, expiresAt: null }, MAX_LINK_STREAMS_PER_TRAINING));
		await new Promise((r) => setTimeout(r, 50));
		expect(() => boardEventStream(hub, { trainingId: t.id, communityId: community.id, expiresAt: null }, MAX_LINK_STREAMS_PER_TRAINING)).toThrow(expect.objectContaining({ status: 503 }));
		const open = [...links, ...Array.from({ length: MAX_STREAMS_PER_TRAINING - MAX_LINK_STREAMS_PER_TRAINING }, () => boardEventStream(hub, { trainingId: t.id, communityId: community.id, expiresAt: null }))];
		await new Promise((r) => setTimeout(r, 50));
		expect(hub.listeners(t.id)).toBe(MAX_STREAMS_PER_TRAINING);
		expect(() => boardEventStream(hub, { trainingId: t.id, communityId: community.id, expiresAt: null })).toThrow(expect.objectContaining({ status: 503, messageKey: 'board.tooManyScreens' }));
		await Promise.all(open.map((r) => r.body!.cancel()));
		expect(hub.listeners(t.id)).toBe(0);
		hub.closeAll();
	});
});

describe('firstNames', () => {
	it('should drop a form of address and tell two equal first names apart by an initial only', () => {
		expect(firstNames(['Ibu Eneng Sumarni', 'Kang Asep', 'N', 'Siti Rahma', 'siti aminah', 'Hj. Euis Komariah', 'Pak'])).toEqual(['Eneng', 'Asep', 'N', 'Siti R.', 'siti A.', 'Euis', 'Pak']);
	});
});

describe('openapi', () => {
	it('should document the board, its events and board links in /api/v1/openapi.json', async () => {
		const { openapi } = await import('../../src/lib/server/web/openapi');
		const paths = openapi.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
		expect(Object.keys(paths['/trainings/{trainingId}/board-links'].post.responses)).toEqual(expect.arrayContaining(['201', '401', '404', '409']));
		expect(paths['/trainings/{trainingId}/board'].get.responses['200']).toBeDefined();
		expect(paths['/trainings/{trainingId}/board/events'].get.responses['200']).toBeDefined();
	});
});
