import type { Actor } from '../auth/actor';
import type { Community, Product, Shop } from '../db/schema';

/** What the catalog needs to know of a community: its id for queries, its slug for URLs. */
export type CommunityRef = Pick<Community, 'id' | 'slug'>;
import { NotFoundError } from '../errors';
import { editDistance, parseQuery, words } from '../search/indonesian';
import { catalogQuerySchema } from '../../validation/catalog';
import { parseInput } from '../validate';
import { galleryImage, parseVariants, toProductCard, type ImageRef, type ProductCard } from './product-card';
import type { ProductRepository } from './product.repository';
import type { ShopRepository } from '../shops/shop.repository';
import { shareCover, type ShareCover } from '../share/share-links';
import { PerVersion, type CatalogVersionOf } from '../cache/per-version';

export interface ProductPage {
	items: ProductCard[];
	page: { number: number; size: number; total: number; pages: number };
	query: { q: string; category: string; shop: string; sort: 'relevance' | 'newest' | 'cheapest' };
	/** Only when a search found nothing: close words from this community's products. */
	suggestions: string[];
}

export interface ProductDetail {
	product: Product;
	/** `stock` is what this variant can still sell (its own count, or the product's when it has none); null when made to order. */
	variants: { id: string; label: string; price: number; stock: number | null; available: boolean }[];
	photos: { id: string; image: ImageRef }[];
	/** The photo its share images are drawn from (the first shown), for their content version. */
	cover: ShareCover | null;
	related: ProductCard[];
}

const SUGGESTION_VOCAB_LIMIT = 5000;
const VOCAB_TTL_MS = 5 * 60_000;

export class CatalogService {
	private vocab = new Map<string, { words: string[]; at: number }>();
	private readonly counts = new PerVersion<Map<string, number>>();
	private readonly totals = new PerVersion<number>(5000);

	constructor(
		private readonly products: ProductRepository,
		private readonly shops: ShopRepository,
		private readonly clock: () => Date = () => new Date(),
		private readonly catalogVersionOf: CatalogVersionOf = async () => undefined
	) {}

	/**
	 * The catalog: published products of active shops, searched in Bahasa Indonesia, filtered and paged.
	 * Query input is validated with the same schema as the API (bad input → 400, never a 500). Public.
	 */
	async listProducts(_actor: Actor, community: CommunityRef, rawQuery: Record<string, unknown>): Promise<ProductPage> {
		const q = parseInput(catalogQuerySchema, rawQuery, 400);
		const search = parseQuery(q.q);
		let shopId: string | undefined;
		if (q.shop) {
			const shop = await this.shops.findActiveBySlug(community.id, q.shop);
			if (!shop) throw new NotFoundError('error.notFound.shop', { slug: q.shop });
			shopId = shop.id;
		}
		const sort = q.sort ?? (search.length > 0 ? 'relevance' : 'newest');
		const scope = { communityId: community.id, categorySlug: q.category || undefined, shopId };
		// Without a search the total depends only on the filters: kept per catalog version (counting 10,000 products
		// in FTS5 was the largest query of a catalog view).
		const knownTotal =
			search.length === 0 ? await this.totals.get(`${community.id}|${q.category}|${shopId ?? ''}`, await this.catalogVersionOf(community.id), () => this.products.countVisible(scope)) : undefined;
		const { rows, total } = await this.products.listPublished({ ...scope, search, sort, limit: q.perPage, offset: (q.page - 1) * q.perPage }, knownTotal);
		const suggestions = total === 0 && search.length > 0 ? await this.suggest(community, q.q) : [];
		return {
			items: rows.map((r) => toProductCard(community.slug, r)),
			page: { number: q.page, size: q.perPage, total, pages: Math.max(1, Math.ceil(total / q.perPage)) },
			query: { q: q.q.trim(), category: q.category, shop: q.shop, sort },
			suggestions
		};
	}

	/** Words from this community's product names closest to what was typed ("kripik kentang" → "keripik"). */
	private async suggest(community: CommunityRef, typed: string): Promise<string[]> {
		const now = this.clock().getTime();
		let entry = this.vocab.get(community.id);
		if (!entry || now - entry.at > VOCAB_TTL_MS) {
			const names = await this.products.listPublishedNames(community.id, SUGGESTION_VOCAB_LIMIT);
			const set = new Set<string>();
			for (const n of names) for (const w of words(n)) if (w.length >= 3 && !/\d/.test(w)) set.add(w);
			entry = { words: [...set], at: now };
			this.vocab.set(community.id, entry);
		}
		const scored: { word: string; score: number }[] = [];
		for (const t of words(typed)) {
			if (t.length < 3) continue;
			for (const w of entry.words) {
				const d = editDistance(t, w.slice(0, Math.max(t.length, w.length)));
				const limit = t.length <= 4 ? 1 : t.length <= 7 ? 2 : 3;
				const prefix = w.startsWith(t.slice(0, 3));
				if (d <= limit || (prefix && d <= limit + 2)) scored.push({ word: w, score: d - (prefix ? 0.5 : 0) });
			}
		}
		scored.sort((a, b) => a.score - b.score || a.word.localeCompare(b.word));
		return [...new Set(scored.map((s) => s.word))].slice(0, 5);
	}

	/** A published product of an active shop of this community, with photos and related products. Public. */
	async getProduct(_actor: Actor, community: CommunityRef, shop: Shop, productSlug: string): Promise<ProductDetail> {
		if (shop.community_id !== community.id) throw new NotFoundError('error.notFound.shop', { slug: shop.slug });
		const product = await this.products.findPublishedBySlug(shop.id, productSlug);
		if (!product) throw new NotFoundError('error.notFound.product', { slug: productSlug });
		const [photos, related, variants] = await Promise.all([this.products.listPhotos(product.id), this.products.listRelated(community.id, product, 4), this.products.listVariants(product.id)]);
		return {
			product,
			variants: variants.map((v) => {
				// The same rule the cart and checkout use: a variant without its own count sells from the product's.
				const stock = product.made_to_order === 1 ? null : (v.stock ?? product.stock ?? 0);
				return { id: v.id, label: v.label, price: v.price, stock, available: stock === null || stock > 0 };
			}),
			photos: photos.flatMap((p) => {
				const image = galleryImage(parseVariants(p.variants));
				return image ? [{ id: p.id, image }] : [];
			}),
			cover: shareCover(photos),
			related: related.map((r) => toProductCard(community.slug, r))
		};
	}

	/**
	 * The page of a product buyers can see (`/c/{community}/toko/{shop}/{product}`), found by its id — so a refused
	 * "Tambah ke keranjang" returns to the page it came from. Null for an unknown, hidden or other community's product. Public.
	 */
	async productPagePath(_actor: Actor, community: CommunityRef, productId: string): Promise<string | null> {
		const row = await this.products.findVisiblePath(community.id, productId);
		return row ? `/c/${community.slug}/toko/${row.shop_slug}/${row.slug}` : null;
	}

	/** Category slugs with how many products each shows, for the filter list. Public. */
	async categoryCounts(_actor: Actor, community: CommunityRef): Promise<Map<string, number>> {
		// Kept per catalog version (publishing, hiding or moving a product bumps it), so a catalog view does not count 10,000 products.
		return new Map(await this.counts.get(community.id, await this.catalogVersionOf(community.id), () => this.products.countByCategory(community.id)));
	}
}
