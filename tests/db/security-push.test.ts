import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createECDH, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Migrator, type MigrationProvider } from 'kysely';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { MAX_SUBSCRIPTIONS_PER_SHOP, PushService } from '../../src/lib/server/notifications/push.service';
import { isAllowedPushEndpoint, parseExtraPushOrigins } from '../../src/lib/server/notifications/push-endpoint';
import { ShopRepository } from '../../src/lib/server/shops/shop.repository';
import { callRoute, routeByKey } from '../helpers/routes';
import { migrationsFor } from '../../src/lib/server/db/migrations';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { makeCommunity, system } from '../helpers/factories';

/**
 * Issue 8, reviewer finding (HIGH): `subscribe` deleted every row with the same endpoint whatever the shop, so
 * one seller could silence another seller's order alerts. Subscriptions are keyed by (shop, endpoint) now
 * (migration 0013-push) and every write touches only the acting seller's own shop.
 */
let ctx: TestContext;
let community: Community;
let mine: { actor: UserActor; shopId: string };
let theirs: { actor: UserActor; shopId: string };
let now = new Date('2026-11-30T03:00:00Z');

const b64url = (b: Buffer) => b.toString('base64url');
/** What a real browser's PushSubscription.toJSON() gives: a P-256 public key and 16 random bytes. */
const subscription = (endpoint: string) => ({ endpoint, keys: { p256dh: b64url(createECDH('prime256v1').generateKeys()), auth: b64url(randomBytes(16)) } });
const rowsOf = (shopId: string) => ctx.database.db.selectFrom('push_subscription').select(['endpoint', 'p256dh', 'user_id']).where('shop_id', '=', shopId).orderBy('endpoint').execute();

let coordinator: UserActor;
async function seller(name: string, whatsapp: string) {
	const added = await ctx.services.members.addSeller(coordinator, community, { name, businessType: 'Penjual keripik', whatsapp });
	return { actor: (await ctx.services.auth.loadActor(added.userId))!, shopId: added.shopId };
}

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	community = await makeCommunity(ctx.services, { slug: 'dorong' });
	const id = await ctx.services.auth.createUser(system, { name: 'Koordinator Dorong', email: 'k@dorong.test', password: 'kata-sandi-panjang-1' });
	await ctx.services.members.addRole(system, community, id, 'coordinator');
	coordinator = (await ctx.services.auth.loadActor(id))!;
	mine = await seller('Ibu Keripik', '0812 6100 0001');
	theirs = await seller('Pak Opak', '0812 6100 0002');
});
afterAll(() => ctx.cleanup());

describe(`${PushService.name} subscriptions per shop (${TEST_DIALECT})`, () => {
	it("should leave my subscription when another shop's seller subscribes the same endpoint", async () => {
		const endpoint = 'https://fcm.googleapis.com/fcm/send/sama-1';
		const my = subscription(endpoint);
		await ctx.services.push.subscribe(mine.actor, mine.shopId, my);
		await ctx.services.push.subscribe(theirs.actor, theirs.shopId, subscription(endpoint));
		expect(await rowsOf(mine.shopId)).toEqual([{ endpoint, p256dh: my.keys.p256dh, user_id: mine.actor.userId }]);
		expect(await rowsOf(theirs.shopId)).toHaveLength(1);
	});

	it('should replace only my own row when my browser subscribes again', async () => {
		const endpoint = 'https://fcm.googleapis.com/fcm/send/lagi-1';
		await ctx.services.push.subscribe(theirs.actor, theirs.shopId, subscription(endpoint));
		const theirRows = await rowsOf(theirs.shopId);
		await ctx.services.push.subscribe(mine.actor, mine.shopId, subscription(endpoint));
		const again = subscription(endpoint);
		await ctx.services.push.subscribe(mine.actor, mine.shopId, again);
		expect((await rowsOf(mine.shopId)).filter((r) => r.endpoint === endpoint)).toEqual([{ endpoint, p256dh: again.keys.p256dh, user_id: mine.actor.userId }]);
		expect(await rowsOf(theirs.shopId)).toEqual(theirRows);
	});

	it("should remove only my row on unsubscribe, and change nothing when another seller unsubscribes my endpoint", async () => {
		const endpoint = 'https://fcm.googleapis.com/fcm/send/berhenti-1';
		await ctx.services.push.subscribe(mine.actor, mine.shopId, subscription(endpoint));
		await ctx.services.push.subscribe(theirs.actor, theirs.shopId, subscription(endpoint));
		const myRows = await rowsOf(mine.shopId);
		// Their own shop: only their row goes. My shop named by them: 404, nothing changes.
		await ctx.services.push.unsubscribe(theirs.actor, theirs.shopId, { endpoint });
		await expect(ctx.services.push.unsubscribe(theirs.actor, mine.shopId, { endpoint })).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.push.unsubscribe(PUBLIC_ACTOR, mine.shopId, { endpoint })).rejects.toMatchObject({ status: 401 });
		expect(await rowsOf(mine.shopId)).toEqual(myRows);
		expect((await rowsOf(theirs.shopId)).map((r) => r.endpoint)).not.toContain(endpoint);
		await ctx.services.push.unsubscribe(mine.actor, mine.shopId, { endpoint });
		expect((await rowsOf(mine.shopId)).map((r) => r.endpoint)).not.toContain(endpoint);
	});

	it("should refuse a subscription for another shop (404) and write nothing", async () => {
		const before = await rowsOf(mine.shopId);
		await expect(ctx.services.push.subscribe(theirs.actor, mine.shopId, subscription('https://fcm.googleapis.com/fcm/send/asing-1'))).rejects.toMatchObject({ status: 404 });
		expect(await rowsOf(mine.shopId)).toEqual(before);
	});
});

describe(`${PushService.name} only to browsers' push services (${TEST_DIALECT})`, () => {
	const refused = [
		'http://127.0.0.1:8080/push',
		'http://169.254.169.254/latest/meta-data/',
		'https://169.254.169.254/latest/meta-data/',
		'https://127.0.0.1/push',
		'https://localhost/push',
		'https://[::1]/push',
		'https://10.0.0.5/push',
		'http://fcm.googleapis.com/fcm/send/x',
		'https://fcm.googleapis.com:8443/fcm/send/x',
		'https://user:pass@fcm.googleapis.com/fcm/send/x',
		'https://fcm.googleapis.com.evil.example/fcm/send/x',
		'https://fcm.googleapis.com./fcm/send/x',
		'https://evilnotify.windows.com/w/?token=x',
		'https://push.example.test/abc',
		'javascript:alert(1)',
		'file:///etc/passwd',
		'ftp://fcm.googleapis.com/x'
	];

	it('should refuse http, private, local and unknown hosts with the message, storing nothing', async () => {
		const before = await rowsOf(mine.shopId);
		for (const endpoint of refused) {
			await expect(ctx.services.push.subscribe(mine.actor, mine.shopId, subscription(endpoint)), endpoint).rejects.toMatchObject({ status: 422, messageKey: 'security.pushServiceRefused' });
		}
		expect(await rowsOf(mine.shopId)).toEqual(before);
	});

	it('should accept the push services of Chrome, Firefox, Edge and Safari', async () => {
		const allowed = [
			'https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b',
			'https://updates.push.services.mozilla.com/wpush/v2/gAAAAABk',
			'https://wns2-par02p.notify.windows.com/w/?token=BQYAAA',
			'https://web.push.apple.com/QGuQyavXutnMH'
		];
		for (const endpoint of allowed) expect(isAllowedPushEndpoint(endpoint), endpoint).toBe(true);
		for (const endpoint of refused) expect(isAllowedPushEndpoint(endpoint), endpoint).toBe(false);
		await ctx.services.push.subscribe(mine.actor, mine.shopId, subscription(allowed[2]));
		expect((await rowsOf(mine.shopId)).map((r) => r.endpoint)).toContain(allowed[2]);
		await ctx.services.push.unsubscribe(mine.actor, mine.shopId, { endpoint: allowed[2] });
	});

	it('should answer unreadable subscription bodies with the message (422), never a 500, storing nothing', async () => {
		const before = await rowsOf(mine.shopId);
		const good = subscription('https://fcm.googleapis.com/fcm/send/badan');
		const bodies: unknown[] = [
			{},
			null,
			'https://fcm.googleapis.com/fcm/send/x',
			{ endpoint: good.endpoint },
			{ endpoint: good.endpoint, keys: {} },
			{ endpoint: good.endpoint, keys: { p256dh: good.keys.p256dh, auth: 'pendek' } },
			{ endpoint: good.endpoint, keys: { p256dh: 'A'.repeat(87), auth: good.keys.auth } },
			{ endpoint: good.endpoint, keys: { p256dh: `${good.keys.p256dh}!`, auth: good.keys.auth } },
			{ endpoint: 12, keys: good.keys },
			{ endpoint: `https://fcm.googleapis.com/${'x'.repeat(1000)}`, keys: good.keys },
			{ endpoint: [good.endpoint], keys: good.keys }
		];
		for (const body of bodies) await expect(ctx.services.push.subscribe(mine.actor, mine.shopId, body), JSON.stringify(body)).rejects.toMatchObject({ status: 422, messageKey: 'push.invalid' });
		const route = await routeByKey('POST /jual/push');
		const asMine = { services: ctx.services, actor: mine.actor };
		const broken = await callRoute(route, asMine, { raw: { body: '{"endpoint":', type: 'application/json' } });
		expect(broken.status).toBe(400);
		const metadata = await callRoute(route, asMine, { json: subscription('http://169.254.169.254/latest/meta-data/') });
		expect(metadata.status).toBe(422);
		expect(JSON.stringify(metadata.body)).toContain('Alamat pemberitahuan dari browser ini tidak dikenal');
		expect(await rowsOf(mine.shopId)).toEqual(before);
	});

	it('should allow exactly the extra origins the operator lists, and refuse a malformed list at start', () => {
		const extra = parseExtraPushOrigins('http://127.0.0.1:4567, https://push.example.org');
		expect(extra).toEqual(['http://127.0.0.1:4567', 'https://push.example.org']);
		expect(isAllowedPushEndpoint('http://127.0.0.1:4567/push/a', extra)).toBe(true);
		expect(isAllowedPushEndpoint('http://127.0.0.1:4568/push/a', extra)).toBe(false);
		expect(isAllowedPushEndpoint('http://127.0.0.1:4567/push/a')).toBe(false);
		expect(parseExtraPushOrigins(undefined)).toEqual([]);
		expect(parseExtraPushOrigins('')).toEqual([]);
		for (const bad of ['127.0.0.1:4567', 'http://127.0.0.1:4567/push', 'ftp://x.example', 'https://u:p@x.example']) expect(() => parseExtraPushOrigins(bad), bad).toThrow(/PUSH_EXTRA_ALLOWED_ORIGINS/);
	});
});

describe(`${PushService.name} at most ${MAX_SUBSCRIPTIONS_PER_SHOP} phones per shop (${TEST_DIALECT})`, () => {
	it('should let a sixth phone replace the one subscribed longest ago, and a re-subscribe count as new', async () => {
		const cap = await seller('Ibu Lima HP', '0812 6100 0003');
		const endpoints = Array.from({ length: 7 }, (_, i) => `https://fcm.googleapis.com/fcm/send/hp-${i}`);
		for (const e of endpoints.slice(0, 5)) {
			now = new Date(now.getTime() + 60_000);
			await ctx.services.push.subscribe(cap.actor, cap.shopId, subscription(e));
		}
		// hp-0 subscribes again (the same phone): it is now the newest, so the sixth phone pushes out hp-1.
		now = new Date(now.getTime() + 60_000);
		await ctx.services.push.subscribe(cap.actor, cap.shopId, subscription(endpoints[0]));
		now = new Date(now.getTime() + 60_000);
		await ctx.services.push.subscribe(cap.actor, cap.shopId, subscription(endpoints[5]));
		expect((await rowsOf(cap.shopId)).map((r) => r.endpoint).sort()).toEqual([0, 2, 3, 4, 5].map((i) => endpoints[i]).sort());
		expect(await ctx.services.push.subscriptionCount(cap.actor, cap.shopId)).toBe(MAX_SUBSCRIPTIONS_PER_SHOP);
		// Another shop's phones are never pushed out by mine.
		expect((await rowsOf(mine.shopId)).length).toBeGreaterThan(0);
	});

	it('should keep the cap under 12 parallel subscribes', async () => {
		const busy = await seller('Pak Dua Belas', '0812 6100 0004');
		await Promise.all(Array.from({ length: 12 }, (_, i) => ctx.services.push.subscribe(busy.actor, busy.shopId, subscription(`https://fcm.googleapis.com/fcm/send/paralel-${i}`))));
		const n = (await rowsOf(busy.shopId)).length;
		expect(n).toBeGreaterThan(0);
		expect(n).toBeLessThanOrEqual(MAX_SUBSCRIPTIONS_PER_SHOP);
	});
});

describe(`${PushService.name} unsubscribe from the page (${TEST_DIALECT})`, () => {
	it("should turn off all of my shop's phones (form action), and refuse another seller (404) changing nothing", async () => {
		const off = await seller('Ibu Matikan', '0812 6100 0005');
		for (const i of [1, 2]) await ctx.services.push.subscribe(off.actor, off.shopId, subscription(`https://fcm.googleapis.com/fcm/send/mati-${i}`));
		await ctx.services.push.subscribe(theirs.actor, theirs.shopId, subscription('https://fcm.googleapis.com/fcm/send/mati-1'));
		const theirRows = await rowsOf(theirs.shopId);
		const action = await routeByKey('POST /jual?/matikanNotifikasi');
		const stranger = await callRoute(action, { services: ctx.services, actor: theirs.actor }, { query: { toko: off.shopId }, form: {} });
		expect(stranger.status).toBe(404);
		expect(await rowsOf(off.shopId)).toHaveLength(2);
		const done = await callRoute(action, { services: ctx.services, actor: off.actor }, { form: {} });
		expect(done.status).toBe(200);
		expect(done.body).toEqual({ pushOff: 2 });
		expect(await rowsOf(off.shopId)).toEqual([]);
		expect(await rowsOf(theirs.shopId)).toEqual(theirRows);
	});

	it('should remove one browser with DELETE /jual/push, only from my shop', async () => {
		const endpoint = 'https://fcm.googleapis.com/fcm/send/hapus-1';
		await ctx.services.push.subscribe(mine.actor, mine.shopId, subscription(endpoint));
		await ctx.services.push.subscribe(theirs.actor, theirs.shopId, subscription(endpoint));
		const route = await routeByKey('DELETE /jual/push');
		expect((await callRoute(route, { services: ctx.services, actor: theirs.actor }, { method: 'DELETE', query: { toko: mine.shopId }, json: { endpoint } })).status).toBe(404);
		expect((await callRoute(route, { services: ctx.services, actor: mine.actor }, { method: 'DELETE', json: { endpoint: 42 } })).status).toBe(422);
		expect((await rowsOf(mine.shopId)).map((r) => r.endpoint)).toContain(endpoint);
		expect((await callRoute(route, { services: ctx.services, actor: mine.actor }, { method: 'DELETE', json: { endpoint } })).status).toBe(200);
		expect((await rowsOf(mine.shopId)).map((r) => r.endpoint)).not.toContain(endpoint);
		expect((await rowsOf(theirs.shopId)).map((r) => r.endpoint)).toContain(endpoint);
	});
});

describe(`${PushService.name} sending (${TEST_DIALECT})`, () => {
	let server: Server;
	let origin: string;
	const hits: string[] = [];

	beforeAll(async () => {
		// A stand-in push service: /gone answers 410, /missing 404, /moved redirects (302) to /target, /slow never answers.
		server = createServer((req, res) => {
			hits.push(req.url ?? '');
			req.resume();
			if (req.url?.startsWith('/slow')) return;
			const status = req.url?.startsWith('/gone') ? 410 : req.url?.startsWith('/missing') ? 404 : req.url?.startsWith('/moved') ? 302 : 201;
			res.writeHead(status, status === 302 ? { location: `${origin}/target` } : {}).end();
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		const addr = server.address();
		origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
	});
	afterAll(async () => {
		server.closeAllConnections();
		await new Promise((r) => server.close(r));
	});

	it('should drop subscriptions answered 404/410, never follow a redirect, give up on a slow service, and never send to a stored unsafe endpoint', async () => {
		const shop = await seller('Ibu Kirim', '0812 6100 0006');
		const push = new PushService(ctx.database.db, new ShopRepository(ctx.database.db), { subject: 'mailto:test@e-crav.invalid', extraAllowedOrigins: [origin], sendTimeoutMs: 1500 }, () => now);
		for (const path of ['ok', 'gone', 'missing', 'moved']) await push.subscribe(shop.actor, shop.shopId, subscription(`${origin}/${path}`));
		// A row stored before the allow-list existed (the attacker's metadata address): never sent to, removed.
		await ctx.database.db
			.insertInto('push_subscription')
			.values({ id: 'push_lama_ssrf', user_id: shop.actor.userId, shop_id: shop.shopId, endpoint: 'http://169.254.169.254/latest/meta-data/', ...subscription('x').keys, created_at: now.toISOString() })
			.execute();
		expect(await push.notifyShop(shop.shopId, { title: 'Pesanan baru', body: 'Rp 15.000', url: '/jual/pesanan/x' })).toBe(1);
		expect(hits.sort()).toEqual(['/gone', '/missing', '/moved', '/ok']);
		expect((await rowsOf(shop.shopId)).map((r) => r.endpoint).sort()).toEqual([`${origin}/moved`, `${origin}/ok`]);

		await push.subscribe(shop.actor, shop.shopId, subscription(`${origin}/slow`));
		const started = Date.now();
		expect(await push.notifyShop(shop.shopId, { title: 'Pesanan baru', body: 'Rp 15.000', url: '/jual/pesanan/x' })).toBe(1);
		expect(Date.now() - started).toBeLessThan(6000);
		expect(hits.filter((h) => h === '/target')).toEqual([]);
		// The same rows with the stand-in no longer allowed: nothing is sent, they are dropped.
		const strict = new PushService(ctx.database.db, new ShopRepository(ctx.database.db), { subject: 'mailto:test@e-crav.invalid' }, () => now);
		const before = hits.length;
		expect(await strict.notifyShop(shop.shopId, { title: 'x', body: 'y', url: '/jual' })).toBe(0);
		expect(hits.length).toBe(before);
		expect(await rowsOf(shop.shopId)).toEqual([]);
	});
});

describe(`migration 0013-push (${TEST_DIALECT})`, () => {
	it('should keep the subscriptions stored before it and key them by (shop, endpoint)', async () => {
		const old = await createTestContext({ migrateTo: '0012-field' });
		try {
			const db = old.database.db;
			const c = await makeCommunity(old.services, { slug: 'lama' });
			const shop = await old.services.shops.create(system, c, { name: 'Toko Lama', whatsapp: '0812 6100 0009', businessType: 'Warung' });
			const other = await old.services.shops.create(system, c, { name: 'Toko Tetangga', whatsapp: '0812 6100 0008', businessType: 'Warung' });
			const user = await old.services.auth.createUser(system, { name: 'Penjual Lama', email: 'lama@push.test', password: 'kata-sandi-panjang-1' });
			const row = { id: 'push_lama', user_id: user, shop_id: shop.id, endpoint: 'https://fcm.googleapis.com/fcm/send/lama', p256dh: 'p', auth: 'a', created_at: '2026-11-01T00:00:00.000Z' };
			await db.insertInto('push_subscription').values(row).execute();
			// Before 0013 the same endpoint cannot belong to two shops.
			await expect(db.insertInto('push_subscription').values({ ...row, id: 'push_dua', shop_id: other.id }).execute()).rejects.toThrow();
			const provider: MigrationProvider = { getMigrations: async () => migrationsFor(old.database.dialect) };
			const { error } = await new Migrator({ db, provider, allowUnorderedMigrations: true, migrationTableSchema: old.database.schema }).migrateToLatest();
			expect(error).toBeUndefined();
			expect(await db.selectFrom('push_subscription').selectAll().execute()).toEqual([row]);
			await db.insertInto('push_subscription').values({ ...row, id: 'push_dua', shop_id: other.id }).execute();
			await expect(db.insertInto('push_subscription').values({ ...row, id: 'push_tiga' }).execute()).rejects.toThrow();
			expect(await db.selectFrom('push_subscription').select('id').orderBy('id').execute()).toEqual([{ id: 'push_dua' }, { id: 'push_lama' }]);
		} finally {
			await old.cleanup();
		}
	});
});
