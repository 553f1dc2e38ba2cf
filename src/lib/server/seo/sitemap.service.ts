import type { Actor } from '../auth/actor';
import { NotFoundError } from '../errors';
import type { SeoRepository } from './seo.repository';
import { absoluteUrl, xmlText } from './xml';
import { localizeHref } from '../../i18n/paths';

/** The sitemaps.org limit of URLs in one sitemap file; above it `/sitemap.xml` becomes an index of `/sitemap-N.xml`. */
export const SITEMAP_MAX_URLS = 50_000;
/** Products are read from the database this many at a time, so memory stays bounded for any catalog size. */
const PRODUCT_BATCH = 5_000;

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML = 'http://www.w3.org/1999/xhtml';

interface Entry {
	path: string;
	lastmod: string;
}

interface Plan {
	/** The home page, communities and shops: few enough to hold in memory. */
	fixed: Entry[];
	products: number;
	total: number;
}

/**
 * `/sitemap.xml` for search engines: the home page, every community that shows a product, every open shop and every
 * public product (see SeoRepository for the rule), each with its lastmod. Public: it lists only what any visitor sees.
 * Every page is listed twice, in Indonesian (`/c/…`) and English (`/en/c/…`), each naming both and x-default
 * (Indonesian) as `xhtml:link` alternates, so the two stay side by side even when the sitemap is split into files.
 */
export class SitemapService {
	constructor(
		private readonly repo: SeoRepository,
		private readonly maxUrls = SITEMAP_MAX_URLS
	) {}

	/** The sitemap itself when everything fits in one file, otherwise a sitemap index naming `/sitemap-1.xml` … */
	async sitemap(_actor: Actor, origin: string): Promise<string> {
		const plan = await this.plan();
		if (plan.total <= this.perFile) return this.urlset(plan, origin, 0, plan.total);
		const pages = Math.ceil(plan.total / this.perFile);
		const parts = [`<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NS}">\n`];
		for (let n = 1; n <= pages; n++) parts.push(`<sitemap><loc>${xmlText(absoluteUrl(origin, `/sitemap-${n}.xml`))}</loc></sitemap>\n`);
		parts.push('</sitemapindex>\n');
		return parts.join('');
	}

	/** Page `n` (from 1) of a sitemap too large for one file; 404 when there is no such page. */
	async sitemapPage(_actor: Actor, origin: string, n: number): Promise<string> {
		const plan = await this.plan();
		const pages = plan.total <= this.perFile ? 0 : Math.ceil(plan.total / this.perFile);
		if (!Number.isInteger(n) || n < 1 || n > pages) throw new NotFoundError();
		const start = (n - 1) * this.perFile;
		return this.urlset(plan, origin, start, Math.min(plan.total, start + this.perFile));
	}

	/** Pages per file: each page is two URLs (Indonesian and English), and a file holds at most `maxUrls` URLs. */
	private get perFile(): number {
		return Math.max(1, Math.floor(this.maxUrls / 2));
	}

	private async plan(): Promise<Plan> {
		const [communities, shops, products] = await Promise.all([this.repo.listSitemapCommunities(), this.repo.listSitemapShops(), this.repo.countSitemapProducts()]);
		const home = communities.reduce((m, c) => (c.lastmod > m ? c.lastmod : m), '');
		const fixed: Entry[] = [
			{ path: '/', lastmod: home },
			...communities.map((c) => ({ path: `/c/${c.slug}`, lastmod: c.lastmod })),
			...shops.map((s) => ({ path: `/c/${s.community_slug}/toko/${s.slug}`, lastmod: s.lastmod }))
		];
		return { fixed, products, total: fixed.length + products };
	}

	/** Pages number `start` to `end - 1` of the whole list (home, communities, shops, then products by id), in both languages. */
	private async urlset(plan: Plan, origin: string, start: number, end: number): Promise<string> {
		const parts = [`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}" xmlns:xhtml="${XHTML}">\n`];
		const url = (e: Entry) => {
			const id = xmlText(absoluteUrl(origin, e.path));
			const en = xmlText(absoluteUrl(origin, localizeHref(e.path, 'en')));
			const rest = `${e.lastmod ? `<lastmod>${xmlText(e.lastmod)}</lastmod>` : ''}<xhtml:link rel="alternate" hreflang="id" href="${id}"/><xhtml:link rel="alternate" hreflang="en" href="${en}"/><xhtml:link rel="alternate" hreflang="x-default" href="${id}"/>`;
			return `<url><loc>${id}</loc>${rest}</url>\n<url><loc>${en}</loc>${rest}</url>\n`;
		};
		for (const e of plan.fixed.slice(start, end)) parts.push(url(e));
		let offset = Math.max(0, start - plan.fixed.length);
		const stop = end - plan.fixed.length;
		while (offset < stop) {
			const rows = await this.repo.listSitemapProducts(offset, Math.min(PRODUCT_BATCH, stop - offset));
			if (rows.length === 0) break;
			for (const r of rows) parts.push(url({ path: `/c/${r.community_slug}/toko/${r.shop_slug}/${r.slug}`, lastmod: r.lastmod }));
			offset += rows.length;
		}
		parts.push('</urlset>\n');
		return parts.join('');
	}
}

/**
 * `/robots.txt`: everything public may be crawled; the seller and coordinator workspaces, the API, sign-in pages, carts,
 * orders (their codes are secrets; in both languages), check-in links, the language switch and the WhatsApp counting redirect may not. Wildcards (`*`) are
 * understood by Google and Bing; other crawlers read them literally, which only lets them see more public pages.
 */
export function robotsTxt(origin: string): string {
	const store = ['/pesanan', '/c/*/keranjang', '/c/*/toko/*/*/whatsapp'];
	const disallow = ['/jual', '/koordinator', '/api/', ...store, ...store.map((p) => `/en${p}`), '/masuk', '/keluar', '/atur-sandi', '/hadir', '/bahasa'];
	return ['User-agent: *', 'Allow: /', ...disallow.map((p) => `Disallow: ${p}`), '', `Sitemap: ${absoluteUrl(origin, '/sitemap.xml')}`, ''].join('\n');
}
