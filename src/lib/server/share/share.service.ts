import type { Actor } from '../auth/actor';
import type { Community, Shop } from '../db/schema';
import { NotFoundError } from '../errors';
import type { MediaStorage } from '../media/storage';
import { renderShareImage } from '../media/share-image';
import type { ShareFormat } from '../media/share-types';
import type { ProductRepository } from '../catalog/product.repository';
import { shareCover, shareImageKey, sharePrice, shareVersion, type ShareSource } from './share-links';

/**
 * Share images of published products (issue 10 item 3). Drawn lazily, on the first request of an image
 * (never while rendering the product page), stored by content version, and served from storage after that.
 * Public: the images show only what the product page shows.
 */
export class ShareService {
	private inFlight = new Map<string, Promise<Buffer>>();

	constructor(
		private readonly products: ProductRepository,
		private readonly storage: MediaStorage
	) {}

	/** What the share images of a published product show. An unpublished, archived or other community's product → 404. */
	async source(_actor: Actor, community: Pick<Community, 'id' | 'name'>, shop: Shop, productSlug: string): Promise<ShareSource & { productSlug: string }> {
		if (shop.community_id !== community.id) throw new NotFoundError('error.notFound.shop', { slug: shop.slug });
		const product = await this.products.findPublishedBySlug(shop.id, productSlug);
		if (!product) throw new NotFoundError('error.notFound.product', { slug: productSlug });
		const [photos, variants] = await Promise.all([this.products.listPhotos(product.id), this.products.listVariants(product.id)]);
		return {
			card: { name: product.name, price: sharePrice(product, variants), shopName: shop.name, footer: community.name },
			cover: shareCover(photos),
			productSlug: product.slug
		};
	}

	/**
	 * The JPEG of one share image and its version: read from storage, or drawn and stored when missing. Two
	 * requests for the same missing image at once draw it once.
	 */
	async image(actor: Actor, community: Pick<Community, 'id' | 'name'>, shop: Shop, productSlug: string, format: ShareFormat): Promise<{ data: Buffer; version: string }> {
		const source = await this.source(actor, community, shop, productSlug);
		const version = shareVersion(source, format);
		const key = shareImageKey(version, format);
		const stored = await this.storage.get(key);
		if (stored) return { data: stored, version };
		let pending = this.inFlight.get(key);
		if (!pending) {
			pending = this.draw(source, format, key).finally(() => this.inFlight.delete(key));
			this.inFlight.set(key, pending);
		}
		return { data: await pending, version };
	}

	private async draw(source: ShareSource, format: ShareFormat, key: string): Promise<Buffer> {
		const photo = source.cover ? await this.storage.get(source.cover.key) : null;
		const data = await renderShareImage(source.card, format, photo);
		await this.storage.put(key, data);
		return data;
	}
}
