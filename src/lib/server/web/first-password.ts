import { redirect, type Cookies } from '@sveltejs/kit';
import type { PasswordOutcome } from '../training/checkin.service';
import type { Services } from '../services';
import { formatWhatsappLocal } from '../../utils/phone';
import { setSessionCookie } from './session-cookie';
import { landingAfterPassword } from './seller-landing';

/** A WhatsApp login shown as people write it (0812-…), as /atur-sandi does; an e-mail as it is. */
export function shownLogin(login: string): string {
	return /^62\d{8,13}$/.test(login) ? formatWhatsappLocal(login) : login;
}

/**
 * After a check-in page's password form: signed in → the session cookie and on into the onboarding (303), as after
 * /atur-sandi; otherwise the state to show (sign in, no account).
 */
export async function afterFirstPassword(services: Services, outcome: PasswordOutcome, cookies: Cookies, url: URL) {
	if ('state' in outcome) return outcome.state;
	setSessionCookie(cookies, outcome.session.token, outcome.session.expiresAt, url.protocol === 'https:');
	redirect(303, await landingAfterPassword(services, outcome.session.token));
}
