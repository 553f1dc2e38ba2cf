/**
 * What a page costs on a phone's data plan: the bytes as sent with gzip (Node's fetch would decompress and hide them)
 * of the HTML and of every stylesheet, script and icon it loads — everything except photos. Used by bench/run.ts,
 * bench/venue.ts and the browser test that guards the training-hour pages (tests/e2e/first-product.test.ts).
 */
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';

export interface Sent {
	status: number;
	bytes: number;
	body: string;
	type: string;
	location: string | null;
}

/** One GET as sent over the wire with gzip; `cookie` signs it in. */
export function sentBytes(url: string, cookie = ''): Promise<Sent> {
	return new Promise((resolve, reject) => {
		request(url, { headers: { 'accept-encoding': 'gzip', accept: 'text/html', ...(cookie ? { cookie } : {}) } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				const raw = Buffer.concat(chunks);
				const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString() : raw.toString();
				resolve({ status: res.statusCode ?? 0, bytes: raw.length, body, type: String(res.headers['content-type'] ?? ''), location: res.headers.location ?? null });
			});
		})
			.on('error', reject)
			.end();
	});
}

/** The files a page makes the browser load besides photos: stylesheets, scripts (also module preloads) and icons. */
function loadedRefs(html: string): string[] {
	const refs = new Set<string>();
	for (const m of html.matchAll(/<link\b[^>]*>/g)) {
		const tag = m[0];
		const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? '';
		const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
		if (href && /\b(stylesheet|modulepreload|preload|icon)\b/.test(rel) && !/\bas="image"/.test(tag)) refs.add(href.replace(/&amp;/g, '&'));
	}
	for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1].replace(/&amp;/g, '&'));
	return [...refs].filter((u) => !/^https?:/.test(u));
}

export interface PageWeight {
	path: string;
	status: number;
	htmlBytesGzip: number;
	htmlBytesRaw: number;
	subresources: { url: string; bytes: number; type: string }[];
	/** HTML + CSS + JS + icons, gzip as served: the training-hour goal is ≤ 30 KB (30,720 bytes). */
	totalExceptPhotosGzip: number;
	javascriptFiles: number;
}

export async function pageWeight(base: string, path: string, cookie = ''): Promise<PageWeight> {
	const page = await sentBytes(base + path, cookie);
	const sub = [];
	for (const ref of loadedRefs(page.body)) {
		const r = await sentBytes(new URL(ref, base + path).toString(), cookie);
		sub.push({ url: ref, bytes: r.bytes, type: r.type });
	}
	const scripts = (page.body.match(/<script(?![^>]*application\/ld\+json)/g) ?? []).length;
	return {
		path,
		status: page.status,
		htmlBytesGzip: page.bytes,
		htmlBytesRaw: Buffer.byteLength(page.body),
		subresources: sub,
		totalExceptPhotosGzip: page.bytes + sub.reduce((a, s) => a + s.bytes, 0),
		javascriptFiles: sub.filter((s) => s.type.includes('javascript')).length + scripts
	};
}

/** 30 KB: the most a training-hour page may weigh before photos (issue 13, venue conditions). */
export const TRAINING_PAGE_BUDGET = 30 * 1024;
