import { publicOrigin } from '../config';

/**
 * The origin printed links start with: the configured public origin (ORIGIN) when set, else the one the request
 * came to. A poster lives for months on a wall, so it must never carry an internal address a proxy rewrote.
 */
export function printedOrigin(url: URL): string {
	return (publicOrigin() ?? url.origin).replace(/\/+$/, '');
}
