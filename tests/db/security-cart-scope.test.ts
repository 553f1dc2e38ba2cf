import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, routeByKey } from '../helpers/routes';
import { makeCommunity, makeProduct, makeShop } from '../helpers/factories';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import { cartCookie } from '../../src/lib/server/web/cart';
import type { Community, Product } from '../../src/lib/server/db/schema';

/**
 * Attacker review of issue 8, finding (h): opening another community's cart page (`/c/<b>/keranjang`) emptied
 * the cart of community a — one cookie held both, and b's page priced a's lines as unknown and wrote back
 * nothing. Each community now has its own cart cookie, sent only to its own pages.
 */
let ctx: TestContext;
let a: Community;
let b: Community;
let productA: Product;
let productB: Product;

/** A cookie jar like the browser's for one path: what the server set (or deleted) is remembered. */
function jar(initial: Record<string, string> = {}) {
	const values: Record<string, string> = { ...initial };
	const set: { name: string; value: string; path?: string }[] = [];
	const cookies = {
		get: (name: string) => values[name],
		getAll: () => Object.entries(values).map(([name, value]) => ({ name, value })),
		set: (name: string, value: string, opts: { path?: string }) => {
			set.push({ name, value, path: opts?.path });
			values[name] = value;
		},
		delete: (name: string, opts: { path?: string }) => {
			set.push({ name, value: '', path: opts?.path });
			delete values[name];
		},
		serialize: () => ''
	} as unknown as Cookies;
	return { cookies, values, set };
}

async function cartPage(community: Community, cookies: Cookies) {
	const { load } = await import('../../src/routes/(store)/c/[community]/keranjang/+page.server');
	return (await load({
		params: { community: community.slug },
		cookies,
		url: new URL(`http://ecrav.test/c/${community.slug}/keranjang`),
		locals: { services: ctx.services, actor: PUBLIC_ACTOR, locale: 'id' },
		parent: async () => ({ community }),
		setHeaders: () => {}
	} as never)) as { cart: { shops: { lines: { productId: string }[] }[] } };
}

beforeAll(async () => {
	ctx = await createTestContext();
	a = await makeCommunity(ctx.services, { slug: 'desa-a' });
	b = await makeCommunity(ctx.services, { slug: 'desa-b' });
	productA = await makeProduct(ctx.services, await makeShop(ctx.services, a, 'Toko A'), { name: 'Opak A' });
	productB = await makeProduct(ctx.services, await makeShop(ctx.services, b, 'Toko B'), { name: 'Opak B' });
});
afterAll(() => ctx.cleanup());

describe(`Cart cookie per community (${TEST_DIALECT})`, () => {
	it("should keep community a's cart when community b's cart page is opened, and keep the two apart", async () => {
		const added = await callRoute(await routeByKey('POST /c/[community]/keranjang?/tambah'), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { community: a.slug }, form: { productId: productA.id, quantity: '2' } });
		expect(added.status).toBe(303);
		expect(Object.keys(added.cookiesSet)).toEqual([cartCookie(a.slug).name]);
		const browser = jar(added.cookiesSet);

		// Community b's cart page: empty, and it touches nothing of a's.
		const pageB = await cartPage(b, browser.cookies);
		expect(pageB.cart.shops).toEqual([]);
		expect(browser.set).toEqual([]);
		const pageA = await cartPage(a, browser.cookies);
		expect(pageA.cart.shops.flatMap((s) => s.lines.map((l) => l.productId))).toEqual([productA.id]);

		// Adding in b makes b's own cart; a's stays as it was.
		const addedB = await callRoute(await routeByKey('POST /c/[community]/keranjang?/tambah'), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { community: b.slug }, form: { productId: productB.id }, cookies: browser.values });
		expect(Object.keys(addedB.cookiesSet)).toEqual([cartCookie(b.slug).name]);
		Object.assign(browser.values, addedB.cookiesSet);
		expect((await cartPage(a, browser.cookies)).cart.shops.flatMap((s) => s.lines.map((l) => l.productId))).toEqual([productA.id]);
		expect((await cartPage(b, browser.cookies)).cart.shops.flatMap((s) => s.lines.map((l) => l.productId))).toEqual([productB.id]);
	});

	it("should send each cart only to its community's pages, and name a hostile slug safely", () => {
		expect(cartCookie('desa-a')).toEqual({ name: 'ecrav_cart_desa-a', path: '/c/desa-a' });
		const hostile = cartCookie('x;\r\n=y/../');
		expect(hostile.name).toMatch(/^ecrav_cart_[0-9a-f]{16}$/);
		expect(hostile.path).toBe('/c/x%3B%0D%0A%3Dy%2F..%2F');
	});
});
