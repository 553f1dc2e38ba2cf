import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, digestTables, routeByKey } from '../helpers/routes';
import { makeCommunity, makeProduct, system } from '../helpers/factories';
import { makeProgram, staffActor } from '../helpers/program-fixtures';
import { orderWhatsappUrl } from '../../src/lib/server/web/order-message';
import { formatRupiah } from '../../src/lib/utils/money';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community, Shop } from '../../src/lib/server/db/schema';

/**
 * Issue 8 (e): zero-width, bidi and control characters were stored as typed. A buyer named
 * "Ibu\nTotal: Rp 0 (LUNAS)" added a line to the seller's WhatsApp message, and U+202E reversed "rekening 123"
 * in notes, training and member names. Every stored user text now goes through one cleaning (validation/text.ts);
 * names are one line, notes keep their line breaks, and a value made only of invisible characters is refused
 * with the field's own message, nothing stored.
 */
const RLO = '\u202E';
const ZW = '\u200B\u2060\uFEFF';

let ctx: TestContext;
let community: Community;
let coordinator: UserActor;
let owner: UserActor;
let shop: Shop;
let shopId: string;
let productId: string;

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'huruf-gaib' });
	const coordinatorId = await ctx.services.auth.createUser(system, { name: 'Pak Koordinator', email: 'koordinator@huruf-gaib.test', password: 'kata-sandi-panjang-1' });
	await ctx.services.members.addRole(system, community, coordinatorId, 'coordinator');
	coordinator = (await ctx.services.auth.loadActor(coordinatorId))!;
	const added = await ctx.services.members.addSeller(coordinator, community, { name: `Ibu${ZW} Ani\nLUNAS`, businessType: `Penjual ${RLO}kue`, whatsapp: '0812 7700 0001' });
	owner = (await ctx.services.auth.loadActor(added.userId))!;
	shopId = added.shopId;
	shop = await ctx.database.db.selectFrom('shop').selectAll().where('id', '=', shopId).executeTakeFirstOrThrow();
	productId = (await makeProduct(ctx.services, shop, { name: 'Kue Cucur', stock: 50 })).id;
	await ctx.services.shops.saveOnboardingStep(owner, shopId, 'pengiriman', { pickup: 'on', local: 'on', localFee: '5000', localArea: '' });
});
afterAll(() => ctx.cleanup());

describe(`invisible characters in stored text (${TEST_DIALECT})`, () => {
	it('should store a clean one-line buyer name and keep it out of the WhatsApp lines; the note keeps no bidi control', async () => {
		const view = await ctx.services.orders.checkout(
			PUBLIC_ACTOR,
			community,
			{
				buyer: { name: `Ibu\nTotal: Rp 0 (LUNAS)\r\n${RLO}`, whatsapp: '081234567890' },
				lines: [{ productId, quantity: 2 }],
				shops: { [shop.slug]: { delivery: 'local', payment: 'cod', address: `Jl. Melati 3\nTotal: Rp 0`, note: `Transfer ke rekening ${RLO}321\nTotal: Rp 0 (LUNAS)` } }
			},
			`invisible-${Date.now()}`
		);
		const stored = await ctx.database.db.selectFrom('checkout').select(['buyer_name']).where('code', '=', view.code).executeTakeFirstOrThrow();
		expect(stored.buyer_name).toBe('Ibu Total: Rp 0 (LUNAS)');
		const order = await ctx.database.db.selectFrom('shop_order').select(['note', 'address']).where('code', '=', view.orders[0].code).executeTakeFirstOrThrow();
		expect(order.note).toBe('Transfer ke rekening 321\nTotal: Rp 0 (LUNAS)');
		expect(order.address).toBe('Jl. Melati 3 Total: Rp 0');

		const text = new URL(orderWhatsappUrl(view.orders[0], view.buyer, 'https://e-crav.example')).searchParams.get('text')!;
		const totals = text.split('\n').filter((line) => line.startsWith('Total:'));
		expect(totals).toEqual([`Total: ${formatRupiah(view.orders[0].total)}`]);
		expect(text).toContain('saya Ibu Total: Rp 0 (LUNAS) memesan');
		expect(text).toContain('Catatan: Transfer ke rekening 321 / Total: Rp 0 (LUNAS)');
		expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
	});

	it('should refuse a buyer name made only of invisible characters with the name message, and store nothing', async () => {
		const before = await digestTables(ctx.database);
		await expect(
			ctx.services.orders.checkout(PUBLIC_ACTOR, community, { buyer: { name: ` ${ZW}${RLO}\n\u0007 `, whatsapp: '081234567891' }, lines: [{ productId, quantity: 1 }], shops: { [shop.slug]: { delivery: 'pickup', payment: 'cod' } } }, `invisible-empty-${Date.now()}`)
		).rejects.toMatchObject({ status: 422, issues: [expect.objectContaining({ field: 'buyer.name', messageKey: 'order.nameShort' })] });
		expect(await digestTables(ctx.database)).toEqual(before);
	});

	it('should refuse a buyer name made only of blank letters (Hangul fillers, braille blank, soft hyphen, tags, a lone joiner), and store a trailing joiner nowhere', async () => {
		const before = await digestTables(ctx.database);
		const blank = '\u3164\u2800\u00AD\u115F\u1160\u180E\u034F\u{E0020}\uFFA0\u200D';
		await expect(
			ctx.services.orders.checkout(PUBLIC_ACTOR, community, { buyer: { name: blank, whatsapp: '081234567892' }, lines: [{ productId, quantity: 1 }], shops: { [shop.slug]: { delivery: 'pickup', payment: 'cod' } } }, `invisible-blank-${Date.now()}`)
		).rejects.toMatchObject({ status: 422, issues: [expect.objectContaining({ field: 'buyer.name', messageKey: 'order.nameShort' })] });
		expect(await digestTables(ctx.database)).toEqual(before);
		const view = await ctx.services.orders.checkout(PUBLIC_ACTOR, community, { buyer: { name: 'Bu\u3164 Kue\u200D', whatsapp: '081234567893' }, lines: [{ productId, quantity: 1 }], shops: { [shop.slug]: { delivery: 'pickup', payment: 'cod' } } }, `invisible-zwj-${Date.now()}`);
		const stored = await ctx.database.db.selectFrom('checkout').select(['buyer_name']).where('code', '=', view.code).executeTakeFirstOrThrow();
		expect(stored.buyer_name).toBe('Bu Kue');
	});

	it('should clean the names the roster stores for a new member and their shop', async () => {
		const member = await ctx.database.db.selectFrom('member').select(['person_name']).where('shop_id', '=', shopId).executeTakeFirstOrThrow();
		expect(member.person_name).toBe('Ibu Ani LUNAS');
		expect(shop.business_type).toBe('Penjual kue');
		const user = await ctx.database.db.selectFrom('app_user').select(['name']).where('id', '=', owner.userId).executeTakeFirstOrThrow();
		expect(user.name).toBe('Ibu Ani LUNAS');
	});

	it('should clean a member profile name, and refuse an invisible-only one without changing it', async () => {
		const memberId = (await ctx.database.db.selectFrom('member').select(['id']).where('shop_id', '=', shopId).executeTakeFirstOrThrow()).id;
		await ctx.services.roster.updateProfile(coordinator, community, memberId, { personName: `Ibu ${RLO}Ani\nSiti` });
		expect((await ctx.database.db.selectFrom('member').select(['person_name']).where('id', '=', memberId).executeTakeFirstOrThrow()).person_name).toBe('Ibu Ani Siti');
		await expect(ctx.services.roster.updateProfile(coordinator, community, memberId, { personName: `${ZW}\u200F` })).rejects.toMatchObject({ status: 422, issues: [expect.objectContaining({ field: 'personName', messageKey: 'members.nameRequired' })] });
		expect((await ctx.database.db.selectFrom('member').select(['person_name']).where('id', '=', memberId).executeTakeFirstOrThrow()).person_name).toBe('Ibu Ani Siti');
	});

	it('should clean the shop name (one line) and story (lines kept) saved through the onboarding form', async () => {
		const step = async (name: string, form: Record<string, string>) => callRoute(await routeByKey('POST /jual/mulai/[step]?/default'), { services: ctx.services, actor: owner }, { params: { step: name }, query: { toko: shopId }, form });
		expect((await step('nama', { name: `Kue ${RLO}Ani\nTotal: Rp 0` })).status).toBe(303);
		expect((await step('cerita', { story: `Kue basah sejak 1998.\r\nRekening ${RLO}123${ZW}`, businessType: 'Kue\tbasah' })).status).toBe(303);
		const saved = await ctx.database.db.selectFrom('shop').select(['name', 'story', 'business_type']).where('id', '=', shopId).executeTakeFirstOrThrow();
		expect(saved).toEqual({ name: 'Kue Ani Total: Rp 0', story: 'Kue basah sejak 1998.\nRekening 123', business_type: 'Kue basah' });
		const refused = await step('nama', { name: `${RLO}${ZW}\u2066` });
		expect(refused.status).toBe(400);
		expect((await ctx.database.db.selectFrom('shop').select(['name']).where('id', '=', shopId).executeTakeFirstOrThrow()).name).toBe('Kue Ani Total: Rp 0');
	});

	it('should clean product names, variant labels and descriptions', async () => {
		const product = await ctx.services.products.create(owner, shop, {
			name: `Kue Lapis\nHarga Rp 0 ${RLO}`,
			categorySlug: 'camilan-keripik',
			price: 15000,
			unit: `po${ZW}tong`,
			description: `Lembut.\r\n\r\nTanpa pengawet${RLO}.`,
			variants: [{ label: `Kecil\n${RLO}`, price: 15000, stock: 3 }],
			published: true
		});
		const row = await ctx.database.db.selectFrom('product').select(['name', 'unit', 'description']).where('id', '=', product.id).executeTakeFirstOrThrow();
		expect(row).toEqual({ name: 'Kue Lapis Harga Rp 0', unit: 'potong', description: 'Lembut.\n\nTanpa pengawet.' });
		const variants = await ctx.database.db.selectFrom('product_variant').select(['label']).where('product_id', '=', product.id).execute();
		expect(variants.map((v) => v.label)).toEqual(['Kecil']);
	});

	it('should clean training titles, venues and speaker names', async () => {
		const programId = await makeProgram(ctx.database.db, community);
		const training = await ctx.services.trainings.create(staffActor(community, 'coordinator'), programId, {
			title: `Pelatihan ${RLO}Foto Produk\nWAJIB`,
			startsAt: '2026-12-01T09:00',
			venue: `Balai ${ZW}RW 03`,
			speakers: `Ibu Rina${RLO}\r\nPak ${ZW}Dedi\n\n`
		});
		const row = await ctx.database.db.selectFrom('training').select(['title', 'venue', 'speakers']).where('id', '=', training.id).executeTakeFirstOrThrow();
		expect({ ...row, speakers: JSON.parse(row.speakers) }).toEqual({ title: 'Pelatihan Foto Produk WAJIB', venue: 'Balai RW 03', speakers: ['Ibu Rina', 'Pak Dedi'] });
	});
});
