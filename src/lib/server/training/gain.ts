/**
 * Hake's normalised gain for a group: g = (mean post − mean pre) / (100 − mean pre), over the members who
 * took both tests. A member with only one of the two is left out (their score would bias one mean).
 * g is null when no member took both, or when the mean pre-test is already 100 (nothing left to gain).
 */
export interface GroupGain {
	/** Members who took both tests. */
	n: number;
	meanPre: number | null;
	meanPost: number | null;
	g: number | null;
}

export function normalizedGain(pairs: { pre: number | null | undefined; post: number | null | undefined }[]): GroupGain {
	const both = pairs.filter((p): p is { pre: number; post: number } => typeof p.pre === 'number' && typeof p.post === 'number');
	if (both.length === 0) return { n: 0, meanPre: null, meanPost: null, g: null };
	const meanPre = both.reduce((s, p) => s + p.pre, 0) / both.length;
	const meanPost = both.reduce((s, p) => s + p.post, 0) / both.length;
	const room = 100 - meanPre;
	return { n: both.length, meanPre, meanPost, g: room <= 0 ? null : (meanPost - meanPre) / room };
}

/** One member's own normalised gain (for the per-member table), null when it cannot be said. */
export function memberGain(pre: number | null | undefined, post: number | null | undefined): number | null {
	if (typeof pre !== 'number' || typeof post !== 'number' || pre >= 100) return null;
	return (post - pre) / (100 - pre);
}

/** Hake's bands: low below 0.3, medium up to 0.7, high from 0.7. */
export function gainBand(g: number | null): 'rendah' | 'sedang' | 'tinggi' | null {
	if (g === null) return null;
	return g >= 0.7 ? 'tinggi' : g >= 0.3 ? 'sedang' : 'rendah';
}

/**
 * Members whose latest attendance tick at a training says present. Only their scores count towards a gain:
 * a score kept for someone not present (a phone pre-test before the session, a tick undone later) is shown,
 * never counted.
 */
export function presentIds(states: { member_id: string; present: number }[]): Set<string> {
	return new Set(states.filter((s) => s.present === 1).map((s) => s.member_id));
}
