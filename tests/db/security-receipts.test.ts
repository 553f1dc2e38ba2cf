import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, routeByKey } from '../helpers/routes';
import { makeCommunity, makeProduct, system } from '../helpers/factories';
import { PaymentProofService } from '../../src/lib/server/orders/payment-proof.service';
import { CHECKOUT_LIMITS } from '../../src/lib/server/orders/order.service';
import { processPhoto } from '../../src/lib/server/media/image-pipeline';
import { MAX_UPLOAD_BYTES } from '../../src/lib/server/media/image-pipeline';
import { parseVariants } from '../../src/lib/server/catalog/product-card';
import { PUBLIC_ACTOR, type Actor, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community, Shop } from '../../src/lib/server/db/schema';

/**
 * Issue 8, left item 6: buyers' transfer receipts (bank slips: names, account numbers, amounts) were public media
 * (`/media/p/…`, cached immutable by every cache). Now they are stored under `r/`, which /media never serves, and
 * answered with `Cache-Control: private, no-store` only to the order's seller, the community's staff and the buyer
 * holding the checkout link. Only accepted receipts count toward the order's 5 per hour; refused files (not a photo,
 * too large) have their own limit per client address (20 per hour), so the buyer's real photo still goes through.
 * Receipts stored before move out of the public prefix at start-up.
 */
let ctx: TestContext;
let c1: Community;
let shop: Shop;
let productId: string;
const actors: Record<string, UserActor> = {};
let receipt: Buffer;
const phonePhoto = readFileSync(fileURLToPath(new URL('../fixtures/phone-photo.jpg', import.meta.url)));
let seq = 0;

async function staff(community: Community, role: 'coordinator' | 'facilitator', name: string) {
	const id = await ctx.services.auth.createUser(system, { name, email: `${role}-${++seq}@${community.slug}.test`, password: 'kata-sandi-panjang-1' });
	await ctx.services.members.addRole(system, community, id, role);
	return (await ctx.services.auth.loadActor(id))!;
}

async function transferCheckout() {
	return ctx.services.orders.checkout(
		PUBLIC_ACTOR,
		c1,
		{ buyer: { name: 'Ibu Pembeli', whatsapp: `0813 2000 ${String(1000 + ++seq)}` }, lines: [{ productId, quantity: 1 }], shops: { [shop.slug]: { delivery: 'pickup', payment: 'transfer' } } },
		`receipt-${Date.now()}-${seq}`
	);
}

const upload = async (view: { code: string; token: string; orders: { code: string }[] }, file: File, address = '203.0.113.7') =>
	callRoute(await routeByKey('POST /pesanan/[code]?/bukti'), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { code: view.code }, form: { t: view.token, order: view.orders[0].code, proof: file }, address });
const notAPhoto = () => new File([new TextEncoder().encode('<html>bukan foto</html>')], 'bukti.jpg', { type: 'image/jpeg' });
const tooLarge = () => new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], 'bukti.jpg', { type: 'image/jpeg' });
const jpeg = (bytes: Buffer) => new File([new Uint8Array(bytes)], 'bukti.jpg', { type: 'image/jpeg' });
const sellerGet = async (actor: Actor, orderId: string) => callRoute(await routeByKey('GET /jual/pesanan/[id]/bukti'), { services: ctx.services, actor }, { params: { id: orderId } });
const buyerGet = async (code: string, order: string, t: string) => callRoute(await routeByKey('GET /pesanan/[code]/bukti/[order]'), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { code, order }, query: { t } });
const mediaGet = async (key: string) => callRoute(await routeByKey('GET /media/[...key]'), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { key } });
const proofOf = async (orderId: string) => parseVariants((await ctx.database.db.selectFrom('shop_order').select('payment_proof').where('id', '=', orderId).executeTakeFirstOrThrow()).payment_proof);

beforeAll(async () => {
	ctx = await createTestContext();
	c1 = await makeCommunity(ctx.services, { slug: 'bukti-satu' });
	const c2 = await makeCommunity(ctx.services, { slug: 'bukti-dua' });
	actors.coordinator = await staff(c1, 'coordinator', 'Pak Koordinator');
	actors.facilitator = await staff(c1, 'facilitator', 'Bu Pendamping');
	actors.otherCoordinator = await staff(c2, 'coordinator', 'Koordinator Lain');
	const owner = await ctx.services.members.addSeller(actors.coordinator, c1, { name: 'Ibu Penjual', businessType: 'Penjual kue', whatsapp: '0812 6100 0001' });
	actors.seller = (await ctx.services.auth.loadActor(owner.userId))!;
	actors.otherSeller = (await ctx.services.auth.loadActor((await ctx.services.members.addSeller(actors.coordinator, c1, { name: 'Pak Tetangga', businessType: 'Penjual bakso', whatsapp: '0812 6100 0002' })).userId))!;
	actors.sellerElsewhere = (await ctx.services.auth.loadActor((await ctx.services.members.addSeller(actors.otherCoordinator, c2, { name: 'Bu Jauh', businessType: 'Penjual keripik', whatsapp: '0812 6100 0003' })).userId))!;
	await ctx.services.shops.saveOnboardingStep(actors.seller, owner.shopId, 'pembayaran', { transfer: 'on', bank: 'BRI', accountNumber: '1234567890', accountName: 'Ibu Penjual' });
	shop = await ctx.database.db.selectFrom('shop').selectAll().where('id', '=', owner.shopId).executeTakeFirstOrThrow();
	productId = (await makeProduct(ctx.services, shop, { name: 'Kue Lumpur', stock: 100 })).id;
	receipt = await sharp({ create: { width: 700, height: 1000, channels: 3, background: '#f4f1ea' } }).jpeg().toBuffer();
});
afterAll(() => ctx.cleanup());

describe(`${PaymentProofService.name} (${TEST_DIALECT})`, () => {
	it('should store a receipt privately (r/), never answer it from /media, and give it to the seller, staff and the buyer only, uncached', async () => {
		const view = await transferCheckout();
		expect((await upload(view, jpeg(receipt))).status).toBe(303);
		const variants = await proofOf(view.orders[0].id);
		expect(variants.length).toBeGreaterThan(0);
		for (const v of variants) {
			expect(v.key).toMatch(/^r\//);
			expect(await ctx.services.storage.exists(v.key)).toBe(true);
			expect((await mediaGet(v.key)).status).toBe(404);
			// Even knowing the hash, the public prefix has no copy.
			expect((await mediaGet(`p/${v.key.slice(2)}`)).status).toBe(404);
		}

		for (const who of ['seller', 'coordinator', 'facilitator'] as const) {
			const res = await sellerGet(actors[who], view.orders[0].id);
			expect(res.status, who).toBe(200);
			expect(res.headers?.get('cache-control')).toBe('private, no-store');
			expect(res.headers?.get('content-type')).toBe('image/webp');
		}
		for (const who of ['otherSeller', 'sellerElsewhere', 'otherCoordinator'] as const) expect((await sellerGet(actors[who], view.orders[0].id)).status, who).toBe(404);
		expect((await sellerGet(PUBLIC_ACTOR, view.orders[0].id)).status).toBe(404);

		const mine = await buyerGet(view.code, view.orders[0].code, view.token);
		expect(mine.status).toBe(200);
		expect(mine.headers?.get('cache-control')).toBe('private, no-store');
		expect((await buyerGet(view.code, view.orders[0].code, 'x'.repeat(view.token.length))).status).toBe(404);
		// Another buyer's own link does not open this order's receipt.
		const other = await transferCheckout();
		expect((await buyerGet(other.code, view.orders[0].code, other.token)).status).toBe(404);
		// An order without a receipt has nothing to show.
		expect((await sellerGet(actors.seller, other.orders[0].id)).status).toBe(404);
		expect((await buyerGet(other.code, other.orders[0].code, other.token)).status).toBe(404);
	});

	it('should let the real phone photo through after 6 refused files: only accepted receipts count toward the order’s 5', async () => {
		const view = await transferCheckout();
		const address = '198.51.100.10';
		const refusedFiles = [notAPhoto(), tooLarge(), notAPhoto(), tooLarge(), notAPhoto(), notAPhoto()];
		for (const file of refusedFiles) {
			const res = await upload(view, file, address);
			expect(res.status).toBe(400);
			expect((res.body as { fields: Record<string, string> }).fields.proof).toBeTruthy();
		}
		expect(await proofOf(view.orders[0].id)).toEqual([]);
		// What a buyer's phone really sends (4000×3000, 5.8 MB): accepted.
		expect((await upload(view, jpeg(phonePhoto), address)).status).toBe(303);
		expect((await proofOf(view.orders[0].id)).length).toBeGreaterThan(0);
		// Accepted receipts still stop at the order's limit (the first one above counted).
		for (let i = 1; i < CHECKOUT_LIMITS.receiptPerOrder.limit; i++) expect((await upload(view, jpeg(receipt), address)).status).toBe(303);
		const sixth = await upload(view, jpeg(receipt), address);
		expect(sixth.status).toBe(429);
		expect((sixth.body as { message: string }).message).toContain('Bukti transfer untuk pesanan ini sudah dikirim beberapa kali');
	});

	it('should refuse the 21st refused file from one address within the hour with 429 and a clear message, storing nothing, other addresses unaffected, and still take a real photo from that address', async () => {
		const limit = CHECKOUT_LIMITS.receiptRefusedPerAddress.limit;
		expect(limit).toBe(20);
		const address = '198.51.100.20';
		// Spread over two orders: the count is per address, not per order.
		const a = await transferCheckout();
		const b = await transferCheckout();
		for (let i = 0; i < limit; i++) {
			const res = await upload(i % 2 ? a : b, i % 3 ? notAPhoto() : tooLarge(), address);
			expect(res.status, `refused file ${i + 1}`).not.toBe(429);
			expect(res.status).toBe(400);
		}
		const refused = await upload(a, notAPhoto(), address);
		expect(refused.status).toBe(429);
		expect((refused.body as { message: string }).message).toMatch(/^Sudah terlalu banyak file yang ditolak dari sini dalam satu jam .*coba lagi dalam 60 menit/);
		expect(await proofOf(a.orders[0].id)).toEqual([]);
		// Another address (another buyer) is not held up.
		expect((await upload(b, jpeg(receipt), '198.51.100.21')).status).toBe(303);
		// A real photo from the full address (a carrier's shared address: another buyer) goes through.
		expect((await upload(a, jpeg(receipt), address)).status).toBe(303);
		expect((await proofOf(a.orders[0].id)).length).toBeGreaterThan(0);
	});

	it('should bound the work of an address over its refused limit by the order’s 5: each refused file then keeps its hit on the order', async () => {
		const address = '198.51.100.30';
		const filler = await transferCheckout();
		for (let i = 0; i < CHECKOUT_LIMITS.receiptRefusedPerAddress.limit; i++) expect((await upload(filler, notAPhoto(), address)).status).toBe(400);
		const view = await transferCheckout();
		for (let i = 0; i < CHECKOUT_LIMITS.receiptPerOrder.limit; i++) expect((await upload(view, notAPhoto(), address)).status, `over-limit file ${i + 1}`).toBe(429);
		const next = await upload(view, jpeg(receipt), address);
		expect(next.status).toBe(429);
		expect((next.body as { message: string }).message).toContain('Bukti transfer untuk pesanan ini sudah dikirim beberapa kali');
		expect(await proofOf(view.orders[0].id)).toEqual([]);
	});

	it('should move receipts stored before this rule out of the public prefix, keeping a public file a product photo shares', async () => {
		const view = await transferCheckout();
		const orderId = view.orders[0].id;
		// A receipt stored the old way: public variants under p/.
		const legacy = await processPhoto(ctx.services.storage, receipt);
		await ctx.database.db.updateTable('shop_order').set({ payment_proof: JSON.stringify(legacy.variants) }).where('id', '=', orderId).execute();
		// Another old receipt whose bytes are also a product's photo (same bytes, same key).
		const sharedBytes = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#204060' } }).jpeg().toBuffer();
		const shared = await processPhoto(ctx.services.storage, sharedBytes);
		const second = await transferCheckout();
		await ctx.database.db.updateTable('shop_order').set({ payment_proof: JSON.stringify(shared.variants) }).where('id', '=', second.orders[0].id).execute();
		await ctx.services.products.addPhoto(actors.seller, productId, sharedBytes);

		expect(await ctx.services.paymentProofs.moveLegacyReceipts()).toBe(2);
		for (const [id, old] of [[orderId, legacy], [second.orders[0].id, shared]] as const) {
			const moved = await proofOf(id);
			expect(moved.map((v) => v.key)).toEqual(old.variants.map((v) => `r/${v.key.slice(2)}`));
			for (const v of moved) expect(await ctx.services.storage.exists(v.key)).toBe(true);
		}
		for (const v of legacy.variants) {
			expect(await ctx.services.storage.exists(v.key)).toBe(false);
			expect((await mediaGet(v.key)).status).toBe(404);
		}
		for (const v of shared.variants) expect(await ctx.services.storage.exists(v.key)).toBe(true);
		expect((await sellerGet(actors.seller, orderId)).status).toBe(200);
		// Idempotent: nothing left to move.
		expect(await ctx.services.paymentProofs.moveLegacyReceipts()).toBe(0);
	});
});
