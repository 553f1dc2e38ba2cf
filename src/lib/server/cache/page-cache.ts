import { gzipSync } from 'node:zlib';

export interface CachedResponse {
	status: number;
	headers: [string, string][];
	body: Buffer;
	gzip: Buffer | null;
}

/**
 * A small in-memory LRU of public responses. Keys carry the community's catalog_version, so an entry is
 * never stale: after any change the next request misses and renders afresh. Bounded by count and bytes.
 */
export class PageCache {
	private entries = new Map<string, CachedResponse>();
	private bytes = 0;

	constructor(
		private readonly maxEntries = 2000,
		private readonly maxBytes = 64 * 1024 * 1024
	) {}

	get(key: string): CachedResponse | undefined {
		const hit = this.entries.get(key);
		if (hit) {
			this.entries.delete(key);
			this.entries.set(key, hit);
		}
		return hit;
	}

	set(key: string, value: Omit<CachedResponse, 'gzip'>): CachedResponse {
		// Compressed once here instead of on every hit.
		const entry: CachedResponse = { ...value, gzip: value.body.length > 1024 ? gzipSync(value.body, { level: 6 }) : null };
		const size = entry.body.length + (entry.gzip?.length ?? 0);
		if (size > this.maxBytes / 8) return entry;
		this.delete(key);
		this.entries.set(key, entry);
		this.bytes += size;
		for (const [k] of this.entries) {
			if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
			this.delete(k);
		}
		return entry;
	}

	private delete(key: string) {
		const old = this.entries.get(key);
		if (!old) return;
		this.bytes -= old.body.length + (old.gzip?.length ?? 0);
		this.entries.delete(key);
	}

	get size(): number {
		return this.entries.size;
	}
}

/** The community slug a public, cacheable URL belongs to, or null when the URL is not cacheable. */
export function cacheableCommunity(pathname: string): string | null {
	// Only the public storefront: community pages and the public catalog API — never staff or seller API
	// replies (programs, trainings, members…), whatever their URL shares with the public ones.
	// English pages (`/en/c/…`) too: the cache key carries the locale and the URL as requested, so the two never mix.
	const m = /^(?:\/en)?\/c\/([a-z0-9-]{1,60})(?:\/|$)/.exec(pathname) ?? /^\/api\/v1\/communities\/([a-z0-9-]{1,60})\/(?:products|shops(?:\/[a-z0-9-]{1,80})?)\/?$/.exec(pathname);
	return m ? m[1] : null;
}

/**
 * May this request be answered from (and stored in) the shared page cache? Only an anonymous GET: no
 * Authorization header (API bearer tokens) and no cookie other than the language choice.
 */
export function mayShareCache(request: Request, cookieNames: string[]): boolean {
	return request.method === 'GET' && !request.headers.has('authorization') && cookieNames.every((n) => n === 'lang');
}

/**
 * Whether a cacheable page may show a stock count ("Stok 12"), so its cache entry must also change with every
 * order. Only the community catalog (with its search and filters) and a shop's page show no count — a product
 * there is only available or "Habis", and going sold out bumps the catalog version itself. Everything else
 * (product pages, the API, feeds) is treated as showing counts.
 */
export function showsStockCounts(pathname: string): boolean {
	// Their English twins (`/en/c/…`) are the same templates.
	return !/^(?:\/en)?\/c\/[a-z0-9-]{1,60}(?:\/toko\/[^/]+)?\/?$/.test(pathname);
}

/** The answer for a cached entry: gzip when the client takes it, else the plain body. */
export function responseFromCache(entry: CachedResponse, acceptEncoding: string): Response {
	const headers = new Headers(entry.headers);
	headers.set('vary', 'accept-encoding, cookie');
	if (entry.gzip && /\bgzip\b/.test(acceptEncoding)) {
		headers.set('content-encoding', 'gzip');
		headers.set('content-length', String(entry.gzip.length));
		return new Response(new Uint8Array(entry.gzip), { status: entry.status, headers });
	}
	headers.set('content-length', String(entry.body.length));
	return new Response(new Uint8Array(entry.body), { status: entry.status, headers });
}
