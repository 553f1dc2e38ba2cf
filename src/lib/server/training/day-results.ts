/**
 * "Hasil pelatihan" (issue 13, item 5): what a training day achieved, from the same facts as the board. Of the
 * members present: how many have an account (password set), a complete shop profile, a product photo, a published
 * product; and the time from check-in to the first product published, for those whose first product went live
 * after they checked in (someone already selling before the training is counted apart, not as "0 minutes").
 */
export const TIME_BUCKETS = ['≤ 10', '10–20', '20–30', '> 30'] as const;

export interface FirstProductTimes {
	/** Members whose first product went live after their check-in (the ones measured). */
	measured: number;
	/** How many of them took ≤ 10, 10–20, 20–30 and more than 30 minutes (upper bounds inclusive). */
	buckets: [number, number, number, number];
	/** Median minutes (one decimal), null when nobody was measured. */
	medianMinutes: number | null;
	/** Present members already selling before they checked in. */
	before: number;
	/** Present members with no published product yet. */
	notYet: number;
}

export interface DayFigures {
	listed: number;
	present: number;
	accounts: number;
	profiles: number;
	photos: number;
	published: number;
	firstProduct: FirstProductTimes;
}

export interface PresentMemberFacts {
	checkInAt: string;
	account: boolean;
	profile: boolean;
	photo: boolean;
	/** When their first product with a photo went live (ISO), or null. */
	publishedAt: string | null;
}

/** Minutes from check-in to first publish, per bucket, with the median. */
export function firstProductTimes(members: Pick<PresentMemberFacts, 'checkInAt' | 'publishedAt'>[]): FirstProductTimes {
	const minutes: number[] = [];
	let before = 0;
	let notYet = 0;
	for (const m of members) {
		if (!m.publishedAt) notYet++;
		else if (m.publishedAt < m.checkInAt) before++;
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
	return {
		listed,
		present: present.length,
		accounts: present.filter((m) => m.account).length,
		profiles: present.filter((m) => m.profile).length,
		photos: present.filter((m) => m.photo).length,
		published: present.filter((m) => m.publishedAt !== null).length,
		firstProduct: firstProductTimes(present)
	};
}
