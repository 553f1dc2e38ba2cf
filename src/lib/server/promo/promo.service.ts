import type { Actor } from '../auth/actor';
import { requireCommunityStaff, requireShopManager } from '../auth/guards';
import type { CommunityRepository } from '../communities/community.repository';
import type { Community, Shop } from '../db/schema';
import { NotFoundError } from '../errors';
import { catalogQueue, printableJpeg, variantForPrint } from '../media/print-image';
import type { MediaStorage } from '../media/storage';
import type { PhotoVariant } from '../media/types';
import { SAMPLE_QRIS_NMID } from '../payments/qris';
import type { ShopRepository } from '../shops/shop.repository';
import { readPayment } from '../shops/shop.service';
import type { PrintableProduct, PromoRepository } from './promo.repository';

/** Where a printed link says the visitor came from (issue 10 item 6 counts `?src=`). */
export type LinkSource = 'poster' | 'whatsapp';

/** The public address of a shop, absolute, carrying where the visitor came from. */
export function shopLink(origin: string, communitySlug: string, shopSlug: string, src: LinkSource): string {
	return `${origin.replace(/\/+$/, '')}/c/${encodeURIComponent(communitySlug)}/toko/${encodeURIComponent(shopSlug)}?src=${src}`;
}

export interface PrintShop {
	name: string;
	slug: string;
	/** E.164 digits without plus (`62812…`). */
	whatsapp: string;
	/** The shop's page with `?src=poster`. */
	url: string;
}

export interface PosterData {
	shop: PrintShop;
	communityName: string;
	/** A JPEG of the best product's cover, else of the logo; null when the shop has neither. */
	photo: Buffer | null;
	/** The shop's static QRIS, when set; `sample` marks the demo's example code (not for paying). */
	qris: { payload: string; merchantName: string; sample: boolean } | null;
}

export interface CatalogItem {
	name: string;
	price: number;
	unit: string;
	minPrice: number | null;
	maxPrice: number | null;
	photo: Buffer | null;
}

export interface CatalogSection {
	shop: PrintShop;
	items: CatalogItem[];
}

export interface CatalogData {
	/** One shop's catalog, or every shop of a community. */
	kind: 'shop' | 'community';
	/** The shop's name (one shop) or the community's (all shops). */
	title: string;
	communityName: string;
	sections: CatalogSection[];
}

/** Photos converted at once while building a catalog: sharp runs one thread per job, two jobs keep two cores busy. */
const PHOTO_JOBS = 2;
/** Pixels of a catalog photo (printed about 4 cm wide: ~250 dpi) and of a poster's photo (about 10 cm). */
const CATALOG_SIDE = 300;
const POSTER_SIDE = 600;

function parseVariants(json: string | null): PhotoVariant[] {
	if (!json) return [];
	try {
		const v = JSON.parse(json) as unknown;
		return Array.isArray(v) ? (v as PhotoVariant[]) : [];
	} catch {
		return [];
	}
}

/**
 * Printed promotion of a shop (issue 10 item 4): the data of its QR posters and of the printed catalogs of a shop or
 * of a whole community. Only what buyers can see is printed (published products of active shops). A poster and a
 * shop's catalog are for the shop's seller and its community's staff; the community catalog for its staff; anyone
 * else is told it does not exist.
 */
export class PromoService {
	constructor(
		private readonly promo: PromoRepository,
		private readonly shops: ShopRepository,
		private readonly communities: CommunityRepository,
		private readonly storage: MediaStorage
	) {}

	private async managedShop(actor: Actor, shopId: string): Promise<{ shop: Shop; community: Community }> {
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('error.notFound.shopUnnamed');
		requireShopManager(actor, shop);
		const community = await this.communities.findById(shop.community_id);
		if (!community) throw new NotFoundError('error.notFound.shopUnnamed');
		return { shop, community };
	}

	/** What the "Promosikan toko" page says about a shop: whether buyers can open it, and how many products they see. */
	async overview(actor: Actor, shopId: string): Promise<{ hidden: boolean; published: number }> {
		const { shop } = await this.managedShop(actor, shopId);
		return { hidden: shop.status !== 'active', published: await this.shops.countPublished(shop.id) };
	}

	/** The poster of a shop: its name, best photo, WhatsApp, the QR link (`?src=poster` on `origin`) and its QRIS. */
	async poster(actor: Actor, shopId: string, origin: string): Promise<PosterData> {
		const { shop, community } = await this.managedShop(actor, shopId);
		const products = await this.promo.listPrintable({ communityId: community.id, shopId: shop.id });
		// "a good product": the one a buyer would see most of (most photos, then the fullest description)
		const best = products.filter((p) => p.cover).sort((a, b) => b.photoCount - a.photoCount || b.descriptionLength - a.descriptionLength)[0];
		const variants = best ? parseVariants(best.cover) : parseVariants(shop.logo);
		const chosen = variantForPrint(variants, POSTER_SIDE);
		const photo = chosen ? await printableJpeg(this.storage, chosen.key, POSTER_SIDE) : null;
		const pay = readPayment(shop).qris;
		return {
			shop: this.printShop(shop, community, origin),
			communityName: community.name,
			photo,
			qris: pay ? { payload: pay.payload, merchantName: pay.merchantName, sample: pay.nmid === SAMPLE_QRIS_NMID } : null
		};
	}

	/** One shop's printed catalog. */
	async shopCatalog(actor: Actor, shopId: string, origin: string): Promise<CatalogData> {
		const { shop, community } = await this.managedShop(actor, shopId);
		const products = await this.promo.listPrintable({ communityId: community.id, shopId: shop.id });
		return { kind: 'shop', title: shop.name, communityName: community.name, sections: [{ shop: this.printShop(shop, community, origin), items: await this.withPhotos(products) }] };
	}

	/** Every active shop of a community with its published products (shops without any are left out), for its staff. */
	async communityCatalog(actor: Actor, communitySlug: string, origin: string): Promise<CatalogData> {
		const community = await this.communities.findBySlug(communitySlug);
		if (!community) throw new NotFoundError();
		requireCommunityStaff(actor, community.id);
		const [shops, products] = await Promise.all([this.shops.listActiveByCommunity(community.id), this.promo.listPrintable({ communityId: community.id })]);
		const items = await this.withPhotos(products);
		const byShop = new Map<string, CatalogItem[]>();
		for (const [i, p] of products.entries()) byShop.set(p.shopId, [...(byShop.get(p.shopId) ?? []), items[i]]);
		const sections = shops.filter((s) => byShop.has(s.id)).map((s) => ({ shop: this.printShop(s, community, origin), items: byShop.get(s.id) ?? [] }));
		return { kind: 'community', title: community.name, communityName: community.name, sections };
	}

	private printShop(shop: Shop, community: Community, origin: string): PrintShop {
		return { name: shop.name, slug: shop.slug, whatsapp: shop.whatsapp, url: shopLink(origin, community.slug, shop.slug, 'poster') };
	}

	/** The products with their photos as JPEG, converted through the catalog queue (one catalog at a time). */
	private withPhotos(products: PrintableProduct[]): Promise<CatalogItem[]> {
		return catalogQueue.run(() => this.convertPhotos(products));
	}

	private async convertPhotos(products: PrintableProduct[]): Promise<CatalogItem[]> {
		const out: CatalogItem[] = products.map((p) => ({ name: p.name, price: p.price, unit: p.unit, minPrice: p.minPrice, maxPrice: p.maxPrice, photo: null }));
		let next = 0;
		const worker = async () => {
			while (next < products.length) {
				const i = next++;
				const v = variantForPrint(parseVariants(products[i].cover), CATALOG_SIDE);
				if (v) out[i].photo = await printableJpeg(this.storage, v.key, CATALOG_SIDE);
			}
		};
		await Promise.all(Array.from({ length: PHOTO_JOBS }, worker));
		return out;
	}
}
