import { ValidationError } from '../errors';
import type { AccountRepository } from './account.repository';

/**
 * Checks a number or e-mail before staff invite someone with it (adding a member, inviting a shop's owner).
 * Invariants (issue 8, number squatting):
 * - a login of a member of the actor's own community is refused, and said so ("already a member here");
 * - a number that another community's shop takes orders on is refused with a neutral "cannot be used" — shop
 *   numbers are public on the storefront, so this tells nothing new, and it stops a coordinator of another village
 *   from registering (and then claiming, with the setup link they hold) that seller's number;
 * - an account elsewhere, with or without a password, changes nothing in the answer: the invitation is made the
 *   same way as for an unknown number, so no coordinator learns whether a number or e-mail has an E-Crav account.
 *   Only an account with a password owns its login (0017-security-5): the invitation cannot take it from them, and
 *   its setup link tells the invited person to ask their coordinator (AuthService.setupLinkInfo).
 */
export async function refuseClaimedLogins(accounts: AccountRepository, communityId: string, data: { whatsapp?: string | null; email?: string | null }): Promise<void> {
	if (data.whatsapp) {
		if (await accounts.anyMemberOf(await accounts.accountsWithLogin({ whatsapp: data.whatsapp }), communityId)) throw refusal('whatsapp', 'security.whatsappMemberHere');
		if ((await accounts.communitiesOfShopNumber(data.whatsapp)).some((c) => c !== communityId)) throw refusal('whatsapp', 'security.whatsappUnavailable');
	}
	if (data.email && (await accounts.anyMemberOf(await accounts.accountsWithLogin({ email: data.email }), communityId))) throw refusal('email', 'security.emailMemberHere');
}

function refusal(field: 'whatsapp' | 'email', messageKey: 'security.whatsappMemberHere' | 'security.whatsappUnavailable' | 'security.emailMemberHere'): ValidationError {
	return new ValidationError(messageKey, {}, [{ field, messageKey, params: {} }]);
}
