import type { Reroute, Transport } from '@sveltejs/kit';
import { unprefixed } from '$lib/i18n/paths';
import { renderOnlyTransport } from '$lib/render-only';

/**
 * English store pages (`/en/c/cigadung/…`) are the same routes as their Indonesian twins: the prefix is only the
 * language (hooks.server.ts sets locale 'en' from it). Any other `/en/…` path (`/en/jual`) matches no route: a 404.
 */
export const reroute: Reroute = ({ url }) => unprefixed(url.pathname) ?? undefined;

/** Data of csr = false pages that only the server render reads is not serialized for a browser (src/lib/render-only.ts). */
export const transport: Transport = { renderOnly: renderOnlyTransport };
