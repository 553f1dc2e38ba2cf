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
		// API, which only accepts bearer tokens (never cookies) and so cannot be forged cross-site.
		csrf: { checkOrigin: false },
		version: { pollInterval: 0 }
	}
};

export default config;
