import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { seedDemoCommunity } from '../../src/lib/server/demo/seed';
import { CHECKOUT_LIMITS, OrderService } from '../../src/lib/server/orders/order.service';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import type { CheckoutInput } from '../../src/lib/validation/checkout';
import { makeCommunity, makeProduct, makeShop } from '../helpers/factories';

/**
 * Issue 8, reviewer finding (MAJOR): five anonymous checkouts with a victim's WhatsApp number gave the victim
 * 429 for ten minutes, wherever they ordered from; and the per-address limit was shared by every community,
 * while a whole village reaches the internet through one carrier address. The number limit now counts per
 * (client address, number), the address limit per (community, address). A flood is still refused.
 */
let ctx: TestContext;
let cigadung: Community;
let other: Community;
let otherProductId: string;
let seq = 0;
const key = () => `lockout-${++seq}-${Math.random().toString(36).slice(2)}`;
const idOf = async (slug: string) => (await ctx.database.db.selectFrom('product').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
const stockOf = async (id: string) => (await ctx.database.db.selectFrom('product').select('stock').where('id', '=', id).executeTakeFirstOrThrow()).stock;
const checkouts = async () => Number((await ctx.database.db.selectFrom('checkout').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

async function orderIn(community: Community, productId: string, shopSlug: string, whatsapp: string, address: string) {
	const input: CheckoutInput = { buyer: { name: 'Pembeli', whatsapp }, lines: [{ productId, quantity: 1 }], shops: { [shopSlug]: { delivery: 'pickup', payment: 'cod' } } };
	return ctx.services.orders.placeCheckout(PUBLIC_ACTOR, community, input, key(), { address });
}
const order = async (whatsapp: string, address: string) => orderIn(cigadung, await idOf('basreng-original-200-g'), 'basreng-as', whatsapp, address);

beforeAll(async () => {
	ctx = await createTestContext();
	await seedDemoCommunity(ctx.services, { photos: false });
	cigadung = await ctx.services.communities.getBySlug(PUBLIC_ACTOR, 'cigadung');
	other = await makeCommunity(ctx.services, { slug: 'desa-tetangga' });
	const shop = await makeShop(ctx.services, other, 'Warung Tetangga');
	otherProductId = (await makeProduct(ctx.services, shop, { name: 'Opak Tetangga', stock: 100 })).id;
}, 60_000);
afterAll(() => ctx.cleanup());

describe(`${OrderService.name} checkout limits cannot lock a buyer out (${TEST_DIALECT})`, () => {
	it("should let the victim order from their own address after an attacker used up the limit with the victim's number", async () => {
		const victim = '0813 4444 0001';
		for (let i = 0; i < CHECKOUT_LIMITS.perWhatsapp.limit; i++) await order(victim, '10.66.0.1');
		// The attacker's flood with that number is still refused…
		await expect(order(victim, '10.66.0.1')).rejects.toMatchObject({ status: 429, code: 'too_many_checkouts', messageKey: 'security.checkoutNumberTooMany' });
		// …and the victim, from their own phone's address, orders.
		expect((await order('+62 813-4444-0001', '10.66.0.2')).created).toBe(true);
	});

	it("should count the address limit per community: a flood in one village leaves the same address free in another", async () => {
		for (let i = 0; i < CHECKOUT_LIMITS.perAddress.limit; i++) await order(`0813 4444 1${String(i).padStart(3, '0')}`, '10.66.1.1');
		const stock = await stockOf(await idOf('basreng-original-200-g'));
		const before = await checkouts();
		const flood = order('0813 4444 1999', '10.66.1.1');
		await expect(flood).rejects.toMatchObject({ status: 429, code: 'too_many_checkouts', messageKey: 'security.checkoutTooMany' });
		await expect(flood).rejects.toSatisfy((e: { retryAfterSeconds: number }) => e.retryAfterSeconds > 0 && e.retryAfterSeconds <= 600);
		expect(await checkouts()).toBe(before);
		expect(await stockOf(await idOf('basreng-original-200-g'))).toBe(stock);
		// The same carrier address in another community is not held up by this community's flood.
		expect((await orderIn(other, otherProductId, 'warung-tetangga', '0813 4444 1999', '10.66.1.1')).created).toBe(true);
	});
});
