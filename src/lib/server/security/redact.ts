/**
 * Secrets that may sit in a URL or an error message: setup links (`/atur-sandi/<token>`), board and check-in links (`/papan/<id>/<token>`, `/hadir/<token>`), the buyer's status
 * token (`?t=`), bearer tokens, and any 256-bit base64url token of ours (43 characters).
 */
const PATTERNS: [RegExp, string][] = [
	[/(\/atur-sandi\/)[^/\s?#"'`)]+/g, '$1[disembunyikan]'],
	[/(\/papan\/[^/\s?#"'`)]+\/)[^/\s?#"'`)]+/g, '$1[disembunyikan]'],
	[/(\/hadir\/)[^/\s?#"'`)]+/g, '$1[disembunyikan]'],
	[/([?&](?:t|token|password|sandi)=)[^&\s#"'`)]+/gi, '$1[disembunyikan]'],
	[/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[disembunyikan]'],
	[/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, '[token]']
];

/** The text with every token, setup link and password-like parameter replaced, safe to write to a log. */
export function redactSecrets(text: string): string {
	let out = text;
	for (const [re, to] of PATTERNS) out = out.replace(re, to);
	return out;
}
