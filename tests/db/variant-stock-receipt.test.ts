import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community, Shop } from '../../src/lib/server/db/schema';
import { translator } from '../../src/lib/i18n';
import { DomainError } from '../../src/lib/server/errors';
import { renderReceiptPng } from '../../src/lib/server/media/receipt-image';
import { receiptLayout } from '../../src/lib/server/web/receipt';
import { makeCommunity, system } from '../helpers/factories';

/**
 * Issue 7 item 11 (a variant's own stock and "habis"; a sold-out line said one way) and item 8 (the receipt
 * picture is drawn only for the shop's seller), on SQLite and PostgreSQL.
 */
let ctx: TestContext;
let community: Community;
let jj: UserActor;
let mt: UserActor;
let shopJJ: Shop;
let productId: string;
let slug: string;

async function seller(coordinator: UserActor, name: string, whatsapp: string) {
	const added = await ctx.services.members.addSeller(coordinator, community, { name, businessType: 'Penjual keripik', whatsapp });
	return { actor: (await ctx.services.auth.loadActor(added.userId))!, shopId: added.shopId };
}

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'varian' });
	const coordId = await ctx.services.auth.createUser(system, { name: 'Koordinator', email: 'k@varian.test', password: 'rahasia-123' });
	await ctx.services.members.addRole(system, community, coordId, 'coordinator');
	const coordinator = (await ctx.services.auth.loadActor(coordId))!;
	const a = await seller(coordinator, 'JJ', '0812 3000 0101');
	const b = await seller(coordinator, 'MT', '0812 3000 0102');
	jj = a.actor;
	mt = b.actor;
	shopJJ = (await ctx.database.db.selectFrom('shop').selectAll().where('id', '=', a.shopId).executeTakeFirstOrThrow()) as Shop;
	await ctx.database.db.updateTable('shop').set({ status: 'active' }).where('id', '=', a.shopId).execute();
	const p = await ctx.services.products.createInShop(jj, a.shopId, {
		name: 'Keripik Varian 250 g',
		categorySlug: 'camilan-keripik',
		price: 10000,
		unit: 'bungkus',
		stock: 18,
		published: true,
		variantTitle: 'Rasa',
		variants: [
			{ label: 'Pedas', price: 12000, stock: 0 },
			{ label: 'Original', price: 10000, stock: 5 },
			{ label: 'Balado', price: 11000, stock: 2 }
		]
	});
	productId = p.id;
	slug = p.slug;
});
afterAll(() => ctx.cleanup());

const variantId = async (label: string) => (await ctx.database.db.selectFrom('product_variant').select('id').where('product_id', '=', productId).where('label', '=', label).executeTakeFirstOrThrow()).id;

describe(`variant stock and the receipt picture (${TEST_DIALECT})`, () => {
	it("should give each variant its own stock (the product's only when the variant has none) and call 0 unavailable", async () => {
		await ctx.database.db.updateTable('product_variant').set({ stock: null }).where('id', '=', await variantId('Balado')).execute();
		const detail = await ctx.services.catalog.getProduct(PUBLIC_ACTOR, community, shopJJ, slug);
		expect(detail.variants.map((v) => [v.label, v.stock, v.available])).toEqual([
			['Pedas', 0, false],
			['Original', 5, true],
			['Balado', 18, true]
		]);
	});

	it('should name a sold-out cart line with its variant and drop it from the cart', async () => {
		const priced = await ctx.services.orders.priceCart(PUBLIC_ACTOR, community, [
			{ productId, variantId: await variantId('Pedas'), quantity: 2 },
			{ productId, variantId: await variantId('Original'), quantity: 9 }
		]);
		expect(priced.adjusted).toEqual([
			{ name: 'Keripik Varian 250 g (Pedas)', available: 0, unit: 'bungkus' },
			{ name: 'Keripik Varian 250 g (Original)', available: 5, unit: 'bungkus' }
		]);
		expect(priced.shops.flatMap((s) => s.lines.map((l) => [l.variantLabel, l.quantity]))).toEqual([['Original', 5]]);
	});

	it('should say "sudah habis", never "tinggal 0. Ubah jumlahnya", when a checkout finds nothing left', async () => {
		const attempt = ctx.services.orders.checkout(PUBLIC_ACTOR, community, { buyer: { name: 'Rina', whatsapp: '081211112222' }, lines: [{ productId, variantId: await variantId('Pedas'), quantity: 1 }], shops: { [shopJJ.slug]: { delivery: 'pickup', payment: 'cod' } } }, `k-${Date.now()}`);
		const e = (await attempt.catch((x: unknown) => x)) as DomainError;
		expect(e).toBeInstanceOf(DomainError);
		expect(e).toMatchObject({ code: 'out_of_stock', status: 409, params: { product: 'Keripik Varian 250 g (Pedas)', available: 0 } });
		const said = translator('id')(e.messageKey, e.params);
		expect(said).toBe('Maaf, Keripik Varian 250 g (Pedas) sudah habis. Pesanan belum dibuat.');
		expect(translator('en')(e.messageKey, e.params)).toBe('Sorry, Keripik Varian 250 g (Pedas) is sold out. No order was made.');
	});

	it("should draw the receipt only for the shop's seller: another shop's seller gets 404", async () => {
		const view = await ctx.services.orders.checkout(PUBLIC_ACTOR, community, { buyer: { name: 'Rina <b>&</b>', whatsapp: '081211112222' }, lines: [{ productId, variantId: await variantId('Original'), quantity: 2 }], shops: { [shopJJ.slug]: { delivery: 'pickup', payment: 'cod' } } }, `k-${Date.now()}-r`);
		const orderId = view.orders[0].id;
		await expect(ctx.services.orders.getForSeller(mt, orderId)).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.orders.getForSeller(PUBLIC_ACTOR, orderId)).rejects.toBeInstanceOf(DomainError);
		const { order, buyer } = await ctx.services.orders.getForSeller(jj, orderId);
		const layout = receiptLayout('id', order, buyer);
		expect(layout.rows).toEqual([{ left: '2 × Keripik Varian 250 g (Original)', right: 'Rp\u00a020.000' }]);
		expect(layout.totals.at(-1)).toEqual({ left: 'Total', right: 'Rp\u00a020.000' });
		const png = await renderReceiptPng(layout);
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		expect(png.readUInt32BE(16)).toBe(720);
	});

	it('should sum up the items past the picture\'s 30 rows so the total still adds up', async () => {
		const { order, buyer } = await ctx.services.orders.getForSeller(jj, (await ctx.database.db.selectFrom('shop_order').select('id').where('shop_id', '=', shopJJ.id).executeTakeFirstOrThrow()).id);
		const many = { ...order, items: Array.from({ length: 35 }, (_, i) => ({ name: `Barang ${i + 1}`, variantLabel: null, unit: 'pcs', price: 1000, quantity: 1, lineTotal: 1000 })) };
		const layout = receiptLayout('id', many, buyer);
		expect(layout.rows).toHaveLength(30);
		expect(layout.rows.at(-1)).toEqual({ left: '…dan 6 barang lagi', right: 'Rp\u00a06.000' });
		expect(receiptLayout('en', many, buyer).rows.at(-1)?.left).toBe('…and 6 more items');
	});
});
