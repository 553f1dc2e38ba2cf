import type { Actor } from '../auth/actor';
import type { AccountRepository } from '../accounts/account.repository';
import type { AuthService } from '../accounts/auth.service';
import type { MemberService } from '../accounts/member.service';
import type { RosterService } from '../members/roster.service';
import type { TrainingService, Training } from '../training/training.service';
import type { BoardService } from '../training/board.service';
import type { CheckinService } from '../training/checkin.service';
import type { AuditEntry, AuditLog } from './audit-log';

/**
 * The staff actions of issue 12 item 6 recorded in the audit log, at the service layer (never in routes): each listed
 * service method is wrapped once, when services are wired, so that after it succeeds for a signed-in staff actor
 * (coordinator, facilitator, platform admin) one row says who did what to whom. A refused or failed call writes
 * nothing; a seller acting on their own things and the system seeding the demo are not recorded. Only what
 * identifies the change goes in: never a token, a setup link or a check-in code (AuditLog strips them too).
 */
type AnyMethod = (actor: Actor, ...args: never[]) => Promise<unknown>;
type ArgsOf<F> = F extends (actor: Actor, ...a: infer A) => Promise<unknown> ? A : never;
type ResultOf<F> = F extends (...a: never[]) => Promise<infer R> ? R : never;

export function recordAfter<T extends object, K extends keyof T, S = never>(
	log: AuditLog,
	service: T,
	method: K,
	describe: (call: { args: ArgsOf<T[K]>; result: ResultOf<T[K]>; before: S | null; actor: Actor }) => Promise<AuditEntry | null> | AuditEntry | null,
	snapshot?: (args: ArgsOf<T[K]>, actor: Actor) => Promise<S>
): void {
	const original = (service[method] as unknown as AnyMethod).bind(service);
	(service as Record<K, unknown>)[method] = async (actor: Actor, ...args: never[]) => {
		const staff = actor.kind === 'user';
		// what it was before the change (read with the same actor; a refusal here leaves the real call to refuse)
		const before = staff && snapshot ? await snapshot(args as unknown as ArgsOf<T[K]>, actor).catch(() => null) : null;
		const result = await original(actor, ...args);
		if (staff) {
			const entry = await describe({ args: args as unknown as ArgsOf<T[K]>, result: result as ResultOf<T[K]>, before, actor });
			if (entry) await log.record(actor, entry);
		}
		return result;
	};
}

const trainingFacts = (t: Training) => ({ title: t.title, startsAt: t.startsAt, venue: t.venue, speakers: t.speakers, agenda: t.agenda, inviteAll: t.inviteAll });

/** Wires the staff actions listed above; called once by createServices. */
export function auditStaffActions(log: AuditLog, s: { members: MemberService; roster: RosterService; auth: AuthService; accounts: AccountRepository; trainings: TrainingService; boards: BoardService; checkins: CheckinService }): void {
	recordAfter(log, s.members, 'addSeller', ({ args: [community, input], result }) => {
		const i = input as { name?: unknown; businessType?: unknown; whatsapp?: unknown; area?: unknown };
		return { communityId: community.id, action: 'roster.add', target: { type: 'user', id: result.userId, label: String(i.name ?? '') }, after: { name: i.name, businessType: i.businessType, whatsapp: i.whatsapp, area: i.area ?? null, shopId: result.shopId } };
	});
	recordAfter<RosterService, 'updateProfile', Record<string, unknown>>(
		log,
		s.roster,
		'updateProfile',
		({ args: [community, memberId, input], before }) => ({ communityId: community.id, action: 'roster.edit', target: { type: 'member', id: memberId, label: String((input as { personName?: unknown }).personName ?? before?.name ?? '') }, before, after: input }),
		async ([community, memberId], actor) => {
			const m = await s.roster.get(actor, community, memberId);
			return { name: m.name, whatsapp: m.whatsapp, rw: m.rw, nib: m.nib, pirt: m.pirt, halal: m.halal, capital: m.capital, annualSales: m.annualSales };
		}
	);
	recordAfter(log, s.auth, 'issueSetupLink', async ({ args: [userId, communityId, purpose], result }) => {
		const user = await s.accounts.findUserById(userId);
		return { communityId, action: purpose === 'reset' ? 'setup_link.reset' : 'setup_link.invite', target: { type: 'user', id: userId, label: user?.name ?? '' }, after: { purpose, expiresAt: result.expiresAt } };
	});
	recordAfter(log, s.trainings, 'create', ({ result }) => ({ communityId: result.communityId, action: 'training.create', target: { type: 'training', id: result.id, label: result.title }, after: trainingFacts(result) }));
	recordAfter<TrainingService, 'update', Training>(
		log,
		s.trainings,
		'update',
		({ result, before }) => ({ communityId: result.communityId, action: 'training.update', target: { type: 'training', id: result.id, label: result.title }, before: before && trainingFacts(before), after: trainingFacts(result) }),
		([trainingId], actor) => s.trainings.get(actor, trainingId)
	);
	recordAfter<TrainingService, 'setInvitees', Training>(
		log,
		s.trainings,
		'setInvitees',
		({ args: [trainingId, memberIds], before }) =>
			before && { communityId: before.communityId, action: 'training.invitees', target: { type: 'training', id: trainingId, label: before.title }, before: { inviteAll: before.inviteAll }, after: memberIds === 'all' ? { inviteAll: true } : { inviteAll: false, memberIds } },
		([trainingId], actor) => s.trainings.get(actor, trainingId)
	);
	recordAfter<TrainingService, 'recordAttendance', Training>(
		log,
		s.trainings,
		'recordAttendance',
		({ args: [trainingId, body, source], before }) => {
			if (!before) return null;
			const events = ((body as { events?: { memberId?: unknown; present?: unknown }[] } | null)?.events ?? []).map((e) => ({ memberId: e.memberId, present: e.present }));
			return { communityId: before.communityId, action: 'training.attendance', target: { type: 'training', id: trainingId, label: before.title }, after: { source: source ?? 'api', events } };
		},
		([trainingId], actor) => s.trainings.get(actor, trainingId)
	);
	recordAfter<BoardService, 'createLink', Training>(
		log,
		s.boards,
		'createLink',
		({ result, before }) => before && { communityId: before.communityId, action: 'board_link.create', target: { type: 'board_link', id: result.trainingId, label: before.title }, after: { expiresAt: result.expiresAt } },
		([trainingId], actor) => s.trainings.get(actor, trainingId)
	);
	// personal check-in cards are bearer credentials (a card may set a first password): who printed them for whom, and who stopped one
	recordAfter<CheckinService, 'issueCards', Training>(
		log,
		s.checkins,
		'issueCards',
		({ result, before }) => before && { communityId: before.communityId, action: 'checkin_card.issue', target: { type: 'training', id: before.id, label: before.title }, after: { members: result.map((c) => ({ memberId: c.memberId, name: c.name })), expiresAt: result[0]?.expiresAt ?? null } },
		([trainingId], actor) => s.trainings.get(actor, trainingId)
	);
	recordAfter<CheckinService, 'revokeCards', Training>(
		log,
		s.checkins,
		'revokeCards',
		({ args: [, memberId], result, before }) => before && { communityId: before.communityId, action: 'checkin_card.revoke', target: { type: 'member', id: memberId, label: before.title }, after: { cardsStopped: result } },
		([trainingId], actor) => s.trainings.get(actor, trainingId)
	);
}
