import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, routeByKey, type RouteRequest } from '../helpers/routes';
import { makeCommunity, makeProduct, makeShop } from '../helpers/factories';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import { cartCookie } from '../../src/lib/server/web/cart';
import type { Community, Product, Shop } from '../../src/lib/server/db/schema';

/**
 * Issue 7 ("Left" 3, item 3 of the field brief): a product with variants shows the chosen variant's price or the
 * range, "Pesan via WhatsApp" carries the variant and quantity (GET → 303 → wa.me, never anywhere else), the card
 * says "mulai" when variant prices differ, and a wrong quantity on "Tambah ke keranjang" changes nothing.
 */
let ctx: TestContext;
let a: Community;
let b: Community;
let shop: Shop;
let kopi: Product;
let opak: Product;
let foreign: Product;
const variant: Record<string, string> = {};
let foreignVariant: string;

const WA = 'GET /c/[community]/toko/[shop]/[product]/whatsapp';
const ADD = 'POST /c/[community]/keranjang?/tambah';

async function variantIds(productId: string) {
	return ctx.services.database.db.selectFrom('product_variant').select(['id', 'label']).where('product_id', '=', productId).orderBy('position').execute();
}

beforeAll(async () => {
	ctx = await createTestContext();
	a = await makeCommunity(ctx.services, { slug: 'pilih-a' });
	b = await makeCommunity(ctx.services, { slug: 'pilih-b' });
	shop = await makeShop(ctx.services, a, 'Kopi Bu Ani');
	kopi = await makeProduct(ctx.services, shop, {
		name: 'Kopi Bubuk',
		price: 15000,
		variantTitle: 'Berat',
		variants: [
			{ label: '100 g', price: 15000, stock: 5 },
			{ label: '250 g', price: 32500, stock: 3 },
			{ label: '1 kg', price: 60000, stock: 0 }
		]
	});
	opak = await makeProduct(ctx.services, shop, { name: 'Opak Bakar', price: 10000, stock: 8 });
	foreign = await makeProduct(ctx.services, await makeShop(ctx.services, b, 'Toko Lain'), { name: 'Kopi Lain', variants: [{ label: 'Besar', price: 99000, stock: 9 }] });
	for (const v of await variantIds(kopi.id)) variant[v.label] = v.id;
	foreignVariant = (await variantIds(foreign.id))[0].id;
});
afterAll(() => ctx.cleanup());

const page = (p: Product) => `/c/${a.slug}/toko/${shop.slug}/${p.slug}`;
const wa = async (p: Product, query: Record<string, string>) => callRoute(await routeByKey(WA), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { community: a.slug, shop: shop.slug, product: p.slug }, query });
// Money spacing compared whitespace-tolerantly: "Rp" may be joined to its amount by a no-break space.
const messageOf = (location: string) => (new URL(location).searchParams.get('text') ?? '').replace(/\u00a0/g, ' ');

async function productPage(p: Product, search = '', locale: 'id' | 'en' = 'id') {
	const { load } = await import('../../src/routes/(store)/c/[community]/toko/[shop]/[product]/+page.server');
	return (await load({
		params: { community: a.slug, shop: shop.slug, product: p.slug },
		url: new URL(`http://ecrav.test${page(p)}${search}`),
		locals: { services: ctx.services, actor: PUBLIC_ACTOR, locale },
		parent: async () => ({ community: a })
	} as never)) as { headline: string; choice: { variant: { id: string } | null; typedQuantity: string; errors: { variantId?: string; quantity?: string } } };
}

describe(`product page with variants (${TEST_DIALECT})`, () => {
	it('should show the price range until a variant is chosen, then that variant\'s price', async () => {
		expect((await productPage(kopi)).headline).toBe('Rp\u00a015.000 – Rp\u00a060.000');
		const chosen = await productPage(kopi, `?variantId=${variant['250 g']}`);
		expect(chosen.headline).toBe('Rp\u00a032.500');
		expect(chosen.choice.variant?.id).toBe(variant['250 g']);
		expect((await productPage(opak)).headline).toBe('Rp\u00a010.000');
	});

	it('should refuse a sold-out or another product\'s variant and a wrong quantity with a message, keeping what was typed', async () => {
		for (const id of [variant['1 kg'], foreignVariant, 'var_tidakada', '']) {
			const r = await productPage(kopi, `?variantId=${encodeURIComponent(id)}`);
			expect(r.choice.variant).toBeNull();
			expect(r.choice.errors.variantId).toMatch(/sudah habis/);
			expect(r.headline).toBe('Rp\u00a015.000 – Rp\u00a060.000');
		}
		const abc = await productPage(kopi, `?variantId=${variant['100 g']}&quantity=abc`);
		expect(abc.choice.errors.quantity).toBe('"abc" bukan jumlah. Tulis angka bulat 1 sampai 100, misalnya 2. Belum ada yang ditambahkan.');
		expect(abc.choice.typedQuantity).toBe('abc');
		expect((await productPage(kopi, '?quantity=0', 'en')).choice.errors.quantity).toBe('The quantity must be at least 1. Nothing was added.');
	});

	it('should say "mulai" on the card (and priceMax in the API) only when variant prices differ', async () => {
		const list = await ctx.services.catalog.listProducts(PUBLIC_ACTOR, a, {});
		const card = (id: string) => list.items.find((c) => c.id === id)!;
		expect([card(kopi.id).price, card(kopi.id).priceMax]).toEqual([15000, 60000]);
		expect([card(opak.id).price, card(opak.id).priceMax]).toEqual([10000, 10000]);
		const api = await callRoute(await routeByKey('GET /api/v1/communities/[slug]/products'), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { slug: a.slug } });
		const row = (api.body as { data: { id: string; price: number; priceMax: number }[] }).data.find((p) => p.id === kopi.id);
		expect(row).toMatchObject({ price: 15000, priceMax: 60000 });
	});
});

describe(`"Pesan via WhatsApp" (${TEST_DIALECT})`, () => {
	it('should send the chosen variant, quantity and total to the shop\'s own number, in Bahasa Indonesia', async () => {
		const r = await wa(kopi, { productId: kopi.id, variantId: variant['250 g'], quantity: '2' });
		expect(r.status).toBe(303);
		expect(r.location).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=/);
		const text = messageOf(r.location!);
		expect(text).toContain('2 × Kopi Bubuk (250 g) (Rp 32.500 per bungkus) = Rp 65.000');
		expect(text).toContain(`${page(kopi)}?variantId=${variant['250 g']}`);
		const noVariants = await callRoute(await routeByKey(WA), { services: ctx.services, actor: PUBLIC_ACTOR, locale: 'en' }, { params: { community: a.slug, shop: shop.slug, product: opak.slug }, query: { quantity: ' 3 ' } });
		expect(messageOf(noVariants.location!)).toMatch(/^Halo Kopi Bu Ani, saya mau pesan:\n3 × Opak Bakar \(Rp 10\.000 per bungkus\) = Rp 30\.000/);
	});

	it('should send a refused choice back to the product page, never to another host', async () => {
		const hostile: Record<string, string>[] = [
			{ variantId: foreignVariant, quantity: '2' },
			{ variantId: variant['1 kg'], quantity: '1' },
			{ variantId: '//evil.example/x', quantity: '1' },
			{ variantId: variant['100 g'], quantity: '1\r\nLocation: https://evil.example' },
			{ quantity: '1' },
			...['abc', '0', '-1', '1e3', '2.5', '', '101'].map((quantity) => ({ variantId: variant['100 g'], quantity }))
		];
		for (const query of hostile) {
			const r = await wa(kopi, query);
			expect(r.status, JSON.stringify(query)).toBe(303);
			expect(r.location!.startsWith(`${page(kopi)}?variantId=`), r.location).toBe(true);
			expect(r.location).not.toMatch(/[\r\n]|evil\.example(?!%)|^\/\//);
			expect(r.location!.endsWith('#pesan')).toBe(true);
		}
	});

	it('should answer 404 for another community\'s product, and never redirect off the site', async () => {
		const r = await callRoute(await routeByKey(WA), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { community: a.slug, shop: shop.slug, product: foreign.slug }, query: { quantity: '1' } });
		expect(r.status).toBe(404);
		expect(r.location).toBeUndefined();
	});
});

describe(`"Tambah ke keranjang" with a typed quantity (${TEST_DIALECT})`, () => {
	const add = async (req: RouteRequest) => callRoute(await routeByKey(ADD), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { community: a.slug }, ...req });
	const cookie = cartCookie('pilih-a').name;

	it('should add nothing and return to the product page naming the problem for abc, 0, -1, 1e3, 2.5, empty and 101', async () => {
		for (const quantity of ['abc', '0', '-1', '1e3', '2.5', '', '   ', '101']) {
			const r = await add({ form: { productId: kopi.id, variantId: variant['250 g'], quantity } });
			expect(r.status, quantity).toBe(303);
			expect(r.location).toBe(`${page(kopi)}?${new URLSearchParams({ variantId: variant['250 g'], quantity })}#pesan`);
			expect(r.cookiesSet[cookie], quantity).toBeUndefined();
			const back = await productPage(kopi, new URL(r.location!, 'http://x').search);
			expect(back.choice.errors.quantity, quantity).toMatch(/Belum ada yang ditambahkan/);
			expect(back.choice.variant?.id).toBe(variant['250 g']);
		}
	});

	it('should add a whole number (spaces and leading zeros forgiven), and one when no quantity field is sent', async () => {
		const two = await add({ form: { productId: kopi.id, variantId: variant['250 g'], quantity: ' 02 ' } });
		expect(two.location).toBe(`/c/${a.slug}/keranjang`);
		expect(JSON.parse(two.cookiesSet[cookie])).toEqual([[kopi.id, variant['250 g'], 2]]);
		const none = await add({ form: { productId: opak.id } });
		expect(JSON.parse(none.cookiesSet[cookie])).toEqual([[opak.id, '', 1]]);
	});

	it("should not reveal another community's product page for a wrong quantity: back to this cart, nothing added", async () => {
		const r = await add({ form: { productId: foreign.id, quantity: 'abc' } });
		expect(r.location).toBe(`/c/${a.slug}/keranjang`);
		expect(r.cookiesSet[cookie]).toBeUndefined();
		expect(await ctx.services.catalog.productPagePath(PUBLIC_ACTOR, b, foreign.id)).toBe(`/c/${b.slug}/toko/${(await ctx.services.database.db.selectFrom('shop').select('slug').where('id', '=', foreign.shop_id).executeTakeFirstOrThrow()).slug}/${foreign.slug}`);
		expect(await ctx.services.catalog.productPagePath(PUBLIC_ACTOR, a, foreign.id)).toBeNull();
	});
});
