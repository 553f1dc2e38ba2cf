import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { ProductEditorService } from '../../src/lib/server/catalog/product-editor.service';
import { parseVariants } from '../../src/lib/server/catalog/product-card';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community, Shop } from '../../src/lib/server/db/schema';
import { callRoute, routeByKey } from '../helpers/routes';
import { makeCommunity, makeProduct, system } from '../helpers/factories';

/**
 * A photo removed from a product stops being public (issue 8, stop 10): `/media/p/…` answered 200 (cached as
 * immutable) for ever, because files were never deleted. Files are content-addressed, so one file may be named by
 * several photos (a duplicated product, the same photo uploaded twice) or a logo: it goes only with the last of them.
 */
let ctx: TestContext;
let community: Community;
let seller: UserActor;
let shop: Shop;
let seq = 0;

const photoBytes = (r: number) => sharp({ create: { width: 320, height: 240, channels: 3, background: { r, g: 120, b: 60 } } }).jpeg().toBuffer();
const media = async (key: string) => (await callRoute(await routeByKey('GET /media/[...key]'), { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { key } })).status;
const keysOf = async (photoId: string) =>
	parseVariants((await ctx.database.db.selectFrom('product_photo').select('variants').where('id', '=', photoId).executeTakeFirstOrThrow()).variants).map((v) => v.key);
const removeByForm = async (productId: string, photoId: string, actor: UserActor = seller) =>
	callRoute(await routeByKey('POST /jual/produk/[id]?/fotoHapus'), { services: ctx.services, actor }, { params: { id: productId }, form: { photoId } });

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'foto-hapus' });
	const added = await ctx.services.members.addSeller(system, community, { name: 'Ibu Foto', businessType: 'Penjual kue', whatsapp: '0812 8800 0001' });
	seller = (await ctx.services.auth.loadActor(added.userId))!;
	shop = await ctx.services.shops.getManaged(system, added.shopId);
});
afterAll(() => ctx.cleanup());

describe(`${ProductEditorService.name} (${TEST_DIALECT})`, () => {
	describe('removePhoto', () => {
		it('should stop serving the removed photo’s files (/media/p/… 404) and delete them', async () => {
			const product = await makeProduct(ctx.services, shop, { name: `Kue ${++seq}`, published: true });
			const photo = await ctx.services.products.addPhoto(seller, product.id, await photoBytes(10));
			const keys = await keysOf(photo.id);
			expect(keys.length).toBeGreaterThan(0);
			for (const key of keys) expect(await media(key), key).toBe(200);
			const res = await removeByForm(product.id, photo.id);
			expect(res.status).toBeLessThan(400);
			for (const key of keys) {
				expect(await media(key), key).toBe(404);
				expect(await ctx.services.storage.exists(key)).toBe(false);
			}
		});

		it('should keep files another product’s photo still uses (a duplicate, the same photo uploaded twice)', async () => {
			const bytes = await photoBytes(20);
			const one = await makeProduct(ctx.services, shop, { name: `Kue ${++seq}`, published: true });
			const two = await makeProduct(ctx.services, shop, { name: `Kue ${++seq}`, published: true });
			const first = await ctx.services.products.addPhoto(seller, one.id, bytes);
			const second = await ctx.services.products.addPhoto(seller, two.id, bytes);
			const keys = await keysOf(first.id);
			expect(await keysOf(second.id)).toEqual(keys);
			await ctx.services.products.removePhoto(seller, first.id);
			for (const key of keys) expect(await media(key), key).toBe(200);
			await ctx.services.products.removePhoto(seller, second.id);
			for (const key of keys) expect(await media(key), key).toBe(404);
		});

		it('should refuse another shop’s seller (404), keeping the photo and its files', async () => {
			const other = await ctx.services.members.addSeller(system, community, { name: 'Pak Lain', businessType: 'Penjual bakso', whatsapp: '0812 8800 0002' });
			const otherActor = (await ctx.services.auth.loadActor(other.userId))!;
			const product = await makeProduct(ctx.services, shop, { name: `Kue ${++seq}`, published: true });
			const photo = await ctx.services.products.addPhoto(seller, product.id, await photoBytes(30));
			const keys = await keysOf(photo.id);
			await expect(ctx.services.products.removePhoto(otherActor, photo.id)).rejects.toMatchObject({ status: 404 });
			for (const key of keys) expect(await media(key), key).toBe(200);
		});
	});
});
