import type { Actor } from '../auth/actor';
import type { CommunityService } from '../communities/community.service';
import type { ShopService } from '../shops/shop.service';
import type { Community, Shop } from '../db/schema';
import { translator, type MessageKey } from '../../i18n';
import { mediaUrl } from '../media/types';
import { jpegRenditionKey } from '../media/jpeg-rendition';
import { parseVariants, productPath } from '../catalog/product-card';
import { writeCsv } from '../members/member-file';
import type { FeedProductRow, FeedRepository } from './seo.repository';
import { absoluteUrl, xmlText } from './xml';

/** Google Merchant Center's limits: longer titles and descriptions are refused, so they are cut (on a word when possible). */
const TITLE_MAX = 150;
const DESCRIPTION_MAX = 5000;

/**
 * One thing a buyer can order. The documented variant rule: a product with variants is one item PER VARIANT
 * (`id` = the variant's id, `groupId` = the product's id, the variant's own price and stock, a link that opens the product
 * page with that variant chosen); a product without variants is one item with `groupId` null.
 */
export interface FeedItem {
	id: string;
	groupId: string | null;
	productId: string;
	title: string;
	variant: string | null;
	description: string;
	price: number;
	inStock: boolean;
	/** What can still be sold; null when made to order. */
	stock: number | null;
	unit: string;
	category: string;
	categoryName: string;
	shop: { slug: string; name: string; url: string };
	link: string;
	imageLink: string | null;
	updatedAt: string;
}

function cut(text: string, max: number): string {
	if (text.length <= max) return text;
	const head = text.slice(0, max - 1);
	const space = head.lastIndexOf(' ');
	return `${space > max * 0.6 ? head.slice(0, space) : head}…`;
}

/** Seller text as one plain line (feeds want no control characters; line breaks become spaces in titles). */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function coverLink(origin: string, cover: string | null): string | null {
	const variants = parseVariants(cover);
	const best = variants.find((v) => v.name === 'large') ?? variants.find((v) => v.name === 'medium') ?? variants.find((v) => v.name === 'thumb');
	// The JPEG rendition, not the WebP: Merchant Center takes WebP, but Meta catalogs (which read this same feed) ask
	// for JPEG or PNG, and every catalog fetcher takes JPEG.
	if (!best) return null;
	const url = mediaUrl(jpegRenditionKey(best.key) ?? best.key);
	// On the CDN (MEDIA_PUBLIC_BASE_URL) the URL is absolute already.
	return /^https?:\/\//.test(url) ? url : absoluteUrl(origin, url);
}

export function feedItems(origin: string, communitySlug: string, rows: readonly FeedProductRow[]): FeedItem[] {
	const t = translator('id');
	return rows.flatMap((p): FeedItem[] => {
		const url = absoluteUrl(origin, productPath(communitySlug, p.shop_slug, p.slug));
		const base = {
			productId: p.id,
			description: cut(p.description.trim() || p.name, DESCRIPTION_MAX),
			unit: p.unit,
			category: p.category_slug,
			categoryName: t(`category.${p.category_slug}` as MessageKey),
			shop: { slug: p.shop_slug, name: p.shop_name, url: absoluteUrl(origin, `/c/${communitySlug}/toko/${p.shop_slug}`) },
			imageLink: coverLink(origin, p.cover),
			updatedAt: p.updated_at
		};
		const madeToOrder = p.made_to_order === 1;
		if (p.variants.length === 0) {
			const stock = madeToOrder ? null : (p.stock ?? 0);
			return [{ ...base, id: p.id, groupId: null, title: cut(oneLine(p.name), TITLE_MAX), variant: null, price: p.price, inStock: stock === null || stock > 0, stock, link: url }];
		}
		return p.variants.map((v) => {
			// The cart's rule: a variant without its own count sells from the product's.
			const stock = madeToOrder ? null : (v.stock ?? p.stock ?? 0);
			return {
				...base,
				id: v.id,
				groupId: p.id,
				title: cut(`${oneLine(p.name)} - ${oneLine(v.label)}`, TITLE_MAX),
				variant: v.label,
				price: v.price,
				inStock: stock === null || stock > 0,
				stock,
				link: `${url}?variantId=${encodeURIComponent(v.id)}`
			};
		});
	});
}

/**
 * The catalog feed for Google Merchant Center and Meta catalogs: RSS 2.0 with the `g:` namespace. Items without a
 * photo are left out (`image_link` is required by both; the CSV and JSON feeds still list them).
 */
export function catalogFeedXml(origin: string, community: Pick<Community, 'slug' | 'name'>, items: readonly FeedItem[]): string {
	const link = absoluteUrl(origin, `/c/${community.slug}`);
	const parts = [
		'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n<channel>\n',
		`<title>${xmlText(`${community.name} · E-Crav`)}</title>\n<link>${xmlText(link)}</link>\n<description>${xmlText(`Produk UMKM ${community.name} di E-Crav`)}</description>\n`
	];
	const el = (name: string, value: string) => `<${name}>${xmlText(value)}</${name}>`;
	for (const i of items) {
		if (!i.imageLink) continue;
		parts.push(
			'<item>',
			el('g:id', i.id),
			i.groupId ? el('g:item_group_id', i.groupId) : '',
			el('g:title', i.title),
			el('g:description', i.description),
			el('g:link', i.link),
			el('g:image_link', i.imageLink),
			el('g:price', `${i.price} IDR`),
			el('g:availability', i.inStock ? 'in stock' : 'out of stock'),
			el('g:brand', i.shop.name),
			el('g:condition', 'new'),
			el('g:product_type', i.categoryName),
			'</item>\n'
		);
	}
	parts.push('</channel>\n</rss>\n');
	return parts.join('');
}

/** Spreadsheet columns (English keys, like the catalog feed's, so importers map them without a dictionary). */
const CSV_HEADER = ['id', 'item_group_id', 'title', 'variant', 'description', 'price', 'currency', 'availability', 'stock', 'unit', 'category', 'shop', 'shop_link', 'link', 'image_link', 'updated_at'];

/** CSV (UTF-8 with BOM for Excel, CRLF, comma), one row per item; prices are integer rupiah; text cells formula-safe. */
export function productsCsv(items: readonly FeedItem[]): Buffer {
	return writeCsv(
		CSV_HEADER,
		items.map((i) => [
			i.id,
			i.groupId ?? '',
			i.title,
			i.variant ?? '',
			i.description,
			i.price,
			'IDR',
			i.inStock ? 'in stock' : 'out of stock',
			i.stock,
			i.unit,
			i.categoryName,
			i.shop.name,
			i.shop.url,
			i.link,
			i.imageLink,
			i.updatedAt
		])
	);
}

/** JSON: the same items, plus where they come from. */
export function productsJson(community: Pick<Community, 'slug' | 'name'>, shop: Pick<Shop, 'slug' | 'name'> | null, items: readonly FeedItem[]) {
	return {
		community: { slug: community.slug, name: community.name },
		...(shop ? { shop: { slug: shop.slug, name: shop.name } } : {}),
		currency: 'IDR',
		items: items.map((i) => ({
			id: i.id,
			itemGroupId: i.groupId,
			productId: i.productId,
			title: i.title,
			variant: i.variant,
			description: i.description,
			price: i.price,
			availability: i.inStock ? 'in stock' : 'out of stock',
			stock: i.stock,
			unit: i.unit,
			category: i.category,
			categoryName: i.categoryName,
			shop: i.shop,
			link: i.link,
			imageLink: i.imageLink,
			updatedAt: i.updatedAt
		}))
	};
}

/**
 * Product feeds of a community or of one open shop in it. Public: only what the catalog shows (see SeoRepository);
 * an unknown community, or a shop that is hidden or not open yet, is a 404.
 */
export class FeedService {
	constructor(
		private readonly feeds: FeedRepository,
		private readonly communities: CommunityService,
		private readonly shops: ShopService
	) {}

	async items(actor: Actor, origin: string, communitySlug: string, shopSlug?: string): Promise<{ community: Community; shop: Shop | null; items: FeedItem[] }> {
		const community = await this.communities.getBySlug(actor, communitySlug);
		const shop = shopSlug === undefined ? null : await this.shops.getOpenBySlug(actor, community, shopSlug);
		const rows = await this.feeds.listFeedProducts(community.id, shop?.id);
		return { community, shop, items: feedItems(origin, community.slug, rows) };
	}
}
