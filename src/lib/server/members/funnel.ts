/**
 * The adoption funnel (issue 9 item 8): where each member stands, computed from real data only — nobody
 * ticks a level by hand. One model for the page's chart, its table, the API and the evaluation report: a
 * member stands at the last step done IN ORDER, so their next step is the first one not done yet (a shop
 * whose products a facilitator put live, but whose owner has no login, stands at `invited`: next, make the
 * account). Per step, `countReached` says how many have done it. "Since" is the real moment that step was
 * reached (never before the step under it), never the day the page is opened.
 */
export const FUNNEL_LEVELS = ['invited', 'account', 'profile', 'first_product', 'good_listing', 'first_visitor', 'first_order', 'first_completed', 'regular'] as const;
export type FunnelLevel = (typeof FUNNEL_LEVELS)[number];

/**
 * Levels not measured (never reached, never blocking). None since E-Crav counts shop visitors (issue 10 item 6):
 * `first_visitor` is the first day the shop had a counted visitor — or its first order, which a visitor placed even
 * when it came before visits were counted.
 */
export const SKIPPED_LEVELS: readonly FunnelLevel[] = [];

/** The levels actually measured, in order. */
export const MEASURED_LEVELS = FUNNEL_LEVELS.filter((l) => !SKIPPED_LEVELS.includes(l));

export const GOOD_LISTING_SCORE = 80;

/** When each level was reached (ISO time), or null when it was not. `invited` is when the member was listed. */
export type FunnelFacts = Record<FunnelLevel, string | null> & { invited: string };

export interface FunnelPosition {
	level: FunnelLevel;
	/** Since when the member has stood at this level. */
	since: string;
	/** The next level to reach; null at `regular`. */
	next: FunnelLevel | null;
}

export function funnelPosition(facts: FunnelFacts): FunnelPosition {
	let level: FunnelLevel = 'invited';
	let since = facts.invited;
	for (const l of MEASURED_LEVELS.slice(1)) {
		const at = facts[l as keyof FunnelFacts];
		if (!at) break;
		level = l;
		if (at > since) since = at;
	}
	const i = MEASURED_LEVELS.indexOf(level);
	return { level, since, next: MEASURED_LEVELS[i + 1] ?? null };
}

/** `{ invited: n, account: n, … }` with every measured level present (0 when nobody is there). */
export function countLevels(levels: FunnelLevel[]): Record<string, number> {
	const counts: Record<string, number> = Object.fromEntries(MEASURED_LEVELS.map((l) => [l, 0]));
	for (const l of levels) counts[l]++;
	return counts;
}

/**
 * How many members have done each measured step, whatever the order (a shop with a product live but no login
 * counts for `first_product`, not for `account`). The adoption page's chart and the evaluation report print
 * these ("Punya akun 2/26 … Produk pertama tayang 26/26"), so the two always agree; who is stuck where is
 * the separate, in-order `funnelPosition`.
 */
export function countReached(facts: FunnelFacts[]): Record<string, number> {
	const counts: Record<string, number> = Object.fromEntries(MEASURED_LEVELS.map((l) => [l, 0]));
	for (const f of facts) for (const l of MEASURED_LEVELS) if (f[l as keyof FunnelFacts]) counts[l]++;
	return counts;
}

const WEEK = 7 * 86_400_000;

/**
 * "Regular": orders in at least 3 of the last 4 weeks (7-day windows ending now). Returns the start of the
 * earliest such week with an order, or null.
 */
export function regularSince(orderTimes: string[], now: Date): string | null {
	const end = now.getTime();
	const weeks = [false, false, false, false];
	for (const t of orderTimes) {
		const age = end - Date.parse(t);
		if (age < 0 || age >= 4 * WEEK) continue;
		weeks[Math.floor(age / WEEK)] = true;
	}
	if (weeks.filter(Boolean).length < 3) return null;
	const oldest = weeks.lastIndexOf(true);
	return new Date(end - (oldest + 1) * WEEK).toISOString();
}
