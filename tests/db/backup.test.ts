import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import pg from 'pg';
import { sql } from 'kysely';
import { create, extract } from 'tar';
import { TEST_DATABASE_URL, TEST_DIALECT } from '../helpers/db';
import { makeCommunity, makeProduct, system } from '../helpers/factories';
import { callRoute, routeByKey } from '../helpers/routes';
import { createDb, migrate, type Database } from '../../src/lib/server/db';
import { createServices, filesystemStorage, type Services } from '../../src/lib/server/services';
import { createBackup, readBackupManifest, restoreBackup, type InstanceConfig } from '../../src/lib/server/backup';
import { COUNTED_TABLES } from '../../src/lib/server/backup/manifest';
import { parseVariants } from '../../src/lib/server/catalog/product-card';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community, Product, Shop } from '../../src/lib/server/db/schema';

/**
 * `npm run ecrav -- backup` / `restore` (issue 12 item 4) on the real database of the run: a community built through
 * the real services (orders, products, real photos) is backed up, restored into a FRESH instance — a new SQLite file
 * and DATA_DIR, or a new PostgreSQL database on the TEST_DATABASE_URL server — and every order, product and photo
 * (bytes equal) is found there. A backup taken while orders keep coming is consistent; a non-empty target, an archive
 * newer than the code or a damaged one are refused with nothing changed. Prints archive size and seconds.
 */
const work = await mkdtemp(join(tmpdir(), 'ecrav-backup-'));
const databases: string[] = [];
let seq = 0;

interface Instance {
	config: InstanceConfig;
	open(): Promise<{ database: Database; services: Services }>;
}

/** A fresh, empty instance: a DATA_DIR of its own and a database nobody has opened yet. */
async function freshInstance(): Promise<Instance> {
	const dataDir = join(work, `instance-${++seq}`);
	await mkdir(dataDir, { recursive: true });
	let databaseUrl = `sqlite:${join(dataDir, 'ecrav.sqlite')}`;
	if (TEST_DIALECT === 'postgres') {
		const name = `ecrav_bk_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}_${seq}`;
		const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name}`);
		await admin.end();
		databases.push(name);
		const u = new URL(TEST_DATABASE_URL);
		u.pathname = `/${name}`;
		databaseUrl = u.toString();
	}
	const config = { databaseUrl, dataDir };
	return {
		config,
		async open() {
			const database = await createDb({ url: databaseUrl, poolSize: 5 });
			await migrate(database);
			opened.push(database);
			return { database, services: createServices({ database, storage: filesystemStorage(dataDir) }) };
		}
	};
}
const opened: Database[] = [];

const photo = (r: number) => sharp({ create: { width: 640, height: 480, channels: 3, background: { r, g: 140, b: 70 } } }).jpeg().toBuffer();
const buyer = { name: 'Bu Ratna', whatsapp: '0812 7700 1234' };
let orderSeq = 0;

let src: Instance;
let s: Services;
let sdb: Database;
let community: Community;
let shops: Shop[];
let products: Product[];
let sellers: UserActor[];

const order = (p: Product, shop: Shop, quantity = 1) =>
	s.orders.checkout(PUBLIC_ACTOR, community, { buyer, lines: [{ productId: p.id, quantity }], shops: { [shop.slug]: { delivery: 'pickup', payment: 'cod' } } }, `backup-test-${++orderSeq}-${Date.now()}`);

async function rows(database: Database, table: (typeof COUNTED_TABLES)[number]) {
	return database.db.selectFrom(table).selectAll().orderBy('id').execute();
}

async function photoKeys(database: Database): Promise<string[]> {
	const all = await database.db.selectFrom('product_photo').select('variants').execute();
	return all.flatMap((p) => parseVariants(p.variants).map((v) => v.key));
}

beforeAll(async () => {
	src = await freshInstance();
	({ database: sdb, services: s } = await src.open());
	community = await makeCommunity(s, { slug: 'cadangan' });
	shops = [];
	sellers = [];
	for (const [i, name] of ['Ibu Kue', 'Pak Sambal'].entries()) {
		const added = await s.members.addSeller(system, community, { name, businessType: 'Penjual makanan', whatsapp: `0812 8800 100${i}` });
		sellers.push((await s.auth.loadActor(added.userId))!);
		shops.push(await s.shops.getManaged(system, added.shopId));
	}
	products = [];
	for (const shop of shops) for (let i = 0; i < 3; i++) products.push(await makeProduct(s, shop, { name: `Produk ${shop.slug} ${i}`, stock: 1000 }));
	// real photos through the real photo service: a phone photo (5.8 MB JPEG) and generated ones
	await s.products.addPhoto(sellers[0], products[0].id, await readFile(new URL('../fixtures/phone-photo.jpg', import.meta.url)));
	for (let i = 1; i < products.length; i++) await s.products.addPhoto(i < 3 ? sellers[0] : sellers[1], products[i].id, await photo(i * 30));
	for (let i = 0; i < 12; i++) await order(products[i % products.length], shops[i % products.length < 3 ? 0 : 1], 1 + (i % 3));
}, 120_000);

afterAll(async () => {
	for (const d of opened) await d.destroy().catch(() => {});
	if (databases.length) {
		const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
		await admin.connect();
		for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin.end();
	}
	await rm(work, { recursive: true, force: true });
});

describe(`backup and restore (${TEST_DIALECT})`, () => {
	it('should restore into a fresh instance with every order, product and photo (bytes equal)', async () => {
		const file = join(work, 'full.tar.gz');
		const made = await createBackup(src.config, file);
		expect((await stat(file)).mode & 0o077).toBe(0); // personal data: the owner's only
		expect(made.manifest).toMatchObject({ format: 'ecrav-backup', formatVersion: 1, dialect: TEST_DIALECT, counts: { community: 1, shop: 2, product: 6, product_photo: 6, shop_order: 12 } });
		const level = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(sdb.db);
		expect(made.manifest.migrations.at(-1)).toBe(level.rows[0].name);
		expect(made.manifest.media.files).toBeGreaterThanOrEqual(6);

		const dst = await freshInstance();
		const restored = await restoreBackup(dst.config, file);
		expect(restored.migrated).toEqual([]);
		const { database: rdb, services: r } = await dst.open();
		for (const table of COUNTED_TABLES) expect(await rows(rdb, table), table).toEqual(await rows(sdb, table));
		const keys = await photoKeys(rdb);
		expect(keys.length).toBeGreaterThanOrEqual(6);
		for (const key of keys) {
			const bytes = await r.storage.get(key);
			expect(bytes, key).not.toBeNull();
			expect(bytes!.equals((await s.storage.get(key))!), key).toBe(true);
		}
		const served = await callRoute(await routeByKey('GET /media/[...key]'), { services: r, actor: PUBLIC_ACTOR }, { params: { key: keys[0] } });
		expect(served.status).toBe(200);
		// the restored instance works: the shop sells on from the restored stock
		const rc = await r.communities.getBySlug(PUBLIC_ACTOR, 'cadangan');
		const stockBefore = (await rdb.db.selectFrom('product').select('stock').where('id', '=', products[1].id).executeTakeFirstOrThrow()).stock;
		await r.orders.checkout(PUBLIC_ACTOR, rc, { buyer, lines: [{ productId: products[1].id, quantity: 2 }], shops: { [shops[0].slug]: { delivery: 'pickup', payment: 'cod' } } }, `after-restore-${Date.now()}`);
		expect((await rdb.db.selectFrom('product').select('stock').where('id', '=', products[1].id).executeTakeFirstOrThrow()).stock).toBe(stockBefore! - 2);
		console.log(`[backup ${TEST_DIALECT}] archive ${(made.bytes / 1024).toFixed(0)} KB (database ${(made.manifest.database.bytes / 1024).toFixed(0)} KB, ${made.manifest.media.files} media files ${(made.manifest.media.bytes / 1024).toFixed(0)} KB); backup ${made.seconds.toFixed(2)} s, restore ${restored.seconds.toFixed(2)} s`);
	}, 120_000);

	it('should take a consistent backup while orders and photos keep coming', async () => {
		const buying = products[2];
		const ordersBefore = (await rows(sdb, 'shop_order')).length;
		let stop = false;
		let during = 0;
		let placed = 0;
		let backupRunning = false;
		const writer = (async () => {
			for (let i = 0; !stop; i++) {
				await order(buying, shops[0], 1);
				placed++;
				if (backupRunning) during++;
				if (i % 4 === 3) await s.products.addPhoto(sellers[0], buying.id, await photo(100 + (i % 100)));
			}
		})();
		while (placed < 2) await new Promise((r) => setTimeout(r, 10));
		backupRunning = true;
		const file = join(work, 'busy.tar.gz');
		const made = await createBackup(src.config, file);
		backupRunning = false;
		stop = true;
		await writer;
		const ordersAfter = (await rows(sdb, 'shop_order')).length;
		expect(made.manifest.counts.shop_order).toBeGreaterThan(ordersBefore);
		expect(made.manifest.counts.shop_order).toBeLessThanOrEqual(ordersAfter);

		const dst = await freshInstance();
		await restoreBackup(dst.config, file);
		const { database: rdb, services: r } = await dst.open();
		// every restored order is exactly the source's, with its items; the stock adds up to what was there at the start
		const restoredOrders = await rows(rdb, 'shop_order');
		expect(restoredOrders.length).toBe(made.manifest.counts.shop_order);
		const sourceOrders = new Map((await rows(sdb, 'shop_order')).map((o) => [o.id, o]));
		for (const o of restoredOrders) expect(o).toEqual(sourceOrders.get(o.id));
		const items = await rows(rdb, 'order_item');
		for (const o of restoredOrders) expect(items.filter((i) => i.order_id === o.id).length, o.code).toBeGreaterThan(0);
		const sold = items.filter((i) => i.product_id === buying.id).reduce((n, i) => n + i.quantity, 0);
		const stock = (await rdb.db.selectFrom('product').select('stock').where('id', '=', buying.id).executeTakeFirstOrThrow()).stock;
		expect(stock! + sold).toBe(1000);
		// every photo the restored database names has its files
		for (const key of await photoKeys(rdb)) expect(await r.storage.exists(key), key).toBe(true);
		console.log(`[backup ${TEST_DIALECT}] while writing: ${during} orders placed during the ${made.seconds.toFixed(2)} s backup; archive holds ${made.manifest.counts.shop_order} orders (${ordersBefore} before, ${ordersAfter} after)`);
	}, 120_000);

	it('should refuse a target that holds data or media, changing nothing, and replace it only with --force', async () => {
		const file = join(work, 'again.tar.gz');
		await createBackup(src.config, file);
		const countsBefore = (await readBackupManifest(file)).counts;
		// the source itself is not empty
		await expect(restoreBackup(src.config, file)).rejects.toMatchObject({ code: 'backup_target_not_empty', status: 409 });
		expect((await rows(sdb, 'shop_order')).length).toBe(countsBefore.shop_order);

		// an empty database but a media folder with a file in it
		const mediaOnly = await freshInstance();
		await mkdir(join(mediaOnly.config.dataDir, 'media/p'), { recursive: true });
		await writeFile(join(mediaOnly.config.dataDir, 'media/p/lama.webp'), 'old');
		await expect(restoreBackup(mediaOnly.config, file)).rejects.toMatchObject({ code: 'backup_target_not_empty' });
		expect(await readFile(join(mediaOnly.config.dataDir, 'media/p/lama.webp'), 'utf8')).toBe('old');

		// another installation's data: refused, then replaced with --force (the old media kept aside)
		const other = await freshInstance();
		const { database: odb, services: o } = await other.open();
		await makeCommunity(o, { slug: 'lain' });
		await mkdir(join(other.config.dataDir, 'media/p'), { recursive: true });
		await writeFile(join(other.config.dataDir, 'media/p/lama.webp'), 'old');
		await expect(restoreBackup(other.config, file)).rejects.toMatchObject({ code: 'backup_target_not_empty' });
		expect((await odb.db.selectFrom('community').select('slug').execute()).map((c) => c.slug)).toEqual(['lain']);
		await odb.destroy();
		const forced = await restoreBackup(other.config, file, { force: true });
		expect(forced.keptOld.some((p) => p.includes('media.before-restore-'))).toBe(true);
		const { database: fdb } = await other.open();
		expect((await fdb.db.selectFrom('community').select('slug').execute()).map((c) => c.slug)).toEqual(['cadangan']);
		expect((await rows(fdb, 'shop_order')).length).toBe(countsBefore.shop_order);
		expect(existsSync(join(other.config.dataDir, 'media/p/lama.webp'))).toBe(false);
	}, 120_000);

	it('should refuse an archive newer than the code, a damaged one and a file that is no backup, changing nothing', async () => {
		const file = join(work, 'base.tar.gz');
		await createBackup(src.config, file);
		const unpacked = join(work, 'unpacked');
		await mkdir(unpacked, { recursive: true });
		await extract({ file, cwd: unpacked });
		const manifest = JSON.parse(await readFile(join(unpacked, 'manifest.json'), 'utf8'));
		const repack = async (name: string, change: (m: typeof manifest) => void) => {
			const m = structuredClone(manifest);
			change(m);
			await writeFile(join(unpacked, 'manifest.json'), JSON.stringify(m));
			const out = join(work, name);
			await create({ file: out, cwd: unpacked, gzip: true }, ['manifest.json', m.database.entry, 'media']);
			return out;
		};
		const newer = await repack('newer.tar.gz', (m) => m.migrations.push('9999-from-the-future'));
		const damagedDb = await repack('damaged.tar.gz', (m) => (m.database.sha256 = '0'.repeat(64)));
		const lostPhoto = await repack('lost-photo.tar.gz', (m) => (m.media.files += 1));
		const notBackup = join(work, 'not-a-backup.tar.gz');
		await writeFile(notBackup, 'hello');

		const target = await freshInstance();
		await expect(restoreBackup(target.config, newer)).rejects.toMatchObject({ code: 'backup_too_new', params: { names: '9999-from-the-future' } });
		await expect(restoreBackup(target.config, damagedDb)).rejects.toMatchObject({ code: 'backup_damaged' });
		await expect(restoreBackup(target.config, lostPhoto)).rejects.toMatchObject({ code: 'backup_damaged' });
		await expect(restoreBackup(target.config, notBackup)).rejects.toMatchObject({ code: 'backup_not_archive' });
		// nothing was written: no media, no database tables
		expect(existsSync(join(target.config.dataDir, 'media'))).toBe(false);
		if (TEST_DIALECT === 'sqlite') expect(existsSync(join(target.config.dataDir, 'ecrav.sqlite'))).toBe(false);
		else {
			const c = new pg.Client({ connectionString: target.config.databaseUrl });
			await c.connect();
			expect((await c.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).rows[0].n).toBe(0);
			await c.end();
		}
		// and the untouched archive still restores there
		await restoreBackup(target.config, file);
	}, 120_000);

	it('should leave media in an S3 bucket out of the archive, and refuse to restore archived media into a bucket setup', async () => {
		const bucketOnly = join(work, 'bucket.tar.gz');
		const made = await createBackup({ ...src.config, mediaInBucket: true }, bucketOnly);
		expect(made.manifest.media).toEqual({ files: 0, bytes: 0, inBucket: true });
		const withMedia = join(work, 'with-media.tar.gz');
		await createBackup(src.config, withMedia);
		const target = await freshInstance();
		await expect(restoreBackup({ ...target.config, mediaInBucket: true }, withMedia)).rejects.toMatchObject({ code: 'backup_media_in_bucket' });
		await restoreBackup({ ...target.config, mediaInBucket: true }, bucketOnly);
		expect(existsSync(join(target.config.dataDir, 'media'))).toBe(false);
		const { database } = await target.open();
		expect((await rows(database, 'product')).length).toBe(made.manifest.counts.product);
	}, 120_000);
});
