import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, makeProduct, system } from '../helpers/factories';
import { callRoute, ORIGIN, routeByKey } from '../helpers/routes';
import { PUBLIC_ACTOR, type Actor } from '../../src/lib/server/auth/actor';
import type { Community, Product, Shop } from '../../src/lib/server/db/schema';
import { countPageView } from '../../src/lib/server/visits/visit-hook';
import { VisitService } from '../../src/lib/server/visits/visit.service';
import { PageCache, responseFromCache } from '../../src/lib/server/cache/page-cache';
import { sourceOf } from '../../src/lib/server/visits/visit-rules';
import { openapi } from '../../src/lib/server/web/openapi';

/**
 * Visitor counts (issue 10 item 6) through the real hook step (countPageView), the real routes and VisitService's
 * batch writes: the same person twice a day is one visitor, the next WIB day they count again under a new salt,
 * bots and prefetches count nothing, the source comes from `?src=` or the referrer, a page answered from the page
 * cache counts, and no table anywhere holds the address or the user agent. Stats go to the shop's seller and the
 * community's staff only (another seller: 404), with a clear 400 for a bad number of days.
 */
let ctx: TestContext;
let now = new Date('2026-11-30T03:00:00Z'); // 10.00 WIB, Monday 30 November 2026
let community: Community;
let otherCommunity: Community;
let shop: Shop;
let shopSlug: string;
let product: Product;
let otherProduct: Product;
let seller: Actor;
let otherSeller: Actor;
let coordinator: Actor;
let shopId: string;
let otherShopId: string;

const PHONE_UA = 'Mozilla/5.0 (Linux; Android 13; SM-A145F VisitTestPhone) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
const OTHER_UA = 'Mozilla/5.0 (Linux; Android 12; Redmi 10C VisitTestOther) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Mobile Safari/537.36';
const IP = '198.51.100.77';

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	const s = ctx.services;
	community = await makeCommunity(s, { slug: 'desa-kunjung' });
	otherCommunity = await makeCommunity(s, { slug: 'desa-lain-kunjung' });
	const a = await s.members.addSeller(system, community, { name: 'Bu Kunjung', businessType: 'Penjual keripik', whatsapp: '0812 6666 0001' });
	const b = await s.members.addSeller(system, otherCommunity, { name: 'Pak Tetangga', businessType: 'Penjual kopi', whatsapp: '0812 6666 0002' });
	shopId = a.shopId;
	otherShopId = b.shopId;
	seller = (await s.auth.loadActor(a.userId))!;
	otherSeller = (await s.auth.loadActor(b.userId))!;
	const staffId = await s.auth.createUser(system, { name: 'Bu Koordinator', email: 'koordinator-kunjung@contoh.test', password: 'kunci-rahasia-kunjung-8' });
	await s.members.addRole(system, community, staffId, 'coordinator');
	coordinator = (await s.auth.loadActor(staffId))!;
	shop = (await s.database.db.selectFrom('shop').selectAll().where('id', '=', shopId).executeTakeFirstOrThrow()) as Shop;
	shopSlug = shop.slug;
	product = await makeProduct(s, shop, { name: 'Keripik Kunjung Pedas', price: 15000, stock: 20 });
	const other = (await s.database.db.selectFrom('shop').selectAll().where('id', '=', otherShopId).executeTakeFirstOrThrow()) as Shop;
	otherProduct = await makeProduct(s, other, { name: 'Kopi Tetangga', price: 20000, stock: 5 });
}, 60_000);
afterAll(() => ctx.cleanup());

/** A GET of a page as the hook sees it after the response is ready. */
function view(path: string, opts: { ua?: string | null; ip?: string; referer?: string; headers?: Record<string, string>; method?: string; status?: number; type?: string; actor?: Actor; response?: Response } = {}) {
	const url = new URL(path, ORIGIN);
	const headers = new Headers(opts.headers ?? {});
	if (opts.ua !== null) headers.set('user-agent', opts.ua ?? PHONE_UA);
	if (opts.referer) headers.set('referer', opts.referer);
	const request = new Request(url, { method: opts.method ?? 'GET', headers });
	const response = opts.response ?? new Response('<html></html>', { status: opts.status ?? 200, headers: { 'content-type': opts.type ?? 'text/html; charset=utf-8' } });
	countPageView({ request, url, locals: { services: ctx.services, actor: opts.actor ?? PUBLIC_ACTOR, locale: 'id' }, getClientAddress: () => opts.ip ?? IP, isSubRequest: false }, response, ctx.services.visits);
}

const productPath = () => `/c/${community.slug}/toko/${shopSlug}/${product.slug}`;
const shopPath = () => `/c/${community.slug}/toko/${shopSlug}`;
const today = () => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const dayOf = async (scopeId: string, day = today()) => {
	const rows = await ctx.database.db.selectFrom('visit_daily').selectAll().where('scope_id', '=', scopeId).where('day', '=', day).execute();
	return { views: rows.reduce((n, r) => n + Number(r.views), 0), visitors: rows.reduce((n, r) => n + Number(r.visitors), 0), bySource: Object.fromEntries(rows.map((r) => [r.source, Number(r.visitors)])) };
};

describe(VisitService.name, () => {
	describe('recordView + flush', () => {
		it('should count the same visitor twice in a day as 1 visitor and 2 views, in the product, shop and community', async () => {
			view(productPath());
			view(productPath());
			expect(ctx.services.visits.pending).toBe(2);
			// Nothing is written until the batch is flushed (recording never writes during a page).
			expect(await dayOf(product.id)).toEqual({ views: 0, visitors: 0, bySource: {} });
			await ctx.services.visits.flush();
			expect(ctx.services.visits.pending).toBe(0);
			expect(await dayOf(product.id)).toMatchObject({ views: 2, visitors: 1 });
			expect(await dayOf(shopId)).toMatchObject({ views: 2, visitors: 1 });
			expect(await dayOf(community.id)).toMatchObject({ views: 2, visitors: 1 });
			// Across batches too: the hash is already stored for today.
			view(productPath());
			await ctx.services.visits.flush();
			expect(await dayOf(product.id)).toMatchObject({ views: 3, visitors: 1 });
		});

		it('should count another phone (another user agent) at the same address as another visitor', async () => {
			view(shopPath(), { ua: OTHER_UA });
			await ctx.services.visits.flush();
			expect(await dayOf(shopId)).toMatchObject({ views: 4, visitors: 2 });
			expect(await dayOf(product.id)).toMatchObject({ views: 3, visitors: 1 });
		});

		it('should not count bots, link previews, prefetches, HEAD, errors, non-HTML, non-store pages or the seller on their own shop', async () => {
			const before = await dayOf(shopId);
			view(shopPath(), { ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', ip: '66.249.66.1' });
			view(shopPath(), { ua: 'WhatsApp/2.23.20.0 A', ip: '31.13.0.1' });
			view(shopPath(), { ua: 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', ip: '31.13.0.2' });
			view(shopPath(), { ua: null, ip: '192.0.2.50' });
			view(shopPath(), { ip: '192.0.2.51', headers: { 'sec-purpose': 'prefetch;prerender' } });
			view(shopPath(), { ip: '192.0.2.52', headers: { purpose: 'prefetch' } });
			view(shopPath(), { ip: '192.0.2.53', headers: { 'x-moz': 'prefetch' } });
			view(shopPath(), { ip: '192.0.2.54', method: 'HEAD' });
			view(shopPath(), { ip: '192.0.2.55', status: 404 });
			view(`${shopPath()}/produk.json`, { ip: '192.0.2.56', type: 'application/json' });
			view(`/c/${community.slug}/keranjang`, { ip: '192.0.2.57' });
			view(shopPath(), { ip: '192.0.2.58', actor: seller });
			view(productPath(), { ip: '192.0.2.58', actor: seller });
			expect(ctx.services.visits.pending).toBe(2); // only the seller's two views reach the buffer; the flush drops them
			await ctx.services.visits.flush();
			expect(await dayOf(shopId)).toEqual(before);
		});

		it('should count a page answered from the page cache (gzip) like a rendered one', async () => {
			const cache = new PageCache();
			const entry = cache.set('k', { status: 200, headers: [['content-type', 'text/html; charset=utf-8']], body: Buffer.from('<html>' + 'x'.repeat(5000) + '</html>') });
			const cached = responseFromCache(entry, 'gzip, deflate');
			expect(cached.headers.get('content-encoding')).toBe('gzip');
			view(shopPath(), { ip: '192.0.2.60', response: cached });
			await ctx.services.visits.flush();
			expect(await dayOf(shopId)).toMatchObject({ views: 5, visitors: 3 });
		});

		it('should take the source from ?src=, else the referrer, and keep it for the pages the visitor opens next', async () => {
			const cases: [string, string | undefined, string][] = [
				['?src=poster', undefined, 'poster'],
				['?src=WhatsApp', undefined, 'whatsapp'],
				['', 'https://www.google.co.id/', 'search'],
				['', 'https://www.bing.com/search?q=keripik', 'search'],
				['', 'https://l.instagram.com/?u=x', 'social'],
				['', 'https://lm.facebook.com/l.php?u=x', 'social'],
				['', 'https://t.co/abc', 'social'],
				['', 'https://www.tiktok.com/@toko', 'social'],
				['', 'https://wa.me/', 'whatsapp'],
				['', 'https://shopee.co.id/toko', 'shopee'],
				['?src=nonsense', undefined, 'direct'],
				['', 'https://contoh.example/blog', 'direct'],
				['', undefined, 'direct']
			];
			for (const [i, [query, referer]] of cases.entries()) view(`/c/${otherCommunity.slug}${query}`, { ip: `203.0.113.${100 + i}`, referer });
			// A poster visitor who then opens a shop from the catalog (referrer: our own page) stays "poster".
			view(`/c/${otherCommunity.slug}/toko/${(await ctx.database.db.selectFrom('shop').select('slug').where('id', '=', otherShopId).executeTakeFirstOrThrow()).slug}`, { ip: '203.0.113.100', referer: `${ORIGIN}/c/${otherCommunity.slug}` });
			await ctx.services.visits.flush();
			const expected: Record<string, number> = {};
			for (const [, , source] of cases) expected[source] = (expected[source] ?? 0) + 1;
			expect((await dayOf(otherCommunity.id)).bySource).toEqual(expected);
			expect((await dayOf(otherShopId)).bySource).toEqual({ poster: 1 });
			expect(sourceOf(null, `${ORIGIN}/c/x`, ORIGIN)).toBe('internal');
			expect(sourceOf(null, 'not a url', ORIGIN)).toBe(null);
		});

		it('should count the same visitor again on the next WIB day under a new salt, and delete the finished day\'s hashes', async () => {
			const day1 = today();
			const hashesDay1 = (await ctx.database.db.selectFrom('visit_unique').select('visitor_hash').where('day', '=', day1).where('scope_id', '=', product.id).execute()).map((r) => r.visitor_hash);
			expect(hashesDay1).toHaveLength(1);
			now = new Date('2026-11-30T17:30:00Z'); // 00.30 WIB on 1 December
			expect(today()).toBe('2026-12-01');
			view(productPath());
			await ctx.services.visits.flush();
			expect(await dayOf(product.id)).toMatchObject({ views: 1, visitors: 1 });
			const hashesDay2 = (await ctx.database.db.selectFrom('visit_unique').selectAll().execute()).map((r) => r.visitor_hash);
			expect(hashesDay2).toHaveLength(3); // community, shop and product of the one visitor today
			expect(hashesDay2).not.toContain(hashesDay1[0]);
			// Yesterday's totals stay; only its hashes are gone.
			expect(await dayOf(product.id, day1)).toMatchObject({ views: 3, visitors: 1 });
			expect(await ctx.database.db.selectFrom('visit_unique').select('day').where('day', '=', day1).execute()).toHaveLength(0);
		});
	});

	it('should store neither the address nor the user agent in any table', async () => {
		const tables =
			TEST_DIALECT === 'postgres'
				? (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(ctx.database.db)).rows
				: (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(ctx.database.db)).rows;
		expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['visit_daily', 'visit_unique', 'visit_event']));
		const needles = [IP, '198.51.100', 'VisitTestPhone', 'VisitTestOther', PHONE_UA.slice(0, 40)];
		for (const { name } of tables) {
			const rows = (await sql`select * from ${sql.table(name)}`.execute(ctx.database.db)).rows;
			const text = JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v instanceof Uint8Array || Buffer.isBuffer(v) ? Buffer.from(v).toString('latin1') : v));
			for (const needle of needles) expect(text.includes(needle), `${needle} found in table ${name}`).toBe(false);
		}
	});
});

describe('WhatsApp button and add to cart', () => {
	const WA = 'GET /c/[community]/toko/[shop]/whatsapp.url';
	it('should count a tap on the shop\'s WhatsApp button and send the buyer to wa.me with the shop\'s own number', async () => {
		const r = await callRoute(await routeByKey(WA), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { community: community.slug, shop: shopSlug }, headers: { 'user-agent': PHONE_UA } });
		expect(r.status).toBe(303);
		const target = new URL(r.location!);
		expect(target.origin + target.pathname).toBe('https://wa.me/6281266660001');
		expect(target.searchParams.get('text')).toContain(`${ORIGIN}/c/${community.slug}/toko/${shopSlug}`);
		const asked = await callRoute(await routeByKey(WA), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { community: community.slug, shop: shopSlug }, query: { p: product.slug, src: 'poster' }, headers: { 'user-agent': PHONE_UA } });
		expect(asked.status).toBe(303);
		expect(new URL(asked.location!).origin + new URL(asked.location!).pathname).toBe('https://wa.me/6281266660001');
		expect(new URL(asked.location!).searchParams.get('text')).toContain('Keripik Kunjung Pedas');
		await ctx.services.visits.flush();
		const events = await ctx.database.db.selectFrom('visit_event').selectAll().where('shop_id', '=', shopId).where('kind', '=', 'whatsapp_click').execute();
		expect(events.map((e) => Number(e.count))).toEqual([2]);
	});

	it('should never redirect anywhere but wa.me, and count nothing for a product of another shop or a bot', async () => {
		for (const p of ['https://evil.example/', '//evil.example', otherProduct.slug]) {
			const r = await callRoute(await routeByKey(WA), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { community: community.slug, shop: shopSlug }, query: { p }, headers: { 'user-agent': PHONE_UA } });
			expect(r.status).toBe(404);
		}
		const bot = await callRoute(await routeByKey(WA), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { community: community.slug, shop: shopSlug }, headers: { 'user-agent': 'Mozilla/5.0 (compatible; bingbot/2.0)' } });
		expect(bot.status).toBe(303);
		expect(ctx.services.visits.pending).toBe(0);
	});

	it('should count the product form\'s WhatsApp order and an add to cart for the product\'s shop, not one of another community', async () => {
		const order = await callRoute(await routeByKey('GET /c/[community]/toko/[shop]/[product]/whatsapp'), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { community: community.slug, shop: shopSlug, product: product.slug }, query: { quantity: '2' }, headers: { 'user-agent': PHONE_UA } });
		expect(order.status).toBe(303);
		expect(order.location).toMatch(/^https:\/\/wa\.me\/6281266660001\?text=/);
		const add = await routeByKey('POST /c/[community]/keranjang?/tambah');
		expect((await callRoute(add, { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { community: community.slug }, form: { productId: product.id, quantity: '1' }, headers: { 'user-agent': PHONE_UA } })).status).toBe(303);
		expect((await callRoute(add, { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { community: community.slug }, form: { productId: otherProduct.id, quantity: '1' }, headers: { 'user-agent': PHONE_UA } })).status).toBe(303);
		await ctx.services.visits.flush();
		const events = await ctx.database.db.selectFrom('visit_event').select(['shop_id', 'kind', 'count', 'day']).where('day', '=', today()).execute();
		expect(events.map((e) => ({ shop: e.shop_id, kind: e.kind, count: Number(e.count) })).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
			{ shop: shopId, kind: 'add_to_cart', count: 1 },
			{ shop: shopId, kind: 'whatsapp_click', count: 3 } // with the 2 taps of the test before, the same day
		]);
	});
});

describe('VisitStatsService', () => {
	const SHOP_STATS = 'GET /api/v1/shops/[shopId]/stats';
	const COMMUNITY_STATS = 'GET /api/v1/communities/[slug]/stats';

	it('should give the seller every day of the period with views, visitors, WhatsApp clicks, add to cart and orders, and visitors per source', async () => {
		await ctx.services.orders.checkout(PUBLIC_ACTOR, community, { buyer: { name: 'Bu Pembeli', whatsapp: '0813 5555 0101' }, lines: [{ productId: product.id, quantity: 1 }], shops: { [shopSlug]: { delivery: 'pickup', payment: 'cod' } } }, 'kunjung-order-1');
		const r = await callRoute(await routeByKey(SHOP_STATS), { services: ctx.services, actor: seller }, { params: { shopId }, query: { days: '7' } });
		expect(r.status).toBe(200);
		const body = r.body as { days: { date: string; views: number; visitors: number; whatsappClicks: number; addToCart: number; orders: number }[]; sources: Record<string, number> };
		expect(body.days).toHaveLength(7);
		expect(body.days[6]).toEqual({ date: '2026-12-01', views: 1, visitors: 1, whatsappClicks: 3, addToCart: 1, orders: 1 });
		expect(body.days[5]).toEqual({ date: '2026-11-30', views: 5, visitors: 3, whatsappClicks: 0, addToCart: 0, orders: 0 });
		expect(body.days[0]).toMatchObject({ date: '2026-11-25', views: 0, visitors: 0 });
		expect(body.sources).toEqual({ whatsapp: 0, poster: 0, shopee: 0, search: 0, social: 0, direct: 4 });
		expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/shops/{shopId}/stats', '/communities/{slug}/stats']));
	});

	it('should give the coordinator the community and its shops, most visited first', async () => {
		const r = await callRoute(await routeByKey(COMMUNITY_STATS), { services: ctx.services, actor: coordinator }, { params: { slug: community.slug }, query: { days: '30' } });
		expect(r.status).toBe(200);
		const body = r.body as { days: { date: string; visitors: number; orders: number }[] };
		expect(body.days).toHaveLength(30);
		expect(body.days.at(-1)).toMatchObject({ date: '2026-12-01', visitors: 1, orders: 1 });
		const shops = await ctx.services.visitStats.communityShops(coordinator, community.slug, 7);
		expect(shops[0]).toMatchObject({ shopId, views: 6, visitors: 4, whatsappClicks: 3, addToCart: 1, orders: 1 });
		expect(await ctx.services.visitStats.shopStats(coordinator, shopId, 7)).toBeTruthy();
	});

	it('should answer another seller, a seller asking for the community and a stranger 404, and anonymous 401, with nothing read', async () => {
		expect((await callRoute(await routeByKey(SHOP_STATS), { services: ctx.services, actor: otherSeller }, { params: { shopId }, query: { days: '7' } })).status).toBe(404);
		expect((await callRoute(await routeByKey(SHOP_STATS), { services: ctx.services, actor: otherSeller }, { params: { shopId }, query: { days: 'abc' } })).status).toBe(404);
		expect((await callRoute(await routeByKey(SHOP_STATS), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { shopId } })).status).toBe(401);
		expect((await callRoute(await routeByKey(COMMUNITY_STATS), { services: ctx.services, actor: seller }, { params: { slug: community.slug } })).status).toBe(404);
		expect((await callRoute(await routeByKey(COMMUNITY_STATS), { services: ctx.services, actor: coordinator }, { params: { slug: otherCommunity.slug } })).status).toBe(404);
		await expect(ctx.services.visitStats.topProducts(otherSeller, shopId, 7)).rejects.toMatchObject({ status: 404 });
	});

	it('should refuse a bad number of days with 400 and a message, in the caller\'s language', async () => {
		for (const days of ['0', '91', 'abc', '7.5', '-3', '1e2']) {
			const r = await callRoute(await routeByKey(SHOP_STATS), { services: ctx.services, actor: seller }, { params: { shopId }, query: { days } });
			expect(r.status, days).toBe(400);
			expect((r.body as { error: { message: string } }).error.message).toBe('Jumlah hari harus angka 1 sampai 90, misalnya 30.');
		}
		const en = await callRoute(await routeByKey(COMMUNITY_STATS), { services: ctx.services, actor: coordinator, locale: 'en' }, { params: { slug: community.slug }, query: { days: '100' } });
		expect(en.status).toBe(400);
		expect((en.body as { error: { message: string } }).error.message).toBe('The number of days must be 1 to 90, e.g. 30.');
		expect((await callRoute(await routeByKey(SHOP_STATS), { services: ctx.services, actor: seller }, { params: { shopId } })).body).toMatchObject({ days: expect.any(Array) });
	});

	it('should say from which day visits were counted when counting began inside the period, so earlier zeros are not read as nobody came', async () => {
		const started = async (iso: string) => sql`update kysely_migration set timestamp = ${iso} where name = ${'0030-visits'}`.execute(ctx.database.db);
		// the visits migration ran on 28 November, 07.30 WIB: 25–27 November were never counted
		await started('2026-11-28T00:30:00.000Z');
		const week = await ctx.services.visitStats.shopStats(seller, shopId, 7);
		expect(week.countedSince).toBe('2026-11-28');
		expect(week.days[0]).toMatchObject({ date: '2026-11-25', visitors: 0 });
		// 27 November 20.00 UTC is already 28 November 03.00 in WIB
		await started('2026-11-27T20:00:00.000Z');
		expect((await ctx.services.visitStats.communityStats(coordinator, community.slug, 7)).countedSince).toBe('2026-11-28');
		// counting began before the period: every day shown was counted, nothing to explain
		await started('2026-10-01T00:00:00.000Z');
		expect((await ctx.services.visitStats.shopStats(seller, shopId, 30)).countedSince).toBeNull();
		await started('2026-11-25T00:00:00.000Z');
		expect((await ctx.services.visitStats.shopStats(seller, shopId, 7)).countedSince).toBeNull();
	});

	it("should list the shop's most viewed products for its seller", async () => {
		expect(await ctx.services.visitStats.topProducts(seller, shopId, 7)).toEqual([{ productId: product.id, name: 'Keripik Kunjung Pedas', views: 4, visitors: 2 }]);
	});
});

describe('VisitService switched off (ECRAV_VISITS=off)', () => {
	it('should record nothing', async () => {
		const off = new VisitService(undefined as never, () => now, false);
		off.recordView({ address: IP, userAgent: PHONE_UA, page: { community: community.slug, shop: null, product: null }, source: null, ownShopIds: [] });
		off.recordEvent('add_to_cart', { communitySlug: community.slug, productId: product.id });
		expect(off.pending).toBe(0);
		await off.flush();
	});
});

describe('the program: first_visitor and visitors_30d', () => {
	it("should put the shop's first visitor in the adoption funnel and the community's visitors in visitors_30d", async () => {
		const funnel = await ctx.services.funnel.forCommunity(coordinator, community);
		expect(funnel.reached.first_visitor).toBe(1);
		const running = await ctx.services.programs.create(coordinator, community, { name: 'Program berjalan', theme: 'Pemasaran daring', goals: 'Lebih banyak pengunjung', targetGroup: 'Pelaku UMKM', startsOn: '2026-11-01', endsOn: '2030-12-31' });
		const measured = await ctx.services.indicators.measures(coordinator, running.id);
		// 3 visitors on 30 November (the seller's own views and the bots not counted) + 1 on 1 December
		expect(measured.metrics.visitors_30d).toBe(4);
		expect(measured.indicators.find((i) => i.key === 'visitors_30d')).toMatchObject({ metric: 'visitors_30d', value: 4 });
		const ended = await ctx.services.programs.create(coordinator, community, { name: 'Program November', theme: 'Pemasaran daring', goals: 'Lebih banyak pengunjung', targetGroup: 'Pelaku UMKM', startsOn: '2026-11-01', endsOn: '2026-11-30' });
		expect((await ctx.services.indicators.measures(coordinator, ended.id)).metrics.visitors_30d).toBe(3);
	});
});
