// Security headers for every response: pages and API (hooks.server.ts) and the files adapter-node serves
// itself before any hook runs — /_app/ scripts and styles, static files (scripts/server.js). Plain JS so the
// production server script can import it without a build step.

/**
 * The headers, given the public origin (ORIGIN). Pages get SvelteKit's own Content-Security-Policy (kit.csp
 * in svelte.config.js: script hashes instead of 'unsafe-inline'); everything else gets the strict one here.
 * @param {string | null | undefined} origin
 * @returns {Record<string, string>}
 */
export function securityHeaders(origin) {
	/** @type {Record<string, string>} */
	const headers = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'x-frame-options': 'DENY',
		'permissions-policy': 'camera=(), microphone=(), geolocation=()',
		// Another site opened from ours (or opening ours) gets no handle on our window.
		'cross-origin-opener-policy': 'same-origin',
		'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
	};
	// Only over HTTPS: browsers then refuse plain HTTP to this host for a year.
	if (origin && origin.startsWith('https://')) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
	return headers;
}

/**
 * A page's Content-Security-Policy that also lets images come from the media CDN (MEDIA_PUBLIC_BASE_URL's origin):
 * only img-src changes, and only when the policy has one.
 * @param {string} csp
 * @param {string} origin e.g. https://cdn.example.id
 * @returns {string}
 */
export function allowImagesFrom(csp, origin) {
	return csp.replace(/(^|;\s*)img-src ([^;]*)/, (all, start, sources) => (sources.split(/\s+/).includes(origin) ? all : `${start}img-src ${sources.trim()} ${origin}`));
}
