import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, makeProduct, system } from '../helpers/factories';
import { callRoute, digestTables, changedTables, routeByKey } from '../helpers/routes';
import { PUBLIC_ACTOR, type Actor } from '../../src/lib/server/auth/actor';
import type { Community, Product, Shop } from '../../src/lib/server/db/schema';
import { readRegionRows } from '../../src/lib/server/regions/region-data';
import { AdminService } from '../../src/lib/server/admin/admin.service';
import { AuditService } from '../../src/lib/server/audit/audit.service';
import { hashToken } from '../../src/lib/server/accounts/tokens';
import { makeStaff } from '../helpers/program';
import { makeMember, rosterSince } from '../helpers/program-fixtures';

/**
 * Platform administration (issue 12 item 1): only a platform admin creates a community from the official regions
 * (district, regency and province names come from the region table), appoints its staff and suspends a shop or a
 * product — a suspended one leaves the catalog, search, feeds and sitemap and its seller reads the reason; everyone
 * else (coordinators included) gets 404 and nothing written. Every admin change lands in the audit log, which a
 * coordinator sees for their own community only. Regions: Jawa Barat only (6,612 rows; tests/db/regions.test.ts loads all).
 */
let ctx: TestContext;
let admin: Actor;
let coordinator: Actor;
let facilitator: Actor;
let otherCoordinator: Actor;
let seller: Actor;
let c1: Community;
let c2: Community;
let shop: Shop;
let product: Product;
const password = 'kunci-admin-platform-9';
/** The origins the admin page passes: links to this site may carry its host. */
const SITE = ['https://ecrav.test'];

async function user(name: string, email: string, opts: { admin?: boolean; community?: Community; role?: 'coordinator' | 'facilitator' } = {}): Promise<Actor> {
	const id = await ctx.services.auth.createUser(system, { name, email, password, platformAdmin: opts.admin });
	if (opts.community && opts.role) await ctx.services.members.addRole(system, opts.community, id, opts.role);
	return (await ctx.services.auth.loadActor(id))!;
}

beforeAll(async () => {
	ctx = await createTestContext();
	const started = performance.now();
	await ctx.services.regions.load(system, await readRegionRows({ province: '32' }));
	console.log(`[admin ${TEST_DIALECT}] Jawa Barat regions loaded in ${Math.round(performance.now() - started)} ms`);
	c1 = await makeCommunity(ctx.services, { slug: 'admin-satu' });
	c2 = await makeCommunity(ctx.services, { slug: 'admin-dua' });
	admin = await user('Admin Dinas', 'admin@dinas.test', { admin: true });
	coordinator = await user('Koordinator Satu', 'koor1@admin.test', { community: c1, role: 'coordinator' });
	facilitator = await user('Pendamping Satu', 'pend1@admin.test', { community: c1, role: 'facilitator' });
	otherCoordinator = await user('Koordinator Dua', 'koor2@admin.test', { community: c2, role: 'coordinator' });
	const added = await ctx.services.members.addSeller(system, c1, { name: 'Ibu Ani', businessType: 'Penjual keripik', whatsapp: '0812 3333 4444' });
	await ctx.services.auth.setPasswordWithLink(added.setupToken, { password, confirm: password });
	seller = (await ctx.services.auth.loadActor(added.userId))!;
	shop = await ctx.services.shops.getManaged(system, added.shopId);
	product = await makeProduct(ctx.services, shop, { name: 'Keripik Singkong Pedas Admin', published: true });
}, 120_000);
afterAll(() => ctx?.cleanup());

const api = async (actor: Actor, json: unknown) => callRoute(await routeByKey('POST /api/v1/admin/communities'), { services: ctx.services, actor }, { json });
const catalogNames = async (q = '') => (await ctx.services.catalog.listProducts(PUBLIC_ACTOR, c1, q ? { q } : {})).items.map((i) => i.name);

describe(AdminService.name, () => {
	describe('createCommunity', () => {
		it('should take district, regency and province from the official region, and record it in the audit log', async () => {
			const c = await ctx.services.admin.createCommunity(admin, { regionCode: '32.08.18.1002', name: 'Kelurahan Cigadung', slug: 'cigadung-kuningan' });
			expect(c).toMatchObject({ slug: 'cigadung-kuningan', region_code: '32.08.18.1002', kind: 'kelurahan', district: 'Cigugur', regency: 'Kabupaten Kuningan', province: 'Jawa Barat' });
			const rows = await ctx.services.audit.listAll(admin, { action: 'community.create' });
			expect(rows[0]).toMatchObject({ actorName: 'Admin Dinas', actorRole: 'admin', communityId: c.id, targetLabel: 'Kelurahan Cigadung', before: null, after: { regionCode: '32.08.18.1002', district: 'Cigugur' } });
		});

		it('should answer the API with 201 and a desa for a 2xxx code', async () => {
			const res = await api(admin, { regionCode: '32.08.18.2009', name: 'Desa Cisantana', slug: 'cisantana' });
			expect(res.status).toBe(201);
			expect(res.body).toMatchObject({ data: { slug: 'cisantana', kind: 'desa', district: 'Cigugur', regency: 'Kabupaten Kuningan', province: 'Jawa Barat' } });
		});

		it('should refuse an unknown, malformed or non-village region with 400 and write nothing', async () => {
			for (const regionCode of ['32.08.18.1999', '11.01.01.2001', '32.08.18', 'abc', '', 42]) {
				const before = await digestTables(ctx.database);
				const res = await api(admin, { regionCode, name: 'Desa Palsu', slug: `palsu-${String(regionCode).length}` });
				expect(res.status, String(regionCode)).toBe(400);
				expect(res.body, String(regionCode)).toMatchObject({ error: { code: 'bad_request', details: { fields: { regionCode: expect.any(String) } } } });
				expect(changedTables(before, await digestTables(ctx.database))).toEqual([]);
			}
		});

		it('should answer a kelurahan/desa that already has its community with 409, naming it', async () => {
			const res = await api(admin, { regionCode: '32.08.18.1002', name: 'Kelurahan Cigadung Lagi', slug: 'cigadung-lagi' });
			expect(res.status).toBe(409);
			expect(res.body).toMatchObject({ error: { code: 'region_taken', message: 'Kelurahan/desa ini sudah punya komunitas: Kelurahan Cigadung (/c/cigadung-kuningan). Satu kelurahan/desa satu komunitas.' } });
		});

		it('should answer a taken slug with 409', async () => {
			const res = await api(admin, { regionCode: '32.08.18.1001', name: 'Kelurahan Cigugur', slug: 'cisantana' });
			expect(res.status).toBe(409);
			expect(res.body).toMatchObject({ error: { code: 'slug_taken', message: expect.stringContaining('cisantana') } });
		});

		it('should be 404 to a coordinator, a facilitator, a seller and anonymous, writing nothing', async () => {
			for (const actor of [coordinator, facilitator, seller, PUBLIC_ACTOR]) {
				const before = await digestTables(ctx.database);
				const res = await api(actor, { regionCode: '32.08.18.1003', name: 'Kelurahan Winduherang', slug: 'winduherang' });
				expect(res.status).toBe(404);
				expect(changedTables(before, await digestTables(ctx.database))).toEqual([]);
			}
		});
	});

	describe('suspendShop / suspendProduct', () => {
		it('should take a suspended shop out of the catalog, search, shop list, feed and sitemap, and show its seller the reason', async () => {
			expect(await catalogNames()).toContain(product.name);
			await ctx.services.admin.suspendByAddress(admin, { address: `https://ecrav.test/c/${c1.slug}/toko/${shop.slug}`, reason: 'Foto produk milik toko lain' }, SITE);
			expect(await catalogNames()).not.toContain(product.name);
			expect(await catalogNames('singkong pedas')).not.toContain(product.name);
			expect((await ctx.services.shops.listByCommunity(PUBLIC_ACTOR, c1)).map((s) => s.id)).not.toContain(shop.id);
			await expect(ctx.services.feeds.items(PUBLIC_ACTOR, 'https://ecrav.test', c1.slug, shop.slug)).rejects.toMatchObject({ status: 404 });
			expect((await ctx.services.feeds.items(PUBLIC_ACTOR, 'https://ecrav.test', c1.slug)).items.map((i) => i.productId)).not.toContain(product.id);
			expect(await ctx.services.sitemap.sitemap(PUBLIC_ACTOR, 'https://ecrav.test')).not.toContain(shop.slug);
			// once: the same shop again is refused and writes nothing (stranger 2026-12-02)
			const suspended = await digestTables(ctx.database);
			await expect(ctx.services.admin.suspendShop(admin, shop.id, { reason: 'Alasan kedua yang lain' })).rejects.toMatchObject({ status: 409, code: 'already_suspended' });
			expect(changedTables(suspended, await digestTables(ctx.database))).toEqual([]);
			const seen = await ctx.services.shops.getManaged(seller, shop.id);
			expect(seen.suspended_reason).toBe('Foto produk milik toko lain');
			const layout = await callRoute(await routeByKey('POST /admin?/restore'), { services: ctx.services, actor: coordinator }, { form: { kind: 'shop', id: shop.id } });
			expect(layout.status).toBe(404);
			await ctx.services.admin.restoreShop(admin, shop.id);
			expect(await catalogNames()).toContain(product.name);
			// restoring what is not suspended changes nothing and writes no audit row (attacker 2026-12-02)
			const before = await digestTables(ctx.database);
			await expect(ctx.services.admin.restoreShop(admin, shop.id)).rejects.toMatchObject({ status: 409, code: 'not_suspended' });
			await expect(ctx.services.admin.restoreProduct(admin, product.id)).rejects.toMatchObject({ status: 409, code: 'not_suspended' });
			expect(changedTables(before, await digestTables(ctx.database))).toEqual([]);
		});

		it('should take a suspended product out of sale and keep its seller from publishing it until restored', async () => {
			await ctx.services.admin.suspendProduct(admin, product.id, { reason: 'Klaim halal belum ada sertifikatnya' });
			expect(await catalogNames()).not.toContain(product.name);
			await expect(ctx.services.products.setStatus(seller, product.id, 'published')).rejects.toMatchObject({ status: 422, params: { reason: 'Klaim halal belum ada sertifikatnya' } });
			await expect(ctx.services.products.update(seller, product.id, { published: true })).rejects.toMatchObject({ status: 422 });
			expect((await ctx.services.products.getManaged(seller, product.id)).product).toMatchObject({ status: 'draft', suspended_reason: 'Klaim halal belum ada sertifikatnya' });
			await ctx.services.admin.restoreProduct(admin, product.id);
			expect((await ctx.services.products.getManaged(seller, product.id)).product).toMatchObject({ status: 'published', suspended_reason: null });
			expect(await catalogNames()).toContain(product.name);
		});

		it('should leave a product its seller archived while suspended archived when it is restored (attacker 2026-12-03)', async () => {
			const other = await makeProduct(ctx.services, shop, { name: 'Basreng Diarsipkan Saat Ditangguhkan', published: true });
			await ctx.services.admin.suspendProduct(admin, other.id, { reason: 'Foto milik toko lain' });
			await ctx.services.products.setStatus(seller, other.id, 'archived');
			await ctx.services.admin.restoreProduct(admin, other.id);
			expect((await ctx.services.products.getManaged(seller, other.id)).product).toMatchObject({ status: 'archived', suspended_reason: null });
			expect(await catalogNames()).not.toContain(other.name);
		});

		it('should refuse a suspension by anyone but an admin with 404, and a link that names nothing with a message', async () => {
			for (const actor of [coordinator, facilitator, seller, otherCoordinator, PUBLIC_ACTOR]) {
				await expect(ctx.services.admin.suspendShop(actor, shop.id, { reason: 'Bukan hak Anda' })).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.admin.suspendProduct(actor, product.id, { reason: 'Bukan hak Anda' })).rejects.toMatchObject({ status: 404 });
			}
			for (const address of ['https://ecrav.test/c/admin-satu/toko/tidak-ada', '/c/tidak-ada/toko/x', 'javascript:alert(1)', '%%%']) {
				await expect(ctx.services.admin.suspendByAddress(admin, { address, reason: 'Alasan yang cukup' }, SITE)).rejects.toMatchObject({ status: 422, issues: [{ field: 'address' }] });
			}
			// the same path on another site is not this shop (attacker 2026-12-03: all three suspended it)
			const status = async () => (await ctx.services.shops.getManaged(system, shop.id)).status;
			const before = await status();
			for (const address of [`http://evil.test/c/${c1.slug}/toko/${shop.slug}`, `//evil.test/c/${c1.slug}/toko/${shop.slug}`, `\\\\evil\\c\\${c1.slug}\\toko\\${shop.slug}`]) {
				await expect(ctx.services.admin.suspendByAddress(admin, { address, reason: 'Alasan yang cukup' }, SITE), address).rejects.toMatchObject({ status: 422, issues: [{ field: 'address', messageKey: 'admin.addressOtherSite' }] });
			}
			expect(await status()).toBe(before);
		});
	});

	describe('appointStaff', () => {
		it('should give a new person the role and a one-time setup link, and keep the token out of the audit log', async () => {
			const made = await ctx.services.admin.appointStaff(admin, c2, { name: 'Bu Rina', email: 'rina@dinas.test', whatsapp: '', role: 'coordinator' });
			expect(made.existing).toBe(false);
			expect(made.setupLink?.token).toMatch(/.{20,}/);
			const actor = await ctx.services.auth.loadActor(made.userId);
			expect(actor?.memberships).toContainEqual({ communityId: c2.id, role: 'coordinator' });
			const text = JSON.stringify(await ctx.database.db.selectFrom('audit_log').selectAll().execute());
			expect(text).not.toContain(made.setupLink!.token);
			expect(text).not.toContain(hashToken(made.setupLink!.token));
		});

		it('should appoint the same new person twice onto one account whose newest link works (attacker 2026-12-02)', async () => {
			const first = await ctx.services.admin.appointStaff(admin, c2, { name: 'Pak Dua Kali', email: 'duakali@dinas.test', role: 'facilitator' });
			const again = await ctx.services.admin.appointStaff(admin, c1, { name: 'Pak Dua Kali', email: 'duakali@dinas.test', role: 'coordinator' });
			expect(again.userId).toBe(first.userId);
			expect(await ctx.database.db.selectFrom('app_user').select('id').where('email', '=', 'duakali@dinas.test').execute()).toHaveLength(1);
			// the link handed out last sets the password, and the account holds both appointments
			const session = await ctx.services.auth.setPasswordWithLink(again.setupLink!.token, { password: 'dua-kali-diangkat-9', confirm: 'dua-kali-diangkat-9' });
			const actor = (await ctx.services.auth.actorForToken(session.token, 'cookie'))!.actor;
			expect(actor.memberships).toEqual(expect.arrayContaining([{ communityId: c2.id, role: 'facilitator' }, { communityId: c1.id, role: 'coordinator' }]));
		});

		it('should give an account that already signs in the role, end its sessions (a new token after signing in again) and send no link', async () => {
			const login = await ctx.services.auth.login({ login: 'pend1@admin.test', password }, { address: '203.0.113.9', kind: 'cookie' });
			expect(await ctx.services.auth.actorForToken(login.token, 'cookie')).not.toBeNull();
			const made = await ctx.services.admin.appointStaff(admin, c2, { name: 'Pendamping Satu', email: 'pend1@admin.test', role: 'facilitator' });
			expect(made).toMatchObject({ existing: true, setupLink: null });
			expect(await ctx.services.auth.actorForToken(login.token, 'cookie')).toBeNull();
		});
	});
});

describe('appointStaff, the same or a wrong appointment (attacker 2026-12-03)', () => {
	const auditRows = async () => (await ctx.database.db.selectFrom('audit_log').select('id').where('action', 'like', 'staff.appoint%').execute()).length;
	it('should answer the same appointment of an account that signs in with 409 and write nothing, and name the account as it is', async () => {
		const rows = await auditRows();
		await expect(ctx.services.admin.appointStaff(admin, c1, { name: 'Nama Lain', email: 'koor1@admin.test', role: 'coordinator' })).rejects.toMatchObject({ status: 409, messageKey: 'admin.alreadyCoordinator', params: { name: 'Koordinator Satu' } });
		expect(await auditRows()).toBe(rows);
		const made = await ctx.services.admin.appointStaff(admin, c1, { name: 'Nama Lain', email: 'koor1@admin.test', role: 'facilitator' });
		expect(made).toMatchObject({ existing: true, name: 'Koordinator Satu', setupLink: null });
		expect(await auditRows()).toBe(rows + 1);
	});

	it("should refuse a role that is neither coordinator nor facilitator, and the admin's own account, changing nothing", async () => {
		const rows = await auditRows();
		await expect(ctx.services.admin.appointStaff(admin, c2, { name: 'Orang Baru', email: 'baru-admin@admin.test', role: 'admin' })).rejects.toMatchObject({ status: 422 });
		expect(await ctx.database.db.selectFrom('app_user').select('id').where('email', '=', 'baru-admin@admin.test').execute()).toEqual([]);
		await expect(ctx.services.admin.appointStaff(admin, c2, { name: 'Admin Dinas', email: 'admin@dinas.test', role: 'coordinator' })).rejects.toMatchObject({ status: 409, messageKey: 'admin.notSelf' });
		expect((await ctx.services.auth.loadActor(admin.kind === 'user' ? admin.userId : ''))?.memberships ?? []).toEqual([]);
		expect(await auditRows()).toBe(rows);
	});
});

describe('platform comparison', () => {
	it("should give each community its newest program's knowledge gain by the dashboard's rule, and none to a community without a program", async () => {
		const village = await makeCommunity(ctx.services, { slug: 'admin-gain' });
		const coord = await makeStaff(ctx.services, village, 'coordinator');
		const m: string[] = [];
		for (const name of ['Ani', 'Budi']) m.push((await makeMember(ctx.services, ctx.database.db, village, `Ibu ${name}`)).memberId);
		await rosterSince(ctx.database.db, village);
		let n = 0;
		const session = async (programId: string, startsAt: string, at: string, scores: [string, number, number][]) => {
			const t = await ctx.services.trainings.create(coord, programId, { title: `Sesi ${++n}`, startsAt, venue: 'Balai RW' });
			await ctx.services.trainings.recordAttendance(coord, t.id, { events: m.slice(0, 2).map((memberId) => ({ id: `evt-gain-${n}-${memberId}`, memberId, present: true, at })) });
			await ctx.services.tests.setScores(coord, t.id, { kind: 'pre', scores: scores.map(([memberId, pre]) => ({ memberId, score: pre })) });
			await ctx.services.tests.setScores(coord, t.id, { kind: 'post', scores: scores.map(([memberId, , post]) => ({ memberId, score: post })) });
		};
		const old = await ctx.services.programs.create(coord, village, { name: 'Program Lama', theme: '', goals: '', targetGroup: '', startsOn: '2025-01-01', endsOn: '2025-12-31' });
		await session(old.id, '2025-03-10T09:00', '2025-03-10T02:05:00Z', [[m[0], 10, 100]]);
		const newest = await ctx.services.programs.create(coord, village, { name: 'Program Baru', theme: '', goals: '', targetGroup: '', startsOn: '2026-01-01', endsOn: '2027-12-31' });
		await session(newest.id, '2026-02-10T09:00', '2026-02-10T02:05:00Z', [[m[0], 40, 70], [m[1], 60, 80]]);

		const { communities } = await ctx.services.admin.platform(admin);
		const row = communities.find((c) => c.slug === 'admin-gain')!;
		const dashboard = await ctx.services.indicators.dashboard(coord, newest.id);
		expect(row.program).toMatchObject({ programName: 'Program Baru', gain: { n: 2, meanPre: 50, meanPost: 75, g: 0.5 } });
		expect(dashboard.metrics.knowledge_gain).toBe(row.program!.gain.g);
		expect(communities.find((c) => c.slug === 'admin-dua')!.program).toBeNull();
	});
});

describe(AuditService.name, () => {
	it("should show a coordinator their own community's rows only, and be 404 to another community's coordinator and to a facilitator", async () => {
		await ctx.services.admin.suspendProduct(admin, product.id, { reason: 'Diperiksa dulu oleh dinas' });
		await ctx.services.admin.restoreProduct(admin, product.id);
		const mine = await ctx.services.audit.listCommunity(coordinator, c1, {});
		expect(mine.map((r) => r.action)).toEqual(expect.arrayContaining(['product.suspend', 'product.restore', 'shop.suspend', 'shop.restore']));
		expect(mine.every((r) => r.communityId === c1.id)).toBe(true);
		await expect(ctx.services.audit.listCommunity(otherCoordinator, c1, {})).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.audit.listCommunity(facilitator, c1, {})).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.audit.listAll(coordinator, {})).rejects.toMatchObject({ status: 404 });
		expect((await ctx.services.audit.listCommunity(otherCoordinator, c2, {})).some((r) => r.communityId === c1.id)).toBe(false);
	});

	it('should filter by action and WIB day, refuse a bad date with 400, and export the same rows as CSV', async () => {
		const suspends = await ctx.services.audit.listCommunity(coordinator, c1, { action: 'product.suspend' });
		expect(suspends.length).toBeGreaterThan(0);
		expect(suspends.every((r) => r.action === 'product.suspend')).toBe(true);
		expect(await ctx.services.audit.listCommunity(coordinator, c1, { from: '2099-01-01' })).toEqual([]);
		for (const from of ['2026-13-01', 'kemarin', '2026-02-30']) await expect(ctx.services.audit.listCommunity(coordinator, c1, { from })).rejects.toMatchObject({ status: 400 });
		const res = await callRoute(await routeByKey('GET /koordinator/[community]/riwayat.csv'), { services: ctx.services, actor: coordinator }, { params: { community: c1.slug }, query: { jenis: 'product.suspend' } });
		expect(res.status).toBe(200);
		const lines = new TextDecoder().decode(res.bytes ?? new TextEncoder().encode(String(res.body))).replace(/^\uFEFF/, '').trim().split('\r\n');
		// what a person reads first (WIB time, the community, the change in words), then the codes for processing
		expect(lines[0]).toBe('Waktu (WIB),Oleh,Peran,Komunitas,Perubahan,Sasaran,Yang berubah,waktu_utc,kode_perubahan,jenis_sasaran,id_sasaran,id_komunitas,sebelum_json,sesudah_json');
		expect(lines).toHaveLength(suspends.length + 1);
		expect(lines[1]).toContain('Diperiksa dulu oleh dinas');
		expect(lines[1]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d\\.\\d\\d,Admin Dinas,admin,${c1.name},Produk ditangguhkan,`));
		expect(lines[1]).toContain('Alasan penangguhan: — → Diperiksa dulu oleh dinas');
		expect(lines[1]).toContain(',product.suspend,product,');
		const en = await callRoute(await routeByKey('GET /koordinator/[community]/riwayat.csv'), { services: ctx.services, actor: coordinator, locale: 'en' }, { params: { community: c1.slug }, query: { jenis: 'product.suspend' } });
		expect(new TextDecoder().decode(en.bytes ?? new TextEncoder().encode(String(en.body))).replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Time \(WIB\),By,Role,Community,Change,/);
		// an unknown kind of change is named as such, not as a date problem (attacker 2026-12-03)
		await expect(ctx.services.audit.listCommunity(coordinator, c1, { action: 'x' })).rejects.toMatchObject({ status: 400, issues: [{ messageKey: 'audit.badAction' }] });
		const other = await callRoute(await routeByKey('GET /koordinator/[community]/riwayat.csv'), { services: ctx.services, actor: otherCoordinator }, { params: { community: c1.slug } });
		expect(other.status).toBe(404);
	});
});
