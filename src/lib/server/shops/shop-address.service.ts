import type { Actor } from '../auth/actor';
import type { Community, Shop } from '../db/schema';
import { firstFreeSlug, slugify } from '../../utils/ids';
import type { ShopService } from './shop.service';
import type { ShopAddressRepository } from './shop-address.repository';

export interface SlugOffer {
	current: string;
	suggested: string;
}

/**
 * A shop's web address follows its name. A renamed shop (a roster shop named after its owner, renamed by the
 * seller) is offered the address of its new name; taking it keeps the old address working as a 301 redirect,
 * so links already shared in WhatsApp groups still reach the shop.
 */
export class ShopAddressService {
	constructor(
		private readonly shops: ShopService,
		private readonly addresses: ShopAddressRepository,
		private readonly clock: () => Date = () => new Date()
	) {}

	/** The address the shop's name would give, when it differs from the current one (null otherwise). Shop managers only. */
	async offer(actor: Actor, shopId: string): Promise<SlugOffer | null> {
		return this.offerFor(await this.shops.getManaged(actor, shopId));
	}

	/** Moves the shop to the offered address; the old one redirects. Shop managers only; another shop's id is a 404. */
	async accept(actor: Actor, shopId: string): Promise<Shop> {
		const shop = await this.shops.getManaged(actor, shopId);
		const offer = await this.offerFor(shop);
		if (offer) await this.addresses.move(shop, offer.suggested, this.clock().toISOString());
		return this.shops.getManaged(actor, shopId);
	}

	/** Where an earlier address of a shop of this community leads now (public; undefined when it leads nowhere). */
	async currentSlug(_actor: Actor, community: Pick<Community, 'id'>, oldSlug: string): Promise<string | undefined> {
		return this.addresses.currentSlug(community.id, oldSlug);
	}

	private async offerFor(shop: Shop): Promise<SlugOffer | null> {
		const base = slugify(shop.name);
		if (!base || shop.slug === base || new RegExp(`^${base}-\\d+$`).test(shop.slug)) return null;
		const suggested = await firstFreeSlug(base, (s) => this.addresses.unavailable(shop.community_id, shop.id, s));
		return suggested === shop.slug ? null : { current: shop.slug, suggested };
	}
}
