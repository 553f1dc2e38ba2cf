import type { Actor } from '../auth/actor';
import { ValidationError } from '../errors';
import { RateLimitedError, type RateLimiter, type RateRule } from '../security/rate-limit';
import type { AccountRepository } from './account.repository';

/** Numbers or e-mails a staff member may try per hour when adding members one by one (each try says yes/no). */
export const MEMBER_CHECKS: RateRule = { name: 'member-check', limit: 60, windowMs: 60 * 60_000 };

/**
 * The one rule for a number or e-mail staff invite someone with (adding a member, importing a file, inviting a
 * roster shop's owner). First come keeps (issue 8, lead's decision after the stop-10 attack): a number or e-mail is
 * refused when it belongs to ANY existing account — pending or with a password — and
 * - that account is in the actor's own community: "already a member here";
 * - otherwise (another community's member or staff, or an account of nobody's), or the number is one another
 *   community's shop takes orders on: "already used on E-Crav by another group" (neutral: no name, no group).
 * This tells a coordinator that a number or e-mail is on E-Crav. Accepted: locking a real seller out of their own
 * number for good is worse than a yes/no to a staff member an admin appointed — and the tries are bounded per
 * staff member (MEMBER_CHECKS: 60 an hour — an add, a file, each number a file finds held elsewhere; 429 with a clear message). See docs/security.md R.x/R.y.
 */
export async function refuseClaimedLogins(
	accounts: AccountRepository,
	communityId: string,
	data: { whatsapp?: string | null; email?: string | null },
	budget?: { limiter: RateLimiter; actor: Actor }
): Promise<void> {
	if (budget) await spend(budget.limiter, MEMBER_CHECKS, budget.actor);
	if (data.whatsapp) {
		const ids = await accounts.accountsWithLogin({ whatsapp: data.whatsapp });
		if (await accounts.anyMemberOf(ids, communityId)) throw refusal('whatsapp', 'security.whatsappMemberHere');
		if (ids.length || (await accounts.communitiesOfShopNumber(data.whatsapp)).some((c) => c !== communityId)) throw refusal('whatsapp', 'security.whatsappOtherGroup');
	}
	if (data.email) {
		const ids = await accounts.accountsWithLogin({ email: data.email });
		if (await accounts.anyMemberOf(ids, communityId)) throw refusal('email', 'security.emailMemberHere');
		if (ids.length) throw refusal('email', 'security.emailOtherGroup');
	}
}

/**
 * The same rule for a file of numbers (the import): those an account outside this community or another community's
 * shop holds, checked in batches. A file costs one try of MEMBER_CHECKS, and every number the answer would name as
 * held elsewhere costs one more: a file of 5,000 numbers cannot look up 5,000 accounts at once (a real roster names
 * few or none). Past the budget the answer is 429 and names none of them.
 */
export async function numbersHeldElsewhere(accounts: AccountRepository, communityId: string, numbers: string[], budget: { limiter: RateLimiter; actor: Actor }): Promise<Set<string>> {
	await spend(budget.limiter, MEMBER_CHECKS, budget.actor);
	const held = await accounts.numbersHeldElsewhere(communityId, [...new Set(numbers)]);
	for (let i = 0; i < held.size; i++) await spend(budget.limiter, MEMBER_CHECKS, budget.actor);
	return held;
}

/** One try of a staff member (the operator and the system — CLI, demo, tests' setup — are not bounded). */
async function spend(limiter: RateLimiter, rule: RateRule, actor: Actor): Promise<void> {
	if (actor.kind !== 'user') return;
	const d = await limiter.hit(rule, actor.userId);
	if (!d.allowed) throw new RateLimitedError(d.retryAfterSeconds, 'security.memberChecksTooMany', 'too_many_member_checks');
}

function refusal(field: 'whatsapp' | 'email', messageKey: 'security.whatsappMemberHere' | 'security.whatsappOtherGroup' | 'security.emailMemberHere' | 'security.emailOtherGroup'): ValidationError {
	return new ValidationError(messageKey, {}, [{ field, messageKey, params: {} }]);
}
