/**
 * Which URLs the server may POST a Web Push to. A subscription's endpoint comes from the browser, i.e. from
 * whoever sends the request: without a check the server would POST to any address on every order (blind
 * SSRF: `http://127.0.0.1:…`, `http://169.254.169.254/…`). Browsers only ever hand out endpoints of their
 * vendor's push service, so only those hosts are allowed, over https on the default port, without user info.
 * `PUSH_EXTRA_ALLOWED_ORIGINS` adds exact origins (a self-hosted push service, the browser tests' stand-in).
 */

/** Hosts of the push services browsers use (Chrome/Android/Samsung/Opera: FCM; Firefox: autopush; Safari: APNs). */
export const PUSH_SERVICE_HOSTS: readonly string[] = ['fcm.googleapis.com', 'updates.push.services.mozilla.com', 'web.push.apple.com'];
/** Vendor-owned domains whose sub-hosts are push services (Edge: `wns2-….notify.windows.com`; Apple's and Mozilla's regions). */
export const PUSH_SERVICE_DOMAINS: readonly string[] = ['push.services.mozilla.com', 'notify.windows.com', 'push.apple.com'];

/**
 * Reads `PUSH_EXTRA_ALLOWED_ORIGINS`: comma- or space-separated origins (`scheme://host[:port]`). Throws on
 * anything that is not a bare http(s) origin, so a typo stops the start instead of silently allowing more.
 */
export function parseExtraPushOrigins(value: string | undefined): string[] {
	const origins: string[] = [];
	for (const part of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
		let url: URL | null = null;
		try {
			url = new URL(part);
		} catch {
			url = null;
		}
		if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.origin !== part.replace(/\/$/, '')) {
			throw new Error(`PUSH_EXTRA_ALLOWED_ORIGINS: "${part}" is not an origin like https://push.example.org`);
		}
		origins.push(url.origin);
	}
	return origins;
}

/** Whether the server may send to this endpoint: a known push service over https, or an origin the operator listed. */
export function isAllowedPushEndpoint(endpoint: string, extraOrigins: readonly string[] = []): boolean {
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		return false;
	}
	if (url.username || url.password) return false;
	if (extraOrigins.includes(url.origin)) return true;
	if (url.protocol !== 'https:' || url.port !== '') return false;
	const host = url.hostname;
	return PUSH_SERVICE_HOSTS.includes(host) || PUSH_SERVICE_DOMAINS.some((d) => host.endsWith(`.${d}`));
}
