import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, type TestContext } from '../helpers/db';
import { startDemoOrders } from '../helpers/demo-orders';
import { callRoute, routeByKey } from '../helpers/routes';
import { PUBLISHED_SAMPLE_QRIS } from '../../src/lib/server/payments/qris';
import { listingQuality } from '../../src/lib/server/catalog/listing-quality';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

/** Issue 7 (left, item 5): the seller's small items that are behaviour. */
let ctx: TestContext;
let cigadung: Community;
let jj: UserActor;
let mt: UserActor;

beforeAll(async () => {
	({ ctx, cigadung, jj, mt } = await startDemoOrders());
}, 60_000);
afterAll(() => ctx.cleanup());

describe(`seller small items (${TEST_DIALECT})`, () => {
	it('should say why a QRIS cannot be read in the banner too, never a raw "{reason}", and change nothing', async () => {
		const before = (await ctx.database.db.selectFrom('shop').select('payment').where('slug', '=', 'sambal-mt').executeTakeFirstOrThrow()).payment;
		const broken = PUBLISHED_SAMPLE_QRIS.slice(0, -4) + (PUBLISHED_SAMPLE_QRIS.endsWith('0000') ? '1111' : '0000');
		const r = await callRoute(await routeByKey('POST /jual/mulai/[step]?/default'), { services: ctx.services, actor: mt }, { params: { step: 'pembayaran' }, form: { cod: 'on', qris: broken } });
		expect(r.status).toBe(400);
		const body = r.body as { message: string; fields: Record<string, string> };
		expect(body.message).toMatch(/^Kode QRIS tidak bisa dibaca: \S/);
		expect(body.message).not.toContain('{');
		expect(body.message).toBe(body.fields.qris);
		expect((await ctx.database.db.selectFrom('shop').select('payment').where('slug', '=', 'sambal-mt').executeTakeFirstOrThrow()).payment).toBe(before);
	});

	it('should refuse a bulk cancel for another shop with a sentence, not \'Toko ""\', and cancel nothing', async () => {
		const mtShop = await ctx.database.db.selectFrom('shop').select('id').where('slug', '=', 'sambal-mt').executeTakeFirstOrThrow();
		const p = await ctx.database.db.selectFrom('product').select('id').where('slug', '=', 'sambal-bawang-150-ml').executeTakeFirstOrThrow();
		const view = await ctx.services.orders.checkout(PUBLIC_ACTOR, cigadung, { buyer: { name: 'Siti', whatsapp: '081234567890' }, lines: [{ productId: p.id, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment: 'cod' } } }, 'small-items-1');
		const r = await callRoute(await routeByKey('POST /jual/pesanan?/batal'), { services: ctx.services, actor: jj }, { query: { toko: mtShop.id }, form: { orderId: view.orders[0].id, reason: 'Pesanan palsu' } });
		expect(r.status).toBe(404);
		expect((r.body as { message: string }).message).toBe('Toko ini tidak ditemukan, atau bukan toko yang Anda kelola.');
		expect((await ctx.services.orders.getForSeller(mt, view.orders[0].id)).order.status).toBe('baru');
	});

	it('should not tell a product without any photo to fix its cover photo (the add-a-photo tip carries those points)', () => {
		const input = { name: 'Keripik Pisang Manis', price: 15000, description: '', weightGrams: null, categorySlug: 'camilan-keripik', pirt: null, halal: null, bpom: null };
		const none = listingQuality({ ...input, photos: [] });
		expect(none.tips.map((t) => t.code)).not.toContain('photoQuality');
		expect(none.tips.find((t) => t.code === 'photo')?.points).toBe(35);
		expect(none.score + none.tips.reduce((s, t) => s + t.points, 0)).toBe(100);
		const dark = listingQuality({ ...input, photos: [{ hints: ['dark'] }] });
		expect(dark.tips.map((t) => t.code)).toContain('photoQuality');
	});
});

describe('money field display', () => {
	it('should show a saved price grouped with dots, which the rupiah reader reads back', async () => {
		const { formatAmountField, parseRupiah } = await import('../../src/lib/utils/money');
		expect(formatAmountField(15000)).toBe('15.000');
		expect(formatAmountField(1250000)).toBe('1.250.000');
		expect(formatAmountField(500)).toBe('500');
		for (const n of [0, 500, 15000, 1250000]) expect(parseRupiah(formatAmountField(n))).toBe(n);
	});
});
