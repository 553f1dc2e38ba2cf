import { sql, type Insertable } from 'kysely';
import type { Database } from '../src/lib/server/db';
import type { ProductPhotoTable, ProductTable } from '../src/lib/server/db/schema';
import { productSearchTerms } from '../src/lib/server/catalog/search-terms';
import { CATEGORY_SLUGS } from '../src/lib/categories';
import { newId } from '../src/lib/utils/ids';

const BASES = [
	['ketempling', 'camilan-keripik'], ['basreng', 'camilan-keripik'], ['keripik singkong', 'camilan-keripik'], ['keripik pisang', 'camilan-keripik'],
	['sambal cumi', 'sambal-bumbu'], ['sambal bawang', 'sambal-bumbu'], ['risol mayo', 'kue'], ['cireng isi', 'frozen-food'], ['gemblong', 'kue'],
	['donat', 'kue'], ['kue lapis', 'kue'], ['mie ayam', 'makanan-berat'], ['tahu goreng', 'camilan-keripik'], ['sate ayam', 'makanan-berat'],
	['bakso', 'makanan-berat'], ['lumpia', 'kue'], ['cimol', 'camilan-keripik'], ['seblak', 'makanan-berat'], ['opak', 'camilan-keripik'],
	['rengginang', 'camilan-keripik'], ['dodol', 'kue'], ['peuyeum', 'kue'], ['kerupuk', 'camilan-keripik'], ['emping', 'camilan-keripik'],
	['rempeyek kacang', 'camilan-keripik'], ['es cendol', 'minuman'], ['kopi bubuk', 'minuman'], ['beras', 'sembako'], ['telur ayam', 'sembako'],
	['gula aren', 'sembako'], ['nugget ayam', 'frozen-food'], ['kue sagon', 'kue']
] as const;
const FLAVOURS = ['original', 'pedas', 'balado', 'bawang', 'keju', 'jagung bakar', 'daun jeruk', 'manis', 'gurih', 'extra pedas', 'rumput laut', 'barbeque'];
const SIZES = ['100 g', '250 g', '500 g', '1 kg', 'isi 10', 'isi 20'];

function rng(seed: number) {
	let s = seed >>> 0;
	return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * Fills a community with `count` generated products across `count / 200` shops, written straight through
 * Kysely in batches (bench data only; the app itself always goes through services). All products share one
 * set of photo variants so pages weigh what real ones would.
 */
export async function generateCatalog(database: Database, slug: string, count: number, coverVariants: string | null): Promise<void> {
	const { db } = database;
	const now = Date.now();
	const communityId = newId('com');
	await db
		.insertInto('community')
		.values({ id: communityId, slug, name: `Desa Bench ${slug}`, region_code: `99.99.99.2${String(count % 1000).padStart(3, '0')}`, kind: 'desa', district: 'Bench', regency: 'Kabupaten Bench', province: 'Bench', group_name: null, is_demo: 0, created_at: new Date(now).toISOString(), updated_at: new Date(now).toISOString() })
		.execute();
	const shopCount = Math.max(1, Math.ceil(count / 200));
	const shops = Array.from({ length: shopCount }, (_, i) => ({
		id: newId('shop'),
		community_id: communityId,
		slug: `toko-${i + 1}`,
		name: `Toko Bench ${i + 1}`,
		business_type: 'Penjual camilan',
		whatsapp: `62812${String(10_000_000 + i).slice(-8)}`,
		area: `RW ${(i % 9) + 1}`,
		story: '',
		logo: null,
		nib: null,
		status: 'active' as const,
		created_at: new Date(now).toISOString(),
		updated_at: new Date(now).toISOString()
	}));
	for (let i = 0; i < shops.length; i += 500) await db.insertInto('shop').values(shops.slice(i, i + 500)).execute();
	const members = shops.map((s, i) => ({ id: newId('mbr'), community_id: communityId, shop_id: s.id, person_name: s.name, whatsapp: s.whatsapp, rw: String((i % 9) + 1).padStart(2, '0'), created_at: s.created_at, updated_at: s.updated_at }));
	for (let i = 0; i < members.length; i += 500) await db.insertInto('member').values(members.slice(i, i + 500)).execute();
	const rand = rng(count);
	const batch = 500;
	for (let start = 0; start < count; start += batch) {
		const rows: Insertable<ProductTable>[] = [];
		const photos: Insertable<ProductPhotoTable>[] = [];
		for (let i = start; i < Math.min(count, start + batch); i++) {
			const [base, category] = BASES[Math.floor(rand() * BASES.length)];
			const name = `${base} ${FLAVOURS[Math.floor(rand() * FLAVOURS.length)]} ${SIZES[Math.floor(rand() * SIZES.length)]}`.replace(/\b\w/g, (c) => c.toUpperCase());
			const shop = shops[i % shops.length];
			const description = `${name} buatan ${shop.name}. Dibuat setiap hari tanpa pengawet, cocok untuk oleh-oleh dan teman ngopi.`;
			const at = new Date(now - i * 60_000).toISOString();
			const id = newId('prod');
			rows.push({
				id,
				community_id: communityId,
				shop_id: shop.id,
				slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i}`,
				name,
				category_slug: category ?? CATEGORY_SLUGS[0],
				price: 1000 * (2 + Math.floor(rand() * 98)),
				unit: 'bungkus',
				stock: Math.floor(rand() * 50),
				made_to_order: 0,
				lead_time_days: 0,
				weight_grams: 250,
				description,
				shelf_life: null,
				ingredients: null,
				pirt: null,
				halal: null,
				bpom: null,
				status: 'published' as const,
				...productSearchTerms(name, category, shop.name, description),
				published_at: at,
				created_at: at,
				updated_at: at
			});
			if (coverVariants) photos.push({ id: newId('pho'), product_id: id, position: 0, width: 900, height: 900, variants: coverVariants, created_at: at });
		}
		await db.transaction().execute(async (trx) => {
			await trx.insertInto('product').values(rows).execute();
			if (photos.length) await trx.insertInto('product_photo').values(photos).execute();
		});
	}
	// Fresh tables have no planner statistics yet; production tables do (autovacuum). Measure that case.
	await sql`ANALYZE`.execute(db);
}
