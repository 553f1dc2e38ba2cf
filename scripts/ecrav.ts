/**
 * E-Crav command line, for the person who runs the installation.
 *   npm run ecrav -- create-admin --name "Nama" --email admin@contoh.id --password "…"
 *   npm run ecrav -- create-community --slug cigadung --name "Kelurahan Cigadung" --region-code 32.08.18.1002 \
 *        --kind kelurahan --district Cigugur --regency "Kabupaten Kuningan" --province "Jawa Barat" [--group "TKM UMKM Kharisma"]
 *   npm run ecrav -- add-coordinator --community cigadung --name "Nama" --whatsapp 0812… [--email …] [--role facilitator]
 *        (prints a one-time link to set the password)
 *   npm run ecrav -- reindex-search      (rebuilds the SQLite search index, e.g. after VACUUM)
 *   npm run ecrav -- load-regions [--province 32]   (official Kemendagri regions from idn-area-data; safe to run again)
 *   npm run ecrav -- migrate             (brings the database schema up to date; the server also does on start)
 *   npm run ecrav -- backup <file>       (database + media files in one archive, while the server runs; see docs/deploy.md)
 *   npm run ecrav -- restore <file> [--force]   (into an empty database and DATA_DIR; stop the server first)
 * Reads DATABASE_URL / DATA_DIR (and MEDIA_STORAGE / S3_* when media is in a bucket) like the server.
 */
import { parseArgs } from 'node:util';
import { createDb, migrate, pendingMigrations } from '../src/lib/server/db';
import { loadConfig } from '../src/lib/server/config';
import { createServices } from '../src/lib/server/services';
import { createMediaStorage, loadMediaStorageConfig } from '../src/lib/server/media/storage-config';
import { systemActor } from '../src/lib/server/auth/actor';
import { DomainError } from '../src/lib/server/errors';
import { translator } from '../src/lib/i18n';
import { issueMessage } from '../src/lib/validation/issues';
import { reindexSearch } from '../src/lib/server/search/reindex';
import { readRegionRows } from '../src/lib/server/regions/region-data';
import { backupCommand } from './ecrav-backup';

const [command, ...rest] = process.argv.slice(2);
// backup and restore open the database themselves: restore must find the target as it is, before any migration
if (command === 'backup' || command === 'restore') process.exit(await backupCommand(command, rest));
const { values: opts } = parseArgs({
	args: rest,
	options: Object.fromEntries(
		['name', 'email', 'password', 'whatsapp', 'slug', 'region-code', 'kind', 'district', 'regency', 'province', 'group', 'community', 'role', 'origin', 'province'].map((k) => [k, { type: 'string' as const }])
	),
	strict: true
});
const need = (k: string) => {
	const v = opts[k];
	if (!v) {
		console.error(`Missing --${k}`);
		process.exit(2);
	}
	return v as string;
};

const config = loadConfig();
const database = await createDb({ url: config.databaseUrl, poolSize: 2 });
const pendingBefore = command === 'migrate' ? await pendingMigrations(database) : [];
await migrate(database);
const services = createServices({ database, storage: createMediaStorage(loadMediaStorageConfig(config.dataDir)) });
const actor = systemActor('cli');
const t = translator('id');

try {
	switch (command) {
		case 'create-admin': {
			const id = await services.auth.createUser(actor, { name: need('name'), email: need('email'), password: need('password'), platformAdmin: true });
			console.log(`Admin dibuat: ${id}`);
			break;
		}
		case 'create-community': {
			const c = await services.communities.create(actor, {
				slug: need('slug'),
				name: need('name'),
				regionCode: need('region-code'),
				kind: need('kind') as 'kelurahan' | 'desa',
				district: need('district'),
				regency: need('regency'),
				province: need('province'),
				groupName: opts.group as string | undefined
			});
			console.log(`Komunitas dibuat: /c/${c.slug} (${c.region_code})`);
			break;
		}
		case 'add-coordinator': {
			const community = await services.communities.getBySlug(actor, need('community'));
			const role = (opts.role as string | undefined) === 'facilitator' ? 'facilitator' : 'coordinator';
			const id = await services.auth.createUser(actor, { name: need('name'), whatsapp: opts.whatsapp as string | undefined, email: opts.email as string | undefined });
			await services.members.addRole(actor, community, id, role);
			const link = await services.auth.issueSetupLink(actor, id, community.id, 'invite');
			const origin = (opts.origin as string | undefined) ?? process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
			console.log(`${role === 'coordinator' ? 'Koordinator' : 'Pendamping'} ditambahkan. Tautan sekali pakai untuk membuat kata sandi (berlaku sampai ${link.expiresAt}):`);
			console.log(`${origin}/atur-sandi/${link.token}`);
			break;
		}
		case 'reindex-search': {
			const n = await reindexSearch(database);
			console.log(n === null ? 'PostgreSQL keeps its search column itself; nothing to do.' : `Indeks pencarian dibangun ulang: ${n} produk.`);
			break;
		}
		case 'load-regions': {
			const started = performance.now();
			const rows = await readRegionRows({ province: opts.province as string | undefined });
			const read = Math.round(performance.now() - started);
			const { counts, ms } = await services.regions.load(actor, rows);
			console.log(`Wilayah resmi dimuat: ${rows.length} baris dibaca (${read} ms), disimpan dalam ${ms} ms.`);
			console.log(`Di basis data sekarang: ${counts.province} provinsi, ${counts.regency} kabupaten/kota, ${counts.district} kecamatan, ${counts.village} kelurahan/desa.`);
			break;
		}
		case 'migrate': {
			// migrate() above already ran them: say what it did (a deploy script's log shows the step worked)
			console.log(pendingBefore.length ? `Migrasi dijalankan (${pendingBefore.length}): ${pendingBefore.join(', ')}` : 'Skema basis data sudah terbaru; tidak ada migrasi.');
			break;
		}
		default:
			console.log('Perintah: create-admin | create-community | add-coordinator | reindex-search | load-regions | migrate | backup | restore (lihat README)');
			process.exitCode = command ? 2 : 0;
	}
} catch (e) {
	if (e instanceof DomainError) {
		console.error(t(e.messageKey, e.params));
		for (const issue of e.issues) console.error(`  --${issue.field}: ${issueMessage(t, issue)}`);
		process.exitCode = 1;
	} else throw e;
} finally {
	await database.destroy();
}
