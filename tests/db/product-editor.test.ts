import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { ProductEditorService, MAX_PHOTOS } from '../../src/lib/server/catalog/product-editor.service';
import { ProductRepository } from '../../src/lib/server/catalog/product.repository';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { makeCommunity, system } from '../helpers/factories';

let ctx: TestContext;
let community: Community;
let jj: UserActor;
let mt: UserActor;
let coordinator: UserActor;
let shopJJ: string;
let shopMT: string;

async function seller(name: string, whatsapp: string) {
	const added = await ctx.services.members.addSeller(coordinator, community, { name, businessType: 'Penjual ketempling', whatsapp });
	return { actor: (await ctx.services.auth.loadActor(added.userId))!, shopId: added.shopId };
}

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'editor' });
	const coordId = await ctx.services.auth.createUser(system, { name: 'Koordinator', email: 'k@editor.test', password: 'rahasia-123' });
	await ctx.services.members.addRole(system, community, coordId, 'coordinator');
	coordinator = (await ctx.services.auth.loadActor(coordId))!;
	({ actor: jj, shopId: shopJJ } = await seller('JJ', '0812 3000 0001'));
	({ actor: mt, shopId: shopMT } = await seller('MT', '0812 3000 0002'));
});
afterAll(() => ctx.cleanup());

const photo = () => sharp({ create: { width: 900, height: 900, channels: 3, background: '#c08040' } }).composite([{ input: Buffer.from('<svg width="900" height="900"><circle cx="450" cy="450" r="300" fill="#fff"/></svg>') }]).jpeg().toBuffer();
const base = { name: 'Ketempling Pedas 250 g', categorySlug: 'camilan-keripik' as const, price: 13000, unit: 'bungkus', stock: 10 };

describe(`${ProductEditorService.name} (${TEST_DIALECT})`, () => {
	it('should let a seller create a draft with variants, publish it, and find it in search', async () => {
		const p = await ctx.services.products.createInShop(jj, shopJJ, { ...base, variantTitle: 'Rasa', variants: [{ label: 'Pedas', price: 13000, stock: 5 }, { label: 'Balado', price: 14000, stock: 3 }] });
		expect(p.status).toBe('draft');
		const search = () => ctx.services.catalog.listProducts(PUBLIC_ACTOR, community, { q: 'ketempling' });
		expect((await search()).page.total).toBe(0);
		await ctx.services.products.update(jj, p.id, { published: true });
		expect((await search()).items.map((i) => i.name)).toEqual(['Ketempling Pedas 250 g']);
		const m = await ctx.services.products.getManaged(jj, p.id);
		expect(m.variants.map((v) => [v.label, v.price, v.stock])).toEqual([['Pedas', 13000, 5], ['Balado', 14000, 3]]);
		await ctx.services.products.update(jj, p.id, { variants: [{ id: m.variants[1].id, label: 'Balado', price: 15000, stock: 2 }] });
		const after = await ctx.services.products.getManaged(jj, p.id);
		expect(after.variants.map((v) => [v.id, v.price])).toEqual([[m.variants[1].id, 15000]]);
	});

	it("should answer 404 to another shop's seller by id, by form field and for photos — and change nothing", async () => {
		const p = await ctx.services.products.createInShop(jj, shopJJ, { ...base, name: 'Ketempling Milik JJ', published: true });
		const pic = await ctx.services.products.addPhoto(jj, p.id, await photo());
		for (const attempt of [
			() => ctx.services.products.getManaged(mt, p.id),
			() => ctx.services.products.update(mt, p.id, { price: 1000 }),
			() => ctx.services.products.setStatus(mt, p.id, 'archived'),
			() => ctx.services.products.duplicate(mt, p.id),
			() => ctx.services.products.addPhoto(mt, p.id, Buffer.from('x')),
			() => ctx.services.products.removePhoto(mt, pic.id),
			() => ctx.services.products.movePhoto(mt, pic.id, 'first'),
			() => ctx.services.products.createInShop(mt, shopJJ, base),
			() => ctx.services.products.listForShop(mt, shopJJ),
			() => ctx.services.shops.saveOnboardingStep(mt, shopJJ, 'nama', { name: 'Toko Curian' }),
			() => ctx.services.shops.getManaged(mt, shopJJ)
		]) {
			await expect(attempt()).rejects.toMatchObject({ status: 404 });
		}
		const still = await ctx.services.products.getManaged(jj, p.id);
		expect(still.product).toMatchObject({ price: 13000, status: 'published' });
		expect(still.photos).toHaveLength(1);
		expect((await ctx.services.shops.getManaged(jj, shopJJ)).name).not.toBe('Toko Curian');
		await expect(ctx.services.products.update(PUBLIC_ACTOR, p.id, { price: 1 })).rejects.toMatchObject({ status: 404 });
	});

	it("should answer 404 to a variant id of another product (another shop, or the seller's own other product) and change nothing", async () => {
		const victim = await ctx.services.products.createInShop(mt, shopMT, { ...base, name: 'Sambal Korban', variants: [{ label: 'Kecil', price: 9000, stock: 4 }] });
		const victimVariant = (await ctx.services.products.getManaged(mt, victim.id)).variants[0];
		const mine = await ctx.services.products.createInShop(jj, shopJJ, { ...base, name: 'Ketempling Penyerang', variants: [{ label: 'Biasa', price: 13000, stock: 5 }] });
		const mineBefore = await ctx.services.products.getManaged(jj, mine.id);
		const sibling = await ctx.services.products.createInShop(jj, shopJJ, { ...base, name: 'Ketempling Saudara', variants: [{ label: 'Besar', price: 20000, stock: 2 }] });
		const siblingVariant = (await ctx.services.products.getManaged(jj, sibling.id)).variants[0];
		for (const foreign of [victimVariant.id, siblingVariant.id]) {
			await expect(ctx.services.products.update(jj, mine.id, { price: 1000, variants: [{ id: foreign, label: 'X', price: 1000, stock: 0 }] })).rejects.toMatchObject({ status: 404 });
		}
		expect((await ctx.services.products.getManaged(mt, victim.id)).variants).toEqual([victimVariant]);
		expect((await ctx.services.products.getManaged(jj, sibling.id)).variants).toEqual([siblingVariant]);
		const mineAfter = await ctx.services.products.getManaged(jj, mine.id);
		expect(mineAfter.variants).toEqual(mineBefore.variants);
		expect(mineAfter.product.price).toBe(13000);
		// The repository itself refuses, whoever calls it: the whole replacement rolls back.
		await expect(new ProductRepository(ctx.database.db, ctx.database.dialect).replaceVariants(mine.id, [{ id: victimVariant.id, label: 'X', price: 1, stock: 0 }])).rejects.toThrow(/another product/);
		expect((await ctx.services.products.getManaged(mt, victim.id)).variants).toEqual([victimVariant]);
		expect((await ctx.services.products.getManaged(jj, mine.id)).variants).toEqual(mineBefore.variants);
	});

	it('should let the coordinator of the community help, but not a coordinator elsewhere', async () => {
		const p = await ctx.services.products.createInShop(coordinator, shopMT, { ...base, name: 'Sambal Dibantu Koordinator' });
		expect(p.shop_id).toBe(shopMT);
		const other = await makeCommunity(ctx.services);
		const id = await ctx.services.auth.createUser(system, { name: 'Koordinator Lain', email: 'k2@editor.test', password: 'rahasia-123' });
		await ctx.services.members.addRole(system, other, id, 'coordinator');
		const stranger = (await ctx.services.auth.loadActor(id))!;
		await expect(ctx.services.products.update(stranger, p.id, { price: 999 })).rejects.toMatchObject({ status: 404 });
	});

	it.each([
		['a negative price', { price: -5 }],
		['an absurd price', { price: 1e12 }],
		['10 MB of text in a name', { name: 'x'.repeat(10 * 1024 * 1024) }],
		['a wrong P-IRT', { pirt: '12-34' }],
		['a negative stock', { stock: -1 }],
		['duplicate variant names', { variants: [{ label: 'Pedas', price: 1000 }, { label: 'pedas', price: 2000 }] }],
		['an unknown field', { ownerUserId: 'usr_x' }]
	])('should refuse %s with a message and change nothing', async (_label, patch) => {
		const p = await ctx.services.products.createInShop(jj, shopJJ, { ...base, name: 'Ketempling Uji' });
		await expect(ctx.services.products.update(jj, p.id, patch)).rejects.toMatchObject({ status: 422 });
		expect((await ctx.services.products.getManaged(jj, p.id)).product).toMatchObject({ name: 'Ketempling Uji', price: 13000, stock: 10 });
	});

	it('should store HTML as text', async () => {
		const p = await ctx.services.products.createInShop(jj, shopJJ, { ...base, name: '<img src=x onerror=alert(1)>', description: '<script>alert(1)</script>' });
		expect((await ctx.services.products.getManaged(jj, p.id)).product.description).toBe('<script>alert(1)</script>');
	});

	it('should keep at most 9 photos, make the first the cover, reorder and delete', async () => {
		const p = await ctx.services.products.createInShop(jj, shopJJ, { ...base, name: 'Ketempling Foto' });
		const ids: string[] = [];
		for (let i = 0; i < MAX_PHOTOS; i++) ids.push((await ctx.services.products.addPhoto(jj, p.id, await photo())).id);
		await expect(ctx.services.products.addPhoto(jj, p.id, await photo())).rejects.toMatchObject({ messageKey: 'product.photoLimit' });
		await ctx.services.products.movePhoto(jj, ids[4], 'first');
		await ctx.services.products.removePhoto(jj, ids[0]);
		const photos = (await ctx.services.products.getManaged(jj, p.id)).photos;
		expect(photos.map((x) => x.id)).toEqual([ids[4], ids[1], ids[2], ids[3], ids[5], ids[6], ids[7], ids[8]]);
		expect(photos.map((x) => x.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
	});

	it('should score a listing and name what is missing', async () => {
		const p = await ctx.services.products.createInShop(jj, shopJJ, { ...base, name: 'Kue' });
		const bare = (await ctx.services.products.getManaged(jj, p.id)).quality;
		expect(bare.tips.map((t) => t.code)).toEqual(expect.arrayContaining(['photo', 'description', 'name', 'weight', 'legality']));
		await ctx.services.products.update(jj, p.id, {
			name: 'Ketempling Original 250 g',
			description: 'Ketempling renyah dari singkong pilihan, digoreng dengan minyak bersih. Cocok untuk teman ngopi dan oleh-oleh khas Kuningan.',
			weightGrams: 280,
			pirt: '2063208010001-29'
		});
		await ctx.services.products.addPhoto(jj, p.id, await photo());
		const better = (await ctx.services.products.getManaged(jj, p.id)).quality;
		expect(better.score).toBeGreaterThan(bare.score);
		expect(better.tips.map((t) => t.code)).not.toContain('photo');
	});

	it('should duplicate a product as a draft with its variants and photos', async () => {
		const p = await ctx.services.products.createInShop(jj, shopJJ, { ...base, name: 'Ketempling Asli', variants: [{ label: 'Kecil', price: 8000 }], published: true });
		await ctx.services.products.addPhoto(jj, p.id, await photo());
		const copy = await ctx.services.products.duplicate(jj, p.id);
		const m = await ctx.services.products.getManaged(jj, copy.id);
		expect(m.product).toMatchObject({ name: 'Ketempling Asli (salinan)', status: 'draft' });
		expect(m.variants.map((v) => v.label)).toEqual(['Kecil']);
		expect(m.photos).toHaveLength(1);
	});
});
