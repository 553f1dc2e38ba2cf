/**
 * The training board (issue 13): where each member on a training's list stands in the room today. One rule for
 * the projector page, its JSON and its live updates: a member stands at the last step done IN ORDER —
 * `invited` → `hadir` (marked present at this training) → `akun` (set their password) → `toko` (shop profile
 * complete, the funnel's and the seller checklist's rule) → `foto` (a product, draft or live, with a photo) →
 * `tayang` (a published product with a photo). Nobody ticks a step by hand; a member not marked present stays
 * `invited` whatever their shop already has (the board is about who is in the room), and a live product without
 * a photo waits at `toko`, because the next thing to help with is its photo.
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
	let i = 0;
	while (i < done.length && done[i]) i++;
	return BOARD_STEPS[i];
}

/** `{ invited: n, hadir: n, … }`, every step present (0 when nobody stands there). */
export function countSteps(steps: BoardStep[]): Record<BoardStep, number> {
	const counts = Object.fromEntries(BOARD_STEPS.map((s) => [s, 0])) as Record<BoardStep, number>;
	for (const s of steps) counts[s]++;
	return counts;
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
