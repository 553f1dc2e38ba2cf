import type { RouteRequest } from '../../helpers/routes';
import { ACTORS, type ActorName, type World } from './world';
import { systemActor } from '../../../src/lib/server/auth/actor';
import { system } from '../../helpers/factories';

/**
 * THE AUTHORIZATION MATRIX: for every form action and every request handler under src/routes, what each
 * actor gets when it reaches for shop A of community 1 (the victim; see world.ts for who is who).
 *
 * Adding a route? Add its key below (the test prints the exact key and a template when one is missing).
 * A row is one or more probes; each probe builds a request for an actor and says the status every actor
 * must get. After any refused attempt (4xx) every table must be exactly as before (digest), unless the probe
 * names the tables a refusal legitimately writes in `mayChange` (e.g. login throttle counters).
 * Put foreign ids everywhere a route reads one: URL params, query strings, hidden form fields, JSON bodies
 * and nested objects (variants, lines, …).
 *
 * `openHole` marks actors for whom the route does NOT yet behave as `expect` says, because the fix is
 * somebody's open work (named there). The expectation still states the correct behaviour; the test fails
 * as soon as the hole closes, asking to delete the `openHole` line — so it cannot be forgotten.
 */
export type Expect = Record<ActorName, number>;

/** Counters that a refused attempt is meant to write (throttles, rate limits): left out of every digest. */
export const COUNTER_TABLES = ['login_throttle', 'rate_limit'];

export interface Probe<F = unknown> {
	/** What the attacker tries, in a few words. */
	probe: string;
	/** Fresh rows for each attempt (a product, an order…), so one actor's success cannot change another's outcome. */
	setup?: (w: World, as: ActorName) => Promise<F>;
	request: (w: World, f: F, as: ActorName) => RouteRequest;
	expect: Expect;
	/** Tables a refused attempt may still write (rate limits, throttles). */
	mayChange?: string[];
	/** No attempt of this probe may change anything, whatever its status (reads, no-op requests). */
	readOnly?: boolean;
	openHole?: { fixedBy: string; actors: ActorName[] };
}

/** Keeps each probe's fixture type checked while the table holds probes of many fixture types. */
export function probe<F>(p: Probe<F>): Probe<unknown> {
	return p as Probe<unknown>;
}

/** Every actor gets the same status. */
export const everyone = (status: number): Expect => Object.fromEntries(ACTORS.map((a) => [a, status])) as Expect;
/** The shop's seller and its community's coordinator and facilitator may; strangers are told it does not exist. */
export const shopManagers = (ok: number, anonymous = 401): Expect => ({ ...everyone(404), anonymous, seller: ok, coordinator: ok, facilitator: ok });
/** Form actions on a product or order: whoever does not manage it (signed in or not) is told it does not exist. */
export const productManagers = (ok: number): Expect => shopManagers(ok, 404);
/** Only the shop's own seller. */
export const shopOwner = (ok: number, anonymous = 401): Expect => ({ ...everyone(404), anonymous, seller: ok });
/** The community's coordinator and facilitator. */
export const communityStaff = (ok: number, anonymous = 401): Expect => ({ ...everyone(404), anonymous, coordinator: ok, facilitator: ok });
/** Anyone signed in (their own things). */
export const signedIn = (ok: number, anonymous = 401): Expect => ({ ...everyone(ok), anonymous });


/** A buyer number per actor: checkouts are rate-limited per number (issue 8 item 5), and each actor orders in turn. */
const buyerNumber = (as: ActorName) => `0813 1111 ${String(2200 + ACTORS.indexOf(as)).padStart(4, '0')}`;

/** The actor's own shop when it has one, else the victim's: "my id in the URL, yours in the body". */
const ownOrVictimShop = (w: World, as: ActorName) => w.ownShop(as) ?? w.shopA;

const product = (w: World) => w.fresh.product(w.shopA);
const photo = (w: World) => w.fresh.photo(w.shopA);
let firstPhotoTicket: string | null = null;
/** A step-1 photo of "Produk pertama" for shop A (made once through the real pipeline: it is slow). */
const firstPhoto = async (w: World) => ({ ticket: (firstPhotoTicket ??= (await w.services.firstProduct.takePhoto(system, w.shopA.id, w.photoBytes)).ticket) });
const order = (w: World) => w.fresh.order(w.shopA);
/** A phone of the victim's seller subscribed to shop A's order alerts (a fresh endpoint per attempt). */
const pushSubscription = async (w: World) => {
	const endpoint = `https://fcm.googleapis.com/fcm/send/matrix-${++pushSeq}`;
	await w.services.database.db
		.insertInto('push_subscription')
		.values({ id: `push_matrix_${pushSeq}`, user_id: w.userIds.seller, shop_id: w.shopA.id, endpoint, p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg', created_at: new Date().toISOString() })
		.execute();
	return { endpoint };
};
let pushSeq = 0;
/** An order of shop A its seller has completed (its income is in shop A's cash book). */
const completedOrder = async (w: World) => {
	const f = await order(w);
	await w.services.orders.setStatus(await w.actor('seller'), f.orderId, 'selesai');
	return f;
};
/** A receivable of shop A (Rp 100.000, nothing paid). */
const debt = async (w: World) => ({ debtId: (await w.services.debts.create(system, w.shopA.id, { direction: 'receivable', name: 'Pelanggan Matriks', whatsapp: '081355551234', amount: 100000 })).id });
/** An order of shop A whose buyer has sent a transfer receipt (stored privately under r/). */
const orderWithReceipt = async (w: World) => {
	const f = await order(w);
	await w.services.paymentProofs.upload(system, f.checkoutCode, f.token, f.orderCode, w.photoBytes, { address: 'matrix-fixture' });
	return f;
};
const jpeg = (w: World, name = 'foto.jpg') => new File([new Uint8Array(w.photoBytes)], name, { type: 'image/jpeg' });

const productPatch = { name: 'Diganti penyerang', price: 1234 };
const productForm = { name: 'Diganti penyerang', categorySlug: 'camilan-keripik', price: '12.000', unit: 'bungkus', stock: '3' };
const newProduct = { name: 'Produk penyerang', categorySlug: 'camilan-keripik', price: 5000, unit: 'bungkus', stock: 1 };

/** A product of the actor's own shop (or the victim's) in the URL, and a variant of the victim's other product in the body. */
const foreignVariant = async (w: World, as: ActorName) => ({ mine: await w.fresh.product(ownOrVictimShop(w, as)), victim: await w.fresh.product(w.shopA) });

/** A program and a training of community 1, with the victim shop's member and a member of community 2. */
const trainingOfC1 = async (w: World) => {
	const program = await w.services.programs.create(systemActor('matriks'), w.c1, { name: 'Program Matriks' });
	const training = await w.services.trainings.create(systemActor('matriks'), program.id, { title: 'Pelatihan Matriks', startsAt: new Date().toISOString(), venue: 'Balai Kelurahan' });
	const memberOf = async (shopId: string) => (await w.services.database.db.selectFrom('member').select('id').where('shop_id', '=', shopId).executeTakeFirstOrThrow()).id;
	const member = await memberOf(w.shopA.id);
	// scores and the post-test are taken only from members marked present: shops A and B came
	const came = [member, await memberOf(w.shopB.id)].map((memberId, i) => ({ id: `matriks-hadir-${i}-${Math.random().toString(36).slice(2, 10)}`, memberId, present: true, at: new Date().toISOString() }));
	await w.services.trainings.recordAttendance(systemActor('matriks'), training.id, { events: came });
	return { programId: program.id, training, member, foreignMember: await memberOf(w.shopC.id) };
};
type TrainingFixture = Awaited<ReturnType<typeof trainingOfC1>>;
/** A training of community 1 where shop A's member has a "minta bantuan" flag up (written directly: no rate limit in the way). */
const helpRaisedInC1 = async (w: World) => {
	const f = await trainingOfC1(w);
	await w.services.database.db.insertInto('training_help').values({ id: `help_matriks_${Math.random().toString(36).slice(2, 10)}`, training_id: f.training.id, member_id: f.member, raised_at: new Date().toISOString(), raised_by: null, ended_at: null, ended_by: null, outcome: null }).execute();
	return f;
};
/** A training of community 1 whose attendance is closed. */
const closedTrainingOfC1 = async (w: World) => {
	const f = await trainingOfC1(w);
	await w.services.trainings.closeAttendance(systemActor('matriks'), f.training.id);
	return f;
};
/** A board link of a community 1 training, and another training's id to try it with. */
const boardLinkOfC1 = async (w: World) => {
	const f = await trainingOfC1(w);
	const other = await trainingOfC1(w);
	const link = await w.services.boards.createLink(systemActor('matriks'), f.training.id);
	return { ...f, token: link.token, otherTraining: other.training.id };
};
type BoardLinkFixture = Awaited<ReturnType<typeof boardLinkOfC1>>;
/** A phone's pending check-in claim at a community 1 training (by the victim shop's member), and another training of it. */
const claimOfC1 = async (w: World) => {
	const f = await trainingOfC1(w);
	const other = await trainingOfC1(w);
	const claim = await w.services.checkins.claim(f.training.checkinToken, { memberId: f.member }, undefined, `198.51.100.${Math.floor(Math.random() * 250)}`);
	return { ...f, ...claim, otherTraining: other.training };
};
type ClaimFixture = Awaited<ReturnType<typeof claimOfC1>>;
/** The same claim, confirmed by staff (the victim's member is marked present; the victim already has a password). */
const confirmedClaimOfC1 = async (w: World) => {
	const f = await claimOfC1(w);
	await w.services.checkins.decide(systemActor('matriks'), f.training.id, f.claimId, 'confirm');
	return f;
};
/** A personal check-in card of the victim shop's member, printed at a community 1 training happening today. */
const cardOfC1 = async (w: World) => {
	const f = await trainingOfC1(w);
	const [card] = await w.services.checkins.issueCards(systemActor('matriks'), f.training.id, [f.member]);
	return { ...f, token: card.token };
};
type CardFixture = Awaited<ReturnType<typeof cardOfC1>>;
const tick = (memberId: string, as: string) => ({ id: `matriks-${as}-${Math.random().toString(36).slice(2, 10)}`, memberId, present: true, at: '2024-11-28T08:05:00Z' });
const trainingForm = { title: 'Pelatihan Penyerang', startsAt: '2024-12-01T09:00', venue: 'Balai Desa' };
/** The roster member of a shop (every shop has exactly one). */
const memberOf = async (w: World, shop: { id: string }) => (await w.services.database.db.selectFrom('member').select('id').where('shop_id', '=', shop.id).executeTakeFirstOrThrow()).id;
/** A fresh shop without an owner in this community, and its member. */
let newShops = 0;
const memberOfNewShop = async (w: World, c: World['c1']) =>
	memberOf(w, await w.services.shops.create(system, c, { name: `Toko tanpa pemilik ${++newShops}`, whatsapp: `0858 1${String(newShops).padStart(3, '0')} ${String(Date.now() % 10000).padStart(4, '0')}`, businessType: 'Penjual opak' }));
/** A fresh open follow-up about shop A's member, due today. */
const followUp = async (w: World) => (await w.services.mentoring.add(system, w.c1, await memberOf(w, w.shopA), { heldOn: '2024-11-01', channel: 'kunjungan', topic: 'Foto produk', followUpOn: '2024-11-02' })).id;
/** A program of community 1, and one with an MPA item, a manual indicator with a value, or a photo as evidence. */
const program = (w: World) => w.services.programs.create(system, w.c1, { name: 'Program matriks' });
const filled = async (w: World) => {
	const p = await program(w);
	const [item] = await w.services.assessment.add(system, p.id, { method: 'mpa', category: 'need', sector: 'Ekonomi', text: 'Pelatihan UMKM' });
	const indicator = await w.services.indicators.add(system, p.id, { label: 'Catatan manual', target: 5 });
	const entry = await w.services.indicators.addEntry(system, indicator.id, { onDate: '2024-12-01', value: 1 });
	return { program: p, itemId: item.id, indicatorId: indicator.id, entryId: entry.id };
};
const evidence = async (w: World) => {
	const p = await program(w);
	return { program: p, evidence: await w.services.evidence.add(system, p.id, 'intervensi', { title: 'Foto pelatihan', file: w.photoBytes }) };
};

export const expectations: Record<string, Probe[]> = {
	// ——— JSON API ———
	'GET /api/[...rest]': [probe({ probe: 'unknown API path', request: () => ({ params: { rest: 'v1/tidak-ada' } }), expect: everyone(404), readOnly: true })],
	'POST /api/[...rest]': [probe({ probe: 'unknown API path', request: () => ({ params: { rest: 'v1/tidak-ada' }, json: {} }), expect: everyone(404), readOnly: true })],
	'PUT /api/[...rest]': [probe({ probe: 'unknown API path', request: () => ({ params: { rest: 'v1/tidak-ada' }, json: {} }), expect: everyone(404), readOnly: true })],
	'PATCH /api/[...rest]': [probe({ probe: 'unknown API path', request: () => ({ params: { rest: 'v1/tidak-ada' }, json: {} }), expect: everyone(404), readOnly: true })],
	'DELETE /api/[...rest]': [probe({ probe: 'unknown API path', request: () => ({ params: { rest: 'v1/tidak-ada' } }), expect: everyone(404), readOnly: true })],
	'POST /api/v1/auth/login': [
		probe({ probe: 'a wrong password', request: (_w, _f, as) => ({ json: { login: `tebak-api-${as}@matriks.test`, password: 'salah-tebak-123' } }), expect: everyone(401) }),
		probe({ probe: 'a login that is not a string', request: () => ({ json: { login: { $ne: '' }, password: ['x'] } }), expect: everyone(422) })
	],
	'GET /api/v1/checkouts/[code]': [
		probe({ probe: "someone's checkout code without its token", setup: order, request: (_w, f) => ({ params: { code: f.checkoutCode }, query: { token: 'x'.repeat(43) } }), expect: everyone(404), readOnly: true }),
		probe({ probe: 'the checkout link (code + token) as the buyer got it', setup: order, request: (_w, f) => ({ params: { code: f.checkoutCode }, query: { token: f.token } }), expect: everyone(200), readOnly: true })
	],
	'GET /api/v1/communities': [probe({ probe: 'public list', request: () => ({}), expect: everyone(200), readOnly: true })],
	'POST /api/v1/communities/[slug]/checkouts': [
		probe({
			probe: 'anyone may order (with an Idempotency-Key)',
			setup: product,
			request: (w, f, as) => ({
				params: { slug: w.c1.slug },
				headers: { 'idempotency-key': `matriks-api-${as}-${f.product.id}` },
				json: { buyer: { name: 'Pembeli', whatsapp: buyerNumber(as) }, lines: [{ productId: f.product.id, variantId: f.variantIds[0], quantity: 1 }], shops: { [w.shopA.slug]: { delivery: 'pickup', payment: 'cod' } } }
			}),
			expect: everyone(201)
		}),
		probe({
			probe: "community 1's product (nested in lines) ordered through community 2",
			setup: product,
			request: (w, f, as) => ({
				params: { slug: w.c2.slug },
				headers: { 'idempotency-key': `matriks-api-x-${as}-${f.product.id}` },
				json: { buyer: { name: 'Pembeli', whatsapp: '0813 1111 2222' }, lines: [{ productId: f.product.id, variantId: f.variantIds[0], quantity: 1 }], shops: { [w.shopA.slug]: { delivery: 'pickup', payment: 'cod' } } }
			}),
			expect: everyone(422)
		}),
		probe({
			probe: "a variant of another product (nested in lines)",
			setup: async (w) => ({ a: await product(w), b: await product(w) }),
			request: (w, f, as) => ({
				params: { slug: w.c1.slug },
				headers: { 'idempotency-key': `matriks-api-v-${as}-${f.a.product.id}` },
				json: { buyer: { name: 'Pembeli', whatsapp: '0813 1111 2222' }, lines: [{ productId: f.a.product.id, variantId: f.b.variantIds[0], quantity: 1 }], shops: { [w.shopA.slug]: { delivery: 'pickup', payment: 'cod' } } }
			}),
			expect: everyone(422)
		})
	],
	'GET /api/v1/communities/[slug]/products': [probe({ probe: 'public list', request: (w) => ({ params: { slug: w.c1.slug } }), expect: everyone(200), readOnly: true })],
	'GET /api/v1/communities/[slug]/programs': [probe({ probe: "community 1's programs", request: (w) => ({ params: { slug: w.c1.slug } }), expect: communityStaff(200), readOnly: true })],
	'GET /api/v1/communities/[slug]/shops': [probe({ probe: 'public list', request: (w) => ({ params: { slug: w.c1.slug } }), expect: everyone(200), readOnly: true })],
	'GET /api/v1/communities/[slug]/shops/[shop]': [
		probe({ probe: 'public shop', request: (w) => ({ params: { slug: w.c1.slug, shop: w.shopA.slug } }), expect: everyone(200), readOnly: true }),
		probe({ probe: "community 2's shop under community 1", request: (w) => ({ params: { slug: w.c1.slug, shop: w.shopC.slug } }), expect: everyone(404), readOnly: true })
	],
	'GET /api/v1/me/shops': [probe({ probe: 'own shops only', request: () => ({}), expect: signedIn(200), readOnly: true })],
	'POST /api/v1/admin/communities': [
		probe({ probe: 'create a community as a non-admin', request: () => ({ json: { regionCode: '32.08.18.1002', name: 'Kelurahan Penyusup', slug: 'penyusup' } }), expect: everyone(404) })
	],
	'POST /admin?/create': [probe({ probe: 'create a community as a non-admin', request: () => ({ form: { regionCode: '32.08.18.1002', name: 'Kelurahan Penyusup', slug: 'penyusup' } }), expect: everyone(404) })],
	'POST /admin?/appoint': [
		probe({ probe: 'make oneself coordinator of community 1', request: (w) => ({ form: { community: w.c1.slug, name: 'Penyusup', email: 'penyusup@matriks.test', role: 'coordinator' } }), expect: everyone(404) })
	],
	'POST /admin?/suspend': [
		probe({ probe: "suspend the victim's shop", request: (w) => ({ form: { address: `/c/${w.c1.slug}/toko/${w.shopA.slug}`, reason: 'Diturunkan penyerang' } }), expect: everyone(404) })
	],
	'POST /admin?/restore': [
		probe({
			probe: 'restore a product an admin suspended',
			setup: async (w) => {
				const { product } = await w.fresh.product(w.shopA);
				await w.services.admin.suspendProduct(system, product.id, { reason: 'Ditangguhkan untuk matriks' });
				return { productId: product.id };
			},
			request: (_w, f: { productId: string }) => ({ form: { kind: 'product', id: f.productId } }),
			expect: everyone(404)
		})
	],
	'GET /admin/riwayat.csv': [probe({ probe: 'the whole audit log', request: () => ({}), expect: everyone(404), readOnly: true })],
	'GET /koordinator/[community]/riwayat.csv': [
		probe({ probe: "community 1's audit log", request: (w) => ({ params: { community: w.c1.slug } }), expect: { ...everyone(404), anonymous: 401, coordinator: 200 }, readOnly: true })
	],
	'GET /api/v1/regions': [
		probe({ probe: 'public official regions', request: () => ({ query: { parent: '32.08' } }), expect: everyone(404), readOnly: true }),
		probe({ probe: 'public provinces', request: () => ({}), expect: everyone(200), readOnly: true })
	],
	'GET /api/v1/openapi.json': [probe({ probe: 'public description', request: () => ({}), expect: everyone(200), readOnly: true })],
	'GET /api/v1/products/[productId]': [probe({ probe: "the victim's product id in the URL", setup: product, request: (_w, f) => ({ params: { productId: f.product.id } }), expect: shopManagers(200), readOnly: true })],
	'PATCH /api/v1/products/[productId]': [
		probe({ probe: "the victim's product id in the URL", setup: product, request: (_w, f) => ({ params: { productId: f.product.id }, json: productPatch }), expect: shopManagers(200) }),
		probe({
			probe: "own product in the URL, the victim's variant id nested in variants[]",
			setup: foreignVariant,
			request: (_w, f) => ({ params: { productId: f.mine.product.id }, json: { variants: [{ id: f.victim.variantIds[0], label: 'X', price: 100, stock: 0 }] } }),
			expect: { ...everyone(404), anonymous: 401 }
		})
	],
	'DELETE /api/v1/products/[productId]': [probe({ probe: "the victim's product id in the URL", setup: product, request: (_w, f) => ({ params: { productId: f.product.id } }), expect: shopManagers(200) })],
	'POST /api/v1/products/[productId]/photos': [
		probe({ probe: "a photo for the victim's product", setup: product, request: (w, f) => ({ params: { productId: f.product.id }, form: { file: jpeg(w) } }), expect: shopManagers(201) })
	],
	'GET /api/v1/shops/[shopId]/products': [probe({ probe: "the victim's shop id in the URL", request: (w) => ({ params: { shopId: w.shopA.id } }), expect: shopManagers(200), readOnly: true })],
	'POST /api/v1/shops/[shopId]/products': [probe({ probe: "a product in the victim's shop", request: (w) => ({ params: { shopId: w.shopA.id }, json: newProduct }), expect: shopManagers(201) })],
	'GET /api/v1/shops/[shopId]/stats': [probe({ probe: "the victim's visitor numbers (shop id in the URL)", request: (w) => ({ params: { shopId: w.shopA.id }, query: { days: '7' } }), expect: shopManagers(200), readOnly: true })],
	'GET /api/v1/communities/[slug]/stats': [probe({ probe: "community 1's visitor numbers", request: (w) => ({ params: { slug: w.c1.slug }, query: { days: '30' } }), expect: communityStaff(200), readOnly: true })],
	'GET /api/v1/shops/[shopId]/exports/shopee.xlsx': [probe({ probe: "the victim's products as a Shopee file (shop id in the URL)", request: (w) => ({ params: { shopId: w.shopA.id } }), expect: shopManagers(200) })],
	'POST /api/v1/shops/[shopId]/exports/shopee.xlsx': [
		// who may export is decided before the upload is read: managers reach the file check (a photo is no template: 400)
		probe({ probe: "fill a template with the victim's products (shop id in the URL)", request: (w) => ({ params: { shopId: w.shopA.id }, form: { template: jpeg(w, 'template.xlsx') } }), expect: shopManagers(400) })
	],

	// ——— plain pages and files ———
	'GET /bahasa': [probe({ probe: 'language switch', request: () => ({ query: { ke: 'en', kembali: '/' } }), expect: everyone(303), readOnly: true })],
	'GET /robots.txt': [probe({ probe: 'public crawler rules', request: () => ({}), expect: everyone(200), readOnly: true })],
	'GET /sitemap.xml': [probe({ probe: 'public sitemap', request: () => ({}), expect: everyone(200), readOnly: true })],
	'GET /sitemap-[page].xml': [
		probe({ probe: 'a sitemap page when one file holds everything', request: () => ({ params: { page: '1' } }), expect: everyone(404), readOnly: true }),
		probe({ probe: 'a page number that is not a number', request: () => ({ params: { page: '../x' } }), expect: everyone(404), readOnly: true })
	],
	'GET /healthz': [probe({ probe: 'health check', request: () => ({}), expect: everyone(200), readOnly: true })],
	'GET /readyz': [probe({ probe: 'readiness check', request: () => ({}), expect: everyone(200), readOnly: true })],
	// METRICS_TOKEN is unset here: nobody (signed in or not, with any bearer token) gets the metrics
	'GET /metrics': [
		probe({ probe: 'Prometheus metrics without the metrics token', request: () => ({}), expect: everyone(404), readOnly: true }),
		probe({ probe: 'Prometheus metrics with a guessed bearer token', request: () => ({ headers: { authorization: 'Bearer tebakan' } }), expect: everyone(404), readOnly: true })
	],
	'GET /media/[...key]': [
		probe({ probe: 'a path outside the media folder', request: () => ({ params: { key: '../../etc/passwd' } }), expect: everyone(404), readOnly: true }),
		probe({ probe: 'a missing file', request: () => ({ params: { key: 'p/ab/abcdef-400.webp' } }), expect: everyone(404), readOnly: true })
	],

	// ——— accounts ———
	'POST /atur-sandi/[token]?/default': [
		probe({ probe: 'a guessed setup token', request: () => ({ params: { token: 'x'.repeat(43) }, form: { password: 'kunci-baru-sekali-9', confirm: 'kunci-baru-sekali-9' } }), expect: everyone(404) })
	],
	'POST /keluar?/default': [probe({ probe: 'sign out (own session only)', request: () => ({}), expect: everyone(303) })],
	'POST /keluar/semua?/default': [probe({ probe: 'sign out everywhere (own sessions only)', request: () => ({}), expect: everyone(303) })],
	'POST /masuk?/default': [
		probe({ probe: 'a wrong password', request: (_w, _f, as) => ({ form: { login: `tebak-form-${as}@matriks.test`, password: 'salah-tebak-123' } }), expect: everyone(401) })
	],

	// ——— trainings (issue 9) ———
	'GET /api/v1/programs/[programId]/trainings': [probe<TrainingFixture>({ probe: "community 1's trainings", setup: trainingOfC1, request: (_w, f) => ({ params: { programId: f.programId } }), expect: communityStaff(200), readOnly: true })],
	'POST /api/v1/programs/[programId]/trainings': [
		probe<TrainingFixture>({ probe: 'a training in community 1', setup: trainingOfC1, request: (_w, f) => ({ params: { programId: f.programId }, json: trainingForm }), expect: communityStaff(201) })
	],
	'GET /api/v1/trainings/[trainingId]/attendance': [probe<TrainingFixture>({ probe: "community 1's attendance", setup: trainingOfC1, request: (_w, f) => ({ params: { trainingId: f.training.id } }), expect: communityStaff(200), readOnly: true })],
	'POST /api/v1/trainings/[trainingId]/attendance': [
		probe<TrainingFixture>({ probe: 'tick a member of community 1', setup: trainingOfC1, request: (_w, f, as) => ({ params: { trainingId: f.training.id }, json: { events: [tick(f.member, as)] } }), expect: communityStaff(200) }),
		probe<TrainingFixture>({
			probe: "community 2's member nested in the events, beside a good one",
			setup: trainingOfC1,
			request: (_w, f, as) => ({ params: { trainingId: f.training.id }, json: { events: [tick(f.member, as), tick(f.foreignMember, as)] } }),
			expect: communityStaff(404)
		})
	],
	'POST /koordinator/[community]/pelatihan?/buat': [
		probe<TrainingFixture>({ probe: 'a training in community 1', setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug }, form: { ...trainingForm, programId: f.programId } }), expect: communityStaff(303) }),
		probe<TrainingFixture>({
			probe: "community 1's program id posted through community 2's page",
			setup: trainingOfC1,
			request: (w, f) => ({ params: { community: w.c2.slug }, form: { ...trainingForm, programId: f.programId } }),
			expect: { ...everyone(404), anonymous: 401 }
		})
	],
	'POST /koordinator/[community]/pelatihan?/penandatangan': [
		probe<TrainingFixture>({ probe: "the coordinator's name on community 1's report", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug }, form: { programId: f.programId, name: 'Hj. Euis' } }), expect: communityStaff(303) }),
		probe<TrainingFixture>({ probe: "community 1's program id posted through community 2's page", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c2.slug }, form: { programId: f.programId, name: 'Hj. Euis' } }), expect: { ...everyone(404), anonymous: 401 } })
	],
	'POST /koordinator/[community]/pelatihan?/jadwalkan': [
		probe<TrainingFixture>({ probe: 'a plan id that is none of community 2', setup: trainingOfC1, request: (w) => ({ params: { community: w.c2.slug }, form: { planId: 'tpl_none', startsAt: '2025-03-10T09:00' } }), expect: { ...everyone(404), anonymous: 401 } })
	],
	'POST /koordinator/[community]/pelatihan/[training]?/ubah': [
		probe<TrainingFixture>({ probe: 'change a training of community 1', setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: trainingForm }), expect: communityStaff(303) }),
		probe<TrainingFixture>({ probe: "community 1's training through community 2's URL", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c2.slug, training: f.training.id }, form: trainingForm }), expect: { ...everyone(404), anonymous: 401 } })
	],
	'POST /koordinator/[community]/pelatihan/[training]?/undang': [
		probe<TrainingFixture>({ probe: 'invite a member of community 1', setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: { memberId: f.member } }), expect: communityStaff(303) }),
		probe<TrainingFixture>({
			probe: "community 2's member in the form",
			setup: trainingOfC1,
			request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: { memberId: [f.member, f.foreignMember] } }),
			expect: communityStaff(404)
		})
	],
	'POST /koordinator/[community]/pelatihan/[training]/hadir?/centang': [
		probe<TrainingFixture>({ probe: 'tick a member (form post)', setup: trainingOfC1, request: (w, f, as) => ({ params: { community: w.c1.slug, training: f.training.id }, form: { memberId: f.member, present: '1', eventId: tick(f.member, as).id } }), expect: communityStaff(303) }),
		probe<TrainingFixture>({ probe: "community 2's member in the hidden field", setup: trainingOfC1, request: (w, f, as) => ({ params: { community: w.c1.slug, training: f.training.id }, form: { memberId: f.foreignMember, present: '1', eventId: tick(f.member, as).id } }), expect: communityStaff(404) })
	],
	'POST /koordinator/[community]/pelatihan/[training]/hadir/kirim': [
		probe<TrainingFixture>({ probe: "the page's queue sends a tick", setup: trainingOfC1, request: (w, f, as) => ({ params: { community: w.c1.slug, training: f.training.id }, json: { events: [tick(f.member, as)] } }), expect: communityStaff(200) }),
		probe<TrainingFixture>({
			probe: "community 2's member nested in the queued events",
			setup: trainingOfC1,
			request: (w, f, as) => ({ params: { community: w.c1.slug, training: f.training.id }, json: { events: [tick(f.member, as), tick(f.foreignMember, as)] } }),
			expect: communityStaff(404)
		})
	],
	'PUT /api/v1/trainings/[trainingId]/scores': [
		probe<TrainingFixture>({ probe: "scores for community 1's member", setup: trainingOfC1, request: (_w, f) => ({ params: { trainingId: f.training.id }, json: { kind: 'pre', scores: [{ memberId: f.member, score: 55 }] } }), expect: communityStaff(200) }),
		probe<TrainingFixture>({
			probe: "community 2's member nested in the scores",
			setup: trainingOfC1,
			request: (_w, f) => ({ params: { trainingId: f.training.id }, json: { kind: 'pre', scores: [{ memberId: f.member, score: 55 }, { memberId: f.foreignMember, score: 90 }] } }),
			expect: communityStaff(404)
		})
	],
	// ——— the training board (issue 13) ———
	'GET /api/v1/trainings/[trainingId]/board': [probe<TrainingFixture>({ probe: "community 1's training board", setup: trainingOfC1, request: (_w, f) => ({ params: { trainingId: f.training.id } }), expect: communityStaff(200), readOnly: true })],
	'GET /api/v1/trainings/[trainingId]/board/events': [probe<TrainingFixture>({ probe: "community 1's live board", setup: trainingOfC1, request: (_w, f) => ({ params: { trainingId: f.training.id } }), expect: communityStaff(200), readOnly: true })],
	'GET /koordinator/[community]/pelatihan/[training]/ruang/events': [
		probe<TrainingFixture>({ probe: "the facilitator list's live stream of community 1's training", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id } }), expect: communityStaff(200), readOnly: true }),
		probe<TrainingFixture>({ probe: "community 1's training through community 2's URL", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c2.slug, training: f.training.id } }), expect: { ...everyone(404), anonymous: 401 }, readOnly: true })
	],
	'POST /api/v1/trainings/[trainingId]/board-links': [probe<TrainingFixture>({ probe: "a no-login link to community 1's board", setup: trainingOfC1, request: (_w, f) => ({ params: { trainingId: f.training.id } }), expect: communityStaff(201) })],
	'POST /koordinator/[community]/pelatihan/[training]?/papan': [
		probe<TrainingFixture>({ probe: "a board link for community 1's training", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: {} }), expect: communityStaff(200) }),
		probe<TrainingFixture>({ probe: "community 1's training through community 2's URL", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c2.slug, training: f.training.id }, form: {} }), expect: { ...everyone(404), anonymous: 401 } })
	],
	'GET /papan/[trainingId]/[token]': [
		probe<BoardLinkFixture>({ probe: 'the board behind a valid board link (no login needed)', setup: boardLinkOfC1, request: (_w, f) => ({ params: { trainingId: f.training.id, token: f.token } }), expect: everyone(200), readOnly: true }),
		probe<BoardLinkFixture>({ probe: "the link's token with another training's id", setup: boardLinkOfC1, request: (_w, f) => ({ params: { trainingId: f.otherTraining, token: f.token } }), expect: everyone(404), readOnly: true })
	],
	'GET /papan/[trainingId]/[token]/events': [
		probe<BoardLinkFixture>({ probe: 'live board behind a valid board link', setup: boardLinkOfC1, request: (_w, f) => ({ params: { trainingId: f.training.id, token: f.token } }), expect: everyone(200), readOnly: true }),
		probe<BoardLinkFixture>({ probe: "the link's token with another training's id", setup: boardLinkOfC1, request: (_w, f) => ({ params: { trainingId: f.otherTraining, token: f.token } }), expect: everyone(404), readOnly: true })
	],
	'GET /api/v1/trainings/[trainingId]/results': [probe<TrainingFixture>({ probe: "everyone's scores (staff only, never a seller)", setup: trainingOfC1, request: (_w, f) => ({ params: { trainingId: f.training.id } }), expect: communityStaff(200), readOnly: true })],
	'POST /koordinator/[community]/pelatihan/[training]/nilai?/simpan': [
		probe<TrainingFixture>({ probe: 'typed scores (form)', setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: { [`pre.${f.member}`]: '40', [`post.${f.member}`]: '80' } }), expect: communityStaff(303) }),
		probe<TrainingFixture>({ probe: "community 2's member as a field name", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: { [`pre.${f.foreignMember}`]: '40' } }), expect: communityStaff(404) })
	],
	'GET /api/v1/programs/[programId]/report.pdf': [probe<TrainingFixture>({ probe: "community 1's evaluation report", setup: trainingOfC1, request: (_w, f) => ({ params: { programId: f.programId } }), expect: communityStaff(200), readOnly: true })],
	'GET /koordinator/[community]/pelatihan/laporan/[program]/[format]': [
		probe<TrainingFixture>({ probe: "community 1's report as XLSX", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug, program: f.programId, format: 'xlsx' } }), expect: { ...communityStaff(200), anonymous: 303 }, readOnly: true }),
		probe<TrainingFixture>({ probe: "community 1's report through community 2's URL", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c2.slug, program: f.programId, format: 'pdf' } }), expect: { ...everyone(404), anonymous: 303 }, readOnly: true })
	],
	'GET /koordinator/[community]/pelatihan/[training]/dokumen/[doc]': [
		probe<TrainingFixture>({ probe: "community 1's invitation letter", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id, doc: 'undangan' } }), expect: { ...communityStaff(200), anonymous: 303 }, readOnly: true }),
		probe<TrainingFixture>({ probe: "community 1's certificates through community 2's URL", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c2.slug, training: f.training.id, doc: 'sertifikat' } }), expect: { ...everyone(404), anonymous: 303 }, readOnly: true }),
		probe<TrainingFixture>({ probe: "community 1's one-page 'Hasil pelatihan'", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id, doc: 'hasil' } }), expect: { ...communityStaff(200), anonymous: 303 }, readOnly: true }),
		probe<TrainingFixture>({ probe: "community 1's 'Hasil pelatihan' through community 2's URL", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c2.slug, training: f.training.id, doc: 'hasil' } }), expect: { ...everyone(404), anonymous: 303 }, readOnly: true })
	],
	// ——— "minta bantuan" and the end of the day (issue 13, items 4–5) ———
	'POST /jual/bantuan?/minta': [
		probe<TrainingFixture>({ probe: "raise a help flag at community 1's training today (shops A and B are on its list)", setup: trainingOfC1, request: (_w, f) => ({ form: { trainingId: f.training.id, kembali: '/jual' } }), expect: { ...everyone(404), seller: 303, sellerSameCommunity: 303 } }),
		probe<TrainingFixture>({ probe: 'a training id that does not exist', setup: trainingOfC1, request: () => ({ form: { trainingId: 'trn_none', kembali: 'https://evil.example/' } }), expect: everyone(404) })
	],
	'POST /jual/bantuan?/batal': [
		probe<TrainingFixture>({ probe: "take back one's own help flag at community 1's training", setup: trainingOfC1, request: (_w, f) => ({ form: { trainingId: f.training.id } }), expect: { ...everyone(404), seller: 303, sellerSameCommunity: 303 } })
	],
	'POST /koordinator/[community]/pelatihan/[training]/ruang?/dibantu': [
		probe<TrainingFixture>({ probe: "clear shop A's member's help flag", setup: helpRaisedInC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: { memberId: f.member } }), expect: communityStaff(303) }),
		probe<TrainingFixture>({ probe: "community 2's member in the hidden field", setup: helpRaisedInC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: { memberId: f.foreignMember } }), expect: communityStaff(404) }),
		probe<TrainingFixture>({ probe: "community 1's training through community 2's URL", setup: helpRaisedInC1, request: (w, f) => ({ params: { community: w.c2.slug, training: f.training.id }, form: { memberId: f.member } }), expect: { ...everyone(404), anonymous: 401 } })
	],
	'POST /koordinator/[community]/pelatihan/[training]?/kartuHilang': [
		probe<TrainingFixture>({ probe: "stop a member's check-in cards at community 1's training", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: { memberId: f.member } }), expect: communityStaff(303) }),
		probe<TrainingFixture>({ probe: "community 2's member's cards through community 1's training", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: { memberId: f.foreignMember } }), expect: { ...everyone(404), anonymous: 401 } }),
		probe<TrainingFixture>({ probe: "community 1's training through community 2's URL", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c2.slug, training: f.training.id }, form: { memberId: f.member } }), expect: { ...everyone(404), anonymous: 401 } })
	],
	'POST /koordinator/[community]/pelatihan/[training]?/tutup': [
		probe<TrainingFixture>({ probe: "close the attendance of community 1's training", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: {} }), expect: communityStaff(303) }),
		probe<TrainingFixture>({ probe: "community 1's training through community 2's URL", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c2.slug, training: f.training.id }, form: {} }), expect: { ...everyone(404), anonymous: 401 } })
	],
	'POST /koordinator/[community]/pelatihan/[training]?/buka': [
		probe<TrainingFixture>({ probe: "reopen the closed attendance of community 1's training", setup: closedTrainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: {} }), expect: communityStaff(303) }),
		probe<TrainingFixture>({ probe: "community 1's training through community 2's URL", setup: closedTrainingOfC1, request: (w, f) => ({ params: { community: w.c2.slug, training: f.training.id }, form: {} }), expect: { ...everyone(404), anonymous: 401 } })
	],
	'POST /jual/pelatihan/[training]/tes/[kind]?/default': [
		probe<TrainingFixture & { answers: Record<string, string> }>({
			probe: "answer community 1's post-test (every question answered; the training started now, so the post-test is open)",
			setup: async (w) => ({ ...(await trainingOfC1(w)), answers: Object.fromEntries((await w.services.tests.bank(w.c1.id)).map((q) => [`q_${q.id}`, '0'])) }),
			request: (_w, f) => ({ params: { training: f.training.id, kind: 'post' }, form: f.answers }),
			expect: { ...everyone(404), seller: 303, sellerSameCommunity: 303 }
		}),
		probe<TrainingFixture>({ probe: 'a test kind that does not exist', setup: trainingOfC1, request: (_w, f) => ({ params: { training: f.training.id, kind: 'tengah' }, form: {} }), expect: everyone(404) })
	],
	'POST /jual/pelatihan/[training]/pendapat?/default': [
		probe<TrainingFixture>({
			probe: "the reaction check of community 1's training",
			setup: trainingOfC1,
			request: (_w, f) => ({ params: { training: f.training.id }, form: { satisfaction: '4', usefulness: '5', confidenceBefore: '2', confidenceNow: '4' } }),
			expect: { ...everyone(404), seller: 303, sellerSameCommunity: 303 }
		})
	],
	'POST /hadir/[token]?/default': [
		probe<TrainingFixture>({
			probe: "self check-in with community 1's venue QR",
			setup: trainingOfC1,
			request: (_w, f, as) => ({ params: { token: f.training.checkinToken }, form: { eventId: tick(f.member, as).id } }),
			expect: { ...everyone(404), seller: 200, sellerSameCommunity: 200 }
		})
	],

	// ——— QR check-in without a login, confirmed by staff; personal cards (issue 13 item 2) ———
	'POST /hadir/[token]/pilih?/default': [
		probe<TrainingFixture>({ probe: "claim a name at community 1's venue QR (anyone at the venue may ask; staff confirm)", setup: trainingOfC1, request: (_w, f) => ({ params: { token: f.training.checkinToken }, form: { memberId: f.member } }), expect: everyone(303) }),
		probe<TrainingFixture>({ probe: "community 2's member on community 1's venue QR", setup: trainingOfC1, request: (_w, f) => ({ params: { token: f.training.checkinToken }, form: { memberId: f.foreignMember } }), expect: everyone(404) }),
		probe<TrainingFixture>({ probe: 'a made-up venue QR token', setup: trainingOfC1, request: (_w, f) => ({ params: { token: `${f.training.checkinToken}x` }, form: { memberId: f.member } }), expect: everyone(404) })
	],
	'POST /hadir/[token]/tunggu?/batal': [
		probe<ClaimFixture>({ probe: "take back another phone's pending claim (a guessed cookie)", setup: claimOfC1, request: (_w, f) => ({ params: { token: f.training.checkinToken }, cookies: { ecrav_hadir: `${f.claimToken.slice(0, -2)}xx` }, form: {} }), expect: everyone(404) }),
		probe<ClaimFixture>({ probe: "a claim's cookie with another training's QR", setup: claimOfC1, request: (_w, f) => ({ params: { token: f.otherTraining.checkinToken }, cookies: { ecrav_hadir: f.claimToken }, form: {} }), expect: everyone(404) }),
		probe<ClaimFixture>({ probe: 'the phone takes back its own claim', setup: claimOfC1, request: (_w, f) => ({ params: { token: f.training.checkinToken }, cookies: { ecrav_hadir: f.claimToken }, form: {} }), expect: everyone(303) })
	],
	'POST /hadir/[token]/tunggu?/sandi': [
		probe<ClaimFixture>({ probe: "set the first password through another phone's confirmed claim (a guessed cookie)", setup: confirmedClaimOfC1, request: (_w, f) => ({ params: { token: f.training.checkinToken }, cookies: { ecrav_hadir: `${f.claimToken.slice(0, -2)}xx` }, form: { password: 'penyerang-sandi-77', confirm: 'penyerang-sandi-77' } }), expect: everyone(404) }),
		probe<ClaimFixture>({ probe: "a confirmed claim's cookie with another training's QR", setup: confirmedClaimOfC1, request: (_w, f) => ({ params: { token: f.otherTraining.checkinToken }, cookies: { ecrav_hadir: f.claimToken }, form: { password: 'penyerang-sandi-77', confirm: 'penyerang-sandi-77' } }), expect: everyone(404) }),
		probe<ClaimFixture>({ probe: 'a claim nobody confirmed yet', setup: claimOfC1, request: (_w, f) => ({ params: { token: f.training.checkinToken }, cookies: { ecrav_hadir: f.claimToken }, form: { password: 'penyerang-sandi-77', confirm: 'penyerang-sandi-77' } }), expect: everyone(404) }),
		probe<ClaimFixture>({ probe: 'the confirmed phone itself, when the member already has a password (changes nothing; back to the claim page)', setup: confirmedClaimOfC1, request: (_w, f) => ({ params: { token: f.training.checkinToken }, cookies: { ecrav_hadir: f.claimToken }, form: { password: 'penyerang-sandi-77', confirm: 'penyerang-sandi-77' } }), expect: everyone(303) })
	],
	'POST /koordinator/[community]/pelatihan/[training]/konfirmasi?/benar': [
		probe<ClaimFixture>({ probe: "confirm a check-in at community 1's training (marks the victim's member present)", setup: claimOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: { claimId: f.claimId } }), expect: communityStaff(303) }),
		probe<ClaimFixture>({ probe: "a claim of another training through this training's page", setup: claimOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.otherTraining.id }, form: { claimId: f.claimId } }), expect: { ...everyone(404), anonymous: 401 } })
	],
	'POST /koordinator/[community]/pelatihan/[training]/konfirmasi?/tolak': [
		probe<ClaimFixture>({ probe: "refuse a check-in at community 1's training", setup: claimOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: { claimId: f.claimId } }), expect: communityStaff(303) }),
		probe<ClaimFixture>({ probe: "a claim of another training through this training's page", setup: claimOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.otherTraining.id }, form: { claimId: f.claimId } }), expect: { ...everyone(404), anonymous: 401 } })
	],
	'POST /koordinator/[community]/pelatihan/[training]/kartu-absen': [
		probe<TrainingFixture>({ probe: "personal check-in cards of community 1's training (bearer QR codes)", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: { memberId: f.member } }), expect: communityStaff(200) }),
		probe<TrainingFixture>({ probe: "a card for community 2's member through community 1's training", setup: trainingOfC1, request: (w, f) => ({ params: { community: w.c1.slug, training: f.training.id }, form: { memberId: f.foreignMember } }), expect: { ...everyone(404), anonymous: 401 } })
	],
	'POST /kartu-hadir/[token]?/hadir': [
		probe<CardFixture>({ probe: "the victim member's personal card (a bearer card: check-in only, the seller already has a password)", setup: cardOfC1, request: (_w, f) => ({ params: { token: f.token }, form: {} }), expect: everyone(200) }),
		probe<CardFixture>({ probe: 'a made-up card token', setup: cardOfC1, request: (_w, f) => ({ params: { token: `${f.token.slice(0, -2)}xx` }, form: {} }), expect: everyone(404) })
	],
	'POST /kartu-hadir/[token]?/sandi': [
		probe<CardFixture>({ probe: "the victim member's card's password form, when the seller already has a password (check-in only, no password set)", setup: cardOfC1, request: (_w, f) => ({ params: { token: f.token }, form: { password: 'penyerang-sandi-77', confirm: 'penyerang-sandi-77' } }), expect: everyone(200) }),
		probe<CardFixture>({ probe: 'a made-up card token', setup: cardOfC1, request: (_w, f) => ({ params: { token: `${f.token.slice(0, -2)}xx` }, form: { password: 'penyerang-sandi-77', confirm: 'penyerang-sandi-77' } }), expect: everyone(404) })
	],

	// ——— coordinator roster ———
	'POST /koordinator/[community]?/tambah': [
		probe({
			probe: 'add a seller to community 1',
			request: (w, _f, as) => ({ params: { community: w.c1.slug }, form: { name: 'Ibu Baru', businessType: 'Penjual opak', whatsapp: `0857 ${String(1000 + ACTORS.indexOf(as))} ${Date.now() % 10000}`.padEnd(14, '1') } }),
			expect: communityStaff(303)
		}),
		probe({
			probe: "community 2's shop's order number as a new member of community 1 (number squatting)",
			request: (w) => ({ params: { community: w.c1.slug }, form: { name: 'Ibu Penyerobot', businessType: 'Penjual opak', whatsapp: w.shopC.whatsapp } }),
			expect: communityStaff(400)
		})
	],
	'POST /koordinator/[community]?/tautan': [
		probe({
			probe: "a setup link for community 1's seller",
			request: (w) => ({ params: { community: w.c1.slug }, form: { linkFor: w.memberUserId } }),
			expect: communityStaff(303)
		}),
		probe({
			probe: "community 2's seller id in the hidden field, posted to community 1",
			request: (w) => ({ params: { community: w.c1.slug }, form: { linkFor: w.userIds.sellerOtherCommunity } }),
			expect: { ...communityStaff(404) }
		}),
		probe({
			probe: "a staff account's id (the coordinator's) in the hidden field: account takeover",
			request: (w, _f, as) => ({ params: { community: w.c1.slug }, form: { linkFor: as === 'coordinator' ? w.userIds.facilitator : w.userIds.coordinator } }),
			expect: { ...communityStaff(404) }
		})
	],
	'POST /koordinator/[community]/kartu': [
		probe({
			probe: "QR cards for community 1's seller whose link is out: the check page first (names them, retires nothing)",
			request: (w) => ({ params: { community: w.c1.slug }, form: { userId: w.memberUserId } }),
			expect: communityStaff(303),
			readOnly: true
		}),
		probe({
			probe: "QR cards (new setup links) for community 1's seller, confirmed on the check page",
			request: (w) => ({ params: { community: w.c1.slug }, form: { userId: w.memberUserId, lanjut: '1' } }),
			expect: communityStaff(200)
		}),
		probe({
			probe: "staff and community 2's seller ids in the form: no links for them",
			request: (w) => ({ params: { community: w.c1.slug }, form: { userId: [w.userIds.coordinator, w.userIds.sellerOtherCommunity] } }),
			// no card to print: staff are sent back to the roster, which says so (no blank PDF)
			expect: communityStaff(303),
			readOnly: true
		})
	],

	'POST /koordinator/[community]?/undang': [
		probe({
			probe: "invite the owner of community 1's shop that has none",
			setup: (w) => memberOfNewShop(w, w.c1),
			request: (w, memberId: string) => ({ params: { community: w.c1.slug }, form: { memberId } }),
			expect: communityStaff(303)
		}),
		probe({
			probe: "community 2's member id, posted to community 1",
			setup: (w) => memberOfNewShop(w, w.c2),
			request: (w, memberId: string) => ({ params: { community: w.c1.slug }, form: { memberId } }),
			expect: { ...everyone(404), anonymous: 401 }
		})
	],

	// ——— members' area (roster profile, import/export, funnel, mentoring) ———
	'POST /koordinator/[community]/anggota/[member]?/profil': [
		probe({
			probe: "change the profile of shop A's member",
			setup: (w) => memberOf(w, w.shopA),
			request: (w, member: string) => ({ params: { community: w.c1.slug, member }, form: { form: 'profil', personName: 'Diganti penyerang', rw: '09' } }),
			expect: communityStaff(303, 303)
		}),
		probe({
			probe: "community 2's member through community 1's URL",
			setup: (w) => memberOf(w, w.shopC),
			request: (w, member: string) => ({ params: { community: w.c1.slug, member }, form: { form: 'profil', personName: 'Diganti penyerang' } }),
			expect: { ...everyone(404), anonymous: 303 }
		})
	],
	'POST /koordinator/[community]/anggota/[member]?/catat': [
		probe({
			probe: "write a mentoring note about shop A's member",
			setup: (w) => memberOf(w, w.shopA),
			request: (w, member: string) => ({ params: { community: w.c1.slug, member }, form: { form: 'catat', heldOn: '2024-11-30', channel: 'chat', topic: 'Catatan penyerang' } }),
			expect: communityStaff(303, 303)
		})
	],
	'POST /koordinator/[community]/anggota/[member]?/selesai': [
		probe({
			probe: "mark community 1's follow-up done",
			setup: async (w) => ({ member: await memberOf(w, w.shopA), entry: await followUp(w) }),
			request: (w, f: { member: string; entry: string }) => ({ params: { community: w.c1.slug, member: f.member }, form: { entryId: f.entry } }),
			expect: communityStaff(303, 303)
		})
	],
	'POST /koordinator/[community]/pendampingan?/selesai': [
		probe({
			probe: "mark community 1's follow-up done from the due list",
			setup: (w) => followUp(w),
			request: (w, entryId: string) => ({ params: { community: w.c1.slug }, form: { entryId } }),
			expect: communityStaff(303, 303)
		}),
		probe({
			probe: "community 1's follow-up id posted to community 2",
			setup: (w) => followUp(w),
			request: (w, entryId: string) => ({ params: { community: w.c2.slug }, form: { entryId } }),
			expect: { ...everyone(404), anonymous: 303 }
		})
	],
	'POST /koordinator/[community]/impor?/default': [
		probe({
			probe: 'import a clean CSV into community 1',
			request: (w, _f, as) => ({
				params: { community: w.c1.slug },
				form: { file: new File([`nama,whatsapp,usaha\nIbu Impor ${as},0857 66${String(ACTORS.indexOf(as)).padStart(2, '0')} ${String(Date.now() % 10000).padStart(4, '0')},Penjual opak\n`], 'anggota.csv', { type: 'text/csv' }) }
			}),
			expect: communityStaff(200, 303)
		})
	],
	'GET /koordinator/[community]/ekspor/[file]': [
		probe({ probe: "export community 1's roster (CSV)", request: (w) => ({ params: { community: w.c1.slug, file: 'anggota.csv' } }), expect: communityStaff(200, 303), readOnly: true }),
		probe({ probe: 'the import template', request: (w) => ({ params: { community: w.c1.slug, file: 'contoh-anggota.xlsx' } }), expect: communityStaff(200, 303), readOnly: true })
	],
	'GET /api/v1/programs/[programId]/funnel': [
		probe({
			probe: "community 1's program funnel",
			setup: async (w) => (await w.services.programs.create(system, w.c1, { name: 'Program matriks' })).id,
			request: (_w, programId: string) => ({ params: { programId } }),
			expect: communityStaff(200),
			readOnly: true
		})
	],
	// ——— program workspace (coordinator and facilitators of community 1 only) ———
	'GET /api/v1/programs/[programId]/indicators': [probe({ probe: "community 1's program indicators", setup: program, request: (_w, p) => ({ params: { programId: p.id } }), expect: communityStaff(200), readOnly: true })],
	'POST /koordinator/[community]/program?/buat': [probe({ probe: 'create a program in community 1', request: (w) => ({ params: { community: w.c1.slug }, form: { name: 'Program penyerang' } }), expect: communityStaff(303) })],
	'POST /koordinator/[community]/program/[id]?/salin': [
		// community 1's staff may see the program but run no other community: 403 with a message; the rest 404
		probe({ probe: "copy community 1's program to community 2 (nobody runs both)", setup: program, request: (w, p) => ({ params: { community: w.c1.slug, id: p.id }, form: { target: w.c2.slug, name: 'Salinan penyerang', startsOn: '2025-03-01', endsOn: '2025-08-31' } }), expect: { ...everyone(404), anonymous: 401, coordinator: 403, facilitator: 403 } }),
		probe({ probe: "copy community 1's program within community 1 (its staff)", setup: program, request: (w, p) => ({ params: { community: w.c1.slug, id: p.id }, form: { target: w.c1.slug, name: `Salinan ${Math.random().toString(36).slice(2, 10)}`, startsOn: '2025-03-01', endsOn: '2025-08-31' } }), expect: communityStaff(303) })
	],
	'POST /koordinator/[community]/program/[id]/tahap/[key]?/simpan': [
		probe({ probe: 'change a stage', setup: program, request: (w, p) => ({ params: { community: w.c1.slug, id: p.id, key: 'asesmen' }, form: { status: 'selesai', notes: 'Diubah penyerang' } }), expect: communityStaff(303) }),
		probe({ probe: "community 1's program id under community 2's URL", setup: program, request: (w, p) => ({ params: { community: w.c2.slug, id: p.id, key: 'dialog' }, form: { status: 'selesai' } }), expect: communityStaff(303) })
	],
	'POST /koordinator/[community]/program/[id]/tahap/[key]?/serahkan': [probe({ probe: 'write the handover', setup: program, request: (w, p) => ({ params: { community: w.c1.slug, id: p.id, key: 'terminasi' }, form: { recipient: 'Kelompok penyerang' } }), expect: communityStaff(303) })],
	'POST /koordinator/[community]/program/[id]/tahap/[key]?/bukti': [probe({ probe: 'upload evidence', setup: program, request: (w, p) => ({ params: { community: w.c1.slug, id: p.id, key: 'intervensi' }, form: { title: 'Foto penyerang', file: jpeg(w) } }), expect: communityStaff(303) })],
	'POST /koordinator/[community]/program/[id]/tahap/[key]?/hapusBukti': [
		probe({ probe: 'remove evidence', setup: evidence, request: (w, f) => ({ params: { community: w.c1.slug, id: f.program.id, key: 'intervensi' }, form: { evidenceId: f.evidence.id } }), expect: communityStaff(303) })
	],
	'GET /koordinator/[community]/program/[id]/bukti/[evidenceId]': [
		probe({ probe: 'download evidence', setup: evidence, request: (w, f) => ({ params: { community: w.c1.slug, id: f.program.id, evidenceId: f.evidence.id } }), expect: { ...everyone(404), coordinator: 200, facilitator: 200 }, readOnly: true })
	],
	'POST /koordinator/[community]/program/[id]/asesmen?/tambah': [probe({ probe: 'add an MPA item', setup: program, request: (w, p) => ({ params: { community: w.c1.slug, id: p.id }, form: { method: 'mpa', category: 'need', sector: 'Ekonomi', text: 'Sisipan penyerang' } }), expect: communityStaff(303) })],
	'POST /koordinator/[community]/program/[id]/asesmen?/ubah': [probe({ probe: 'change an MPA item', setup: filled, request: (w, f) => ({ params: { community: w.c1.slug, id: f.program.id }, form: { itemId: f.itemId, text: 'Diubah penyerang' } }), expect: communityStaff(303) })],
	'POST /koordinator/[community]/program/[id]/asesmen?/hapus': [probe({ probe: 'remove an MPA item', setup: filled, request: (w, f) => ({ params: { community: w.c1.slug, id: f.program.id }, form: { itemId: f.itemId } }), expect: communityStaff(303) })],
	'POST /koordinator/[community]/program/[id]/rencana?/rencana': [probe({ probe: 'change the plan', setup: program, request: (w, p) => ({ params: { community: w.c1.slug, id: p.id }, form: { name: 'Diganti penyerang' } }), expect: communityStaff(303) })],
	'POST /koordinator/[community]/program/[id]/rencana?/indikator': [probe({ probe: 'change an indicator target', setup: filled, request: (w, f) => ({ params: { community: w.c1.slug, id: f.program.id }, form: { indicatorId: f.indicatorId, label: 'Diganti penyerang', target: '999' } }), expect: communityStaff(303) })],
	'POST /koordinator/[community]/program/[id]/rencana?/tambahIndikator': [probe({ probe: 'add an indicator', setup: program, request: (w, p) => ({ params: { community: w.c1.slug, id: p.id }, form: { label: 'Indikator penyerang' } }), expect: communityStaff(303) })],
	'POST /koordinator/[community]/program/[id]/rencana?/hapusIndikator': [probe({ probe: 'remove an indicator', setup: filled, request: (w, f) => ({ params: { community: w.c1.slug, id: f.program.id }, form: { indicatorId: f.indicatorId } }), expect: communityStaff(303) })],
	'POST /koordinator/[community]/program/[id]/rencana?/catat': [probe({ probe: 'record a manual value', setup: filled, request: (w, f) => ({ params: { community: w.c1.slug, id: f.program.id }, form: { indicatorId: f.indicatorId, onDate: '2024-12-02', value: '9' } }), expect: communityStaff(303) })],
	'POST /koordinator/[community]/program/[id]/rencana?/hapusCatatan': [probe({ probe: 'remove a manual value', setup: filled, request: (w, f) => ({ params: { community: w.c1.slug, id: f.program.id }, form: { entryId: f.entryId } }), expect: communityStaff(303) })],

	// ——— buyers ———
	'POST /c/[community]/keranjang?/tambah': [probe({ probe: 'add to the cart cookie (no database write)', request: (w) => ({ params: { community: w.c1.slug }, form: { productId: 'prod_tidakada', quantity: '2' } }), expect: everyone(303), readOnly: true })],
	'GET /c/[community]/feed.xml': [
		probe({ probe: 'public catalog feed', setup: (w) => w.fresh.product(w.shopA), request: (w) => ({ params: { community: w.c1.slug } }), expect: everyone(200), readOnly: true }),
		probe({ probe: 'an unknown community', request: () => ({ params: { community: 'tidak-ada' } }), expect: everyone(404), readOnly: true })
	],
	'GET /c/[community]/produk.csv': [probe({ probe: 'public product CSV', request: (w) => ({ params: { community: w.c1.slug } }), expect: everyone(200), readOnly: true })],
	'GET /c/[community]/produk.json': [probe({ probe: 'public product JSON', request: (w) => ({ params: { community: w.c1.slug } }), expect: everyone(200), readOnly: true })],
	'GET /c/[community]/toko/[shop]/produk.csv': [
		probe({ probe: "an open shop's product CSV", setup: async (w) => (await w.fresh.product(w.shopA), (await w.services.database.db.selectFrom('shop').select('slug').where('id', '=', w.shopA.id).executeTakeFirstOrThrow()).slug), request: (w, slug) => ({ params: { community: w.c1.slug, shop: slug } }), expect: everyone(200), readOnly: true }),
		probe({ probe: "another community's shop through community 1", setup: (w) => w.fresh.product(w.shopC), request: (w) => ({ params: { community: w.c1.slug, shop: w.shopC.slug } }), expect: everyone(404), readOnly: true })
	],
	'GET /c/[community]/toko/[shop]/produk.json': [
		probe({ probe: "an open shop's product JSON", setup: async (w) => (await w.fresh.product(w.shopA), (await w.services.database.db.selectFrom('shop').select('slug').where('id', '=', w.shopA.id).executeTakeFirstOrThrow()).slug), request: (w, slug) => ({ params: { community: w.c1.slug, shop: slug } }), expect: everyone(200), readOnly: true }),
		probe({ probe: "another community's shop through community 1", setup: (w) => w.fresh.product(w.shopC), request: (w) => ({ params: { community: w.c1.slug, shop: w.shopC.slug } }), expect: everyone(404), readOnly: true })
	],
	'GET /c/[community]/toko/[shop]/whatsapp.url': [
		probe({
			probe: "a shop's counted WhatsApp button, with another community's product slug",
			setup: async (w) => {
				const theirs = await w.fresh.product(w.shopC);
				const shop = await w.services.database.db.selectFrom('shop').select('slug').where('id', '=', w.shopA.id).executeTakeFirstOrThrow();
				return { shop: shop.slug, product: theirs.product.slug };
			},
			request: (w, f) => ({ params: { community: w.c1.slug, shop: f.shop }, query: { p: f.product } }),
			expect: everyone(404),
			readOnly: true
		}),
		probe({
			probe: "a shop's counted WhatsApp button",
			setup: async (w) => (await w.services.database.db.selectFrom('shop').select('slug').where('id', '=', w.shopA.id).executeTakeFirstOrThrow()).slug,
			request: (w, slug) => ({ params: { community: w.c1.slug, shop: slug } }),
			expect: everyone(303),
			readOnly: true
		})
	],
	'GET /c/[community]/toko/[shop]/[product]/whatsapp': [
		probe({
			probe: "another product's variant id with a product page's WhatsApp order",
			setup: async (w) => {
				const mine = await w.fresh.product(w.shopA);
				const other = await w.fresh.product(w.shopA);
				const shop = await w.services.database.db.selectFrom('shop').select('slug').where('id', '=', w.shopA.id).executeTakeFirstOrThrow();
				return { slug: mine.product.slug, shop: shop.slug, variantId: other.variantIds[0] };
			},
			request: (w, f) => ({ params: { community: w.c1.slug, shop: f.shop, product: f.slug }, query: { variantId: f.variantId, quantity: '2' } }),
			expect: everyone(303),
			readOnly: true
		})
	],
	...Object.fromEntries(
		['bagikan.jpg', 'status.jpg'].map((file) => [
			`GET /c/[community]/toko/[shop]/[product]/${file}`,
			[
				probe({
					probe: `a published product's share image (${file}): public, the same for everyone`,
					setup: async (w) => {
						const { product } = await w.fresh.product(w.shopA);
						const shop = await w.services.database.db.selectFrom('shop').select('slug').where('id', '=', w.shopA.id).executeTakeFirstOrThrow();
						return { slug: product.slug, shop: shop.slug };
					},
					request: (w, f) => ({ params: { community: w.c1.slug, shop: f.shop, product: f.slug } }),
					expect: everyone(200),
					readOnly: true
				})
			]
		])
	),
	'POST /c/[community]/keranjang?/hitung': [probe({ probe: 'recount the cart cookie', request: (w) => ({ params: { community: w.c1.slug }, form: { 'qty.0': '3' } }), expect: everyone(200), readOnly: true })],
	'POST /c/[community]/keranjang?/hapus': [probe({ probe: 'remove a cart line', request: (w) => ({ params: { community: w.c1.slug }, form: { index: '0' } }), expect: everyone(200), readOnly: true })],
	'POST /c/[community]/keranjang?/pesan': [
		probe({
			probe: 'anyone may check out their cart',
			setup: product,
			request: (w, f, as) => ({
				params: { community: w.c1.slug },
				cookies: { [`ecrav_cart_${w.c1.slug}`]: JSON.stringify([[f.product.id, f.variantIds[0], 1]]) },
				// Quantities are keyed by product and variant (qty.<product>.<variant>): the page's fields, as shown.
				form: { name: 'Pembeli', whatsapp: buyerNumber(as), [`qty.${f.product.id}.${f.variantIds[0] ?? ''}`]: '1', [`shop.${w.shopA.slug}.delivery`]: 'pickup', [`shop.${w.shopA.slug}.payment`]: 'cod', idem: `matriks-form-${as}-${f.product.id}` }
			}),
			expect: everyone(303)
		}),
		probe({
			probe: "community 2's product in a cart checked out in community 1",
			setup: (w) => w.fresh.product(w.shopC),
			request: (w, f, as) => ({
				params: { community: w.c1.slug },
				cookies: { [`ecrav_cart_${w.c1.slug}`]: JSON.stringify([[f.product.id, f.variantIds[0], 1]]) },
				form: { name: 'Pembeli', whatsapp: '0813 1111 2222', [`qty.${f.product.id}.${f.variantIds[0] ?? ''}`]: '1', [`shop.${w.shopC.slug}.delivery`]: 'pickup', [`shop.${w.shopC.slug}.payment`]: 'cod', idem: `matriks-formx-${as}-${f.product.id}` }
			}),
			// Nothing is ordered: the cart cannot price another community's product, so the page shows the change (409).
			expect: everyone(409)
		})
	],
	'POST /pesanan/[code]?/bukti': [
		probe({ probe: 'the receipt with the checkout link (code + token)', setup: order, request: (w, f) => ({ params: { code: f.checkoutCode }, form: { t: f.token, order: f.orderCode, proof: jpeg(w) } }), expect: everyone(303) }),
		probe({ probe: 'a receipt without the token', setup: order, request: (w, f) => ({ params: { code: f.checkoutCode }, form: { t: 'salah', order: f.orderCode, proof: jpeg(w) } }), expect: everyone(404) }),
		probe({
			probe: "own checkout's token with another checkout's order code (hidden field)",
			setup: async (w) => ({ mine: await order(w), victim: await order(w) }),
			request: (w, f) => ({ params: { code: f.mine.checkoutCode }, form: { t: f.mine.token, order: f.victim.orderCode, proof: jpeg(w) } }),
			expect: everyone(404)
		})
	],

	'POST /pesanan?/cari': [
		// Each actor from its own address: the lookup is rate-limited per address (10 per 10 minutes).
		probe({ probe: "someone's order code with a wrong WhatsApp number", setup: order, request: (_w, f, as) => ({ form: { code: f.orderCode, whatsapp: '0813 9999 0000' }, address: `198.51.100.${ACTORS.indexOf(as) + 1}` }), expect: everyone(404), readOnly: true }),
		probe({ probe: 'the order code and the number it was placed with', setup: order, request: (_w, f, as) => ({ form: { code: f.checkoutCode, whatsapp: '+62 813-5555-1234' }, address: `198.51.100.${ACTORS.indexOf(as) + 101}` }), expect: everyone(303), readOnly: true })
	],
	'GET /pesanan/[code]/bukti/[order]': [
		probe({ probe: "the buyer's receipt with the checkout link (code + token)", setup: orderWithReceipt, request: (_w, f) => ({ params: { code: f.checkoutCode, order: f.orderCode }, query: { t: f.token } }), expect: everyone(200), readOnly: true }),
		probe({ probe: "someone's receipt without the checkout token", setup: orderWithReceipt, request: (_w, f) => ({ params: { code: f.checkoutCode, order: f.orderCode }, query: { t: 'x'.repeat(43) } }), expect: everyone(404), readOnly: true })
	],
	'GET /pesanan/[code]/qris/[order]': [
		probe({ probe: "a transfer order's code (no QRIS) with its link", setup: order, request: (_w, f) => ({ params: { code: f.checkoutCode, order: f.orderCode }, query: { t: f.token } }), expect: everyone(404), readOnly: true }),
		probe({ probe: "someone's checkout code without its token", setup: order, request: (_w, f) => ({ params: { code: f.checkoutCode, order: f.orderCode }, query: { t: 'x'.repeat(43) } }), expect: everyone(404), readOnly: true })
	],

	// ——— seller workspace ———
	'POST /jual/mulai/[step]?/default': [
		probe({ probe: "the victim's shop name (?toko= in the URL)", request: (w) => ({ params: { step: 'nama' }, query: { toko: w.shopA.id }, form: { name: 'Toko Diambil Alih' } }), expect: shopManagers(303) }),
		probe({ probe: "the victim's shop address (?toko= in the URL)", request: (w) => ({ params: { step: 'nama' }, query: { toko: w.shopA.id }, form: { address: 'accept' } }), expect: shopManagers(303) }),
		probe({ probe: "the victim's logo (?toko= in the URL)", request: (w) => ({ params: { step: 'logo' }, query: { toko: w.shopA.id }, form: { logo: jpeg(w, 'logo.jpg') } }), expect: shopManagers(303) }),
		probe({
			probe: "the victim's bank account (?toko= in the URL): the seller's money",
			request: (w) => ({ params: { step: 'pembayaran' }, query: { toko: w.shopA.id }, form: { transfer: 'on', bank: 'BCA', accountNumber: '9999999999', accountName: 'Penyerang' } }),
			expect: { ...shopOwner(303), coordinator: 403, facilitator: 403 }
		}),
		probe({
			probe: "the victim's WhatsApp number (?toko= in the URL): where buyers' orders go",
			request: (w) => ({ params: { step: 'whatsapp' }, query: { toko: w.shopA.id }, form: { whatsapp: '0899 1234 5678' } }),
			expect: { ...shopOwner(303), coordinator: 403, facilitator: 403 }
		}),
		probe({ probe: 'no shop at all', request: () => ({ params: { step: 'nama' }, form: { name: 'Toko Siapa' } }), expect: { ...signedIn(400), seller: 303, sellerSameCommunity: 303, sellerOtherCommunity: 303 } })
	],
	'GET /jual/kas/laporan/[file]': [
		probe({ probe: "the victim's cash book as CSV (?toko= in the URL)", request: (w) => ({ params: { file: 'buku-kas.csv' }, query: { toko: w.shopA.id } }), expect: shopOwner(200), readOnly: true }),
		probe({ probe: "the victim's cash book as XLSX, a wrong range (?toko=)", request: (w) => ({ params: { file: 'buku-kas.xlsx' }, query: { toko: w.shopA.id, periode: 'pilih', dari: 'x' } }), expect: shopOwner(422), readOnly: true }),
		probe({ probe: "the victim's monthly statement PDF (?toko=)", request: (w) => ({ params: { file: 'laporan-bulanan.pdf' }, query: { toko: w.shopA.id, bulan: '2026-11' } }), expect: shopOwner(200), readOnly: true })
	],
	'GET /jual/promosi/[file]': [
		probe({ probe: "the victim's A4 poster (?toko= in the URL)", request: (w) => ({ params: { file: 'poster-a4.pdf' }, query: { toko: w.shopA.id } }), expect: shopManagers(200), readOnly: true }),
		probe({ probe: "the victim's printed catalog (?toko=)", request: (w) => ({ params: { file: 'katalog.pdf' }, query: { toko: w.shopA.id } }), expect: shopManagers(200), readOnly: true })
	],
	'GET /koordinator/[community]/katalog.pdf': [probe({ probe: "community 1's printed catalog", request: (w) => ({ params: { community: w.c1.slug } }), expect: communityStaff(200, 303), readOnly: true })],
	'POST /jual/kas/pengaturan?/default': [
		probe({ probe: "share the victim's monthly totals with the program (?toko= in the URL)", request: (w) => ({ query: { toko: w.shopA.id }, form: { share: 'on' } }), expect: shopOwner(303) })
	],
	'POST /jual/pesanan?/batal': [
		probe({ probe: "cancel the victim's unpaid orders (?toko= in the URL)", setup: order, request: (w, f) => ({ query: { toko: w.shopA.id }, form: { orderId: [f.orderId], reason: 'Pesanan palsu' } }), expect: shopManagers(200) }),
		probe({ probe: "own shop, the victim's order id in the form", setup: order, request: (_w, f) => ({ form: { orderId: [f.orderId], reason: 'Pesanan palsu' } }), expect: { ...everyone(404), anonymous: 401, seller: 200 } })
	],
	'POST /jual/pesanan/[id]?/status': [probe({ probe: "the victim's order id in the URL", setup: order, request: (_w, f) => ({ params: { id: f.orderId }, form: { to: 'dikonfirmasi' } }), expect: shopManagers(303) })],
	'POST /jual/pesanan/[id]?/batal': [
		probe({ probe: "the victim's order id in the URL", setup: order, request: (_w, f) => ({ params: { id: f.orderId }, form: { reason: 'Stok habis', confirm: 'on' } }), expect: shopManagers(303) }),
		probe({ probe: "the victim's COMPLETED order (a reversal in its cash book)", setup: completedOrder, request: (_w, f) => ({ params: { id: f.orderId }, form: { reason: 'Dikembalikan', confirm: 'on', restock: 'on' } }), expect: shopOwner(303) })
	],
	// ——— cash book: receivables and payables (issue 11): the shop's own seller only ———
	'POST /jual/kas/utang/baru?/default': [
		probe({ probe: "a receivable in the victim's book (?toko= in the URL)", request: (w) => ({ query: { toko: w.shopA.id }, form: { direction: 'receivable', name: 'Bu Siti', amount: '50.000' } }), expect: shopOwner(303) })
	],
	'POST /jual/kas/utang/[id]?/bayar': [probe({ probe: "a payment of the victim's receivable", setup: debt, request: (_w, f) => ({ params: { id: f.debtId }, form: { amount: '10.000', method: 'tunai' } }), expect: shopOwner(303) })],
	'POST /jual/kas/utang/[id]?/hapus': [probe({ probe: "writing off the victim's receivable", setup: debt, request: (_w, f) => ({ params: { id: f.debtId }, form: { reason: 'Bukan utang saya' } }), expect: shopOwner(303) })],
	'GET /api/v1/shops/[shopId]/orders': [probe({ probe: "the victim's orders", setup: order, request: (w) => ({ params: { shopId: w.shopA.id }, query: { status: 'baru' } }), expect: shopOwner(200), readOnly: true })],
	'PATCH /api/v1/orders/[orderId]': [
		probe({ probe: "moving the victim's order", setup: order, request: (_w, f) => ({ params: { orderId: f.orderId }, json: { status: 'dikonfirmasi', paid: true } }), expect: shopOwner(200) }),
		probe({ probe: "completing the victim's order (income into its cash book)", setup: order, request: (_w, f) => ({ params: { orderId: f.orderId }, json: { status: 'selesai' } }), expect: shopOwner(200) })
	],
	'POST /api/v1/shops/[shopId]/receivables': [
		probe({ probe: "a receivable in the victim's book", request: (w) => ({ params: { shopId: w.shopA.id }, json: { customer: { name: 'Bu Siti', whatsapp: '081234567890' }, amount: 50000 } }), expect: shopOwner(201) })
	],
	'GET /api/v1/shops/[shopId]/receivables': [probe({ probe: "the victim's receivables", setup: debt, request: (w) => ({ params: { shopId: w.shopA.id } }), expect: shopOwner(200), readOnly: true })],
	'POST /api/v1/receivables/[id]/payments': [
		probe({ probe: "a payment of the victim's receivable", setup: debt, request: (_w, f) => ({ params: { id: f.debtId }, json: { amount: 10000, method: 'qris' } }), expect: shopOwner(201) })
	],
	'POST /jual/push': [
		probe({
			probe: "push subscription for the victim's shop (?toko= in the URL)",
			request: (w) => ({ query: { toko: w.shopA.id }, json: { endpoint: 'https://fcm.googleapis.com/fcm/send/matrix-abc', keys: { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg' } } }),
			expect: shopManagers(201)
		})
	],
	'DELETE /jual/push': [
		probe({
			probe: "turn off the victim's phone (?toko= in the URL)",
			setup: pushSubscription,
			request: (w, f) => ({ method: 'DELETE', query: { toko: w.shopA.id }, json: { endpoint: f.endpoint } }),
			expect: shopManagers(200)
		})
	],
	'POST /jual?/matikanNotifikasi': [
		probe({ probe: "turn off all of the victim's phones (?toko= in the URL)", setup: pushSubscription, request: (w) => ({ query: { toko: w.shopA.id }, form: {} }), expect: shopManagers(200) })
	],
	'GET /jual/pesanan/[id]/bukti': [
		probe({ probe: "the victim's order id in the URL (the buyer's bank slip)", setup: orderWithReceipt, request: (_w, f) => ({ params: { id: f.orderId } }), expect: shopManagers(200, 404), readOnly: true })
	],
	'GET /jual/shopee/unduh': [probe({ probe: "the victim's products as a Shopee file (?toko= in the URL)", request: (w) => ({ query: { toko: w.shopA.id } }), expect: shopManagers(200, 303) })],
	'POST /jual/shopee/unduh': [
		// managers reach the template check (a photo is no template: back to /jual/shopee with the reason); strangers 404 first
		probe({ probe: "fill a template with the victim's products (?toko= in the URL)", request: (w) => ({ query: { toko: w.shopA.id }, form: { template: jpeg(w, 'template.xlsx') } }), expect: shopManagers(303, 303) })
	],
	'GET /jual/pesanan/[id]/nota.png': [probe({ probe: "the victim's order id in the URL (receipt picture)", setup: order, request: (_w, f) => ({ params: { id: f.orderId } }), expect: shopManagers(200), readOnly: true })],
	'POST /jual/pesanan/[id]?/lunas': [probe({ probe: "the victim's order id in the URL", setup: order, request: (_w, f) => ({ params: { id: f.orderId } }), expect: shopManagers(303) })],
	'POST /jual/produk/[id]?/simpan': [
		probe({ probe: "the victim's product id in the URL", setup: product, request: (_w, f) => ({ params: { id: f.product.id }, form: productForm }), expect: productManagers(200) }),
		probe({
			probe: "own product in the URL, the victim's variant id in the hidden field variant.0.id",
			setup: foreignVariant,
			request: (_w, f) => ({ params: { id: f.mine.product.id }, form: { ...productForm, 'variant.0.id': f.victim.variantIds[0], 'variant.0.label': 'X', 'variant.0.price': '100', 'variant.0.stock': '0' } }),
			expect: everyone(404)
		})
	],
	'POST /jual/produk/[id]?/bantu': [probe({ probe: 'description helper (pure text, no database)', request: () => ({ params: { id: 'prod_x' }, form: { name: 'Keripik', categorySlug: 'camilan-keripik' } }), expect: everyone(200), readOnly: true })],
	'POST /jual/produk/[id]?/tampilkan': [probe({ probe: "the victim's product id in the URL", setup: product, request: (_w, f) => ({ params: { id: f.product.id } }), expect: productManagers(200) })],
	'POST /jual/produk/[id]?/sembunyikan': [probe({ probe: "the victim's product id in the URL", setup: product, request: (_w, f) => ({ params: { id: f.product.id } }), expect: productManagers(200) })],
	'POST /jual/produk/[id]?/arsipkan': [probe({ probe: "the victim's product id in the URL", setup: product, request: (_w, f) => ({ params: { id: f.product.id } }), expect: productManagers(303) })],
	'POST /jual/produk/[id]?/salin': [probe({ probe: "the victim's product id in the URL", setup: product, request: (_w, f) => ({ params: { id: f.product.id } }), expect: productManagers(303) })],
	'POST /jual/produk/[id]?/foto': [probe({ probe: "a photo for the victim's product", setup: product, request: (w, f) => ({ params: { id: f.product.id }, form: { photo: jpeg(w) } }), expect: productManagers(200) })],
	'POST /jual/produk/[id]?/fotoSampul': [photoProbe()],
	'POST /jual/produk/[id]?/fotoGeser': [photoProbe()],
	'POST /jual/produk/[id]?/fotoHapus': [photoProbe()],
	'POST /jual/produk/baru?/buat': [
		probe({ probe: "a product in the victim's shop (?toko= in the URL)", request: (w) => ({ query: { toko: w.shopA.id }, form: productForm }), expect: shopManagers(303, 404) })
	],
	'POST /jual/produk/baru?/bantu': [probe({ probe: 'description helper (pure text, no database)', request: () => ({ form: { name: 'Keripik', categorySlug: 'camilan-keripik' } }), expect: everyone(200), readOnly: true })],
	// ——— "Produk pertama" (issue 13): photo → name and price → show in shop ———
	'POST /jual/produk-pertama?/default': [
		probe({ probe: "a first-product photo for the victim's shop (?toko= in the URL)", request: (w) => ({ query: { toko: w.shopA.id }, form: { photo: jpeg(w) } }), expect: shopManagers(303) })
	],
	'POST /jual/produk-pertama/nama?/default': [
		probe({ probe: "a product in the victim's shop from its step-1 photo (?toko= and ?foto= in the URL)", setup: firstPhoto, request: (w, f) => ({ query: { toko: w.shopA.id, foto: f.ticket }, form: { name: 'Produk Penyusup', price: '15.000' } }), expect: shopManagers(303) }),
		probe({
			probe: "own shop, the victim's step-1 photo ticket in ?foto=",
			setup: firstPhoto,
			request: (_w, f) => ({ query: { foto: f.ticket }, form: { name: 'Produk Penyusup', price: '15.000' } }),
			expect: { ...everyone(404), seller: 303, sellerSameCommunity: 400, sellerOtherCommunity: 400 }
		})
	],
	'POST /jual/produk-pertama/tayang?/default': [
		probe({ probe: "show the victim's product (?produk= in the URL)", setup: photo, request: (_w, f) => ({ query: { produk: f.product.id } }), expect: productManagers(303) })
	],

	// ——— the cash book's ledger (issue 11): the shop's own seller alone; its coordinator and facilitators get 404 too ———
	'POST /jual/kas?/catat': [probe({ probe: "a sale in the victim's book (?toko= in the URL)", request: (w) => ({ query: { toko: w.shopA.id }, form: { amount: '24.000', method: 'tunai' } }), expect: shopOwner(303) })],
	'POST /jual/kas/catat?/catat': [
		probe({ probe: "an expense in the victim's book (?toko= in the URL)", request: (w) => ({ query: { toko: w.shopA.id, jenis: 'pengeluaran' }, form: { amount: '15.000', method: 'qris', category: 'kemasan', note: 'penyusup' } }), expect: shopOwner(303) })
	],
	'POST /jual/kas/catat?/kategori': [
		probe({ probe: "a category in the victim's book (?toko= in the URL)", request: (w, _f, as) => ({ query: { toko: w.shopA.id, jenis: 'pengeluaran' }, form: { name: `Kategori ${as} ${++cashSeq}` } }), expect: shopOwner(303) })
	],
	'POST /jual/kas/[entry]?/koreksi': [probe({ probe: "the victim's entry id in the URL", setup: cashEntry, request: (_w, f) => ({ params: { entry: f.id }, form: { reason: 'penyusup', confirm: 'on' } }), expect: shopOwner(303) })],
	'GET /jual/kas/[entry]/foto': [
		probe({ probe: "the victim's entry id in the URL (a receipt photo)", setup: cashEntryWithPhoto, request: (_w, f) => ({ params: { entry: f.id } }), expect: shopOwner(200), readOnly: true })
	],
	'POST /api/v1/shops/[shopId]/cashbook/entries': [
		probe({ probe: "an entry in the victim's book", request: (w) => ({ params: { shopId: w.shopA.id }, json: { kind: 'income', amount: 24000, method: 'tunai' } }), expect: shopOwner(201) })
	],
	'POST /api/v1/cashbook/entries/[entryId]/reverse': [
		probe({ probe: "the victim's entry id in the URL", setup: cashEntry, request: (_w, f) => ({ params: { entryId: f.id }, json: { reason: 'penyusup' } }), expect: shopOwner(201) })
	],
	'GET /api/v1/shops/[shopId]/cashbook': [probe({ probe: "the victim's book", setup: cashEntry, request: (w) => ({ params: { shopId: w.shopA.id } }), expect: shopOwner(200), readOnly: true })]
};

let cashSeq = 0;
/** A fresh entry in the victim's cash book. */
async function cashEntry(w: World) {
	return w.services.cashbook.record(system, w.shopA.id, { kind: 'expense', amount: 12000, method: 'tunai', category: 'bahan_baku' });
}
/** A fresh entry in the victim's cash book with a receipt photo. */
async function cashEntryWithPhoto(w: World) {
	return w.services.cashbook.record(system, w.shopA.id, { kind: 'expense', amount: 12000, method: 'tunai', category: 'bahan_baku' }, w.photoBytes);
}

/** Photo actions read the photo id from a hidden field; the URL's product is the actor's own. */
function photoProbe() {
	return probe({
		probe: "own product in the URL, the victim's photo id in the hidden field photoId",
		setup: async (w: World, as: ActorName) => ({ mine: await w.fresh.product(ownOrVictimShop(w, as)), victim: await photo(w) }),
		request: (_w, f) => ({ params: { id: f.mine.product.id }, form: { photoId: f.victim.photoId } }),
		expect: productManagers(200)
	});
}

