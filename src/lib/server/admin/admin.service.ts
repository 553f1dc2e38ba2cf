import type { Actor } from '../auth/actor';
import { requirePlatformAdmin } from '../auth/guards';
import type { Community, Product, Shop } from '../db/schema';
import { DomainError, NotFoundError, ValidationError } from '../errors';
import { parseInput } from '../validate';
import { adminCommunitySchema, appointStaffSchema, suspensionSchema } from '../../validation/admin';
import type { CommunityService } from '../communities/community.service';
import type { CommunityRepository } from '../communities/community.repository';
import type { RegionRepository } from '../regions/region.repository';
import type { AccountRepository } from '../accounts/account.repository';
import type { AuthService } from '../accounts/auth.service';
import type { MemberService } from '../accounts/member.service';
import type { ShopRepository } from '../shops/shop.repository';
import type { ProductRepository } from '../catalog/product.repository';
import type { AuditLog } from '../audit/audit-log';
import type { AdminRepository, CommunityFigures, ProgramGainRow, SuspendedRow } from './admin.repository';

/** Where a name or code is already taken: 409, on the field. */
function conflict(field: string, slug: string): DomainError {
	return new DomainError('slug_taken', 'error.slugTaken', 409, { slug }, [{ field, messageKey: 'error.slugTaken', params: { slug } }]);
}

function isUniqueViolation(e: unknown): boolean {
	const code = (e as { code?: unknown })?.code;
	return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export interface AppointResult {
	userId: string;
	/** A new account (or one that never set a password) gets a one-time setup link; null when the person can already sign in. */
	setupLink: { token: string; expiresAt: string } | null;
	existing: boolean;
	/** The appointed account's name: an existing account's own, else the one typed. */
	name: string;
}

/**
 * What only a platform admin does: open a community from the official regions, appoint its coordinators, take a
 * shop or product down with a reason the seller reads. Everyone else is told none of it exists (404). Every change is
 * written to the audit log by this service.
 */
export class AdminService {
	constructor(
		private readonly deps: {
			communities: CommunityService;
			communityRepo: CommunityRepository;
			regions: RegionRepository;
			accounts: AccountRepository;
			auth: AuthService;
			members: MemberService;
			shops: ShopRepository;
			products: ProductRepository;
			audit: AuditLog;
			admin: AdminRepository;
			clock?: () => Date;
		}
	) {}

	private now(): string {
		return (this.deps.clock?.() ?? new Date()).toISOString();
	}

	/** Before reading a request body: anyone but a platform admin is told the route does not exist (404). */
	assertAdmin(actor: Actor): void {
		requirePlatformAdmin(actor);
	}

	/**
	 * A community for one kelurahan/desa picked from the official regions: district, regency and province names come
	 * from the region table, never typed. Unknown or non-village code → 400; a village that already has its community
	 * (one per Kemendagri code) or a slug taken → 409.
	 */
	async createCommunity(actor: Actor, input: unknown): Promise<Community> {
		requirePlatformAdmin(actor);
		const data = parseInput(adminCommunitySchema, input, 400);
		const chain = await this.deps.regions.findChain(data.regionCode);
		if (chain.length !== 4 || chain[3].level !== 'village')
			throw new ValidationError('admin.regionUnknown', { code: data.regionCode }, [{ field: 'regionCode', messageKey: 'admin.regionUnknown', params: { code: data.regionCode } }], 400);
		const existing = await this.deps.admin.findCommunityByRegion(data.regionCode);
		if (existing) throw new DomainError('region_taken', 'admin.regionTaken', 409, existing, [{ field: 'regionCode', messageKey: 'admin.regionTaken', params: existing }]);
		if (await this.deps.communityRepo.findBySlug(data.slug)) throw conflict('slug', data.slug);
		const [province, regency, district] = chain;
		let community: Community;
		try {
			community = await this.deps.communities.create(actor, {
				slug: data.slug,
				name: data.name,
				regionCode: data.regionCode,
				kind: data.regionCode.charAt(9) === '1' ? 'kelurahan' : 'desa',
				district: district.name,
				regency: regency.name,
				province: province.name
			});
		} catch (e) {
			// two admins at the same moment: the unique indexes on slug and region code decide
			if (isUniqueViolation(e)) throw conflict('slug', data.slug);
			throw e;
		}
		await this.deps.audit.record(actor, {
			communityId: community.id,
			action: 'community.create',
			target: { type: 'community', id: community.id, label: community.name },
			after: { slug: community.slug, name: community.name, regionCode: community.region_code, kind: community.kind, district: community.district, regency: community.regency, province: community.province }
		});
		return community;
	}

	/**
	 * Makes a person coordinator or facilitator of a community, found by e-mail or WhatsApp number (an account that
	 * already signs in keeps its password and gets the role; its sessions end so it signs in again with the new role),
	 * or a new account with a one-time setup link.
	 */
	async appointStaff(actor: Actor, community: Community, input: unknown): Promise<AppointResult> {
		requirePlatformAdmin(actor);
		const data = parseInput(appointStaffSchema, input);
		if (!data.email && !data.whatsapp) throw new ValidationError('auth.loginRequired', {}, [{ field: 'email', messageKey: 'auth.loginRequired', params: {} }]);
		// the account already holding the e-mail or number — also one appointed a moment ago that has no password yet
		// (attacker 2026-12-02: appointing the same new person twice made a second account whose link could never work)
		const owner = (data.email ? await this.deps.accounts.accountHoldingLogin({ email: data.email }) : undefined) ?? (data.whatsapp ? await this.deps.accounts.accountHoldingLogin({ whatsapp: data.whatsapp }) : undefined);
		// attacker 2026-12-03: an admin appointing their own account was signed out at once (a new role ends the
		// account's sessions); a Dinas operator who also runs a group keeps a second account for it
		if (owner && actor.kind === 'user' && owner.id === actor.userId) throw new DomainError('self_appoint', 'admin.notSelf', 409);
		const already = owner ? (await this.deps.accounts.memberships(owner.id)).some((m) => m.communityId === community.id && m.role === data.role) : false;
		// the same appointment again changes nothing and writes no second audit row; only a person who has not set a
		// password yet gets a fresh link (the newest one works)
		if (already && owner?.password_hash) throw new DomainError('already_staff', data.role === 'coordinator' ? 'admin.alreadyCoordinator' : 'admin.alreadyFacilitator', 409, { name: owner.name, community: community.name });
		const userId = owner?.id ?? (await this.deps.auth.insertUser({ name: data.name, email: data.email, whatsapp: data.whatsapp }, { invitation: true }));
		if (!already) await this.deps.members.addRole(actor, community, userId, data.role);
		const setupLink = owner?.password_hash ? null : await this.deps.auth.issueSetupLink(actor, userId, community.id, 'invite');
		if (!already) await this.deps.audit.record(actor, {
			communityId: community.id,
			action: data.role === 'coordinator' ? 'staff.appoint_coordinator' : 'staff.appoint_facilitator',
			target: { type: 'user', id: userId, label: owner?.name ?? data.name },
			after: { role: data.role, existingAccount: !!owner, email: data.email ?? null, whatsapp: data.whatsapp ?? null }
		});
		return { userId, setupLink, existing: !!owner, name: owner?.name ?? data.name };
	}

	/** Takes a shop off the catalog, search, feeds and sitemap (status hidden) with a reason its seller reads. */
	async suspendShop(actor: Actor, shopId: string, input: unknown): Promise<Shop> {
		requirePlatformAdmin(actor);
		const shop = await this.shop(shopId);
		const { reason } = parseInput(suspensionSchema, input);
		// once: suspending it again changed nothing and wrote another audit row (stranger 2026-12-02)
		if (shop.suspended_reason !== null) throw new DomainError('already_suspended', 'admin.alreadySuspended', 409);
		const updated = await this.deps.shops.update(shop.id, { status: 'hidden', suspended_reason: reason, updated_at: this.now() });
		await this.deps.audit.record(actor, {
			communityId: shop.community_id,
			action: 'shop.suspend',
			target: { type: 'shop', id: shop.id, label: shop.name },
			before: { status: shop.status, suspendedReason: shop.suspended_reason },
			after: { status: updated.status, suspendedReason: reason }
		});
		return updated;
	}

	async restoreShop(actor: Actor, shopId: string): Promise<Shop> {
		requirePlatformAdmin(actor);
		const shop = await this.shop(shopId);
		// only a suspended shop: "restoring" an open one changed nothing and still wrote a misleading audit row
		if (shop.suspended_reason === null) throw new DomainError('not_suspended', 'admin.notSuspended', 409);
		const updated = await this.deps.shops.update(shop.id, { status: 'active', suspended_reason: null, updated_at: this.now() });
		await this.deps.audit.record(actor, {
			communityId: shop.community_id,
			action: 'shop.restore',
			target: { type: 'shop', id: shop.id, label: shop.name },
			before: { status: shop.status, suspendedReason: shop.suspended_reason },
			after: { status: 'active', suspendedReason: null }
		});
		return updated;
	}

	/**
	 * Takes one product out of sale (a published one goes back to draft; its status is kept to restore it) with a
	 * reason its seller reads; the seller cannot publish it again until an admin restores it.
	 */
	async suspendProduct(actor: Actor, productId: string, input: unknown): Promise<Product> {
		requirePlatformAdmin(actor);
		const product = await this.product(productId);
		const { reason } = parseInput(suspensionSchema, input);
		if (product.suspended_reason !== null) throw new DomainError('already_suspended', 'admin.alreadySuspended', 409);
		const kept = product.suspended_status ?? product.status;
		const status = product.status === 'published' ? 'draft' : product.status;
		const updated = await this.deps.products.update(product.id, { status, suspended_reason: reason, suspended_status: kept, updated_at: this.now() });
		await this.deps.audit.record(actor, {
			communityId: product.community_id,
			action: 'product.suspend',
			target: { type: 'product', id: product.id, label: product.name },
			before: { status: product.status, suspendedReason: product.suspended_reason },
			after: { status, suspendedReason: reason }
		});
		return updated;
	}

	async restoreProduct(actor: Actor, productId: string): Promise<Product> {
		requirePlatformAdmin(actor);
		const product = await this.product(productId);
		if (product.suspended_reason === null) throw new DomainError('not_suspended', 'admin.notSuspended', 409);
		// back to what it was before — unless its seller has since archived it (attacker 2026-12-03: restore republished
		// a product its seller had deleted while it was suspended): a suspension leaves a draft, anything else is hers
		const status = product.status === 'draft' ? ((product.suspended_status as Product['status'] | null) ?? 'draft') : product.status;
		const updated = await this.deps.products.update(product.id, { status, suspended_reason: null, suspended_status: null, updated_at: this.now() });
		await this.deps.audit.record(actor, {
			communityId: product.community_id,
			action: 'product.restore',
			target: { type: 'product', id: product.id, label: product.name },
			before: { status: product.status, suspendedReason: product.suspended_reason },
			after: { status, suspendedReason: null }
		});
		return updated;
	}

	/** A community named in an admin form (its slug); unknown → a message on the field. */
	async communityForAdmin(actor: Actor, slug: string): Promise<Community> {
		requirePlatformAdmin(actor);
		const community = slug ? await this.deps.communityRepo.findBySlug(slug) : undefined;
		if (!community) throw new ValidationError('error.notFound.community', { slug }, [{ field: 'community', messageKey: 'error.notFound.community', params: { slug } }]);
		return community;
	}

	/** Every community's figures side by side, with the platform's totals: what a Dinas compares. */
	async platform(actor: Actor): Promise<{ communities: (CommunityFigures & { program: ProgramGainRow | null })[]; totals: Omit<CommunityFigures, 'id' | 'slug' | 'name' | 'regionCode' | 'province' | 'regency'> & { communities: number } }> {
		requirePlatformAdmin(actor);
		const [figures, gains] = await Promise.all([this.deps.admin.communityFigures(), this.deps.admin.newestProgramGains(new Date(this.now()))]);
		const communities = figures.map((c) => ({ ...c, program: gains.get(c.id) ?? null }));
		const sum = (k: 'members' | 'shopsReady' | 'products' | 'orders' | 'turnover') => communities.reduce((n, c) => n + c[k], 0);
		return { communities, totals: { communities: communities.length, members: sum('members'), shopsReady: sum('shopsReady'), products: sum('products'), orders: sum('orders'), turnover: sum('turnover') } };
	}

	async listSuspended(actor: Actor): Promise<SuspendedRow[]> {
		requirePlatformAdmin(actor);
		return this.deps.admin.listSuspended();
	}

	/**
	 * What a shop or product link names, as buyers see it (`https://…/c/cigadung/toko/keripik-ani[/produk]`, with or
	 * without the host or `/en`): a complaint usually arrives as a link. Unknown → 404 on the field. A link with a host
	 * must name this site (`siteOrigins`: the public origin and the one the admin is using) — another site's page with
	 * the same path is not this shop (attacker 2026-12-03).
	 */
	async findByAddress(actor: Actor, address: string, siteOrigins: string[]): Promise<{ kind: 'shop' | 'product'; id: string; name: string }> {
		requirePlatformAdmin(actor);
		const notFound = () => new ValidationError('admin.addressUnknown', {}, [{ field: 'address', messageKey: 'admin.addressUnknown', params: {} }]);
		const otherSite = () => new ValidationError('admin.addressOtherSite', {}, [{ field: 'address', messageKey: 'admin.addressOtherSite', params: {} }]);
		const base = 'http://relative.invalid';
		let url: URL;
		try {
			url = new URL(address.trim().slice(0, 500), base);
		} catch {
			throw notFound();
		}
		if (url.origin !== base && !siteOrigins.includes(url.origin)) throw otherSite();
		const m = /^(?:\/en)?\/c\/([a-z0-9-]+)\/toko\/([a-z0-9-]+)(?:\/([a-z0-9-]+))?\/?$/.exec(url.pathname);
		if (!m) throw notFound();
		const shop = await this.deps.admin.findShopBySlugs(m[1], m[2]);
		if (!shop) throw notFound();
		if (!m[3]) return { kind: 'shop', id: shop.id, name: shop.name };
		const product = await this.deps.admin.findProductBySlug(shop.id, m[3]);
		if (!product) throw notFound();
		return { kind: 'product', id: product.id, name: product.name };
	}

	/** The /admin form: a link and a reason → the shop or product taken down. */
	async suspendByAddress(actor: Actor, input: { address?: unknown; reason?: unknown }, siteOrigins: string[]): Promise<{ kind: 'shop' | 'product'; name: string }> {
		requirePlatformAdmin(actor);
		parseInput(suspensionSchema, { reason: input.reason });
		const target = await this.findByAddress(actor, String(input.address ?? ''), siteOrigins);
		if (target.kind === 'shop') await this.suspendShop(actor, target.id, { reason: input.reason });
		else await this.suspendProduct(actor, target.id, { reason: input.reason });
		return target;
	}

	private async shop(id: string): Promise<Shop> {
		const shop = await this.deps.shops.findById(id);
		if (!shop) throw new NotFoundError('error.notFound.shopUnnamed');
		return shop;
	}

	private async product(id: string): Promise<Product> {
		const product = await this.deps.products.findById(id);
		if (!product) throw new NotFoundError('product.notFound');
		return product;
	}
}
