import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, system } from '../helpers/factories';
import { FirstProductService } from '../../src/lib/server/catalog/first-product.service';
import { BoardRepository } from '../../src/lib/server/training/board.repository';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

// The test clock: the training afternoon of the field report (28 Nov 2024, 15.00 WIB), moved by the tests.
let now = new Date('2024-11-28T08:00:00.000Z');
let ctx: TestContext;
let community: Community;
let coordinator: UserActor;

async function seller(name: string, businessType: string, whatsapp: string) {
	const added = await ctx.services.members.addSeller(coordinator, community, { name, businessType, whatsapp });
	return { actor: (await ctx.services.auth.loadActor(added.userId))!, shopId: added.shopId };
}

/** A phone-like photo (noisy, so it is not "blurry"); 1200×900. */
const photo = () =>
	sharp({ create: { width: 1200, height: 900, channels: 3, background: '#c08040', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
		.jpeg()
		.toBuffer();

/** Every product row and photo row, to compare before and after a refused request. */
async function digest() {
	const db = ctx.database.db;
	const products = await db.selectFrom('product').select(['id', 'shop_id', 'name', 'price', 'status', 'updated_at']).orderBy('id').execute();
	const photos = await db.selectFrom('product_photo').select(['id', 'product_id']).orderBy('id').execute();
	return JSON.stringify({ products, photos });
}

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	community = await makeCommunity(ctx.services, { slug: 'produk-pertama' });
	const coordId = await ctx.services.auth.createUser(system, { name: 'Koordinator', email: 'k@pertama.test', password: 'rahasia-123' });
	await ctx.services.members.addRole(system, community, coordId, 'coordinator');
	coordinator = (await ctx.services.auth.loadActor(coordId))!;
});
afterAll(() => ctx.cleanup());

describe(`${FirstProductService.name} (${TEST_DIALECT})`, () => {
	describe('the three steps', () => {
		it('should make a product from a photo, a name and a price, with the rest from the shop, and show it to buyers only when published', async () => {
			const { actor, shopId } = await seller('Bu Ratna', 'Penjual sambal', '0812 4000 0001');
			const fp = ctx.services.firstProduct;
			expect(await fp.start(actor, shopId)).toEqual({ published: false, defaults: { categorySlug: 'sambal-bumbu', unit: 'botol', stock: 10 } });

			const taken = await fp.takePhoto(actor, shopId, await photo());
			expect(taken.thumb?.src).toMatch(/^\/media\/p\/.+-thumb\.webp$/);
			expect(await fp.photo(actor, shopId, taken.ticket)).toEqual(taken);

			const draft = await fp.saveDraft(actor, shopId, { name: 'Sambal Cumi 200 g', price: 'Rp 25.000', photo: taken.ticket });
			expect(draft).toMatchObject({ name: 'Sambal Cumi 200 g', price: 25000, status: 'draft', category_slug: 'sambal-bumbu', unit: 'botol', stock: 10, weight_grams: 230, description: '' });
			const managed = await ctx.services.products.getManaged(actor, draft.id);
			expect(managed.photos).toHaveLength(1);
			expect(managed.photos[0].thumb?.src).toBe(taken.thumb?.src);

			// the board's facts: a photo on a draft is "foto"; nothing is public yet
			const facts = () => new BoardRepository(ctx.database.db).productFacts(community.id);
			expect((await facts()).get(shopId)).toMatchObject({ photo: true, published: false });
			const search = () => ctx.services.catalog.listProducts(PUBLIC_ACTOR, community, { q: 'cumi' });
			expect((await search()).page.total).toBe(0);

			const live = await fp.publish(actor, draft.id);
			expect(live.status).toBe('published');
			expect((await facts()).get(shopId)).toMatchObject({ photo: true, published: true });
			expect((await search()).items.map((i) => i.name)).toEqual(['Sambal Cumi 200 g']);
			expect((await fp.start(actor, shopId)).published).toBe(true);
		});

		it('should give back the same draft when step 2 is sent twice (double tap, Back and send again)', async () => {
			const { actor, shopId } = await seller('Pak Ujang', 'Penjual kue basah', '0812 4000 0002');
			const taken = await ctx.services.firstProduct.takePhoto(actor, shopId, await photo());
			const first = await ctx.services.firstProduct.saveDraft(actor, shopId, { name: 'Kue Lapis', price: '3000', photo: taken.ticket });
			const again = await ctx.services.firstProduct.saveDraft(actor, shopId, { name: 'Kue Lapis', price: '3000', photo: taken.ticket });
			expect(again.id).toBe(first.id);
			expect(first).toMatchObject({ category_slug: 'kue', unit: 'pcs', weight_grams: 60 });
			expect((await ctx.services.products.listForShop(actor, shopId)).length).toBe(1);
		});

		it("should take the category and unit of the shop's newest product when it has one", async () => {
			const { actor, shopId } = await seller('Bu Tati', 'Penjual sambal', '0812 4000 0003');
			await ctx.services.products.createInShop(actor, shopId, { name: 'Keripik Tempe', categorySlug: 'camilan-keripik', price: 8000, unit: 'toples', stock: 3 });
			expect((await ctx.services.firstProduct.start(actor, shopId)).defaults).toEqual({ categorySlug: 'camilan-keripik', unit: 'toples', stock: 10 });
		});
	});

	describe('refusals', () => {
		it('should refuse a bad name or price with a message beside the field, and write nothing', async () => {
			const { actor, shopId } = await seller('Bu Eneng', 'Penjual keripik', '0812 4000 0004');
			const taken = await ctx.services.firstProduct.takePhoto(actor, shopId, await photo());
			const before = await digest();
			for (const [input, field] of [
				[{ name: 'ab', price: '15.000' }, 'name'],
				[{ name: 'Keripik Singkong', price: '15,5' }, 'price'],
				[{ name: 'Keripik Singkong', price: 'abc' }, 'price'],
				[{ name: 'Keripik Singkong', price: '' }, 'price'],
				[{ name: 'Keripik Singkong', price: '50' }, 'price']
			] as const) {
				const refused = await ctx.services.firstProduct.saveDraft(actor, shopId, { ...input, photo: taken.ticket }).catch((e: unknown) => e);
				expect(refused, JSON.stringify(input)).toMatchObject({ status: 422, issues: [expect.objectContaining({ field })] });
			}
			await expect(ctx.services.firstProduct.takePhoto(actor, shopId, Buffer.from('bukan foto'))).rejects.toMatchObject({ messageKey: 'media.notImage' });
			expect(await digest()).toBe(before);
		});

		it('should ask for the photo again when its ticket was changed, is a day old, or is for another shop', async () => {
			const a = await seller('Siti Rahma', 'Penjual basreng', '0812 4000 0005');
			const b = await seller('Siti Aminah', 'Penjual cireng', '0812 4000 0006');
			const taken = await ctx.services.firstProduct.takePhoto(a.actor, a.shopId, await photo());
			const [body, mac] = [taken.ticket.slice(0, taken.ticket.lastIndexOf('.')), taken.ticket.slice(taken.ticket.lastIndexOf('.') + 1)];
			// another shop's id written into the ticket, with the old signature
			const forged = `${Buffer.from(Buffer.from(body, 'base64url').toString().replace(a.shopId, b.shopId)).toString('base64url')}.${mac}`;
			const before = await digest();
			for (const [who, shopId, ticket] of [
				[b.actor, b.shopId, taken.ticket],
				[b.actor, b.shopId, forged],
				[a.actor, a.shopId, `${taken.ticket}x`],
				[a.actor, a.shopId, ''],
				[a.actor, a.shopId, 'x'.repeat(5000)]
			] as const) {
				await expect(ctx.services.firstProduct.saveDraft(who, shopId, { name: 'Basreng Pedas', price: '10.000', photo: ticket })).rejects.toMatchObject({ messageKey: 'firstProduct.photoAgain' });
			}
			now = new Date(now.getTime() + 25 * 3_600_000);
			await expect(ctx.services.firstProduct.photo(a.actor, a.shopId, taken.ticket)).rejects.toMatchObject({ messageKey: 'firstProduct.photoAgain' });
			now = new Date(now.getTime() - 25 * 3_600_000);
			expect(await digest()).toBe(before);
		});

		it("should answer 404 to another shop's seller, another community's coordinator and anonymous — and change nothing", async () => {
			const owner = await seller('Bu Nining', 'Penjual risol', '0812 4000 0007');
			const intruder = await seller('Bu Cucu', 'Penjual donat', '0812 4000 0008');
			const otherCommunity = await makeCommunity(ctx.services, { slug: 'desa-lain' });
			const otherCoordId = await ctx.services.auth.createUser(system, { name: 'Koordinator Lain', email: 'k@lain.test', password: 'rahasia-123' });
			await ctx.services.members.addRole(system, otherCommunity, otherCoordId, 'coordinator');
			const otherCoordinator = (await ctx.services.auth.loadActor(otherCoordId))!;
			const taken = await ctx.services.firstProduct.takePhoto(owner.actor, owner.shopId, await photo());
			const draft = await ctx.services.firstProduct.saveDraft(owner.actor, owner.shopId, { name: 'Risol Mayo', price: '5.000', photo: taken.ticket });
			const before = await digest();
			for (const actor of [intruder.actor, otherCoordinator, PUBLIC_ACTOR]) {
				await expect(ctx.services.firstProduct.start(actor, owner.shopId)).rejects.toMatchObject({ status: actor === PUBLIC_ACTOR ? 401 : 404 });
				await expect(ctx.services.firstProduct.takePhoto(actor, owner.shopId, await photo())).rejects.toMatchObject({ status: actor === PUBLIC_ACTOR ? 401 : 404 });
				await expect(ctx.services.firstProduct.photo(actor, owner.shopId, taken.ticket)).rejects.toMatchObject({ status: actor === PUBLIC_ACTOR ? 401 : 404 });
				await expect(ctx.services.firstProduct.saveDraft(actor, owner.shopId, { name: 'Risol Curian', price: '1.000', photo: taken.ticket })).rejects.toMatchObject({ status: actor === PUBLIC_ACTOR ? 401 : 404 });
				await expect(ctx.services.firstProduct.publish(actor, draft.id)).rejects.toMatchObject({ status: 404 });
			}
			expect(await digest()).toBe(before);
			// the community's coordinator, sitting beside the seller, may help
			expect((await ctx.services.firstProduct.publish(coordinator, draft.id)).status).toBe('published');
		});

		it('should not publish a product without a photo through this path', async () => {
			const { actor, shopId } = await seller('Kang Asep', 'Penjual cimol', '0812 4000 0009');
			const bare = await ctx.services.products.createInShop(actor, shopId, { name: 'Cimol Keju', categorySlug: 'camilan-keripik', price: 5000, unit: 'bungkus', stock: 5 });
			await expect(ctx.services.firstProduct.publish(actor, bare.id)).rejects.toMatchObject({ messageKey: 'firstProduct.photoMissing' });
			expect((await ctx.services.products.getManaged(actor, bare.id)).product.status).toBe('draft');
		});
	});
});
