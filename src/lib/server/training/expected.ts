/**
 * Who a session expected: the one rule behind every "N dari M", attendance rate, daftar hadir and XLSX row.
 *
 * A member is **invited** to a session when they were on the roster when it started (`member.created_at` on
 * or before `training.starts_at`) and the session invites everyone or names them. A session is **expected**
 * to be attended by its invited members plus anyone marked present (a walk-in who came counts as both).
 *
 * Why the roster date: a session held in November 2024 cannot have expected a seller who joined in 2026, so
 * adding members today must not lower the rate of a finished program nor list them as absent in its lampiran.
 * The same holds for a name ticked on the invitation list after the session took place: an invitation sent
 * after the meeting invited nobody to it, so it does not count either (only a tick "hadir" does). There is no
 * way to remove a member from the roster (member rows are never deleted or archived), so nothing else can
 * take someone off a session's list.
 */
export interface SessionInvitation {
	startsAt: string;
	/** Every member of the community is invited (the default), or only the named ones. */
	inviteAll: boolean;
}

export interface RosterEntry {
	id: string;
	/** `member.created_at`: when they were put on the roster. */
	joinedAt: string;
}

/** True when the member was on the roster when the session started (joined on or before its start). */
export function onRosterAt(member: Pick<RosterEntry, 'joinedAt'>, session: Pick<SessionInvitation, 'startsAt'>): boolean {
	return Date.parse(member.joinedAt) <= Date.parse(session.startsAt);
}

/** Invited to the session: on the roster at its start, and invited as a whole community or by name. */
export function invitedTo(session: SessionInvitation, member: RosterEntry, named: ReadonlySet<string>): boolean {
	return onRosterAt(member, session) && (session.inviteAll || named.has(member.id));
}

/** The members a session expected: invited ones (see `invitedTo`) plus everyone marked present there. */
export function expectedAt(session: SessionInvitation, roster: readonly RosterEntry[], named: ReadonlySet<string>, present: ReadonlySet<string>): Set<string> {
	const out = new Set<string>();
	for (const m of roster) if (present.has(m.id) || invitedTo(session, m, named)) out.add(m.id);
	return out;
}
