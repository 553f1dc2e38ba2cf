import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as indonesian from '@zxcvbn-ts/language-id';

/** Passwords people here often choose, beyond the Indonesian word lists (lower case; leetspeak and digits are caught by zxcvbn). */
const COMMON_INDONESIAN = [
	'sayang', 'sayangku', 'cintaku', 'bismillah', 'alhamdulillah', 'rahasia', 'katasandi', 'kata sandi', 'sandi',
	'indonesia', 'merdeka', 'garuda', 'pancasila', 'jakarta', 'bandung', 'kuningan', 'cigadung', 'ecrav', 'umkm',
	'penjual', 'jualan', 'warung', 'toko', 'ketempling', 'sambal', 'keripik', 'basreng', 'bakso', 'risol', 'anakku', 'mamah', 'bapak'
];

/** The minimum zxcvbn score (0–4): 0 and 1 ("12345678", "password", eight spaces, "bismillah1") are refused. */
export const MIN_PASSWORD_SCORE = 2;

let factory: ZxcvbnFactory | null = null;
function estimator(): ZxcvbnFactory {
	factory ??= new ZxcvbnFactory({
		dictionary: { ...common.dictionary, ...indonesian.dictionary, 'ecrav-id': COMMON_INDONESIAN },
		graphs: common.adjacencyGraphs
	});
	return factory;
}

/**
 * Whether a chosen password is too easy to guess (zxcvbn with the common and Indonesian dictionaries and
 * the person's own name, e-mail and number as hints). Built once, on first use.
 */
export function isWeakPassword(password: string, hints: (string | null | undefined)[] = []): boolean {
	if (password.trim().length === 0) return true;
	const inputs = hints.filter((h): h is string => !!h).flatMap((h) => [h, ...h.split(/[\s@._-]+/), ...phoneForms(h)]).filter((h) => h.length >= 3);
	// her own WhatsApp number, written any way (stranger 2026-12-02: '0857…' was accepted while the login is '62857…')
	const digits = password.replace(/[\s().+-]/g, '');
	if (/^\d+$/.test(digits) && inputs.some((h) => h === digits)) return true;
	return estimator().check(password.slice(0, 100), inputs).score < MIN_PASSWORD_SCORE;
}

/** An Indonesian number as people write it: 62812…, 0812…, 812… */
function phoneForms(hint: string): string[] {
	const d = hint.replace(/\D/g, '');
	if (d.length < 8) return [];
	const rest = d.startsWith('62') ? d.slice(2) : d.startsWith('0') ? d.slice(1) : d;
	return [`62${rest}`, `0${rest}`, rest];
}
