/**
 * "Hasil pelatihan" (issue 13, item 5): what a training DAY achieved, from the same facts as the board. Of the
 * members present: how many have an account (password set) and a complete shop profile; how many uploaded a
 * product photo that day; how many published a product during the day after checking in (any product, not only
 * their first ever one: a member whose shop the coordinator filled in before still counts when she adds and
 * publishes her own), and the time from check-in to that first publication of the day. Members already selling
 * online before they checked in are their own line (review 2026-12-02: products entered by the coordinator
 * before the training had made the day look done — "Sudah tayang sebelum absen: 5", "Punya foto 5 dari 5" — while
 * the afternoon's own work was reported as nothing).
 */
export const TIME_BUCKETS = ['≤ 10', '10–20', '20–30', '> 30'] as const;

export interface FirstProductTimes {
	/** Members who published a product during the training day after their check-in (the ones measured). */
	measured: number;
	/** How many of them took ≤ 10, 10–20, 20–30 and more than 30 minutes (upper bounds inclusive). */
	buckets: [number, number, number, number];
	/** Median minutes (one decimal), null when nobody was measured. */
	medianMinutes: number | null;
	/** Present members already selling online (a live product with a photo) before they checked in; may overlap `measured`. */
	before: number;
	/** Present members who published nothing during the day after checking in. */
	notYet: number;
}

export interface DayFigures {
	listed: number;
	present: number;
	accounts: number;
	profiles: number;
	/** Present members who uploaded a product photo during the training day (WIB). */
	photosToday: number;
	/** Present members who published a product (with a photo) during the training day after checking in. */
	publishedToday: number;
	firstProduct: FirstProductTimes;
}

export interface PresentMemberFacts {
	checkInAt: string;
	account: boolean;
	profile: boolean;
	/** Uploaded a product photo during the training day. */
	photoToday: boolean;
	/** Their first publication (a product with a photo) at or after check-in during the training day (ISO), or null. */
	publishedAt: string | null;
	/** Had a live product with a photo before checking in. */
	onlineBefore?: boolean;
}

/** Minutes from check-in to the day's first publication, per bucket, with the median. */
export function firstProductTimes(members: Pick<PresentMemberFacts, 'checkInAt' | 'publishedAt' | 'onlineBefore'>[]): FirstProductTimes {
	const minutes: number[] = [];
	let before = 0;
	let notYet = 0;
	for (const m of members) {
		if (m.onlineBefore) before++;
		if (!m.publishedAt || m.publishedAt < m.checkInAt) notYet++;
		else minutes.push((Date.parse(m.publishedAt) - Date.parse(m.checkInAt)) / 60_000);
	}
	const buckets: [number, number, number, number] = [0, 0, 0, 0];
	for (const x of minutes) buckets[x <= 10 ? 0 : x <= 20 ? 1 : x <= 30 ? 2 : 3]++;
	const sorted = [...minutes].sort((a, b) => a - b);
	const mid = sorted.length / 2;
	const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
	return { measured: minutes.length, buckets, medianMinutes: median === null ? null : Math.round(median * 10) / 10, before, notYet };
}

/** The day's figures over the training's list (`listed`) and the facts of those present. */
export function dayFigures(listed: number, present: PresentMemberFacts[]): DayFigures {
	const firstProduct = firstProductTimes(present);
	return {
		listed,
		present: present.length,
		accounts: present.filter((m) => m.account).length,
		profiles: present.filter((m) => m.profile).length,
		photosToday: present.filter((m) => m.photoToday).length,
		publishedToday: firstProduct.measured,
		firstProduct
	};
}
