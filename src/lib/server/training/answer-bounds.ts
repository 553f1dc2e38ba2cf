import { ANSWER_DAYS_AFTER } from './test-window';
import { wibDay, wibMidnight } from '../../utils/dates';

/**
 * When members already answered a training's tests on their phone, its start can only move so far: every
 * pre-test was sent before the start, every post-test and reaction at or after it and within the 14 days after
 * its day (the windows of test-window.ts). Moving the start past one of those answers would turn a pre-test
 * into one taken after the session (or the reverse) and silently change what the gain measures.
 */
export interface AnswerBounds {
	/** Pre-tests, post-tests and reactions sent from members' phones (typed scores have no time of their own). */
	answers: number;
	/** The last pre-test sent: the start must be later. */
	after: string | null;
	/** The first post-test or reaction sent: the start must be at or before it. */
	before: string | null;
	/** The last post-test or reaction sent, and the earliest start whose 14-day window still holds it (midnight WIB). */
	lastAfter: string | null;
	earliest: string | null;
}

/** `at`: the answer in the way; `bound`: the latest (rule `before`) or earliest (`after`, `earliest`) start that fits. */
export type MoveProblem = { rule: 'after' | 'before' | 'earliest'; at: string; bound: string };

/** The bounds from the answer times (ISO UTC): the last pre-test, and the first and last post-test/reaction. */
export function answerBounds(times: { pre: string[]; after: string[] }): AnswerBounds {
	const sorted = (xs: string[]) => [...xs].sort((a, b) => Date.parse(a) - Date.parse(b));
	const pre = sorted(times.pre);
	const after = sorted(times.after);
	const lastAfter = after.at(-1);
	let earliest: string | null = null;
	if (lastAfter) {
		const [y, m, d] = wibDay(lastAfter).split('-').map(Number);
		const day = new Date(Date.UTC(y, m - 1, d - ANSWER_DAYS_AFTER)).toISOString().slice(0, 10);
		earliest = new Date(wibMidnight(day)).toISOString();
	}
	return { answers: pre.length + after.length, after: pre.at(-1) ?? null, before: after[0] ?? null, lastAfter: lastAfter ?? null, earliest };
}

/** Why a new start does not fit the answers already sent, or null when it does. */
export function moveProblem(bounds: AnswerBounds, startsAt: string): MoveProblem | null {
	const t = Date.parse(startsAt);
	if (bounds.after && t <= Date.parse(bounds.after)) return { rule: 'after', at: bounds.after, bound: bounds.after };
	if (bounds.before && t > Date.parse(bounds.before)) return { rule: 'before', at: bounds.before, bound: bounds.before };
	if (bounds.earliest && bounds.lastAfter && t < Date.parse(bounds.earliest)) return { rule: 'earliest', at: bounds.lastAfter, bound: bounds.earliest };
	return null;
}
