import type { Actor } from '../auth/actor';
import { shareCover, type ShareCover } from '../share/share-links';
import { requireShopManager, requireShopManagerOr } from '../auth/guards';
import type { Product, ProductPhoto, ProductVariant, Shop } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { processPhoto } from '../media/image-pipeline';
import type { MediaStorage } from '../media/storage';
import type { ProcessedPhoto } from '../media/types';
import { firstFreeSlug, newId, slugify } from '../../utils/ids';
import { newProductSchema, productPatchSchema, type NewProductInput, type VariantValues } from '../../validation/product';
import { parseInput } from '../validate';
import { productSearchTerms } from './search-terms';
import { listingQuality, type QualityScore } from './listing-quality';
import { galleryImage, parseVariants, squareImage, type ImageRef } from './product-card';
import { VariantNotOwnedError, type ProductRepository } from './product.repository';
import type { ShopRepository } from '../shops/shop.repository';

export const MAX_PHOTOS = 9;

export interface ManagedProduct {
	product: Product;
	shop: Shop;
	variants: ProductVariant[];
	photos: { id: string; position: number; image: ImageRef | null; thumb: ImageRef | null; hints: string[] }[];
	/** The photo its share images are drawn from (share-links.ts). */
	cover: ShareCover | null;
	quality: QualityScore;
}

type VariantInput = VariantValues;

/**
 * What a seller does to their own products: create, edit, publish, hide, archive, duplicate, photos.
 * Every method checks that the actor manages the product's shop; for anyone else the product does not exist.
 */
export class ProductEditorService {
	constructor(
		private readonly products: ProductRepository,
		private readonly shops: ShopRepository,
		private readonly storage: MediaStorage,
		private readonly clock: () => Date = () => new Date()
	) {}

	private now() {
		return this.clock().toISOString();
	}

	/** Loads a product and its shop, refusing (404) an actor who does not manage that shop. */
	private async managed(actor: Actor, productId: string): Promise<{ product: Product; shop: Shop }> {
		const product = await this.products.findById(productId);
		const shop = product && (await this.shops.findById(product.shop_id));
		if (!product || !shop) throw new NotFoundError('product.notFound');
		requireShopManagerOr(actor, shop, () => new NotFoundError('product.notFound'));
		return { product, shop };
	}

	/** Creates a product (a draft unless `published`), with its variants. */
	async create(actor: Actor, shop: Shop, input: NewProductInput): Promise<Product> {
		requireShopManager(actor, shop);
		const data = parseInput(newProductSchema, input);
		checkVariantLabels(data.variants);
		const now = this.now();
		const product = await this.products.insert({
			id: newId('prod'),
			community_id: shop.community_id,
			shop_id: shop.id,
			slug: data.slug ?? (await firstFreeSlug(slugify(data.name), (s) => this.products.slugTaken(shop.id, s))),
			name: data.name,
			category_slug: data.categorySlug,
			price: data.price,
			unit: data.unit,
			stock: data.stock,
			made_to_order: data.madeToOrder ? 1 : 0,
			lead_time_days: data.leadTimeDays,
			weight_grams: data.weightGrams ?? null,
			description: data.description,
			shelf_life: data.shelfLife ?? null,
			ingredients: data.ingredients ?? null,
			pirt: data.pirt ?? null,
			halal: data.halal ?? null,
			bpom: data.bpom ?? null,
			variant_title: data.variantTitle ?? null,
			status: data.published ? 'published' : 'draft',
			...productSearchTerms(data.name, data.categorySlug, shop.name, data.description),
			published_at: data.published ? now : null,
			created_at: now,
			updated_at: now
		});
		if (data.variants?.length) await this.products.replaceVariants(product.id, withIds(data.variants, data.madeToOrder));
		return product;
	}

	async createInShop(actor: Actor, shopId: string, input: NewProductInput): Promise<Product> {
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('error.notFound.shopUnnamed');
		requireShopManagerOr(actor, shop, () => new NotFoundError('error.notFound.shopUnnamed'));
		return this.create(actor, shop, input);
	}

	/** Changes any editable field. Nothing is written when any field is wrong. */
	async update(actor: Actor, productId: string, input: unknown): Promise<Product> {
		const { product, shop } = await this.managed(actor, productId);
		const data = parseInput(productPatchSchema, input);
		checkVariantLabels(data.variants);
		const variants = data.variants && withIds(data.variants, data.madeToOrder ?? product.made_to_order === 1);
		// A variant id names a variant of this product or a new one; another product's id (even the
		// seller's own) is "not found", checked before anything is written.
		if (variants && (await this.products.foreignVariantIds(product.id, variants.map((v) => v.id))).length > 0) throw new NotFoundError('product.notFound');
		const madeToOrder = data.madeToOrder ?? product.made_to_order === 1;
		const name = data.name ?? product.name;
		const category = data.categorySlug ?? product.category_slug;
		const description = data.description ?? product.description;
		const now = this.now();
		const status = data.published === undefined ? product.status : data.published ? 'published' : product.status === 'published' ? 'draft' : product.status;
		if (status === 'published') refuseSuspended(product);
		const updated = await this.products.update(product.id, {
			...(data.name !== undefined && { name }),
			...(data.categorySlug !== undefined && { category_slug: category }),
			...(data.price !== undefined && { price: data.price }),
			...(data.unit !== undefined && { unit: data.unit }),
			made_to_order: madeToOrder ? 1 : 0,
			stock: madeToOrder ? null : (data.stock ?? product.stock ?? 0),
			...(data.leadTimeDays !== undefined && { lead_time_days: data.leadTimeDays }),
			...(data.weightGrams !== undefined && { weight_grams: data.weightGrams }),
			...(data.description !== undefined && { description }),
			...(data.shelfLife !== undefined && { shelf_life: data.shelfLife }),
			...(data.ingredients !== undefined && { ingredients: data.ingredients }),
			...(data.pirt !== undefined && { pirt: data.pirt }),
			...(data.halal !== undefined && { halal: data.halal }),
			...(data.bpom !== undefined && { bpom: data.bpom }),
			...(data.variantTitle !== undefined && { variant_title: data.variantTitle }),
			status,
			published_at: status === 'published' ? (product.published_at ?? now) : product.published_at,
			...productSearchTerms(name, category, shop.name, description),
			updated_at: now
		});
		if (variants) {
			await this.products.replaceVariants(product.id, variants).catch((e: unknown) => {
				throw e instanceof VariantNotOwnedError ? new NotFoundError('product.notFound') : e;
			});
		}
		return updated;
	}

	/** Show in shop / hide (back to draft) / archive. Archived products leave the catalog but keep their history. */
	async setStatus(actor: Actor, productId: string, status: Product['status']): Promise<Product> {
		const { product } = await this.managed(actor, productId);
		if (status === 'published') refuseSuspended(product);
		const now = this.now();
		return this.products.update(product.id, { status, published_at: status === 'published' ? (product.published_at ?? now) : product.published_at, updated_at: now });
	}

	/** A copy as a draft ("… (salinan)"), with its variants and the same photos (the files are shared). */
	async duplicate(actor: Actor, productId: string): Promise<Product> {
		const { product, shop } = await this.managed(actor, productId);
		const variants = await this.products.listVariants(product.id);
		const copy = await this.create(actor, shop, {
			name: `${product.name} (salinan)`.slice(0, 120),
			categorySlug: product.category_slug as NewProductInput['categorySlug'],
			price: product.price,
			unit: product.unit,
			stock: product.stock,
			madeToOrder: product.made_to_order === 1,
			leadTimeDays: product.lead_time_days,
			weightGrams: product.weight_grams,
			description: product.description,
			shelfLife: product.shelf_life,
			ingredients: product.ingredients,
			pirt: product.pirt,
			halal: product.halal,
			bpom: product.bpom,
			variantTitle: product.variant_title,
			variants: variants.map((v) => ({ label: v.label, price: v.price, stock: v.stock })),
			published: false
		});
		for (const photo of await this.products.listPhotos(product.id)) {
			await this.products.insertPhoto({ ...photo, id: newId('pho'), product_id: copy.id, created_at: this.now() });
		}
		return copy;
	}

	/** Everything the editor shows: the product, variants, photos with their hints, and the listing score. */
	async getManaged(actor: Actor, productId: string): Promise<ManagedProduct> {
		const { product, shop } = await this.managed(actor, productId);
		const [variants, photos] = await Promise.all([this.products.listVariants(product.id), this.products.listPhotos(product.id)]);
		return { product, shop, variants, photos: photos.map(toPhotoView), cover: shareCover(photos), quality: qualityOf(product, photos) };
	}

	/** The shop's products for its seller, each with cover and score (archived ones only when asked). */
	async listForShop(actor: Actor, shopId: string, includeArchived = false) {
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('error.notFound.shopUnnamed');
		requireShopManager(actor, shop);
		const products = await this.products.listByShop(shop.id, includeArchived);
		return Promise.all(
			products.map(async (product) => {
				const [photos, variants] = await Promise.all([this.products.listPhotos(product.id), this.products.listVariants(product.id)]);
				return { product, variants, cover: photos[0] ? squareImage(parseVariants(photos[0].variants)) : null, quality: qualityOf(product, photos) };
			})
		);
	}

	/** Adds a photo at the end (the first photo is the cover), through the one image pipeline. At most 9. */
	async addPhoto(actor: Actor, productId: string, image: Buffer): Promise<ProcessedPhoto & { id: string }> {
		const { product } = await this.managed(actor, productId);
		const existing = await this.products.listPhotos(product.id);
		if (existing.length >= MAX_PHOTOS) throw new ValidationError('product.photoLimit');
		const processed = await processPhoto(this.storage, image);
		const id = await this.insertPhoto(product.id, existing.length, processed);
		return { id, ...processed };
	}

	/**
	 * Adds a photo the image pipeline already made (the first-product path takes the photo one screen before the
	 * product exists; first-product.service.ts keeps it in a signed ticket). Same limit as addPhoto.
	 */
	async addProcessedPhoto(actor: Actor, productId: string, processed: Pick<ProcessedPhoto, 'width' | 'height' | 'variants'> & { hints: { code: string }[] }): Promise<string> {
		const { product } = await this.managed(actor, productId);
		const existing = await this.products.listPhotos(product.id);
		if (existing.length >= MAX_PHOTOS) throw new ValidationError('product.photoLimit');
		return this.insertPhoto(product.id, existing.length, processed);
	}

	private async insertPhoto(productId: string, position: number, processed: Pick<ProcessedPhoto, 'width' | 'height' | 'variants'> & { hints: { code: string }[] }): Promise<string> {
		const id = newId('pho');
		await this.products.insertPhoto({
			id,
			product_id: productId,
			position,
			width: processed.width,
			height: processed.height,
			variants: JSON.stringify(processed.variants),
			hints: JSON.stringify(processed.hints.map((h) => h.code)),
			created_at: this.now()
		});
		return id;
	}

	/**
	 * Removes a photo from a product, and its files once nothing else names them (another product's copy of the
	 * same photo, a duplicated product, a logo): a removed photo must stop being public at `/media/p/…`, which is
	 * cached as immutable — a seller removes a photo because it showed something it should not.
	 */
	async removePhoto(actor: Actor, photoId: string): Promise<void> {
		const photo = await this.products.findPhoto(photoId);
		if (!photo) throw new NotFoundError('product.notFound');
		await this.managed(actor, photo.product_id);
		await this.products.deletePhoto(photo);
		for (const { key } of parseVariants(photo.variants)) if (key.startsWith('p/') && !(await this.products.publicKeyInUse(key))) await this.storage.remove(key);
	}

	/** Moves a photo one place earlier or later, or to the front (which makes it the cover). */
	async movePhoto(actor: Actor, photoId: string, where: 'up' | 'down' | 'first'): Promise<void> {
		const photo = await this.products.findPhoto(photoId);
		if (!photo) throw new NotFoundError('product.notFound');
		await this.managed(actor, photo.product_id);
		const ids = (await this.products.listPhotos(photo.product_id)).map((p) => p.id);
		const from = ids.indexOf(photo.id);
		const to = where === 'first' ? 0 : where === 'up' ? Math.max(0, from - 1) : Math.min(ids.length - 1, from + 1);
		ids.splice(from, 1);
		ids.splice(to, 0, photo.id);
		await this.products.reorderPhotos(photo.product_id, ids);
	}
}

function checkVariantLabels(variants: VariantInput[] | undefined) {
	if (!variants) return;
	const labels = variants.map((v) => v.label.toLowerCase());
	if (new Set(labels).size !== labels.length) throw new ValidationError('product.variantDuplicate', {}, [{ field: 'variants', messageKey: 'product.variantDuplicate', params: {} }]);
}

function withIds(variants: VariantInput[], madeToOrder: boolean) {
	return variants.map((v) => ({ id: v.id && v.id.startsWith('var_') ? v.id : newId('var'), label: v.label, price: v.price, stock: madeToOrder ? null : (v.stock ?? 0) }));
}

function hintsOf(photo: ProductPhoto): string[] {
	try {
		return JSON.parse(photo.hints) as string[];
	} catch {
		return [];
	}
}

function toPhotoView(photo: ProductPhoto) {
	const variants = parseVariants(photo.variants);
	return { id: photo.id, position: photo.position, image: galleryImage(variants), thumb: squareImage(variants), hints: hintsOf(photo) };
}

export function qualityOf(product: Product, photos: ProductPhoto[]): QualityScore {
	return listingQuality({
		name: product.name,
		description: product.description,
		price: product.price,
		weightGrams: product.weight_grams,
		categorySlug: product.category_slug,
		pirt: product.pirt,
		halal: product.halal,
		bpom: product.bpom,
		photos: photos.map((p) => ({ hints: hintsOf(p) }))
	});
}

/** A product a platform admin suspended stays out of sale until they restore it: its seller is told why (422). */
function refuseSuspended(product: Product): void {
	if (product.suspended_reason) throw new ValidationError('product.suspendedByAdmin', { reason: product.suspended_reason });
}
