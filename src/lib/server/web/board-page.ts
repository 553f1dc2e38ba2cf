import type { BoardLink } from '../training/board.service';

/** Where a board link opens: the training id and the token in the path (no query string to leak or strip). */
export function boardLinkUrl(origin: string, link: Pick<BoardLink, 'trainingId' | 'token'>): string {
	return `${origin}/papan/${encodeURIComponent(link.trainingId)}/${link.token}`;
}

/** Headers of everything a board link serves: never indexed, never cached, never sent on as a referrer. */
export const BOARD_HEADERS = { 'x-robots-tag': 'noindex, nofollow', 'referrer-policy': 'no-referrer', 'cache-control': 'private, no-store' } as const;
