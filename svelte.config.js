import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// Small pages for slow phones: the stylesheet travels inside the HTML, saving a round trip.
		inlineStyleThreshold: 16384,
		// CSRF is checked in hooks.server.ts instead: the same origin rule for every form post, except the JSON
		// API, which only accepts bearer tokens (never cookies) and so cannot be forged cross-site. ('*' is the
		// current spelling of the deprecated `checkOrigin: false`: SvelteKit's own check steps aside.)
		csrf: { trustedOrigins: ['*'] },
		// Pages: scripts only from our origin or by the hash of SvelteKit's own inline bootstrap — no
		// 'unsafe-inline' scripts. Hashes (not nonces) because the page cache serves one HTML to many visitors.
		// Styles stay inline (inlineStyleThreshold, style attributes). Other responses: hooks.server.ts.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				// wa.me: "Pesan via WhatsApp" is a GET form whose answer is a 303 to the seller's wa.me link, and
				// browsers check form-action on that redirect too. Nothing else may be a form's destination.
				'form-action': ['self', 'https://wa.me'],
				'frame-ancestors': ['none']
			}
		},
		version: { pollInterval: 0 }
	}
};

export default config;
