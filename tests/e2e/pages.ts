import type { Browser, BrowserContext } from 'playwright-core';
import { PHONE } from './harness';

/**
 * Every page a signed-in seller or coordinator can open, for the layout (320/390 px) and axe-core tests in
 * tests/e2e/pages-fit.test.ts. To cover a new page, add one row here (in the list of its area): `as` is the demo
 * login, `path` a URL or a function of the fixtures made once per run (an order, a product…).
 */
export interface PageToVisit {
	name: string;
	as: DemoLogin | null;
	path: string | ((f: Fixtures) => string);
}

export type DemoLogin = 'jj@cigadung.test' | 'mt@cigadung.test' | 'koordinator@cigadung.test' | 'pendamping@cigadung.test';
export const DEMO_PASSWORD = 'demo-cigadung-2024';

/** Made once per run by `makeFixtures`; extend it when a page needs a new kind of record. */
export interface Fixtures {
	/** An order for Sambal MT (pickup, QRIS): the seller's order page and the buyer's status page. */
	sellerOrderPath: string;
	statusPath: string;
	/** One of Ketempling JJ's products. */
	jjProductId: string;
	/** The profile and mentoring page of the first member on the demo roster. */
	memberPath: string;
	/** The demo program (seeded from the field report). */
	programId: string;
	/** A training of the demo program, today (so self check-in is open), every member invited. */
	trainingId: string;
	/** The self check-in page of that training (from its QR page). */
	checkinPath: string;
	/** A program and a training whose names are one long word, to catch headings that do not wrap at 320 px. */
	longProgramId: string;
	longTrainingId: string;
}

const STEPS = ['nama', 'whatsapp', 'logo', 'cerita', 'lokasi', 'pengiriman', 'pembayaran'];

export const SELLER_PAGES: PageToVisit[] = [
	{ name: 'seller home', as: 'jj@cigadung.test', path: '/jual' },
	...STEPS.map((step): PageToVisit => ({ name: `onboarding ${step}`, as: 'jj@cigadung.test', path: `/jual/mulai/${step}` })),
	{ name: 'payment step with a long QRIS string', as: 'mt@cigadung.test', path: '/jual/mulai/pembayaran' },
	{ name: 'editing the payment from the seller home', as: 'mt@cigadung.test', path: '/jual/mulai/pembayaran?ubah=1' },
	{ name: 'new product', as: 'jj@cigadung.test', path: '/jual/produk/baru' },
	{ name: 'product editor', as: 'jj@cigadung.test', path: (f) => `/jual/produk/${f.jjProductId}` },
	{ name: 'order inbox', as: 'mt@cigadung.test', path: '/jual/pesanan' },
	{ name: 'one order', as: 'mt@cigadung.test', path: (f) => f.sellerOrderPath },
	{ name: 'cash report', as: 'jj@cigadung.test', path: '/jual/kas/laporan' },
	{ name: 'cash report, chosen dates', as: 'jj@cigadung.test', path: '/jual/kas/laporan?periode=pilih&dari=2026-11-01&sampai=2026-11-30' },
	{ name: 'cash book settings', as: 'jj@cigadung.test', path: '/jual/kas/pengaturan' },
	{ name: 'promote the shop (posters, catalog, link)', as: 'mt@cigadung.test', path: '/jual/promosi' },
	{ name: 'Shopee bulk upload', as: 'jj@cigadung.test', path: '/jual/shopee' },
	{ name: 'Shopee bulk upload, a template refused', as: 'mt@cigadung.test', path: '/jual/shopee?template=noKeys' },
	{ name: 'my trainings', as: 'jj@cigadung.test', path: '/jual/pelatihan' },
	{ name: 'pre-test on the phone', as: 'jj@cigadung.test', path: (f) => `/jual/pelatihan/${f.trainingId}/tes/pre` },
	{ name: 'post-test on the phone', as: 'mt@cigadung.test', path: (f) => `/jual/pelatihan/${f.trainingId}/tes/post` },
	{ name: 'reaction check', as: 'jj@cigadung.test', path: (f) => `/jual/pelatihan/${f.trainingId}/pendapat` },
	{ name: 'self check-in', as: 'mt@cigadung.test', path: (f) => f.checkinPath }
];

export const COORDINATOR_PAGES: PageToVisit[] = [
	{ name: 'roster', as: 'koordinator@cigadung.test', path: '/koordinator/cigadung' },
	{ name: 'roster (facilitator)', as: 'pendamping@cigadung.test', path: '/koordinator/cigadung' },
	{ name: 'roster filtered', as: 'koordinator@cigadung.test', path: '/koordinator/cigadung?q=rw+03&tampil=tanpa-akun' },
	{ name: 'QR cards check (nobody to print)', as: 'koordinator@cigadung.test', path: '/koordinator/cigadung/kartu/periksa' },
	{ name: 'member profile and mentoring', as: 'pendamping@cigadung.test', path: (f) => f.memberPath },
	{ name: 'adoption funnel', as: 'koordinator@cigadung.test', path: '/koordinator/cigadung/adopsi' },
	{ name: 'follow-ups due this week', as: 'pendamping@cigadung.test', path: '/koordinator/cigadung/pendampingan' },
	{ name: 'import and export', as: 'koordinator@cigadung.test', path: '/koordinator/cigadung/impor' },
	{ name: 'programs', as: 'koordinator@cigadung.test', path: '/koordinator/cigadung/program' },
	{ name: 'program overview', as: 'koordinator@cigadung.test', path: (f) => `/koordinator/cigadung/program/${f.programId}` },
	{ name: 'program stage with evidence', as: 'pendamping@cigadung.test', path: (f) => `/koordinator/cigadung/program/${f.programId}/tahap/intervensi` },
	{ name: 'program handover', as: 'koordinator@cigadung.test', path: (f) => `/koordinator/cigadung/program/${f.programId}/tahap/terminasi` },
	{ name: 'program assessment', as: 'pendamping@cigadung.test', path: (f) => `/koordinator/cigadung/program/${f.programId}/asesmen` },
	{ name: 'program plan and indicators', as: 'koordinator@cigadung.test', path: (f) => `/koordinator/cigadung/program/${f.programId}/rencana` },
	{ name: 'program dashboard', as: 'pendamping@cigadung.test', path: (f) => `/koordinator/cigadung/program/${f.programId}/dasbor` },
	{ name: 'trainings', as: 'koordinator@cigadung.test', path: '/koordinator/cigadung/pelatihan' },
	{ name: 'one training with letter and invitees', as: 'koordinator@cigadung.test', path: (f) => `/koordinator/cigadung/pelatihan/${f.trainingId}` },
	{ name: 'attendance', as: 'pendamping@cigadung.test', path: (f) => `/koordinator/cigadung/pelatihan/${f.trainingId}/hadir` },
	{ name: 'test scores', as: 'pendamping@cigadung.test', path: (f) => `/koordinator/cigadung/pelatihan/${f.trainingId}/nilai` },
	{ name: 'self check-in QR', as: 'koordinator@cigadung.test', path: (f) => `/koordinator/cigadung/pelatihan/${f.trainingId}/qr` },
	{ name: 'program with a long name', as: 'koordinator@cigadung.test', path: (f) => `/koordinator/cigadung/program/${f.longProgramId}` },
	{ name: 'programs with a long name', as: 'koordinator@cigadung.test', path: '/koordinator/cigadung/program' },
	{ name: 'training with a long title', as: 'koordinator@cigadung.test', path: (f) => `/koordinator/cigadung/pelatihan/${f.longTrainingId}` },
	{ name: 'scores of a training with a long title', as: 'pendamping@cigadung.test', path: (f) => `/koordinator/cigadung/pelatihan/${f.longTrainingId}/nilai` }
];

/** Public pages: they must fit and pass axe-core too. */
export const PUBLIC_PAGES: PageToVisit[] = [
	{ name: 'home', as: null, path: '/' },
	{ name: 'catalog', as: null, path: '/c/cigadung' },
	{ name: 'catalog search', as: null, path: '/c/cigadung?q=keripik' },
	{ name: 'shop', as: null, path: '/c/cigadung/toko/sambal-mt' },
	{ name: 'product', as: null, path: '/c/cigadung/toko/sambal-mt/sambal-cumi-150-ml' },
	{ name: 'empty cart', as: null, path: '/c/cigadung/keranjang' },
	{ name: 'order status', as: null, path: (f) => f.statusPath },
	{ name: 'my orders and order lookup', as: null, path: '/pesanan' },
	{ name: 'log in', as: null, path: '/masuk' }
];

/** A signed-in browser context per demo login, made once and reused (logging in costs an argon2 hash). */
export async function contextFor(browser: Browser, baseUrl: string, as: DemoLogin | null, viewport: { width: number; height: number }, cache: Map<string, string>): Promise<BrowserContext> {
	const options = { ...PHONE, viewport };
	if (!as) return browser.newContext(options);
	if (!cache.has(as)) {
		const ctx = await browser.newContext(options);
		const page = await ctx.newPage();
		await page.goto(`${baseUrl}/masuk`);
		await page.getByLabel('E-mail atau nomor WhatsApp').fill(as);
		await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
		await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/masuk')), page.getByRole('button', { name: 'Masuk' }).click()]);
		cache.set(as, JSON.stringify(await ctx.storageState()));
		await ctx.close();
	}
	return browser.newContext({ ...options, storageState: JSON.parse(cache.get(as)!) });
}

/** An order for Sambal MT placed through the public API, and a product of Ketempling JJ. */
export async function makeFixtures(browser: Browser, baseUrl: string, cache: Map<string, string>): Promise<Fixtures> {
	const products = await (await fetch(`${baseUrl}/api/v1/communities/cigadung/products?q=sambal+cumi`)).json();
	const cumi = products.data.find((p: { shop: { slug: string } }) => p.shop.slug === 'sambal-mt');
	const res = await fetch(`${baseUrl}/api/v1/communities/cigadung/checkouts`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'idempotency-key': `pages-fit-${Date.now()}` },
		body: JSON.stringify({ buyer: { name: 'Siti Aminah', whatsapp: '081234567890' }, lines: [{ productId: cumi.id, variantId: null, quantity: 1 }], shops: { 'sambal-mt': { delivery: 'pickup', payment: 'qris' } } })
	});
	if (res.status !== 201) throw new Error(`checkout failed: ${res.status} ${await res.text()}`);
	const checkout = await res.json();
	const jj = await (await fetch(`${baseUrl}/api/v1/communities/cigadung/shops/ketempling-jj`)).json();
	const ctx = await contextFor(browser, baseUrl, 'mt@cigadung.test', PHONE.viewport, cache);
	const page = await ctx.newPage();
	await page.goto(`${baseUrl}/jual/pesanan`);
	const sellerOrderPath = (await page.locator('a[href^="/jual/pesanan/"]').first().getAttribute('href'))!;
	await ctx.close();
	const coord = await contextFor(browser, baseUrl, 'koordinator@cigadung.test', PHONE.viewport, cache);
	const roster = await coord.newPage();
	await roster.goto(`${baseUrl}/koordinator/cigadung`);
	const memberPath = (await roster.locator('a[href^="/koordinator/cigadung/anggota/"]').first().getAttribute('href'))!;
	await coord.close();
	const login = await (await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'koordinator@cigadung.test', password: DEMO_PASSWORD }) })).json();
	const programs = await (await fetch(`${baseUrl}/api/v1/communities/cigadung/programs`, { headers: { authorization: `Bearer ${login.token}` } })).json();
	const programId = programs.data[0].id as string;
	const training = await (
		await fetch(`${baseUrl}/api/v1/programs/${programId}/trainings`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
			body: JSON.stringify({ title: 'Peningkatan Kapasitas Bagi Para Pelaku UKM Kelurahan Cigadung', startsAt: new Date().toISOString(), venue: 'Gedung Serbaguna Kelurahan Cigadung' })
		})
	).json();
	const qr = await (await contextFor(browser, baseUrl, 'koordinator@cigadung.test', PHONE.viewport, cache)).newPage();
	await qr.goto(`${baseUrl}/koordinator/cigadung/pelatihan/${training.id}/qr`);
	const checkinPath = new URL((await qr.locator('code.link').textContent())!.trim()).pathname;
	await qr.context().close();
	const long = 'PemberdayaanEkonomiKreatifKelurahanCigadungKecamatanCibeunyingKaler2025';
	const make = await (await contextFor(browser, baseUrl, 'koordinator@cigadung.test', PHONE.viewport, cache)).newPage();
	await make.goto(`${baseUrl}/koordinator/cigadung/program`);
	await make.getByLabel('Nama program').fill(long);
	await Promise.all([make.waitForURL(/\/program\/prg_/), make.getByRole('button', { name: 'Buat program' }).click()]);
	const longProgramId = new URL(make.url()).pathname.split('/').pop()!;
	await make.context().close();
	const longTraining = await (
		await fetch(`${baseUrl}/api/v1/programs/${longProgramId}/trainings`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
			body: JSON.stringify({ title: `Pelatihan ${long}`, startsAt: new Date().toISOString(), venue: 'Gedung Serbaguna Kelurahan Cigadung' })
		})
	).json();
	return {
		longProgramId,
		longTrainingId: longTraining.id as string, sellerOrderPath, memberPath, statusPath: new URL(checkout.statusUrl).pathname + new URL(checkout.statusUrl).search, jjProductId: jj.data.products[0].id, programId, trainingId: training.id as string, checkinPath };
}
