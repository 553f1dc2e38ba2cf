import type { ReactionRow } from './test.repository';

/** The reaction check's four answers (three questions; the third asked for before and now), each 1–5. */
export const REACTION_ITEMS = ['satisfaction', 'usefulness', 'confidenceBefore', 'confidenceNow'] as const;
export type ReactionItem = (typeof REACTION_ITEMS)[number];

const COLUMN: Record<ReactionItem, keyof Pick<ReactionRow, 'satisfaction' | 'usefulness' | 'confidence_before' | 'confidence_now'>> = {
	satisfaction: 'satisfaction',
	usefulness: 'usefulness',
	confidenceBefore: 'confidence_before',
	confidenceNow: 'confidence_now'
};

export interface ReactionSummary {
	/** Members who answered. */
	n: number;
	satisfaction: number | null;
	usefulness: number | null;
	confidenceBefore: number | null;
	confidenceNow: number | null;
	/** Per answer: its mean and how many chose 1, 2, 3, 4 and 5 (`counts[0]` is the number of 1s). */
	items: { key: ReactionItem; mean: number | null; counts: number[] }[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * A training's reaction results: how many answered, the mean of each answer and its distribution over 1–5.
 * The training page and the evaluation report read the same summary (TestService.results).
 */
export function reactionSummary(rows: Pick<ReactionRow, 'satisfaction' | 'usefulness' | 'confidence_before' | 'confidence_now'>[]): ReactionSummary {
	const items = REACTION_ITEMS.map((key) => {
		const values = rows.map((r) => Number(r[COLUMN[key]])).filter((v) => Number.isInteger(v) && v >= 1 && v <= 5);
		const counts = [0, 0, 0, 0, 0];
		for (const v of values) counts[v - 1]++;
		return { key, mean: mean(values), counts };
	});
	const of = (key: ReactionItem) => items.find((i) => i.key === key)!.mean;
	return { n: rows.length, satisfaction: of('satisfaction'), usefulness: of('usefulness'), confidenceBefore: of('confidenceBefore'), confidenceNow: of('confidenceNow'), items };
}
