import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, type TestContext } from '../helpers/db';
import { startDemoOrders } from '../helpers/demo-orders';
import { OrderService } from '../../src/lib/server/orders/order.service';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

let ctx: TestContext;
let cigadung: Community;
let key = 0;
const k = () => `field-key-${Date.now()}-${++key}`;
const productId = async (slug: string) => (await ctx.database.db.selectFrom('product').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
const orderCount = async () => Number((await ctx.database.db.selectFrom('shop_order').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
	({ ctx, cigadung } = await startDemoOrders());
}, 60_000);
afterAll(() => ctx.cleanup());

describe(`${OrderService.name} checkout field issues (${TEST_DIALECT})`, () => {
	it('should list every field issue at once: name, number, the missing address and a note past 500 letters', async () => {
		const before = await orderCount();
		const input = {
			buyer: { name: '', whatsapp: '12345' },
			lines: [{ productId: await productId('sambal-cumi-150-ml'), quantity: 1 }],
			shops: { 'sambal-mt': { delivery: 'local' as const, payment: 'cod' as const, address: ' ', note: 'x'.repeat(501) } }
		};
		const error = await ctx.services.orders.placeCheckout(PUBLIC_ACTOR, cigadung, input, k()).catch((e: unknown) => e);
		expect(error).toMatchObject({ status: 422 });
		const issues = (error as { issues: { field: string; messageKey: string }[] }).issues;
		expect(Object.fromEntries(issues.map((i) => [i.field, i.messageKey]))).toEqual({
			'buyer.name': 'order.nameShort',
			'buyer.whatsapp': expect.any(String),
			'shops.sambal-mt.address': 'field.buyer.addressMissing',
			'shops.sambal-mt.note': 'field.buyer.noteTooLong'
		});
		expect(await orderCount()).toBe(before);
	});

	it('should take a note of exactly 500 letters whole', async () => {
		const note = 'y'.repeat(500);
		const placed = await ctx.services.orders.placeCheckout(
			PUBLIC_ACTOR,
			cigadung,
			{ buyer: { name: 'Rina', whatsapp: '081277770001' }, lines: [{ productId: await productId('sambal-cumi-150-ml'), quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment: 'cod', note } } },
			k()
		);
		const row = await ctx.database.db.selectFrom('shop_order').select('note').where('code', '=', placed.view.orders[0].code).executeTakeFirstOrThrow();
		expect(row.note).toBe(note);
	});
});
