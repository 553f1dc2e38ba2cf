import type { BoardStep } from './board';

/**
 * The facilitator's list of the room (issue 13, item 4): the board's members in the order help should go.
 * A member is *stuck* when they are in the room (present), not yet at `tayang`, and nothing has moved them on for
 * MORE than five minutes. "Since" is the later of their check-in and the moment they reached their current step,
 * taken from timestamps already in the data (attendance tick, password set, shop profile saved, first photo): a
 * seller whose account was made last week and who walked in at 15.10 has been "at akun" in the room since 15.10.
 */
export const STUCK_AFTER_MS = 5 * 60_000;

export interface RoomMember {
	memberId: string;
	name: string;
	step: BoardStep;
	present: boolean;
	/** When they reached their current step in the room (ISO), or null when it is not known or not in the room. */
	since: string | null;
	/** Whole minutes since then (for "sejak 12 menit"); null without `since`. */
	minutes: number | null;
	stuck: boolean;
	/** A "minta bantuan" flag is up: when it was raised (ISO), else null. */
	helpSince: string | null;
	/** Whole minutes the flag has been up; null without one. */
	helpMinutes: number | null;
}

/** The times a member's steps were reached (ISO), where known. */
export interface StepTimes {
	presentAt: string | null;
	accountAt: string | null;
	profileAt: string | null;
	photoAt: string | null;
}

/** When the member reached `step` in the room: the later of their check-in and that step's own time. */
export function sinceOf(step: BoardStep, present: boolean, times: StepTimes): string | null {
	if (!present || step === 'invited' || step === 'tayang' || !times.presentAt) return null;
	const own = step === 'akun' ? times.accountAt : step === 'toko' ? times.profileAt : step === 'foto' ? times.photoAt : null;
	return own && own > times.presentAt ? own : times.presentAt;
}

/** Stuck and minutes at `now`: more than five minutes (not exactly five) on one step, in the room. */
export function stuckAt(since: string | null, now: Date): { stuck: boolean; minutes: number | null } {
	if (!since) return { stuck: false, minutes: null };
	const ms = Math.max(0, now.getTime() - Date.parse(since));
	return { stuck: ms > STUCK_AFTER_MS, minutes: Math.floor(ms / 60_000) };
}

/**
 * The order of the list: raised help flags first (longest waiting first), then the stuck (longest stuck first),
 * then everyone else in the board's order (in the room before not yet here, then by name).
 */
export function roomOrder(members: RoomMember[]): RoomMember[] {
	const rank = (m: RoomMember) => (m.helpSince ? 0 : m.stuck ? 1 : m.present ? 2 : 3);
	return members
		.map((m, i) => ({ m, i }))
		.sort((a, b) => {
			const r = rank(a.m) - rank(b.m);
			if (r !== 0) return r;
			if (a.m.helpSince && b.m.helpSince && a.m.helpSince !== b.m.helpSince) return a.m.helpSince < b.m.helpSince ? -1 : 1;
			if (a.m.stuck && b.m.stuck && a.m.since !== b.m.since) return (a.m.since ?? '') < (b.m.since ?? '') ? -1 : 1;
			return a.i - b.i;
		})
		.map((x) => x.m);
}
