import type { Actor } from '../auth/actor';
import { requireCommunityRole, requireShopManager, requireUser } from '../auth/guards';
import type { Community, Shop, ShopUpdate } from '../db/schema';
import type { MessageKey } from '../../i18n';
import { processPhoto } from '../media/image-pipeline';
import type { MediaStorage } from '../media/storage';
import type { ProcessedPhoto } from '../media/types';
import { parseQris, QrisError } from '../payments/qris';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { firstFreeSlug, newId, slugify } from '../../utils/ids';
import { nowIso } from '../../utils/dates';
import { newShopSchema, onboardingSchemas, ONBOARDING_STEPS, type NewShopInput, type OnboardingStep, type PaymentInput } from '../../validation/shop';
import { parseInput } from '../validate';
import { rwFromArea } from '../members/member-profile';

/** Who runs a new shop, for its roster row. */
export interface ShopPerson {
	name: string;
	rw?: string | null;
}
import type { ShopRepository, ShopWithCount } from './shop.repository';
import type { AccountRepository } from '../accounts/account.repository';
import { PerVersion, type CatalogVersionOf } from '../cache/per-version';

/** After someone else reset the owner's password, payment details stay locked this long (a takeover cannot redirect money at once). */
export const PAYMENT_LOCK_AFTER_RESET_MS = 24 * 3_600_000;

export class ShopService {
	private readonly openShops = new PerVersion<ShopWithCount[]>();

	constructor(
		private readonly shops: ShopRepository,
		private readonly storage: MediaStorage,
		private readonly accounts: Pick<AccountRepository, 'listPasswordResets'>,
		private readonly clock: () => Date = () => new Date(),
		private readonly catalogVersionOf: CatalogVersionOf = async () => undefined
	) {}

	/**
	 * The shops a buyer can find (public lists, the API, feeds): active, with at least one published product — the
	 * rule of the home page's count. A shop opened from the roster stays out until its owner publishes a product.
	 */
	async listByCommunity(_actor: Actor, community: Pick<Community, 'id'>): Promise<ShopWithCount[]> {
		// Kept per catalog version: every change to a shop or a product bumps it (database triggers).
		const list = await this.openShops.get(community.id, await this.catalogVersionOf(community.id), async () =>
			(await this.shops.listActiveByCommunity(community.id)).filter((s) => s.product_count > 0)
		);
		return list.map((s) => ({ ...s }));
	}

	/** Whether buyers may see this shop (see listByCommunity): its page says "not open yet" otherwise. Public. */
	async isOpen(_actor: Actor, shop: Pick<Shop, 'id' | 'status'>): Promise<boolean> {
		return shop.status === 'active' && (await this.shops.countPublished(shop.id)) > 0;
	}

	/** An open shop of this community (see isOpen); one not open yet is "not found", as in the public lists. Public. */
	async getOpenBySlug(actor: Actor, community: Pick<Community, 'id'>, slug: string): Promise<Shop> {
		const shop = await this.getBySlug(actor, community, slug);
		if (!(await this.isOpen(actor, shop))) throw new NotFoundError('error.notFound.shop', { slug });
		return shop;
	}

	/** An active shop of this community; another community's shop with the same slug is not found. Public. */
	async getBySlug(_actor: Actor, community: Pick<Community, 'id'>, slug: string): Promise<Shop> {
		const shop = await this.shops.findActiveBySlug(community.id, slug);
		if (!shop) throw new NotFoundError('error.notFound.shop', { slug });
		return shop;
	}

	/**
	 * Opens a shop: the system and platform admins anywhere, coordinators and facilitators in their own
	 * community (when they add a member). The slug gets a number when the name is taken. The shop's roster
	 * row (member) is written with it: `person` names the owner (the shop's name when unknown).
	 */
	async create(actor: Actor, community: Community, input: NewShopInput, ownerUserId: string | null = null, person?: ShopPerson): Promise<Shop> {
		if (actor.kind !== 'system') requireCommunityRole(actor, community.id, ['coordinator', 'facilitator']);
		const data = parseInput(newShopSchema, input);
		const slug = data.slug ?? (await firstFreeSlug(slugify(data.name), (s) => this.shops.slugTaken(community.id, s)));
		if (await this.shops.slugTaken(community.id, slug)) {
			throw new ValidationError('error.slugTaken', { slug }, [{ field: 'slug', messageKey: 'error.slugTaken', params: { slug } }]);
		}
		const now = nowIso();
		const shop = {
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
			owner_user_id: ownerUserId,
			created_at: now,
			updated_at: now
		} as const;
		return this.shops.insert(shop, {
			id: newId('mbr'),
			person_name: person?.name?.trim() || data.name,
			whatsapp: data.whatsapp,
			rw: person?.rw ?? rwFromArea(data.area),
			nib: data.nib ?? null,
			created_at: now,
			updated_at: now
		});
	}

	/** A shop the actor may manage (owner, or coordinator/facilitator of its community); others get a 404. */
	async getManaged(actor: Actor, shopId: string): Promise<Shop> {
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('error.notFound.shopUnnamed');
		requireShopManager(actor, shop);
		return shop;
	}

	/** The shops the signed-in person owns. */
	async listOwned(actor: Actor): Promise<Shop[]> {
		const user = requireUser(actor);
		return this.shops.listByOwner(user.userId);
	}

	/** Saves one onboarding step (validated by that step's schema) and remembers how far the seller got. */
	async saveOnboardingStep(actor: Actor, shopId: string, step: OnboardingStep, input: Record<string, unknown>): Promise<Shop> {
		const shop = await this.getManaged(actor, shopId);
		const index = ONBOARDING_STEPS.indexOf(step) + 1;
		const changes: ShopUpdate = { updated_at: nowIso(), onboarding_step: Math.max(shop.onboarding_step, index) };
		switch (step) {
			case 'nama':
				changes.name = parseInput(onboardingSchemas.nama, input).name;
				break;
			case 'whatsapp': {
				requireWhatsappOwner(actor, shop);
				const whatsapp = parseInput(onboardingSchemas.whatsapp, input).whatsapp;
				if (whatsapp === shop.whatsapp) break;
				await this.requireNoRecentReset(shop, 'security.whatsappLockedAfterReset');
				changes.whatsapp = whatsapp;
				const by = actor.kind === 'user' ? actor : null;
				return this.shops.updateWithWhatsappChange(shop.id, changes, {
					id: newId('wac'),
					shop_id: shop.id,
					changed_by: by?.userId ?? null,
					changed_by_name: by?.name ?? '',
					before: shop.whatsapp,
					after: whatsapp,
					at: changes.updated_at as string
				});
			}
			case 'cerita': {
				const d = parseInput(onboardingSchemas.cerita, input);
				changes.story = d.story;
				if (d.businessType) changes.business_type = d.businessType;
				break;
			}
			case 'lokasi': {
				const d = parseInput(onboardingSchemas.lokasi, input);
				Object.assign(changes, { area: d.area || null, pickup_point: d.pickupPoint || null, opening_hours: d.openingHours || null });
				break;
			}
			case 'pengiriman': {
				const d = parseInput(onboardingSchemas.pengiriman, input);
				changes.delivery = JSON.stringify({ pickup: d.pickup, local: d.local ? { fee: d.localFee, area: d.localArea } : null, courier: d.courier, minOrder: d.minOrder });
				break;
			}
			case 'pembayaran': {
				requirePaymentOwner(actor, shop);
				const before = readPayment(shop);
				const after = toPaymentOptions(parseInput(onboardingSchemas.pembayaran, input));
				// Cash on delivery can be switched at any time; where the money goes waits out a staff-issued link.
				if (JSON.stringify([before.transfer, before.qris]) !== JSON.stringify([after.transfer, after.qris])) await this.requireNoRecentReset(shop, 'security.paymentLockedAfterReset');
				changes.payment = JSON.stringify(after);
				if (JSON.stringify(before) === changes.payment) break;
				const by = actor.kind === 'user' ? actor : null;
				return this.shops.updateWithPaymentChange(shop.id, changes, {
					id: newId('pay'),
					shop_id: shop.id,
					changed_by: by?.userId ?? null,
					changed_by_name: by?.name ?? '',
					before: JSON.stringify(before),
					after: changes.payment,
					at: changes.updated_at as string
				});
			}
			case 'logo':
			case 'produk':
				break;
		}
		return this.shops.update(shop.id, changes, changeRecords(actor, shop, changes));
	}

	/**
	 * The record of every change of the shop's payment details, newest first, for the seller's home page.
	 * Those who may manage the shop may read it; nobody can change or remove it.
	 */
	async listPaymentChanges(actor: Actor, shopId: string, limit = 10): Promise<PaymentChange[]> {
		const shop = await this.getManaged(actor, shopId);
		const rows = await this.shops.listPaymentChanges(shop.id, limit);
		return rows.map((r) => ({ id: r.id, at: r.at, byName: r.changed_by_name, byOwner: r.changed_by !== null && r.changed_by === shop.owner_user_id, before: parsePayment(r.before), after: parsePayment(r.after) }));
	}

	/**
	 * Payment details stay locked for 24 hours after someone else reset the owner's password: whoever issued
	 * the link could have set the password and signed in as the seller (the change would then name the seller).
	 * The message says why and until when (WIB); the seller sees the reset on their home page.
	 */
	private async requireNoRecentReset(shop: Shop, messageKey: MessageKey = 'security.paymentLockedAfterReset'): Promise<void> {
		if (!shop.owner_user_id) return;
		const now = this.clock().getTime();
		const [latest] = await this.accounts.listPasswordResets(shop.owner_user_id, new Date(now - PAYMENT_LOCK_AFTER_RESET_MS).toISOString());
		if (!latest) return;
		const untilAt = new Date(Date.parse(latest.used_at) + PAYMENT_LOCK_AFTER_RESET_MS).toISOString();
		throw new DomainError('payment_locked', messageKey, 403, { name: latest.issued_by_name || 'admin E-Crav', resetAt: latest.used_at, untilAt });
	}

	/** When the shop's payment details may be changed again after a reset of the owner's password (null: now). */
	async paymentLockedUntil(actor: Actor, shopId: string): Promise<string | null> {
		const shop = await this.getManaged(actor, shopId);
		try {
			await this.requireNoRecentReset(shop);
			return null;
		} catch (e) {
			if (e instanceof DomainError && e.code === 'payment_locked') return String(e.params.untilAt);
			throw e;
		}
	}

	/** Changes of the shop by someone other than its owner (staff helping), newest first, for the seller's home page. */
	async listShopChanges(actor: Actor, shopId: string, limit = 20): Promise<ShopChange[]> {
		const shop = await this.getManaged(actor, shopId);
		const rows = await this.shops.listShopChanges(shop.id, limit);
		return rows.map((r) => ({ id: r.id, at: r.at, field: r.field, byName: r.changed_by_name, before: r.before, after: r.after }));
	}

	/** The record of every change of the shop's WhatsApp number, newest first, for the seller's home page. */
	async listWhatsappChanges(actor: Actor, shopId: string, limit = 10): Promise<WhatsappChange[]> {
		const shop = await this.getManaged(actor, shopId);
		const rows = await this.shops.listWhatsappChanges(shop.id, limit);
		return rows.map((r) => ({ id: r.id, at: r.at, byName: r.changed_by_name, byOwner: r.changed_by !== null && r.changed_by === shop.owner_user_id, before: r.before, after: r.after }));
	}

	/** Sets the shop's logo through the one image pipeline. */
	async setLogo(actor: Actor, shopId: string, image: Buffer): Promise<{ shop: Shop; hints: ProcessedPhoto['hints'] }> {
		const shop = await this.getManaged(actor, shopId);
		const processed = await processPhoto(this.storage, image);
		const values = { logo: JSON.stringify(processed.variants), updated_at: nowIso(), onboarding_step: Math.max(shop.onboarding_step, ONBOARDING_STEPS.indexOf('logo') + 1) };
		const updated = await this.shops.update(shop.id, values, changeRecords(actor, shop, values));
		return { shop: updated, hints: processed.hints };
	}
}

/**
 * Where the buyers' money goes is the seller's alone to decide: only the shop's owner (or the system,
 * seeding) may change the bank account or QRIS — not the coordinator or facilitator who otherwise help.
 */
function requirePaymentOwner(actor: Actor, shop: Shop, messageKey: MessageKey = 'security.paymentOwnerOnly'): void {
	if (actor.kind === 'system') return;
	if (actor.kind === 'user' && shop.owner_user_id === actor.userId && actor.shopIds.includes(shop.id)) return;
	throw new ForbiddenError(messageKey);
}

/**
 * Buyers send their orders to the shop's WhatsApp number, so changing it redirects them: once a shop has an
 * owner, only the owner (or the system) may change it. A shop without an owner account (a roster shop the
 * coordinator runs for a member without a login) is changed by its community's staff — every change recorded.
 */
function requireWhatsappOwner(actor: Actor, shop: Shop): void {
	if (!shop.owner_user_id) return;
	requirePaymentOwner(actor, shop, 'security.whatsappOwnerOnly');
}

/** The fields of a shop whose change by someone other than the owner is recorded (what buyers read on the shop). */
const RECORDED_FIELDS = ['name', 'business_type', 'story', 'area', 'pickup_point', 'opening_hours', 'delivery', 'logo'] as const;

/**
 * Staff may help with a shop, but never silently: every field a person other than the owner changes is
 * recorded (who, when, before, after) and shown on the seller's home. The owner's own edits are not listed.
 */
function changeRecords(actor: Actor, shop: Shop, values: ShopUpdate) {
	if (actor.kind !== 'user' || actor.userId === shop.owner_user_id) return [];
	const at = String(values.updated_at ?? nowIso());
	return RECORDED_FIELDS.filter((f) => f in values && (values[f] ?? null) !== (shop[f] ?? null)).map((field) => ({
		id: newId('shc'),
		shop_id: shop.id,
		field,
		changed_by: actor.userId,
		changed_by_name: actor.name,
		before: field === 'logo' ? '' : String(shop[field] ?? ''),
		after: field === 'logo' ? '' : String(values[field] ?? ''),
		at
	}));
}

export interface ShopChange {
	id: string;
	at: string;
	field: string;
	byName: string;
	before: string;
	after: string;
}

export interface WhatsappChange {
	id: string;
	at: string;
	byName: string;
	byOwner: boolean;
	/** E.164 digits. */
	before: string;
	after: string;
}

export interface PaymentChange {
	id: string;
	at: string;
	byName: string;
	/** Whether the shop's owner made it (anything else deserves a second look). */
	byOwner: boolean;
	before: PaymentOptions;
	after: PaymentOptions;
}

function parsePayment(text: string): PaymentOptions {
	return readPayment({ payment: text });
}

export interface PaymentOptions {
	cod: boolean;
	transfer: { bank: string; accountNumber: string; accountName: string } | null;
	qris: { payload: string; merchantName: string; merchantCity: string; nmid: string | null } | null;
}

export interface DeliveryOptionsStored {
	pickup: boolean;
	local: { fee: number; area: string } | null;
	courier: boolean;
	/** Smallest order (subtotal, rupiah) the shop accepts; 0 = any. */
	minOrder: number;
}

/** Validates a pasted QRIS (static only) and keeps what the seller should confirm: merchant, city, NMID. */
function toPaymentOptions(p: PaymentInput): PaymentOptions {
	let qris: PaymentOptions['qris'] = null;
	if (p.qris) {
		try {
			const info = parseQris(p.qris);
			if (info.isDynamic) throw new QrisError('dynamic', 'one-time code');
			qris = { payload: p.qris.trim(), merchantName: info.merchantName, merchantCity: info.merchantCity, nmid: info.nmid };
		} catch (e) {
			if (!(e instanceof QrisError)) throw e;
			const reasonKey = `qris.${e.code}` as MessageKey;
			throw new ValidationError('shop.qrisInvalid', { reasonKey }, [{ field: 'qris', messageKey: 'shop.qrisInvalid', params: { reasonKey } }]);
		}
	}
	return {
		cod: p.cod,
		transfer: p.transfer ? { bank: p.bank, accountNumber: p.accountNumber, accountName: p.accountName } : null,
		qris
	};
}

export function readPayment(shop: Pick<Shop, 'payment'>): PaymentOptions {
	try {
		return { cod: false, transfer: null, qris: null, ...JSON.parse(shop.payment) };
	} catch {
		return { cod: true, transfer: null, qris: null };
	}
}

export function readDelivery(shop: Pick<Shop, 'delivery'>): DeliveryOptionsStored {
	try {
		return { pickup: false, local: null, courier: false, minOrder: 0, ...JSON.parse(shop.delivery) };
	} catch {
		return { pickup: true, local: null, courier: false, minOrder: 0 };
	}
}
