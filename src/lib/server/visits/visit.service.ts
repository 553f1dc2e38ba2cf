import { createHmac, randomBytes } from 'node:crypto';
import type { VisitSource } from '../db/schema-reach';
import { logError } from '../observability/logger';
import { visitFlushes } from '../observability/metrics';
import { wibDay } from '../../utils/dates';
import type { StorePage } from './visit-rules';
import type { EventIncrement, VisitRepository, ViewIncrement, VisitorCandidate } from './visit.repository';

/** A look at a public store page, as the hook saw it. The address and user agent never leave this object's hash. */
export interface PageView {
	address: string;
	userAgent: string;
	page: StorePage;
	/** From `?src=` or the referrer (see sourceOf); 'internal' or null: this visitor's source today, else direct. */
	source: VisitSource | 'internal' | null;
	/** Shops the signed-in person owns: their own shop's pages are not counted. */
	ownShopIds: readonly string[];
}

interface PendingView {
	day: string;
	hash: string;
	source: VisitSource;
	page: StorePage;
	ownShopIds: readonly string[];
}

interface PendingEvent {
	day: string;
	kind: EventIncrement['kind'];
	/** The community the request came through; the shop or product must belong to it. */
	communitySlug: string;
	shopId: string | null;
	productId: string | null;
	ownShopIds: readonly string[];
}

/** Past this many unsaved hits (a database down for long), new ones are dropped rather than filling memory. */
const MAX_PENDING = 100_000;
/** Visitors whose source is remembered for the day (so a page they open next keeps "poster"); cleared past this. */
const MAX_REMEMBERED = 200_000;

/**
 * Records visits to public store pages without cookies and without keeping who visited: each view is reduced at once
 * to an HMAC of address + user agent under a salt that exists only in this process's memory for the current WIB day
 * (a new random one after midnight WIB, never written anywhere), so counts of different days cannot be linked. Views
 * and events wait in memory and are written in one batch (flush), so recording never adds a database write to a page.
 * A restart starts a new salt: a visitor seen before it is counted again that day.
 */
export class VisitService {
	private salt: { day: string; key: Buffer } | null = null;
	private remembered = new Map<string, VisitSource>();
	private views: PendingView[] = [];
	private events: PendingEvent[] = [];
	private flushing: Promise<void> = Promise.resolve();
	private timer: ReturnType<typeof setInterval> | null = null;
	private cleanedBefore = '';

	/**
	 * @param saltSeed Workers of one cluster (scripts/server.js, WEB_CONCURRENCY > 1) get the same random seed from
	 *   their primary, in memory only: each day's salt is then HMAC(seed, day) in every worker, so a visitor whose
	 *   requests land on two workers is one visitor. Without it (one process) each day's salt is random.
	 */
	constructor(
		private readonly repo: VisitRepository,
		private readonly clock: () => Date = () => new Date(),
		readonly enabled = true,
		private readonly saltSeed: Buffer | null = null
	) {}

	private saltFor(day: string): Buffer {
		if (this.salt?.day !== day) {
			this.salt = { day, key: this.saltSeed ? createHmac('sha256', this.saltSeed).update(`visit-salt:${day}`).digest() : randomBytes(32) };
			this.remembered.clear();
		}
		return this.salt.key;
	}

	/** The visitor's hash for today: HMAC-SHA256(today's salt, address + user agent), 128 bits, base64url. */
	private visitorHash(day: string, address: string, userAgent: string): string {
		return createHmac('sha256', this.saltFor(day)).update(`${address}\n${userAgent}`).digest('base64url').slice(0, 22);
	}

	/** Counts a view of a store page (buffered; written by flush). */
	recordView(view: PageView): void {
		if (!this.enabled || this.views.length >= MAX_PENDING) return;
		const day = wibDay(this.clock().getTime());
		const hash = this.visitorHash(day, view.address, view.userAgent);
		let source: VisitSource;
		if (view.source && view.source !== 'internal') {
			source = view.source;
			if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
			this.remembered.set(hash, source);
		} else source = this.remembered.get(hash) ?? 'direct';
		this.views.push({ day, hash, source, page: view.page, ownShopIds: view.ownShopIds });
	}

	/** Counts a tap on a shop's WhatsApp button, or a product put in a cart (buffered; written by flush). */
	recordEvent(kind: EventIncrement['kind'], at: { communitySlug: string; shopId?: string | null; productId?: string | null; ownShopIds?: readonly string[] }): void {
		if (!this.enabled || this.events.length >= MAX_PENDING) return;
		if (!at.shopId && !at.productId) return;
		this.events.push({ day: wibDay(this.clock().getTime()), kind, communitySlug: at.communitySlug, shopId: at.shopId ?? null, productId: at.productId ?? null, ownShopIds: at.ownShopIds ?? [] });
	}

	/** Hits not yet written (for tests and the shutdown log). */
	get pending(): number {
		return this.views.length + this.events.length;
	}

	/** Writes what is buffered in one transaction; flushes run one after another. A failed batch is kept for the next. */
	flush(): Promise<void> {
		this.flushing = this.flushing.then(() => this.flushNow());
		return this.flushing;
	}

	/** Flushes every `intervalMs` (unref'd: it never keeps the process alive). */
	start(intervalMs: number): void {
		if (this.timer || !this.enabled) return;
		this.timer = setInterval(() => void this.flush(), Math.max(50, intervalMs));
		this.timer.unref?.();
	}

	/** Stops the timer and writes what is left (on shutdown). */
	async stop(): Promise<void> {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
		await this.flush();
	}

	private async flushNow(): Promise<void> {
		const views = this.views;
		const events = this.events;
		if (!views.length && !events.length) return;
		this.views = [];
		this.events = [];
		try {
			const batch = await this.resolve(views, events);
			await this.repo.saveBatch(batch.views, batch.candidates, batch.events);
			visitFlushes.inc({ result: 'ok' });
			const today = wibDay(this.clock().getTime());
			if (this.cleanedBefore !== today) {
				await this.repo.deleteHashesBefore(today);
				this.cleanedBefore = today;
			}
		} catch (e) {
			visitFlushes.inc({ result: 'failed' });
			logError('visit counts not saved (kept for the next flush)', e);
			this.views = views.concat(this.views).slice(0, MAX_PENDING);
			this.events = events.concat(this.events).slice(0, MAX_PENDING);
		}
	}

	/** Turns the slugs of the pages seen into ids and the hits into per-day totals and visitor candidates. */
	private async resolve(views: PendingView[], events: PendingEvent[]) {
		const communitySlugs = [...new Set([...views.map((v) => v.page.community), ...events.map((e) => e.communitySlug)])];
		const communities = await this.repo.communityIdsBySlug(communitySlugs);
		const shopSlugs = [...new Set(views.flatMap((v) => (v.page.shop ? [v.page.shop] : [])))];
		const shops = await this.repo.shopsBySlug([...communities.values()], shopSlugs);
		const shopId = new Map(shops.map((s) => [`${s.community_id}|${s.slug}`, s.id]));
		const productSlugs = [...new Set(views.flatMap((v) => (v.page.product ? [v.page.product] : [])))];
		const products = await this.repo.productsBySlug(shops.map((s) => s.id), productSlugs);
		const productId = new Map(products.map((p) => [`${p.shop_id}|${p.slug}`, p.id]));

		const increments = new Map<string, ViewIncrement>();
		const candidates = new Map<string, VisitorCandidate>();
		for (const v of views) {
			const communityId = communities.get(v.page.community);
			if (!communityId) continue;
			const shop = v.page.shop ? shopId.get(`${communityId}|${v.page.shop}`) : null;
			if (shop === undefined || (shop && v.ownShopIds.includes(shop))) continue;
			const product = v.page.product && shop ? productId.get(`${shop}|${v.page.product}`) : null;
			if (product === undefined) continue;
			const scopes: { scopeId: string; shopId: string | null; productId: string | null }[] = [{ scopeId: communityId, shopId: null, productId: null }];
			if (shop) scopes.push({ scopeId: shop, shopId: shop, productId: null });
			if (product) scopes.push({ scopeId: product, shopId: shop, productId: product });
			for (const s of scopes) {
				const key = `${v.day}|${s.scopeId}|${v.source}`;
				const inc = increments.get(key) ?? { day: v.day, scopeId: s.scopeId, source: v.source, communityId, shopId: s.shopId, productId: s.productId, views: 0 };
				inc.views += 1;
				increments.set(key, inc);
				const seen = `${v.day}|${s.scopeId}|${v.hash}`;
				if (!candidates.has(seen)) candidates.set(seen, { day: v.day, scopeId: s.scopeId, hash: v.hash, source: v.source });
			}
		}

		const byProduct = new Map((await this.repo.productsById([...new Set(events.flatMap((e) => (e.productId ? [e.productId] : [])))])).map((p) => [p.id, p]));
		const byShop = new Map((await this.repo.shopsById([...new Set(events.flatMap((e) => (e.shopId ? [e.shopId] : [])))])).map((s) => [s.id, s]));
		const counted = new Map<string, EventIncrement>();
		for (const e of events) {
			const communityId = communities.get(e.communitySlug);
			const product = e.productId ? byProduct.get(e.productId) : undefined;
			const owner: { shopId: string; communityId: string } | undefined = product ? { shopId: product.shop_id, communityId: product.community_id } : e.shopId && byShop.get(e.shopId) ? { shopId: e.shopId, communityId: byShop.get(e.shopId)!.community_id } : undefined;
			if (!communityId || !owner || owner.communityId !== communityId) continue;
			const shop = owner.shopId;
			if ((e.shopId && e.shopId !== shop) || e.ownShopIds.includes(shop)) continue;
			const key = `${e.day}|${shop}|${e.kind}`;
			const inc = counted.get(key) ?? { day: e.day, shopId: shop, communityId, kind: e.kind, count: 0 };
			inc.count += 1;
			counted.set(key, inc);
		}
		return { views: [...increments.values()], candidates: [...candidates.values()], events: [...counted.values()] };
	}
}
