/**
 * `npm run ecrav -- backup <file>` and `npm run ecrav -- restore <file> [--force]`: thin wrappers around
 * src/lib/server/backup, with the server's DATABASE_URL and DATA_DIR. Returns the process exit code.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/server/config';
import { createBackup, restoreBackup } from '../src/lib/server/backup';
import { DomainError } from '../src/lib/server/errors';
import { translator } from '../src/lib/i18n';
import { loadMediaStorageConfig } from '../src/lib/server/media/storage-config';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export async function backupCommand(command: 'backup' | 'restore', args: string[]): Promise<number> {
	const t = translator('id');
	const { values, positionals } = parseArgs({ args, options: { force: { type: 'boolean' } }, allowPositionals: true, strict: true });
	const file = positionals[0];
	if (!file || positionals.length > 1) {
		console.error(command === 'backup' ? 'Pakai: npm run ecrav -- backup <berkas.tar.gz>' : 'Pakai: npm run ecrav -- restore <berkas.tar.gz> [--force]');
		return 2;
	}
	const app = loadConfig();
	const config = { databaseUrl: app.databaseUrl, dataDir: app.dataDir, mediaInBucket: loadMediaStorageConfig(app.dataDir).kind === 's3' };
	try {
		if (command === 'backup') {
			const { file: written, bytes, seconds, manifest: m } = await createBackup(config, file);
			console.log(`Cadangan dibuat: ${written} (${mb(bytes)} MB, ${seconds.toFixed(1)} detik).`);
			console.log(`Isi: ${m.counts.community} komunitas, ${m.counts.shop} toko, ${m.counts.product} produk, ${m.counts.product_photo} foto, ${m.counts.shop_order} pesanan; ${m.media.files} berkas media (${mb(m.media.bytes)} MB); migrasi ${m.migrations.at(-1) ?? '-'}.`);
			if (m.media.inBucket) console.log('MEDIA_STORAGE=s3: foto dan berkas lain ada di bucket dan TIDAK ada di cadangan ini. Cadangkan bucket dengan alatnya sendiri (versioning/replikasi, atau aws s3 sync).');
			console.log('Berkas ini berisi data pribadi (nama, nomor WhatsApp, alamat pembeli): simpan di tempat yang tidak bisa dibuka orang lain.');
		} else {
			const { manifest: m, seconds, migrated, keptOld } = await restoreBackup(config, file, { force: values.force });
			console.log(`Cadangan dari ${m.createdAt} dipulihkan dalam ${seconds.toFixed(1)} detik: ${m.counts.community} komunitas, ${m.counts.product} produk, ${m.counts.shop_order} pesanan, ${m.media.files} berkas media. Semua jumlah dan checksum cocok.`);
			if (migrated.length) console.log(`Migrasi dijalankan (${migrated.length}): ${migrated.join(', ')}`);
			for (const path of keptOld) console.log(`Data lama disimpan di ${path} (hapus bila sudah tidak perlu).`);
		}
		return 0;
	} catch (e) {
		if (e instanceof DomainError) {
			console.error(t(e.messageKey, e.params));
			return 1;
		}
		throw e;
	}
}
