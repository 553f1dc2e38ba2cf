import type { Actor } from '../auth/actor';
import { requireSystem } from '../auth/guards';
import type { Community, Shop } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { newId, slugify } from '../../utils/ids';
import { nowIso } from '../../utils/dates';
import { newShopSchema, type NewShopInput } from '../../validation/shop';
import { parseInput } from '../validate';
import type { ShopRepository, ShopWithCount } from './shop.repository';

export class ShopService {
	constructor(private readonly shops: ShopRepository) {}

	/** Active shops of a community with their published product counts. Public. */
	async listByCommunity(_actor: Actor, community: Pick<Community, 'id'>): Promise<ShopWithCount[]> {
		return this.shops.listActiveByCommunity(community.id);
	}

	/** An active shop of this community; another community's shop with the same slug is not found. Public. */
	async getBySlug(_actor: Actor, community: Pick<Community, 'id'>, slug: string): Promise<Shop> {
		const shop = await this.shops.findActiveBySlug(community.id, slug);
		if (!shop) throw new NotFoundError('error.notFound.shop', { slug });
		return shop;
	}

	async create(actor: Actor, community: Community, input: NewShopInput): Promise<Shop> {
		requireSystem(actor);
		const data = parseInput(newShopSchema, input);
		const slug = data.slug ?? slugify(data.name);
		if (await this.shops.findActiveBySlug(community.id, slug)) {
			throw new ValidationError('error.slugTaken', { slug }, [{ field: 'slug', messageKey: 'error.slugTaken', params: { slug } }]);
		}
		const now = nowIso();
		return this.shops.insert({
			id: newId('shop'),
			community_id: community.id,
			slug,
			name: data.name,
			business_type: data.businessType,
			whatsapp: data.whatsapp,
			area: data.area ?? null,
			story: data.story,
			logo: null,
			nib: data.nib ?? null,
			status: 'active',
			created_at: now,
			updated_at: now
		});
	}
}
