/**
 * An absolute URL from a path of ours (`/c/…`, `/media/…`) or a URL that already is absolute (a photo on the CDN,
 * MEDIA_PUBLIC_BASE_URL): for JSON-LD, og:image, feeds, exports and the API. Shared by server code and pages.
 */
export function withOrigin(origin: string, url: string): string {
	return /^https?:\/\//.test(url) ? url : origin.replace(/\/+$/, '') + url;
}
