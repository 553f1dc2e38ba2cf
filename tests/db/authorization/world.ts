import sharp from 'sharp';
import { PUBLIC_ACTOR, type Actor } from '../../../src/lib/server/auth/actor';
import type { Community, Product, ProductPhoto, Shop } from '../../../src/lib/server/db/schema';
import type { Services } from '../../../src/lib/server/services';
import { makeCommunity, makeProduct, system } from '../../helpers/factories';

/**
 * Who attacks. "The shop" is always shop A of community 1 (the victim); every other actor tries to reach it.
 * - seller: owns shop A · sellerSameCommunity: owns shop B in community 1 · sellerOtherCommunity: owns shop C in community 2
 * - coordinator / facilitator: staff of community 1 · otherCoordinator / otherFacilitator: staff of community 2
 */
export const ACTORS = ['anonymous', 'seller', 'sellerSameCommunity', 'sellerOtherCommunity', 'coordinator', 'facilitator', 'otherCoordinator', 'otherFacilitator'] as const;
export type ActorName = (typeof ACTORS)[number];

export interface Tenant {
	community: Community;
	shop: Shop;
	sellerUserId: string;
}

export interface World {
	services: Services;
	/** Community 1 with the victim shop A (owned by `seller`) and shop B (owned by `sellerSameCommunity`). */
	c1: Community;
	/** Community 2 with shop C (owned by `sellerOtherCommunity`). */
	c2: Community;
	shopA: Shop;
	shopB: Shop;
	shopC: Shop;
	userIds: Record<Exclude<ActorName, 'anonymous'>, string>;
	/** A seller of community 1 who is nobody's actor: the target of roster actions (setup links). */
	memberUserId: string;
	/** The password every actor's account has (for login rows). */
	password: string;
	logins: Record<Exclude<ActorName, 'anonymous'>, string>;
	actor(name: ActorName): Promise<Actor>;
	/** The shop an actor owns (sellers), or null: for "own id in the URL, foreign id in the body" probes. */
	ownShop(name: ActorName): Shop | null;
	fresh: {
		/** A new published product with two variants (stock 5 each) in this shop. */
		product(shop: Shop): Promise<{ product: Product; variantIds: string[] }>;
		/** A new product with one photo. */
		photo(shop: Shop): Promise<{ product: Product; photoId: string }>;
		/** A new checkout with one transfer order at this shop (status "baru"). */
		order(shop: Shop): Promise<{ orderId: string; orderCode: string; checkoutCode: string; token: string }>;
	};
	/** A small, valid JPEG photo (for upload rows). */
	photoBytes: Buffer;
}

let seq = 0;

/** Builds the two communities, three shops and seven accounts once per test file (argon2 is slow). */
export async function buildWorld(services: Services): Promise<World> {
	const tag = Math.random().toString(36).slice(2, 7);
	const password = 'kunci-rahasia-matriks-8';
	const c1 = await makeCommunity(services, { slug: `matriks-satu-${tag}` });
	const c2 = await makeCommunity(services, { slug: `matriks-dua-${tag}` });

	const logins = {} as World['logins'];
	const userIds = {} as World['userIds'];
	let phone = 1000;
	const addSeller = async (name: Exclude<ActorName, 'anonymous'>, community: Community, label: string) => {
		const added = await services.members.addSeller(system, community, { name: label, businessType: 'Penjual keripik', whatsapp: `0812 7777 ${phone++}` });
		userIds[name] = added.userId;
		await services.auth.setPasswordWithLink(added.setupToken, { password, confirm: password });
		const wa = (await services.database.db.selectFrom('app_user').select('whatsapp').where('id', '=', added.userId).executeTakeFirstOrThrow()).whatsapp;
		logins[name] = wa ?? '';
		const shop = await services.shops.getManaged(system, added.shopId);
		// Transfer and COD, pickup: so buyers can order and upload a receipt.
		await services.shops.saveOnboardingStep(system, shop.id, 'pembayaran', { cod: 'on', transfer: 'on', bank: 'BRI', accountNumber: '1234567890', accountName: label });
		await services.shops.saveOnboardingStep(system, shop.id, 'pengiriman', { pickup: 'on' });
		return services.shops.getManaged(system, shop.id);
	};
	const shopA = await addSeller('seller', c1, 'Ibu Korban');
	const shopB = await addSeller('sellerSameCommunity', c1, 'Ibu Tetangga');
	const shopC = await addSeller('sellerOtherCommunity', c2, 'Ibu Jauh');
	const member = await services.members.addSeller(system, c1, { name: 'Ibu Anggota', businessType: 'Penjual opak', whatsapp: `0812 7777 ${phone++}` });

	const addStaff = async (name: Exclude<ActorName, 'anonymous'>, community: Community, role: 'coordinator' | 'facilitator') => {
		const email = `${name.toLowerCase()}-${tag}@matriks.test`;
		const id = await services.auth.createUser(system, { name: `Staf ${name}`, email, password });
		await services.members.addRole(system, community, id, role);
		userIds[name] = id;
		logins[name] = email;
	};
	await addStaff('coordinator', c1, 'coordinator');
	await addStaff('facilitator', c1, 'facilitator');
	await addStaff('otherCoordinator', c2, 'coordinator');
	await addStaff('otherFacilitator', c2, 'facilitator');

	const photoBytes = await sharp({ create: { width: 240, height: 180, channels: 3, background: { r: 200, g: 140, b: 60 } } })
		.jpeg({ quality: 80 })
		.toBuffer();

	let firstPhoto: ProductPhoto | null = null;
	const owners: Partial<Record<ActorName, Shop>> = { seller: shopA, sellerSameCommunity: shopB, sellerOtherCommunity: shopC };

	const world: World = {
		services,
		c1,
		c2,
		shopA,
		shopB,
		shopC,
		userIds,
		memberUserId: member.userId,
		password,
		logins,
		photoBytes,
		async actor(name) {
			if (name === 'anonymous') return PUBLIC_ACTOR;
			const actor = await services.auth.loadActor(userIds[name]);
			if (!actor) throw new Error(`no actor ${name}`);
			return actor;
		},
		ownShop: (name) => owners[name] ?? null,
		fresh: {
			async product(shop) {
				const product = await makeProduct(services, shop, {
					name: `Keripik matriks ${++seq}`,
					published: true,
					variants: [
						{ label: 'Kecil', price: 10000, stock: 5 },
						{ label: 'Besar', price: 18000, stock: 5 }
					]
				});
				const variants = await services.database.db.selectFrom('product_variant').select('id').where('product_id', '=', product.id).orderBy('position').execute();
				return { product, variantIds: variants.map((v) => v.id) };
			},
			async photo(shop) {
				const { product } = await world.fresh.product(shop);
				// The first photo goes through the real pipeline; later ones reuse its stored files (the pipeline is slow).
				if (!firstPhoto) {
					const photo = await services.products.addPhoto(system, product.id, photoBytes);
					firstPhoto = await services.database.db.selectFrom('product_photo').selectAll().where('id', '=', photo.id).executeTakeFirstOrThrow();
					return { product, photoId: photo.id };
				}
				const id = `pho_matriks${++seq}`;
				await services.database.db.insertInto('product_photo').values({ ...firstPhoto, id, product_id: product.id, position: 0 }).execute();
				return { product, photoId: id };
			},
			async order(shop) {
				const { product, variantIds } = await world.fresh.product(shop);
				const community = shop.community_id === c1.id ? c1 : c2;
				// The shop's slug as it is now (a probe may have moved the shop to a new address).
				const { slug } = await services.database.db.selectFrom('shop').select('slug').where('id', '=', shop.id).executeTakeFirstOrThrow();
				const view = await services.orders.checkout(
					PUBLIC_ACTOR,
					community,
					{ buyer: { name: 'Pembeli Matriks', whatsapp: '0813 5555 1234' }, lines: [{ productId: product.id, variantId: variantIds[0], quantity: 1 }], shops: { [slug]: { delivery: 'pickup', payment: 'transfer' } } },
					`matriks-${tag}-${++seq}`
				);
				const order = view.orders[0];
				return { orderId: order.id, orderCode: order.code, checkoutCode: view.code, token: view.token };
			}
		}
	};
	return world;
}
