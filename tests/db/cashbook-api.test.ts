import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, system } from '../helpers/factories';
import { callRoute, digestTables, routeByKey } from '../helpers/routes';
import type { Actor } from '../../src/lib/server/auth/actor';
import { openapi } from '../../src/lib/server/web/openapi';

/**
 * The cash book's entries API (issue 11) and its forms, called through the real route handlers: 201 with the entry,
 * the book with its summary exactly as the issue names it, a second correction 409, bad input 400 with a message per
 * field (in the caller's language) and nothing stored, a coordinator 404 — and each path in /api/v1/openapi.json.
 */
let ctx: TestContext;
const now = new Date('2026-11-30T05:00:00.000Z');
let shopId: string;
let seller: Actor;
let coordinator: Actor;

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	const s = ctx.services;
	const community = await makeCommunity(s, { slug: 'desa-kas-api' });
	const a = await s.members.addSeller(system, community, { name: 'Bu Api', businessType: 'Penjual kue', whatsapp: '0812 6666 0001' });
	shopId = a.shopId;
	seller = (await s.auth.loadActor(a.userId))!;
	const staffId = await s.auth.createUser(system, { name: 'Bu Koordinator', email: 'koordinator-kas-api@contoh.test', password: 'kunci-rahasia-kas-8' });
	await s.members.addRole(system, community, staffId, 'coordinator');
	coordinator = (await s.auth.loadActor(staffId))!;
}, 60_000);
afterAll(() => ctx.cleanup());

const call = async (key: string, actor: Actor, req: Parameters<typeof callRoute>[2], locale: 'id' | 'en' = 'id') => callRoute(await routeByKey(key), { services: ctx.services, actor, locale }, req);
const POST_ENTRY = 'POST /api/v1/shops/[shopId]/cashbook/entries';
const REVERSE = 'POST /api/v1/cashbook/entries/[entryId]/reverse';
const BOOK = 'GET /api/v1/shops/[shopId]/cashbook';
type ErrorBody = { error: { code: string; message: string; details?: { fields: Record<string, string> } } };

describe(`cash book API (${TEST_DIALECT})`, () => {
	it('should record entries (201), reverse one (201, again 409) and give the book with its summary', async () => {
		const sale = await call(POST_ENTRY, seller, { params: { shopId }, json: { kind: 'income', amount: 24000, date: '2026-11-30', category: 'penjualan', method: 'tunai', note: 'Pasar pagi' } });
		expect(sale.status).toBe(201);
		expect(sale.body).toMatchObject({ id: expect.stringMatching(/^kas_/), kind: 'income', amount: 24000, date: '2026-11-30', method: 'tunai', note: 'Pasar pagi' });
		expect((await call(POST_ENTRY, seller, { params: { shopId }, json: { kind: 'expense', amount: 9000, category: 'bahan_baku', method: 'qris' } })).status).toBe(201);
		expect((await call(POST_ENTRY, seller, { params: { shopId }, json: { kind: 'prive', amount: 5000, method: 'tunai' } })).status).toBe(201);
		const wrong = await call(POST_ENTRY, seller, { params: { shopId }, json: { kind: 'modal', amount: 70000, method: 'transfer' } });

		const id = (wrong.body as { id: string }).id;
		const reversed = await call(REVERSE, seller, { params: { entryId: id } });
		expect(reversed.status).toBe(201);
		expect(reversed.body).toMatchObject({ kind: 'modal', amount: -70000, reversesId: id });
		const again = await call(REVERSE, seller, { params: { entryId: id }, json: { reason: 'lagi' } });
		expect(again.status).toBe(409);
		expect((again.body as ErrorBody).error.message).toBe('Catatan ini sudah dikoreksi.');

		const book = await call(BOOK, seller, { params: { shopId }, query: { from: '2026-11-01', to: '2026-11-30' } });
		expect(book.status).toBe(200);
		const body = book.body as { entries: { id: string; reversedBy: string | null }[]; summary: unknown };
		expect(body.summary).toEqual({ income: 24000, expense: 9000, prive: 5000, modal: 0, profit: 15000, byMethod: { tunai: 19000, transfer: 0, qris: -9000 } });
		expect(body.entries).toHaveLength(5);
		expect(body.entries.find((e) => e.id === id)?.reversedBy).toBe((reversed.body as { id: string }).id);
	});

	it('should answer bad input with 400 and a message per field, in the caller’s language, storing nothing', async () => {
		const before = await digestTables(ctx.database);
		const bad = await call(POST_ENTRY, seller, { params: { shopId }, json: { kind: 'income', amount: -5, date: '2027-06-01', method: 'kartu' } });
		expect(bad.status).toBe(400);
		const fields = (bad.body as ErrorBody).error.details!.fields;
		expect(fields).toEqual({
			amount: 'Jumlah harus lebih dari Rp\u00a00 dan paling banyak Rp\u00a01.000.000.000.000.',
			method: 'Pilih cara bayar: Tunai, Transfer atau QRIS.'
		});
		const future = await call(POST_ENTRY, seller, { params: { shopId }, json: { kind: 'income', amount: 5000, date: '2026-12-01', method: 'tunai' } }, 'en');
		expect(future.status).toBe(400);
		expect((future.body as ErrorBody).error.details!.fields.date).toMatch(/has not come yet/);
		for (const json of [{ kind: 'income', amount: 'banyak', method: 'tunai' }, { kind: 'income', amount: 1_000_000_000_001, method: 'tunai' }, { kind: 'income', amount: 0, method: 'tunai' }]) {
			const r = await call(POST_ENTRY, seller, { params: { shopId }, json });
			expect(r.status, JSON.stringify(json)).toBe(400);
			expect(Object.keys((r.body as ErrorBody).error.details!.fields)).toEqual(['amount']);
		}
		expect((await call(POST_ENTRY, seller, { params: { shopId }, raw: { body: '[1,2]', type: 'application/json' } })).status).toBe(400);
		expect((await call(REVERSE, seller, { params: { entryId: 'kas_x' }, raw: { body: 'bukan json', type: 'application/json' } })).status).toBe(400);
		expect((await call(BOOK, seller, { params: { shopId }, query: { from: '2026-13-01' } })).status).toBe(400);
		expect((await call(BOOK, seller, { params: { shopId }, query: { from: '2026-11-30', to: '2026-11-01' } })).status).toBe(400);
		expect(await digestTables(ctx.database)).toEqual(before);
	});

	it('should tell the community’s coordinator the book does not exist (404), changing nothing', async () => {
		const entry = await ctx.services.cashbook.record(seller, shopId, { kind: 'income', amount: 1000, method: 'tunai' });
		const before = await digestTables(ctx.database);
		expect((await call(POST_ENTRY, coordinator, { params: { shopId }, json: { kind: 'income', amount: 1000, method: 'tunai' } })).status).toBe(404);
		expect((await call(REVERSE, coordinator, { params: { entryId: entry.id } })).status).toBe(404);
		expect((await call(BOOK, coordinator, { params: { shopId } })).status).toBe(404);
		expect((await call(BOOK, { kind: 'public' }, { params: { shopId } })).status).toBe(401);
		expect(await digestTables(ctx.database)).toEqual(before);
	});

	it('should document the three paths in the OpenAPI description', () => {
		const paths = openapi.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
		expect(Object.keys(paths['/shops/{shopId}/cashbook/entries'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '404']));
		expect(Object.keys(paths['/cashbook/entries/{entryId}/reverse'].post.responses)).toEqual(expect.arrayContaining(['201', '409', '404']));
		expect(Object.keys(paths['/shops/{shopId}/cashbook'].get.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
	});
});

describe(`cash book forms (${TEST_DIALECT})`, () => {
	it('should record a quick sale and answer 303 back to the book with the entry flashed once; a bad amount keeps what was typed', async () => {
		const ok = await call('POST /jual/kas?/catat', seller, { form: { amount: '24.000', method: 'qris' } });
		expect(ok.status).toBe(303);
		expect(ok.location).toBe('/jual/kas');
		expect(ok.cookiesSet.ecrav_kas).toMatch(/^kas_/);
		const before = await digestTables(ctx.database);
		const bad = await call('POST /jual/kas?/catat', seller, { form: { amount: '24,5', method: 'qris' } });
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({ fields: { amount: expect.stringContaining('Tulis jumlah rupiah') }, values: { amount: '24,5', method: 'qris' } });
		expect(await digestTables(ctx.database)).toEqual(before);
	});

	it('should ask once about an unusually large amount ("240jt" for "240rb"), storing nothing until it is ticked', async () => {
		for (const key of ['POST /jual/kas?/catat', 'POST /jual/kas/catat?/catat']) {
			const before = await digestTables(ctx.database);
			const asked = await call(key, seller, { form: { amount: '240jt', method: 'tunai' } });
			expect(asked.status, key).toBe(400);
			expect(asked.body, key).toMatchObject({ message: 'Jumlah ini besar: Rp\u00a0240.000.000. Benar? Centang "Ya, jumlahnya benar" lalu simpan lagi.', values: { amount: '240jt' } });
			expect(await digestTables(ctx.database), key).toEqual(before);
			expect((await call(key, seller, { form: { amount: '240jt', method: 'tunai', besar: 'on' } })).status, key).toBe(303);
		}
		expect((await call('POST /jual/kas?/catat', seller, { form: { amount: '10.000.000', method: 'tunai' } })).status).toBe(303);
	});

	it('should correct from the entry page only with its tick, and refuse a second correction with 409 and its message', async () => {
		const entry = await ctx.services.cashbook.record(seller, shopId, { kind: 'expense', amount: 3000, method: 'tunai' });
		const before = await digestTables(ctx.database);
		const unticked = await call('POST /jual/kas/[entry]?/koreksi', seller, { params: { entry: entry.id }, form: { reason: 'salah' } });
		expect(unticked.status).toBe(400);
		expect(unticked.body).toMatchObject({ fields: { confirm: 'Centang "Ya, koreksi catatan ini" dulu untuk mengoreksi.' }, values: { reason: 'salah' } });
		expect(await digestTables(ctx.database)).toEqual(before);
		expect((await call('POST /jual/kas/[entry]?/koreksi', seller, { params: { entry: entry.id }, form: { reason: '', confirm: 'on' } })).status).toBe(303);
		const again = await call('POST /jual/kas/[entry]?/koreksi', seller, { params: { entry: entry.id }, form: { reason: '', confirm: 'on' } });
		expect(again.status).toBe(409);
		expect(again.body).toMatchObject({ message: 'Catatan ini sudah dikoreksi.' });
	});
});
