/**
 * The training board (issue 13): where each member on a training's list stands in the room today. One rule for
 * the projector page, its JSON and its live updates: a member's tile shows the furthest step they have done —
 * `invited` → `hadir` (marked present at this training) → `akun` (set their password) → `toko` (shop profile
 * complete, the funnel's and the seller checklist's rule) → `foto` (a product, draft or live, with a photo) →
 * `tayang` (a published product with a photo). Nobody ticks a step by hand. A member whose products are already
 * live stands at `tayang` whether or not they came today (the total "N dari M sudah jualan online" must agree
 * with the adoption funnel: review 2026-12-01), and whether they are in the room is shown beside the step
 * (`present`). A live product without a photo stands at `toko`, because the next thing to help with is its photo.
 * The counts say how many have DONE each step (independent facts), not how many stand exactly there: marking a
 * member present raises "Hadir" even when their tile already shows a later step.
 */
export const BOARD_STEPS = ['invited', 'hadir', 'akun', 'toko', 'foto', 'tayang'] as const;
export type BoardStep = (typeof BOARD_STEPS)[number];

export interface BoardFacts {
	present: boolean;
	account: boolean;
	profile: boolean;
	photo: boolean;
	published: boolean;
}

export function boardStep(f: BoardFacts): BoardStep {
	const done = [f.present, f.account, f.profile, f.photo, f.published];
	const last = done.lastIndexOf(true);
	return BOARD_STEPS[last + 1];
}

/** How many have done each step: `invited` is everyone on the board, `hadir` those present, and so on. */
export function countSteps(facts: BoardFacts[]): Record<BoardStep, number> {
	return {
		invited: facts.length,
		hadir: facts.filter((f) => f.present).length,
		akun: facts.filter((f) => f.account).length,
		toko: facts.filter((f) => f.profile).length,
		foto: facts.filter((f) => f.photo).length,
		tayang: facts.filter((f) => f.published).length
	};
}

/** Forms of address that often lead a name on the roster ("Ibu Eneng", "Kang Asep"): not the first name. */
const HONORIFICS = new Set(['ibu', 'bu', 'bapak', 'pak', 'bpk', 'kang', 'akang', 'teh', 'teteh', 'mbak', 'mba', 'mas', 'neng', 'ceu', 'hj', 'h', 'haji', 'hajah', 'hajjah', 'sdr', 'sdri']);

/**
 * What a tile may show of a person: the first word of their name after a form of address ("Ibu Eneng Sumarni" →
 * "Eneng"), because a projector in a hall is public. Two members
 * with the same first word get the initial of their next word too ("Siti R.", "Siti A."), so each still finds
 * their own tile; nothing else of the name, and never a phone number.
 */
export function firstNames(fullNames: string[]): string[] {
	const words = fullNames.map((n) => {
		const w = n.trim().split(/\s+/).filter(Boolean);
		return w.length > 1 && HONORIFICS.has(w[0].replace(/\.$/, '').toLowerCase()) ? w.slice(1) : w;
	});
	const first = words.map((w) => w[0] ?? '');
	const seen = new Map<string, number>();
	for (const f of first) seen.set(f.toLowerCase(), (seen.get(f.toLowerCase()) ?? 0) + 1);
	return words.map((w, i) => {
		const f = first[i];
		if ((seen.get(f.toLowerCase()) ?? 0) < 2 || !w[1]) return f;
		return `${f} ${Array.from(w[1])[0].toUpperCase()}.`;
	});
}

/** 24.00 WIB of the day the training starts (WIB): when its board links stop opening anything. */
export function endOfTrainingDay(startsAt: string): string {
	const wib = new Date(Date.parse(startsAt) + 7 * 3_600_000).toISOString().slice(0, 10);
	return new Date(Date.parse(`${wib}T00:00:00Z`) + 24 * 3_600_000 - 7 * 3_600_000).toISOString();
}
