/**
 * The training board (issue 13): where each member on a training's list stands in the room today. One rule for
 * the projector page, its JSON, its live updates and the facilitator's room list: the steps are a chain —
 * `invited` → `hadir` (marked present at THIS training) → `akun` (set their password) → `toko` (shop profile
 * complete, the funnel's and the seller checklist's rule) → `foto` (a product, draft or live, with a photo) →
 * `tayang` (a published product with a photo) — and a member stands at the furthest step reached once she is
 * present with her own account (see `reached`). So a member who has not checked in stays at `invited` however much the coordinator
 * entered for their shop before the training (review 2026-12-02: "24 dari 24 sudah jualan online" before anyone
 * came), and a member who had products live and checks in with her password goes straight to `tayang`. Nobody ticks a step by hand. The counts say how many have REACHED each step (at least that far
 * along the chain), so they only ever fall from left to right and the headline "N dari M" is the `tayang` count.
 * (The adoption funnel, which counts the whole community whether or not anyone came, is a different question.)
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

/**
 * How far along: 0 = invited … 5 = tayang. `hadir` and `akun` are a strict chain (nothing done before the training
 * counts until the member is here with her own account); after that the furthest of `toko`, `foto`, `tayang` counts,
 * because the first-product path publishes a product before the shop profile is complete and issue 13 wants the
 * tile to turn `tayang` the moment the product is public.
 */
function reached(f: BoardFacts): number {
	if (!f.present) return 0;
	if (!f.account) return 1;
	if (f.published) return 5;
	if (f.photo) return 4;
	return f.profile ? 3 : 2;
}

export function boardStep(f: BoardFacts): BoardStep {
	return BOARD_STEPS[reached(f)];
}

/** How many have reached each step along the chain: `invited` is everyone on the board, `tayang` the headline. */
export function countSteps(facts: BoardFacts[]): Record<BoardStep, number> {
	const at = facts.map(reached);
	return Object.fromEntries(BOARD_STEPS.map((s, i) => [s, at.filter((n) => n >= i).length])) as Record<BoardStep, number>;
}

/** Forms of address that often lead a name on the roster ("Ibu Eneng", "Kang Asep"): not the first name. */
const HONORIFICS = new Set(['ibu', 'bu', 'bapak', 'pak', 'bpk', 'kang', 'akang', 'teh', 'teteh', 'mbak', 'mba', 'mas', 'neng', 'ceu', 'hj', 'h', 'haji', 'hajah', 'hajjah', 'sdr', 'sdri']);

/** A member as a list shows them: their name and, when they have one, their shop's public name. */
export interface NamedMember {
	name: string;
	shopName?: string | null;
}

function nameWords(name: string): string[] {
	const w = name.trim().split(/\s+/).filter(Boolean);
	return w.length > 1 && HONORIFICS.has(w[0].replace(/\.$/, '').toLowerCase()) ? w.slice(1) : w;
}

/**
 * The names a list shows, told apart (review 2026-12-02: three "U" on one board; real villages have many Siti and
 * Nur). One helper for the public check-in list, the projector board and the facilitator's room list. `first`:
 * the first word after a form of address ("Ibu Eneng Sumarni" → "Eneng"), because a projector in a hall is public;
 * `full`: the whole name as written (the staff's room list). When shown names collide within the list, each of those gets
 * something public that tells them apart: the shop's name ("U · Sate Ayam U") when it has one that differs from
 * the name, else the initial of the next word of the name ("Siti R."), else a number ("U (2)") — never a phone
 * number. A name that collides with nobody stays as it is.
 */
export function distinctNames(members: NamedMember[], shown: 'first' | 'full' = 'first'): string[] {
	const words = members.map((m) => nameWords(m.name));
	const base = members.map((m, i) => (shown === 'full' ? m.name.trim().replace(/\s+/g, ' ') : (words[i][0] ?? '')));
	const key = (s: string) => s.toLocaleLowerCase('id');
	const tally = (xs: string[]) => {
		const n = new Map<string, number>();
		for (const x of xs) n.set(key(x), (n.get(key(x)) ?? 0) + 1);
		return n;
	};
	const seen = tally(base);
	const labels = base.map((b, i) => {
		if ((seen.get(key(b)) ?? 0) < 2) return b;
		const shop = (members[i].shopName ?? '').trim().replace(/\s+/g, ' ');
		if (shop && key(shop) !== key(b)) return `${b} · ${shop}`;
		const next = shown === 'first' ? words[i][1] : undefined;
		return next ? `${b} ${Array.from(next)[0].toUpperCase()}.` : b;
	});
	const still = tally(labels);
	const nth = new Map<string, number>();
	return labels.map((l) => {
		if ((still.get(key(l)) ?? 0) < 2) return l;
		const k = (nth.get(key(l)) ?? 0) + 1;
		nth.set(key(l), k);
		return `${l} (${k})`;
	});
}

/** First names only, told apart by the next word's initial (distinctNames without shop names). */
export function firstNames(fullNames: string[]): string[] {
	return distinctNames(fullNames.map((name) => ({ name })));
}

/** 24.00 WIB of the day the training starts (WIB): when its board links stop opening anything. */
export function endOfTrainingDay(startsAt: string): string {
	const wib = new Date(Date.parse(startsAt) + 7 * 3_600_000).toISOString().slice(0, 10);
	return new Date(Date.parse(`${wib}T00:00:00Z`) + 24 * 3_600_000 - 7 * 3_600_000).toISOString();
}
