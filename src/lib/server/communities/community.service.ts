import type { Actor } from '../auth/actor';
import { requireSystem } from '../auth/guards';
import type { Community } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { newId } from '../../utils/ids';
import { nowIso } from '../../utils/dates';
import { newCommunitySchema, type NewCommunityInput } from '../../validation/community';
import { parseInput } from '../validate';
import type { CatalogVersion, CommunityRepository, CommunityWithCounts } from './community.repository';

export class CommunityService {
	constructor(private readonly communities: CommunityRepository) {}

	/** All communities with their shop and product counts, for the home page and the API. Public. */
	async listPublic(_actor: Actor): Promise<CommunityWithCounts[]> {
		return this.communities.listWithCounts();
	}

	/** A community by its URL slug, or a 404 that names the slug. Public. */
	async getBySlug(_actor: Actor, slug: string): Promise<Community> {
		const community = await this.communities.findBySlug(slug);
		if (!community) throw new NotFoundError('error.notFound.community', { slug });
		return community;
	}

	/** Changes whenever anything buyers see in this community changes (kept by database triggers; see CatalogVersion). Public. */
	async catalogVersion(_actor: Actor, slug: string): Promise<CatalogVersion | undefined> {
		return this.communities.findCatalogVersion(slug);
	}

	async getById(_actor: Actor, id: string): Promise<Community> {
		const community = await this.communities.findById(id);
		if (!community) throw new NotFoundError('error.notFound.community', { slug: id });
		return community;
	}

	async isEmpty(): Promise<boolean> {
		return (await this.communities.count()) === 0;
	}

	/** Registers a kelurahan/desa. Identified by its Kemendagri code, never by name alone. */
	async create(actor: Actor, input: NewCommunityInput): Promise<Community> {
		requireSystem(actor);
		const data = parseInput(newCommunitySchema, input);
		if (await this.communities.findBySlug(data.slug)) {
			throw new ValidationError('error.slugTaken', { slug: data.slug }, [{ field: 'slug', messageKey: 'error.slugTaken', params: { slug: data.slug } }]);
		}
		const now = nowIso();
		return this.communities.insert({
			id: newId('com'),
			slug: data.slug,
			name: data.name,
			region_code: data.regionCode,
			kind: data.kind,
			district: data.district,
			regency: data.regency,
			province: data.province,
			group_name: data.groupName ?? null,
			is_demo: data.isDemo ? 1 : 0,
			created_at: now,
			updated_at: now
		});
	}
}
