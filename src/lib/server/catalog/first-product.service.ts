import type { Actor } from '../auth/actor';
import { requireShopManager } from '../auth/guards';
import type { Product, Shop } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { processPhoto } from '../media/image-pipeline';
import type { MediaStorage } from '../media/storage';
import type { PhotoHint, PhotoVariant } from '../media/types';
import type { AppKey } from '../security/app-key';
import type { CategorySlug } from '../../categories';
import { CATEGORY_SLUGS } from '../../categories';
import type { MessageKey } from '../../i18n';
import { parseVariants, squareImage, type ImageRef } from './product-card';
import type { ProductEditorService } from './product-editor.service';
import type { ProductRepository } from './product.repository';
import type { ShopRepository } from '../shops/shop.repository';
import { categoryFor, DEFAULT_STOCK, unitFor, weightFor } from './shop-defaults';

/** How long a photo taken on step 1 stays usable for step 2 (a seller may stop mid-way and come back later that day). */
const TICKET_HOURS = 24;
const MAX_TICKET = 2000;

/** What the path fills in for the seller (shown on the last step, editable later in the normal product form). */
export interface FirstProductDefaults {
	categorySlug: CategorySlug;
	unit: string;
	stock: number;
}

/** A photo taken on step 1, as step 2 shows it. */
export interface TakenPhoto {
	ticket: string;
	thumb: ImageRef | null;
	hints: MessageKey[];
}

interface Ticket {
	s: string;
	t: number;
	w: number;
	h: number;
	v: PhotoVariant[];
	c: PhotoHint['code'][];
}

const HINT_KEYS: Record<PhotoHint['code'], MessageKey> = {
	too_dark: 'media.hint.tooDark',
	blurry: 'media.hint.blurry',
	too_small: 'media.hint.tooSmall',
	not_square: 'media.hint.notSquare'
};

/**
 * "Produk pertama" (issue 13, the training hour): photo → name and price → show in shop, on three phone screens,
 * everything else defaulted from the shop. It adds no rules of its own: the photo goes through the one image
 * pipeline, the product is made, photographed and published by ProductEditorService, so what the normal product
 * form refuses this path refuses too. The photo is taken before the product exists (a draft with a made-up name
 * or price would show up in the seller's list and could be published by mistake); until step 2 it travels as a
 * ticket signed for this shop, so it cannot be moved to another shop or altered. Every method checks the actor
 * manages the shop; for anyone else the shop does not exist.
 */
export class FirstProductService {
	constructor(
		private readonly editor: ProductEditorService,
		private readonly products: ProductRepository,
		private readonly shops: ShopRepository,
		private readonly storage: MediaStorage,
		private readonly key: AppKey,
		private readonly clock: () => Date = () => new Date()
	) {}

	private async shopOf(actor: Actor, shopId: string): Promise<Shop> {
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('error.notFound.shopUnnamed');
		requireShopManager(actor, shop);
		return shop;
	}

	/** Whether the shop already shows a product to buyers (then the path is done), and the defaults it would use. */
	async start(actor: Actor, shopId: string): Promise<{ published: boolean; defaults: FirstProductDefaults }> {
		const shop = await this.shopOf(actor, shopId);
		const products = await this.products.listByShop(shop.id, false);
		return { published: products.some((p) => p.status === 'published'), defaults: defaultsOf(shop, products) };
	}

	/** Step 1: the photo, checked and resized by the image pipeline (same rules as the product form). */
	async takePhoto(actor: Actor, shopId: string, image: Buffer): Promise<TakenPhoto> {
		const shop = await this.shopOf(actor, shopId);
		const processed = await processPhoto(this.storage, image);
		const ticket: Ticket = { s: shop.id, t: this.clock().getTime(), w: processed.width, h: processed.height, v: processed.variants, c: processed.hints.map((h) => h.code) };
		return viewOf(await this.key.sign(Buffer.from(JSON.stringify(ticket)).toString('base64url')), ticket);
	}

	/** The photo of a step-1 ticket, for step 2; a ticket of another shop, changed or too old asks for the photo again. */
	async photo(actor: Actor, shopId: string, ticket: string): Promise<TakenPhoto> {
		const shop = await this.shopOf(actor, shopId);
		return viewOf(ticket, await this.readTicket(shop, ticket));
	}

	/**
	 * Step 2: the product as a draft, with the shop's defaults and the step-1 photo. Validated by the product
	 * service (name, price); nothing is written when anything is wrong. A second tap on the button (or Back and
	 * send again) returns the draft already made from this photo instead of a copy.
	 */
	async saveDraft(actor: Actor, shopId: string, input: { name: unknown; price: unknown; photo: string }): Promise<Product> {
		const shop = await this.shopOf(actor, shopId);
		const ticket = await this.readTicket(shop, input.photo);
		const existing = await this.products.listByShop(shop.id, false);
		const large = ticket.v.find((v) => v.name === 'large')?.key;
		for (const p of existing.filter((x) => x.status === 'draft')) {
			const photos = await this.products.listPhotos(p.id);
			if (large && photos.some((ph) => parseVariants(ph.variants).some((v) => v.key === large))) return p;
		}
		const d = defaultsOf(shop, existing);
		const name = typeof input.name === 'string' ? input.name : '';
		const product = await this.editor.create(actor, shop, {
			name,
			price: input.price as number,
			categorySlug: d.categorySlug,
			unit: d.unit,
			stock: d.stock,
			weightGrams: weightFor(name, d.unit),
			published: false
		});
		await this.editor.addProcessedPhoto(actor, product.id, { width: ticket.w, height: ticket.h, variants: ticket.v, hints: ticket.c.map((code) => ({ code })) });
		return product;
	}

	/** Step 3: show it in the shop. Only a product with a photo: the path promised buyers a photo. */
	async publish(actor: Actor, productId: string): Promise<Product> {
		const managed = await this.editor.getManaged(actor, productId);
		if (managed.photos.length === 0) throw new ValidationError('firstProduct.photoMissing', {}, [{ field: 'photo', messageKey: 'firstProduct.photoMissing', params: {} }]);
		return this.editor.setStatus(actor, productId, 'published');
	}

	private async readTicket(shop: Shop, token: string): Promise<Ticket> {
		const again = () => new ValidationError('firstProduct.photoAgain', {}, [{ field: 'photo', messageKey: 'firstProduct.photoAgain', params: {} }]);
		if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TICKET) throw again();
		const body = await this.key.open(token);
		if (!body) throw again();
		let ticket: Ticket;
		try {
			ticket = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Ticket;
		} catch {
			throw again();
		}
		const age = this.clock().getTime() - ticket.t;
		if (ticket.s !== shop.id || !(age >= 0 && age <= TICKET_HOURS * 3_600_000) || !Array.isArray(ticket.v)) throw again();
		return ticket;
	}
}

function viewOf(ticket: string, t: Ticket): TakenPhoto {
	return { ticket, thumb: squareImage(t.v), hints: t.c.map((c) => HINT_KEYS[c]).filter(Boolean) };
}

/**
 * The shop's defaults: what its newest product uses (a seller who already made a draft sells more of the same),
 * else a guess from the kind of business on the roster ("Penjual sambal" → sambal & bumbu, sold per botol).
 */
function defaultsOf(shop: Shop, products: Product[]): FirstProductDefaults {
	const last = products[0];
	if (last && (CATEGORY_SLUGS as readonly string[]).includes(last.category_slug)) {
		return { categorySlug: last.category_slug as CategorySlug, unit: last.unit, stock: DEFAULT_STOCK };
	}
	const categorySlug = categoryFor('', `${shop.business_type} ${shop.name}`);
	return { categorySlug, unit: unitFor(categorySlug), stock: DEFAULT_STOCK };
}
