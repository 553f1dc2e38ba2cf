import type { Actor } from '../auth/actor';
import { requireCommunityStaff, requireShopManager } from '../auth/guards';
import type { CommunityRepository } from '../communities/community.repository';
import type { Community, Shop } from '../db/schema';
import type { VisitSource } from '../db/schema-reach';
import { NotFoundError, ValidationError } from '../errors';
import type { ShopRepository } from '../shops/shop.repository';
import { wibDay, wibMidnight } from '../../utils/dates';
import { parseStatsDays, VISIT_SOURCES } from './visit-rules';
import type { VisitRepository } from './visit.repository';

/** One day (WIB) of a shop's or a community's funnel. */
export interface StatsDay {
	date: string;
	views: number;
	/** Different visitors that day (the same person twice that day is one). */
	visitors: number;
	whatsappClicks: number;
	addToCart: number;
	orders: number;
}

/** The answer of `GET /api/v1/shops/{id}/stats` and `/communities/{slug}/stats`: every day, oldest first, and visitors per source. */
export interface Stats {
	days: StatsDay[];
	sources: Record<VisitSource, number>;
	/**
	 * The first day (WIB) visits were counted on this installation, when it falls after the period's first day: the days
	 * before it show 0 because nobody counted, not because nobody came. Null when the whole period was counted.
	 */
	countedSince: string | null;
}

export interface ShopRow {
	shopId: string;
	name: string;
	views: number;
	visitors: number;
	whatsappClicks: number;
	addToCart: number;
	orders: number;
}

const DAY_MS = 86_400_000;

/** The calendar days (WIB) of the last `n` days up to today, oldest first. */
function lastDays(today: string, n: number): string[] {
	const end = Date.parse(`${today}T00:00:00Z`);
	return Array.from({ length: n }, (_, i) => new Date(end - (n - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

/**
 * Visitor numbers for the people who look after a shop: its seller, and its community's coordinator and facilitators
 * (the whole community for them too). Anyone else is told the shop or community does not exist (404).
 */
export class VisitStatsService {
	constructor(
		private readonly repo: VisitRepository,
		private readonly shops: ShopRepository,
		private readonly communities: CommunityRepository,
		private readonly clock: () => Date = () => new Date()
	) {}

	/** `days` as typed in `?days=` (1..90, empty = 30); anything else is a 400 with a message. */
	parseDays(raw: string | number | null | undefined): number {
		const days = parseStatsDays(raw === null || raw === undefined ? null : String(raw));
		if (days === null) throw new ValidationError('visits.badDays', {}, [{ field: 'days', messageKey: 'visits.badDays', params: {} }], 400);
		return days;
	}

	private range(days: number) {
		const list = lastDays(wibDay(this.clock().getTime()), days);
		const from = list[0];
		const to = list[list.length - 1];
		return { list, from, to, fromIso: new Date(wibMidnight(from)).toISOString(), toIso: new Date(wibMidnight(to) + DAY_MS).toISOString() };
	}

	async managedShop(actor: Actor, shopId: string): Promise<Shop> {
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('error.notFound.shopUnnamed');
		requireShopManager(actor, shop);
		return shop;
	}

	async staffCommunity(actor: Actor, slug: string): Promise<Community> {
		const community = await this.communities.findBySlug(slug);
		if (!community) throw new NotFoundError();
		requireCommunityStaff(actor, community.id);
		return community;
	}

	/** A shop's funnel per day: views, visitors, WhatsApp clicks, add to cart, orders; and its visitors per source. */
	async shopStats(actor: Actor, shopId: string, days: string | number | null = null): Promise<Stats> {
		const shop = await this.managedShop(actor, shopId);
		const n = this.parseDays(days);
		return this.stats(shop.id, { shopId: shop.id }, n);
	}

	/** The same for a whole community (its catalog and every page below it); coordinator and facilitators only. */
	async communityStats(actor: Actor, slug: string, days: string | number | null = null): Promise<Stats> {
		const community = await this.staffCommunity(actor, slug);
		const n = this.parseDays(days);
		return this.stats(community.id, { communityId: community.id }, n);
	}

	private async stats(scopeId: string, where: { shopId: string } | { communityId: string }, n: number): Promise<Stats> {
		const r = this.range(n);
		const [totals, sources, events, orders, started] = await Promise.all([
			this.repo.totalsByDay(scopeId, r.from, r.to),
			this.repo.visitorsBySource(scopeId, r.from, r.to),
			this.repo.eventsByDay(where, r.from, r.to),
			this.repo.orderTimes(where, r.fromIso, r.toIso),
			this.repo.countingStarted()
		]);
		const startDay = started ? wibDay(Date.parse(started)) : null;
		const byDay = new Map<string, StatsDay>(r.list.map((date) => [date, { date, views: 0, visitors: 0, whatsappClicks: 0, addToCart: 0, orders: 0 }]));
		for (const t of totals) Object.assign(byDay.get(t.day) ?? {}, { views: t.views, visitors: t.visitors });
		for (const e of events) {
			const d = byDay.get(e.day);
			if (d) d[e.kind === 'whatsapp_click' ? 'whatsappClicks' : 'addToCart'] += e.count;
		}
		for (const o of orders) {
			const d = byDay.get(wibDay(o.createdAt));
			if (d) d.orders += 1;
		}
		const bySource = Object.fromEntries(VISIT_SOURCES.map((s) => [s, 0])) as Record<VisitSource, number>;
		for (const s of sources) bySource[s.source] += s.visitors;
		return { days: [...byDay.values()], sources: bySource, countedSince: startDay && startDay > r.from ? startDay : null };
	}

	/** A shop's most viewed products over the days (for the seller's page). */
	async topProducts(actor: Actor, shopId: string, days: string | number | null = null, limit = 5) {
		const shop = await this.managedShop(actor, shopId);
		const n = this.parseDays(days);
		const r = this.range(n);
		return this.repo.topProducts(shop.id, r.from, r.to, limit);
	}

	/** Every active shop of the community with its numbers over the days, most visited first (for the coordinator). */
	async communityShops(actor: Actor, slug: string, days: string | number | null = null): Promise<ShopRow[]> {
		const community = await this.staffCommunity(actor, slug);
		const n = this.parseDays(days);
		const r = this.range(n);
		const [shops, totals, events, orders] = await Promise.all([
			this.shops.listActiveByCommunity(community.id),
			this.repo.shopTotals(community.id, r.from, r.to),
			this.repo.shopEvents(community.id, r.from, r.to),
			this.repo.orderTimes({ communityId: community.id }, r.fromIso, r.toIso)
		]);
		const rows = new Map<string, ShopRow>(shops.map((s) => [s.id, { shopId: s.id, name: s.name, views: 0, visitors: 0, whatsappClicks: 0, addToCart: 0, orders: 0 }]));
		for (const t of totals) Object.assign(rows.get(t.shopId) ?? {}, { views: t.views, visitors: t.visitors });
		for (const e of events) {
			const row = rows.get(e.shopId);
			if (row) row[e.kind === 'whatsapp_click' ? 'whatsappClicks' : 'addToCart'] += e.count;
		}
		for (const o of orders) {
			const row = rows.get(o.shopId);
			if (row) row.orders += 1;
		}
		return [...rows.values()].sort((a, b) => b.visitors - a.visitors || b.views - a.views || a.name.localeCompare(b.name));
	}
}
