import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { ShareService } from '../../src/lib/server/share/share.service';
import { shareImageKey, shareLinks, sharePrice, shareVersion } from '../../src/lib/server/share/share-links';
import { ProductRepository } from '../../src/lib/server/catalog/product.repository';
import type { MediaStorage } from '../../src/lib/server/media/storage';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community, Shop } from '../../src/lib/server/db/schema';
import { translator } from '../../src/lib/i18n';
import { makeCommunity, system } from '../helpers/factories';

let ctx: TestContext;
let community: Community;
let other: Community;
let seller: UserActor;
let shopId: string;
let puts: string[];
let share: ShareService;

const photo = (colour: string) =>
	sharp({ create: { width: 900, height: 700, channels: 3, background: colour } })
		.composite([{ input: Buffer.from('<svg width="900" height="700"><circle cx="450" cy="350" r="250" fill="#fff"/></svg>') }])
		.jpeg()
		.toBuffer();
const base = { name: 'Keripik Singkong Balado', categorySlug: 'camilan-keripik' as const, price: 15000, unit: 'bungkus', stock: 10 };

async function shop(): Promise<Shop> {
	return ctx.services.shops.getManaged(seller, shopId);
}
async function slugOf(productId: string): Promise<string> {
	return (await ctx.services.products.getManaged(seller, productId)).product.slug;
}
async function versionOf(productId: string): Promise<string> {
	const source = await share.source(PUBLIC_ACTOR, community, await shop(), await slugOf(productId));
	return shareVersion(source, 'og');
}

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'bagikan', name: 'Desa Bagikan' });
	other = await makeCommunity(ctx.services, { slug: 'lain' });
	const coordId = await ctx.services.auth.createUser(system, { name: 'Koordinator', email: 'k@bagikan.test', password: 'rahasia-123' });
	await ctx.services.members.addRole(system, community, coordId, 'coordinator');
	const coordinator = (await ctx.services.auth.loadActor(coordId))!;
	const added = await ctx.services.members.addSeller(coordinator, community, { name: 'Bu Sri', businessType: 'Keripik', whatsapp: '0812 3000 0101' });
	seller = (await ctx.services.auth.loadActor(added.userId))!;
	shopId = added.shopId;
	// The real storage, with every write counted: an image is drawn only when it is missing.
	puts = [];
	const storage = ctx.services.storage;
	const counting: MediaStorage = {
		put: (key, data) => (puts.push(key), storage.put(key, data)),
		get: (key) => storage.get(key),
		exists: (key) => storage.exists(key),
		remove: (key) => storage.remove(key),
		checkWritable: () => storage.checkWritable()
	};
	share = new ShareService(new ProductRepository(ctx.database.db, ctx.database.dialect), counting);
});
afterAll(() => ctx.cleanup());

describe(`${ShareService.name} (${TEST_DIALECT})`, () => {
	describe('image', () => {
		it('should draw a 1200×630 and a 1080×1080 JPEG once each, then serve them from storage', async () => {
			const p = await ctx.services.products.createInShop(seller, shopId, { ...base, published: true });
			await ctx.services.products.addPhoto(seller, p.id, await photo('#c08040'));
			puts.length = 0;
			const og = await share.image(PUBLIC_ACTOR, community, await shop(), p.slug, 'og');
			const meta = await sharp(og.data).metadata();
			expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
			const status = await share.image(PUBLIC_ACTOR, community, await shop(), p.slug, 'status');
			const sm = await sharp(status.data).metadata();
			expect([sm.format, sm.width, sm.height]).toEqual(['jpeg', 1080, 1080]);
			expect(puts).toEqual([shareImageKey(og.version, 'og'), shareImageKey(status.version, 'status')]);
			expect(puts[0]).toMatch(/^p\/s\/[0-9a-f]{2}\/[0-9a-f]{24}-1200x630\.jpg$/);

			// Again, and twice at once: nothing drawn, the same bytes.
			const [a, b] = await Promise.all([share.image(PUBLIC_ACTOR, community, await shop(), p.slug, 'og'), share.image(PUBLIC_ACTOR, community, await shop(), p.slug, 'og')]);
			expect(a.data.equals(og.data) && b.data.equals(og.data)).toBe(true);
			expect(puts).toHaveLength(2);
		});

		it('should draw two missing copies of the same image only once when asked at the same moment', async () => {
			const p = await ctx.services.products.createInShop(seller, shopId, { ...base, name: 'Rengginang Ketan', published: true });
			puts.length = 0;
			const s = await shop();
			const [a, b] = await Promise.all([share.image(PUBLIC_ACTOR, community, s, p.slug, 'og'), share.image(PUBLIC_ACTOR, community, s, p.slug, 'og')]);
			expect(a.data.equals(b.data)).toBe(true);
			expect(puts).toHaveLength(1);
		});

		it('should draw a clean card without a photo', async () => {
			const p = await ctx.services.products.createInShop(seller, shopId, { ...base, name: 'Kopi Tubruk', published: true });
			const { data } = await share.image(PUBLIC_ACTOR, community, await shop(), p.slug, 'og');
			const meta = await sharp(data).metadata();
			expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
			// The card is mostly the cream background (no black or broken area).
			const { dominant } = await sharp(data).stats();
			expect(dominant.r).toBeGreaterThan(200);
		});

		it('should answer 404 for a draft, hidden or archived product, another community and an unknown slug — and store nothing', async () => {
			const draft = await ctx.services.products.createInShop(seller, shopId, { ...base, name: 'Dodol Draft' });
			const hidden = await ctx.services.products.createInShop(seller, shopId, { ...base, name: 'Dodol Sembunyi', published: true });
			await ctx.services.products.update(seller, hidden.id, { published: false });
			const archived = await ctx.services.products.createInShop(seller, shopId, { ...base, name: 'Dodol Arsip', published: true });
			await ctx.services.products.setStatus(seller, archived.id, 'archived');
			const live = await ctx.services.products.createInShop(seller, shopId, { ...base, name: 'Dodol Tampil', published: true });
			puts.length = 0;
			const s = await shop();
			const [hiddenSlug, archivedSlug] = [await slugOf(hidden.id), await slugOf(archived.id)];
			for (const attempt of [
				() => share.image(PUBLIC_ACTOR, community, s, draft.slug, 'og'),
				() => share.image(PUBLIC_ACTOR, community, s, hiddenSlug, 'status'),
				() => share.image(PUBLIC_ACTOR, community, s, archivedSlug, 'og'),
				() => share.image(PUBLIC_ACTOR, other, s, live.slug, 'og'),
				() => share.image(PUBLIC_ACTOR, community, s, 'tidak-ada', 'og')
			]) {
				await expect(attempt()).rejects.toMatchObject({ status: 404 });
			}
			expect(puts).toEqual([]);
		});

		it("should draw hostile and longest names (120 characters: the product form's limit) without failing", async () => {
			const names = [
				'</text><image href="https://evil.example/x.png"/><text>',
				'Sambal "Bu Sri" & \'Pak\' <b>Joko</b> 🌶️🔥👍🏽🇮🇩',
				'Keripik'.repeat(28) + ' ' + 'pedas manis gurih '.repeat(5)
			];
			for (const name of names) {
				const p = await ctx.services.products.createInShop(seller, shopId, { ...base, name: name.slice(0, 120), published: true });
				for (const format of ['og', 'status'] as const) {
					const { data } = await share.image(PUBLIC_ACTOR, community, await shop(), p.slug, format);
					expect((await sharp(data).metadata()).format).toBe('jpeg');
				}
			}
		});
	});

	describe('version', () => {
		it('should change when the name, price, cover photo or shop name change, and not for stock or description', async () => {
			const p = await ctx.services.products.createInShop(seller, shopId, { ...base, name: 'Opak Singkong', published: true });
			const v0 = await versionOf(p.id);
			await ctx.services.products.update(seller, p.id, { stock: 3, description: 'Renyah dan gurih, digoreng tiap pagi.' });
			expect(await versionOf(p.id)).toBe(v0);

			await ctx.services.products.update(seller, p.id, { price: 16000 });
			const v1 = await versionOf(p.id);
			expect(v1).not.toBe(v0);
			// A price change gives a new image (a new key), drawn on request.
			puts.length = 0;
			await share.image(PUBLIC_ACTOR, community, await shop(), p.slug, 'og');
			expect(puts).toEqual([shareImageKey(v1, 'og')]);

			await ctx.services.products.update(seller, p.id, { name: 'Opak Singkong Bawang' });
			const v2 = await versionOf(p.id);
			expect(v2).not.toBe(v1);

			const first = await ctx.services.products.addPhoto(seller, p.id, await photo('#a05030'));
			const v3 = await versionOf(p.id);
			expect(v3).not.toBe(v2);
			const second = await ctx.services.products.addPhoto(seller, p.id, await photo('#3050a0'));
			expect(await versionOf(p.id)).toBe(v3); // a second photo is not on the image
			await ctx.services.products.movePhoto(seller, second.id, 'first');
			const v4 = await versionOf(p.id);
			expect(v4).not.toBe(v3);
			void first;

			await ctx.services.shops.saveOnboardingStep(seller, shopId, 'nama', { name: 'Warung Bu Sri Baru' });
			expect(await versionOf(p.id)).not.toBe(v4);
		});

		it('should show the price range when variant prices differ', async () => {
			expect(sharePrice({ price: 10000 }, [])).toBe('Rp\u00a010.000');
			expect(sharePrice({ price: 10000 }, [{ price: 12000 }, { price: 20000 }])).toBe('Rp\u00a012.000 – Rp\u00a020.000');
		});
	});

	describe('links', () => {
		it('should build a wa.me link with name, price and the page carrying ?src=whatsapp, and versioned image URLs', async () => {
			const source = { card: { name: 'Keripik & "Sambal"', price: 'Rp\u00a015.000', shopName: 'Warung Bu Sri', footer: 'Desa Bagikan' }, cover: null };
			const page = 'https://ecrav.test/c/bagikan/toko/warung-bu-sri/keripik-sambal';
			const links = shareLinks(source, page, translator('id'));
			expect(links.whatsapp.startsWith('https://wa.me/?text=')).toBe(true);
			const text = decodeURIComponent(links.whatsapp.slice('https://wa.me/?text='.length));
			expect(text).toContain('Keripik & "Sambal"');
			expect(text).toContain('Rp\u00a015.000');
			expect(text).toContain(`${page}?src=whatsapp`);
			expect(links.ogImage).toBe(`${page}/bagikan.jpg?v=${shareVersion(source, 'og')}`);
			expect(links.statusImage).toBe(`${page}/status.jpg?v=${shareVersion(source, 'status')}&unduh=1`);
			expect([links.ogWidth, links.ogHeight]).toEqual([1200, 630]);
		});
	});
});
