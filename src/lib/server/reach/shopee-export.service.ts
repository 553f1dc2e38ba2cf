import type { Actor } from '../auth/actor';
import { requireShopManager } from '../auth/guards';
import type { Product, Shop } from '../db/schema';
import { BusyError, NotFoundError, ValidationError } from '../errors';
import { newId } from '../../utils/ids';
import { wibDay, wibMidnight } from '../../utils/dates';
import { parseVariants } from '../catalog/product-card';
import type { ProductRepository } from '../catalog/product.repository';
import type { ShopRepository } from '../shops/shop.repository';
import { marketplaceJpegPath } from '../media/jpeg-rendition';
import { withOrigin } from '../../absolute-url';
import { shopeeProblems, shopeeRows, type ShopeeProblem, type ShopeeProductSource, type ShopeeRow } from './shopee-rules';
import { fallbackWorkbook, fillTemplate } from './shopee-workbook';
import type { ShopeeExport, ShopeeExportRepository } from './shopee-export.repository';

/** A product that goes into the file as it is. */
export interface ShopeeReady {
	productId: string;
	name: string;
	/** Lines it takes (one per variant). */
	rows: number;
}

/** A product left out, with everything the seller must fix first. */
export interface ShopeeSkipped {
	productId: string;
	name: string;
	problems: ShopeeProblem[];
}

export interface ShopeePlan {
	shop: Shop;
	ready: ShopeeReady[];
	skipped: ShopeeSkipped[];
	/** The shop's last exports, newest first. */
	recent: ShopeeExport[];
}

export interface ShopeeFile {
	file: Buffer;
	/** `shopee-<shop slug>.xlsx` */
	fileName: string;
	kind: 'template' | 'fallback';
	exported: number;
	skipped: ShopeeSkipped[];
}

/**
 * Shopee bulk upload ("Upload Massal") for one shop: which of its live products Shopee would take, the file itself
 * (the seller's own Seller Centre template filled, or the built-in workbook), and a record of every file handed
 * out, which the program counts as "marketed on Shopee". The shop's seller, or its community's coordinator or
 * facilitator (they sit beside sellers), may do it; to anyone else the shop does not exist (404).
 */
export class ShopeeExportService {
	constructor(
		private readonly exports: ShopeeExportRepository,
		private readonly shops: ShopRepository,
		private readonly products: ProductRepository,
		private readonly clock: () => Date = () => new Date()
	) {}

	private async managedShop(actor: Actor, shopId: string): Promise<Shop> {
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('error.notFound.shopUnnamed');
		requireShopManager(actor, shop);
		return shop;
	}

	/** Refuses (404) an actor who may not export this shop's products; used before an upload is even read. */
	async checkAccess(actor: Actor, shopId: string): Promise<void> {
		await this.managedShop(actor, shopId);
	}

	/** The shop's live products split into those that go in (with their lines) and those to fix first. */
	private async split(shop: Shop, origin: string) {
		const base = publicOrigin(origin);
		const live = (await this.products.listByShop(shop.id, false)).filter((p) => p.status === 'published').reverse();
		const ready: (ShopeeReady & { lines: ShopeeRow[] })[] = [];
		const skipped: ShopeeSkipped[] = [];
		let integrationNo = 0;
		for (const product of live) {
			const source = await this.source(product, base);
			const problems = shopeeProblems(source);
			if (problems.length) {
				skipped.push({ productId: product.id, name: product.name, problems });
				continue;
			}
			const lines = shopeeRows(source, source.variants.length ? ++integrationNo : 0);
			ready.push({ productId: product.id, name: product.name, rows: lines.length, lines });
		}
		return { ready, skipped };
	}

	private async source(product: Product, base: string): Promise<ShopeeProductSource> {
		const [photos, variants] = await Promise.all([this.products.listPhotos(product.id), this.products.listVariants(product.id)]);
		const photoUrls = photos
			.map((ph) => {
				// Shopee fetches JPEG or PNG only: the JPEG rendition of the photo (made on Shopee's first fetch).
				const path = marketplaceJpegPath(parseVariants(ph.variants));
				return path ? withOrigin(base, path) : null;
			})
			.filter((u): u is string => u !== null);
		return {
			id: product.id,
			slug: product.slug,
			name: product.name,
			description: product.description,
			price: product.price,
			stock: product.stock,
			weightGrams: product.weight_grams,
			photoUrls,
			variantTitle: product.variant_title,
			variants: variants.map((v) => ({ label: v.label, price: v.price, stock: v.stock }))
		};
	}

	/** What a download would hold now: the products that go in and those to fix first (nothing is recorded). */
	async plan(actor: Actor, shopId: string, origin: string): Promise<ShopeePlan> {
		const shop = await this.managedShop(actor, shopId);
		const { ready, skipped } = await this.split(shop, origin);
		const recent = await this.exports.listByShop(shop.id, 5);
		return { shop, ready: ready.map(({ lines: _lines, ...r }) => r), skipped, recent };
	}

	/**
	 * The file for Shopee's Upload Massal: the seller's blank template filled when `template` is given, else the
	 * built-in workbook; recorded once made (unless `record: false`, a look before downloading; the same file by the same person the
	 * same WIB day is recorded once). A template that is
	 * not a usable XLSX is refused (400) and nothing is recorded.
	 */
	async exportFile(actor: Actor, shopId: string, origin: string, template?: Uint8Array, { record = true } = {}): Promise<ShopeeFile> {
		const shop = await this.managedShop(actor, shopId);
		const { ready, skipped } = await this.split(shop, origin);
		const lines = ready.flatMap((r) => r.lines);
		let file: Buffer;
		if (template) {
			const filled = await fillTemplate(template, lines);
			if (!filled.ok && filled.messageKey === 'shopee.template.busy') throw new BusyError(filled.messageKey);
			if (!filled.ok) throw new ValidationError(filled.messageKey, {}, [{ field: 'template', messageKey: filled.messageKey, params: {} }], 400);
			file = filled.file;
		} else {
			file = await fallbackWorkbook(lines);
		}
		const kind = template ? 'template' : 'fallback';
		const made = { file, fileName: `shopee-${shop.slug}.xlsx`, kind, exported: ready.length, skipped } as const;
		if (!record) return made;
		// The same file again the same WIB day (a reload, a double tap) is not recorded twice.
		const now = this.clock();
		await this.exports.insertUnlessRepeat({
			id: newId('shx'),
			shop_id: shop.id,
			community_id: shop.community_id,
			created_by: actor.kind === 'user' ? actor.userId : null,
			kind,
			exported_count: ready.length,
			skipped_count: skipped.length,
			created_at: now.toISOString()
		}, ...wibDayBounds(now));
		return made;
	}
}

/**
 * The origin photo URLs start with: Shopee fetches them from the internet, so they must be absolute http(s). The
 * route passes the configured ORIGIN (or the request's own when none is set).
 */
export function publicOrigin(origin: string): string {
	let url: URL;
	try {
		url = new URL(origin);
	} catch {
		throw new Error(`Shopee export needs an absolute origin, got ${JSON.stringify(origin)}`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Shopee export needs an http(s) origin, got ${origin}`);
	return url.origin;
}

/** The WIB calendar day of an instant as ISO bounds `[00.00 WIB, next 00.00 WIB)`. */
function wibDayBounds(now: Date): [string, string] {
	const start = wibMidnight(wibDay(now.getTime()));
	return [new Date(start).toISOString(), new Date(start + 86_400_000).toISOString()];
}
