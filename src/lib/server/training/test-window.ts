import type { TestKind } from '../db/schema-training';
import { wibDay } from '../../utils/dates';
import type { Locale, Translate } from '../../i18n';
import { formatDateTime } from '../../utils/dates';

/** How long after a training its post-test and reaction check stay open: 14 WIB calendar days after its day. */
export const ANSWER_DAYS_AFTER = 14;

export type AnswerKind = TestKind | 'reaction';

/** When a member may answer: from `opensAt` (null: any time before) until `closesAt` (exclusive), ISO UTC. */
export interface AnswerWindow {
	kind: AnswerKind;
	opensAt: string | null;
	closesAt: string;
	state: 'open' | 'notYet' | 'closed';
}

/**
 * The pre-test measures what a member knew before the training, so it closes when the training starts; the
 * post-test and the reaction check measure what the training changed, so they open when it starts and close
 * at the end of the 14th WIB day after the training's day (an answer years later measures something else).
 */
export function answerWindow(kind: AnswerKind, startsAt: string, now: Date): AnswerWindow {
	const opensAt = kind === 'pre' ? null : new Date(Date.parse(startsAt)).toISOString();
	const [y, m, d] = wibDay(startsAt).split('-').map(Number);
	// midnight WIB at the start of day + 15 = 17.00 UTC of day + 14
	const closesAt = kind === 'pre' ? new Date(Date.parse(startsAt)).toISOString() : new Date(Date.UTC(y, m - 1, d + ANSWER_DAYS_AFTER + 1) - 7 * 3_600_000).toISOString();
	const t = now.getTime();
	const state = opensAt !== null && t < Date.parse(opensAt) ? 'notYet' : t >= Date.parse(closesAt) ? 'closed' : 'open';
	return { kind, opensAt, closesAt, state };
}

/** What is open when, in the reader's language: "Bisa diisi sampai Kamis, 12 Desember 2024 pukul 23.59 WIB." */
export function windowText(w: AnswerWindow, t: Translate, locale: Locale): string {
	// the post-test closes at midnight: say "until 23.59" of the last day rather than "until 00.00" of the next
	const until = formatDateTime(new Date(Date.parse(w.closesAt) - (w.kind === 'pre' ? 0 : 60_000)).toISOString(), locale);
	if (w.kind === 'pre') return t(w.state === 'open' ? 'training.window.preOpen' : 'training.window.preClosed', { until });
	if (w.state === 'notYet') return t('training.window.afterNotYet', { from: formatDateTime(w.opensAt ?? w.closesAt, locale), until });
	return t(w.state === 'open' ? 'training.window.afterOpen' : 'training.window.afterClosed', { until });
}
