/**
 * The data of bench/scale.ts, generated set-based inside PostgreSQL (INSERT … SELECT … FROM generate_series): no
 * service call per row. Product names, their search terms (search_name / search_body / search_category, computed
 * by the app's own `productSearchTerms`) and shop names come from small lookup tables written once from
 * TypeScript; every product row picks its name by a deterministic hash of (community, shop, product), so the
 * generated tsvector column is filled exactly as the app fills it. Triggers (catalog_version bumps) and foreign-key
 * checks are off while loading (`session_replication_role = replica`); the versions are set once at the end.
 */
import pg from 'pg';
import { productSearchTerms } from '../src/lib/server/catalog/search-terms';
import { indexTerms } from '../src/lib/server/search/indonesian';

export interface ScaleSize {
	communities: number;
	shopsPerCommunity: number;
	productsPerShop: number;
	/** Orders per day per community, over the year before now. */
	ordersPerDay: number;
}

const BASES: Record<string, string[]> = {
	'camilan-keripik': ['Keripik Singkong', 'Keripik Pisang', 'Keripik Tempe', 'Basreng', 'Makaroni Kering', 'Ketempling', 'Seblak Kering', 'Kerupuk Udang', 'Rengginang', 'Opak', 'Emping Melinjo', 'Keripik Kaca', 'Usus Krispi', 'Kacang Bawang'],
	kue: ['Risol Mayo', 'Gemblong', 'Kue Cucur', 'Onde Onde', 'Bolu Pandan', 'Lapis Legit', 'Nastar', 'Putu Ayu', 'Klepon', 'Dadar Gulung', 'Kue Lumpur', 'Serabi'],
	'makanan-berat': ['Nasi Uduk', 'Nasi Kuning', 'Lontong Sayur', 'Ayam Geprek', 'Pecel Lele', 'Gado Gado', 'Nasi Liwet', 'Soto Ayam', 'Mie Ayam', 'Karedok'],
	'frozen-food': ['Cireng Isi', 'Cimol', 'Dimsum Ayam', 'Nugget Ayam', 'Risol Beku', 'Pempek Kapal Selam', 'Batagor', 'Siomay Ikan'],
	'sambal-bumbu': ['Sambal Bawang', 'Sambal Terasi', 'Sambal Cumi', 'Sambal Roa', 'Bumbu Pecel', 'Sambal Ijo'],
	minuman: ['Es Teh Manis', 'Kopi Susu Gula Aren', 'Jamu Kunyit Asam', 'Bandrek', 'Bajigur', 'Es Cendol', 'Wedang Jahe'],
	sembako: ['Beras Pandan Wangi', 'Telur Ayam Kampung', 'Gula Aren', 'Minyak Kelapa'],
	lainnya: ['Anyaman Bambu', 'Sabun Sereh']
};
const FLAVORS = ['Original', 'Pedas', 'Balado', 'Manis', 'Pedas Manis', 'Keju', 'Jagung Bakar', 'Rumput Laut', 'Level 5', 'Daun Jeruk', 'Bawang', 'Asin'];
const SIZES = ['100 g', '250 g', '500 g', '1 kg', 'Isi 10', '1 Porsi'];
/** A word in about one product in a thousand platform-wide (≈ 0–2 per community): the "rare" search. */
export const RARE_WORD = 'kecombrang';
const PEOPLE = ['Siti', 'Dewi', 'Yanti', 'Rina', 'Euis', 'Nining', 'Asep', 'Ujang', 'Dadang', 'Entin', 'Iis', 'Neneng', 'Wati', 'Tini', 'Sri', 'Lilis', 'Cucu', 'Ade', 'Heni', 'Imas', 'Yayah', 'Enok', 'Nani', 'Popon', 'Atik', 'Darsih', 'Oom', 'Ida', 'Eti', 'Mumun'];
const SHOP_PREFIX = ['Dapur', 'Warung', 'Kedai', 'Camilan', 'Toko', 'Olahan'];
const DESCRIPTIONS = [
	'Renyah dan gurih, dibuat setiap hari tanpa pengawet.',
	'Resep keluarga turun temurun, bahan pilihan dari pasar desa.',
	'Dibuat dengan bumbu rempah asli, cocok untuk oleh oleh.',
	'Tanpa MSG, dikemas rapat supaya tahan lama.',
	'Pesan sehari sebelumnya untuk jumlah banyak.',
	'Cocok untuk teman ngopi dan arisan RT.',
	'Halal, dimasak bersih di dapur rumah.',
	'Bisa antar di sekitar RW, ambil sendiri juga boleh.'
];

/** The name lookup rows: every base × flavor × size, plus one rare variant per base. */
function names() {
	const rows: { name: string; slug: string; category: string; searchName: string; searchCategory: string }[] = [];
	for (const [category, bases] of Object.entries(BASES))
		for (const base of bases)
			for (const flavor of FLAVORS)
				for (const size of SIZES) {
					const name = `${base} ${flavor} ${size}`;
					const terms = productSearchTerms(name, category, '', '');
					rows.push({ name, slug: slugOf(name), category, searchName: terms.search_name, searchCategory: terms.search_category });
				}
	return rows;
}

function slugOf(s: string): string {
	return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Shop names (prefix × person) and, per shop name × description, the body terms the app stores. */
function shopNames() {
	const shops = SHOP_PREFIX.flatMap((p) => PEOPLE.map((person) => `${p} Bu ${person}`));
	const bodies = shops.flatMap((shop, s) => DESCRIPTIONS.map((d, k) => ({ s, k, description: d, searchBody: indexTerms(shop, d) })));
	return { shops, bodies };
}

async function lookupTables(c: pg.Client) {
	const n = names();
	const rare = n.map((r) => ({ ...r, name: `${r.name} ${RARE_WORD[0].toUpperCase()}${RARE_WORD.slice(1)}`, slug: `${r.slug}-${RARE_WORD}` }));
	for (const r of rare) r.searchName = productSearchTerms(r.name, r.category, '', '').search_name;
	const { shops, bodies } = shopNames();
	await c.query(`DROP TABLE IF EXISTS bench_name, bench_rare_name, bench_shop_name, bench_body`);
	await c.query(`CREATE UNLOGGED TABLE bench_name (i int primary key, name text, slug text, category text, search_name text, search_category text)`);
	await c.query(`CREATE UNLOGGED TABLE bench_rare_name (LIKE bench_name INCLUDING ALL)`);
	for (const [table, rows] of [['bench_name', n], ['bench_rare_name', rare]] as const)
		await c.query(`INSERT INTO ${table} SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`, [rows.map((_, i) => i), rows.map((r) => r.name), rows.map((r) => r.slug), rows.map((r) => r.category), rows.map((r) => r.searchName), rows.map((r) => r.searchCategory)]);
	await c.query(`CREATE UNLOGGED TABLE bench_shop_name (i int primary key, name text, slug text)`);
	await c.query(`INSERT INTO bench_shop_name SELECT * FROM unnest($1::int[], $2::text[], $3::text[])`, [shops.map((_, i) => i), shops, shops.map(slugOf)]);
	await c.query(`CREATE UNLOGGED TABLE bench_body (shop_name int, body int, description text, search_body text, primary key (shop_name, body))`);
	await c.query(`INSERT INTO bench_body SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[])`, [bodies.map((b) => b.s), bodies.map((b) => b.k), bodies.map((b) => b.description), bodies.map((b) => b.searchBody)]);
	return { names: n.length, shopNames: shops.length, descriptions: DESCRIPTIONS.length };
}

/**
 * Fills an empty, migrated database. Returns row counts and the ms of each step. Deterministic: ids, names and
 * prices are functions of the row numbers (random() only spreads times and statuses, seeded).
 */
export async function generate(url: string, size: ScaleSize, log: (s: string) => void): Promise<Record<string, number>> {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	const steps: Record<string, number> = {};
	const step = async (name: string, text: string, params: unknown[] = []) => {
		const t = performance.now();
		const r = await c.query(text, params);
		steps[`${name}Ms`] = Math.round(performance.now() - t);
		log(`${name}: ${r.rowCount ?? ''} rows, ${steps[`${name}Ms`]} ms`);
	};
	try {
		await c.query(`SET session_replication_role = replica; SET maintenance_work_mem = '512MB'; SET work_mem = '256MB'; SELECT setseed(0.42)`);
		const lookups = await lookupTables(c);
		const { communities: C, shopsPerCommunity: S, productsPerShop: P, ordersPerDay } = size;
		const N = lookups.names;
		const SN = lookups.shopNames;
		const now = new Date().toISOString();
		// (c, s) → shop number; (c, s, k) → name row: hashes that spread bases, flavours and shop names evenly.
		const shopName = `((c * 7 + s * 13) % ${SN})`;
		const nameOf = `((c * 31 + s * 17 + k * 7919) % ${N})`;
		const priceOf = `(1000 * (5 + ((c * 7919 + s * 104729 + k * 31) % 40)))`;
		const isRare = `((c * 1000 + s * 20 + k) % 997 = 0)`;
		const iso = (expr: string) => `to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
		const yearAgo = `(timestamptz '${now}' - interval '365 days')`;

		await step('communities', `INSERT INTO community (id, slug, name, region_code, kind, district, regency, province, group_name, is_demo, catalog_version, stock_version, created_at, updated_at)
			SELECT 'com_b' || c, 'desa-bench-' || c, CASE WHEN c % 3 = 0 THEN 'Kelurahan' ELSE 'Desa' END || ' Bench ' || c,
				'99.' || lpad((c / 100)::text, 2, '0') || '.' || lpad(((c / 10) % 10)::text, 2, '0') || '.' || (100000 + c),
				CASE WHEN c % 3 = 0 THEN 'kelurahan' ELSE 'desa' END, 'Kecamatan Bench ' || (c / 10), 'Kabupaten Bench ' || (c / 50),
				(ARRAY['Jawa Barat', 'Jawa Tengah', 'Jawa Timur', 'Banten', 'DI Yogyakarta'])[1 + c % 5], 'TKM Bench ' || c, 0, 1, 1,
				${iso(yearAgo)}, ${iso(yearAgo)}
			FROM generate_series(1, ${C}) c`);
		await step('users', `INSERT INTO app_user (id, name, email, whatsapp, password_hash, is_platform_admin, created_at, updated_at)
			SELECT 'usr_b' || c || '_' || s, 'Bu ' || (ARRAY[${PEOPLE.map((p) => `'${p}'`).join(',')}])[1 + (c + s) % ${PEOPLE.length}] || ' ' || c || '-' || s,
				CASE WHEN s = 0 THEN 'koordinator' || c || '@bench.test' END, '628' || (1000000000 + c * 100 + s)::text,
				CASE WHEN s = 0 OR (c + s) % 5 < 3 THEN '$argon2id$bench' END, CASE WHEN c = 1 AND s = 0 THEN 1 ELSE 0 END, ${iso(yearAgo)}, ${iso(yearAgo)}
			FROM generate_series(1, ${C}) c, generate_series(0, ${S}) s`);
		await step('shops', `INSERT INTO shop (id, community_id, slug, name, business_type, whatsapp, area, story, status, owner_user_id, onboarding_step, created_at, updated_at)
			SELECT 'shop_b' || c || '_' || s, 'com_b' || c, n.slug || '-' || s, n.name, 'Penjual makanan', '628' || (1000000000 + c * 100 + s)::text,
				'RW ' || (1 + s % 7), 'Usaha rumahan sejak ' || (2010 + s % 14) || '.', CASE WHEN (c + s) % 97 = 0 THEN 'hidden' ELSE 'active' END,
				'usr_b' || c || '_' || s, 8, ${iso(`${yearAgo} + (s * interval '5 days')`)}, ${iso(`${yearAgo} + (s * interval '5 days')`)}
			FROM generate_series(1, ${C}) c CROSS JOIN generate_series(1, ${S}) s JOIN bench_shop_name n ON n.i = ${shopName}`);
		await step('members', `INSERT INTO member (id, community_id, shop_id, person_name, whatsapp, rw, created_at, updated_at)
			SELECT 'mbr_b' || c || '_' || s, 'com_b' || c, 'shop_b' || c || '_' || s, 'Anggota ' || c || '-' || s, '628' || (1000000000 + c * 100 + s)::text,
				lpad((1 + s % 7)::text, 2, '0'), ${iso(`${yearAgo} + (s * interval '5 days')`)}, ${iso(`${yearAgo} + (s * interval '5 days')`)}
			FROM generate_series(1, ${C}) c, generate_series(1, ${S}) s`);
		await step('memberships', `INSERT INTO membership (id, user_id, community_id, role, created_at)
			SELECT 'msh_b' || c || '_' || s, 'usr_b' || c || '_' || s, 'com_b' || c, CASE WHEN s = 0 THEN 'coordinator' ELSE 'seller' END, ${iso(yearAgo)}
			FROM generate_series(1, ${C}) c, generate_series(0, ${S}) s`);
		await step('products', `INSERT INTO product (id, community_id, shop_id, slug, name, category_slug, price, unit, stock, made_to_order, lead_time_days, weight_grams,
				description, status, search_name, search_body, search_category, published_at, created_at, updated_at)
			SELECT 'prod_b' || c || '_' || s || '_' || k, 'com_b' || c, 'shop_b' || c || '_' || s, n.slug || '-' || k, n.name, n.category, ${priceOf},
				CASE WHEN n.category = 'minuman' THEN 'gelas' ELSE 'bungkus' END, CASE WHEN k % 4 = 0 THEN NULL ELSE (c + s + k) % 30 END,
				CASE WHEN k % 4 = 0 THEN 1 ELSE 0 END, CASE WHEN k % 4 = 0 THEN 1 ELSE 0 END, CASE WHEN k % 3 = 0 THEN NULL ELSE 250 END,
				b.description, 'published', n.search_name, b.search_body, n.search_category, t.at, t.at, t.at
			FROM generate_series(1, ${C}) c CROSS JOIN generate_series(1, ${S}) s CROSS JOIN generate_series(1, ${P}) k
			JOIN LATERAL (SELECT ${iso(`${yearAgo} + (s * interval '5 days') + (k * interval '4 days') + ((c % 24) * interval '1 hour')`)} AS at) t ON true
			JOIN LATERAL (SELECT * FROM bench_name WHERE i = ${nameOf} AND NOT ${isRare} UNION ALL SELECT * FROM bench_rare_name WHERE i = ${nameOf} AND ${isRare}) n ON true
			JOIN bench_body b ON b.shop_name = ${shopName} AND b.body = (c + k) % ${DESCRIPTIONS.length}`);
		await step('photos', `INSERT INTO product_photo (id, product_id, position, width, height, variants, hints, created_at)
			SELECT 'pho' || substr(p.id, 5), p.id, 0, 1200, 1200,
				'[{"name":"large","width":1200,"height":1200,"key":"p/' || md5(p.id) || '-1200.webp","bytes":90000},{"name":"medium","width":600,"height":600,"key":"p/' || md5(p.id) || '-600.webp","bytes":32000},{"name":"thumb","width":300,"height":300,"key":"p/' || md5(p.id) || '-300.webp","bytes":11000}]',
				'[]', p.created_at
			FROM product p WHERE hashtext(p.id) % 5 <> 0`);
		const total = C * ordersPerDay * 365;
		// One checkout and one shop order per n; orders of community n % C, a shop by hash; 1–2 items of that shop.
		await c.query(`DROP TABLE IF EXISTS bench_order; CREATE UNLOGGED TABLE bench_order AS
			SELECT n, c, s, k1, CASE WHEN n % 3 = 0 THEN (k1 % ${P}) + 1 END AS k2, 1 + n % 3 AS q1, 1 + n % 2 AS q2,
				${iso(`now() - random() * interval '365 days'`)} AS at, random() AS r
			FROM (SELECT n, 1 + n % ${C} AS c, 1 + (hashint4(n) & 2147483647) % ${S} AS s, 1 + (hashint4(n * 7) & 2147483647) % ${P} AS k1 FROM generate_series(1, ${total}) n) x`);
		await step('checkouts', `INSERT INTO checkout (id, code, token, community_id, idempotency_key, buyer_name, buyer_whatsapp, created_at)
			SELECT 'chk_b' || n, 'B' || n, md5(n::text), 'com_b' || c, 'bench-' || n, 'Pembeli ' || (n % 500), '62857' || lpad((n % 10000000)::text, 8, '0'), at FROM bench_order`);
		const lineOf = (k: string) => `(1000 * (5 + ((c * 7919 + s * 104729 + ${k} * 31) % 40)))`;
		await step('orders', `INSERT INTO shop_order (id, code, checkout_id, community_id, shop_id, status, delivery, delivery_fee, payment_method, paid_at, subtotal, total, item_count, created_at, updated_at)
			SELECT 'ord_b' || n, 'B' || n || '-1', 'chk_b' || n, 'com_b' || c, 'shop_b' || c || '_' || s,
				CASE WHEN r < 0.06 THEN 'dibatalkan' WHEN at < ${iso(`now() - interval '7 days'`)} THEN 'selesai' WHEN r < 0.5 THEN 'baru' ELSE 'dikonfirmasi' END,
				CASE WHEN n % 4 = 0 THEN 'local' ELSE 'pickup' END, CASE WHEN n % 4 = 0 THEN 5000 ELSE 0 END, CASE WHEN n % 5 = 0 THEN 'qris' ELSE 'cod' END,
				CASE WHEN n % 5 = 0 THEN at END, sub, sub + CASE WHEN n % 4 = 0 THEN 5000 ELSE 0 END, CASE WHEN k2 IS NULL THEN 1 ELSE 2 END, at, at
			FROM (SELECT *, ${lineOf('k1')} * q1 + coalesce(${lineOf('k2')} * q2, 0) AS sub FROM bench_order) o`);
		await step('orderItems', `INSERT INTO order_item (id, order_id, product_id, name, unit, price, quantity, line_total)
			SELECT 'oit_b' || n || '_' || j, 'ord_b' || n, 'prod_b' || c || '_' || s || '_' || k, bn.name, 'bungkus', ${lineOf('k')}, q, ${lineOf('k')} * q
			FROM (SELECT n, c, s, k1 AS k, q1 AS q, 1 AS j FROM bench_order UNION ALL SELECT n, c, s, k2, q2, 2 FROM bench_order WHERE k2 IS NOT NULL) o
			JOIN bench_name bn ON bn.i = ((c * 31 + s * 17 + k * 7919) % ${N})`);
		await c.query(`DROP TABLE bench_order, bench_name, bench_rare_name, bench_shop_name, bench_body`);
		await c.query(`SET session_replication_role = origin`);
		const t = performance.now();
		await c.query(`VACUUM (ANALYZE)`);
		steps.vacuumAnalyzeMs = Math.round(performance.now() - t);
		log(`vacuum analyze: ${steps.vacuumAnalyzeMs} ms`);
		return { ...steps, orders: total };
	} finally {
		await c.end();
	}
}
