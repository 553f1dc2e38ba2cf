/**
 * Messages for: `npm run ecrav -- backup` / `restore` (issue 12 item 4), read by the person who runs the
 * installation. id.ts and en.ts spread them in; every key needs both languages.
 */
export const idBackup = {
	'backup.notArchive': 'Berkas {file} bukan cadangan E-Crav yang bisa dibaca ({detail}). Tidak ada yang berubah.',
	'backup.formatTooNew': 'Cadangan ini memakai format versi {version}; E-Crav ini hanya mengenal sampai versi {supported}. Perbarui E-Crav dulu. Tidak ada yang berubah.',
	'backup.dialectMismatch': 'Cadangan ini berisi basis data {archive}, tetapi DATABASE_URL menunjuk ke {target}. Pulihkan ke jenis basis data yang sama. Tidak ada yang berubah.',
	'backup.migrationsNewer': 'Cadangan ini dibuat oleh E-Crav yang lebih baru: migrasi {names} belum dikenal kode ini. Pasang versi E-Crav yang sama atau lebih baru, lalu pulihkan lagi. Tidak ada yang berubah.',
	'backup.targetNotEmpty': 'Tujuan pemulihan tidak kosong: {what}. Pemulihan tidak menimpa data yang ada. Pakai basis data dan DATA_DIR yang kosong, atau tambahkan --force untuk menggantinya. Tidak ada yang berubah.',
	'backup.damaged': 'Cadangan rusak atau tidak lengkap: {detail}. Tidak ada yang berubah.',
	'backup.toolMissing': 'Program {tool} (dari postgresql-client) tidak ditemukan. Pasang postgresql-client (Debian: apt-get install postgresql-client) atau isi PG_BIN_DIR dengan foldernya. Tidak ada yang berubah.',
	'backup.toolFailed': '{tool} gagal: {detail}. Tidak ada yang berubah.',
	'backup.mediaInBucket': 'Cadangan ini berisi {files} berkas media, tetapi MEDIA_STORAGE=s3: berkas itu tidak akan terbaca dari bucket. Pulihkan dengan MEDIA_STORAGE=filesystem (lalu unggah folder media ke bucket), atau kosongkan MEDIA_STORAGE. Tidak ada yang berubah.',
	'backup.sourceMissing': 'Basis data {path} tidak ada. Periksa DATABASE_URL dan DATA_DIR. Tidak ada cadangan yang dibuat.'
};

export const enBackup: Record<keyof typeof idBackup, string> = {
	'backup.notArchive': 'The file {file} is not a readable E-Crav backup ({detail}). Nothing was changed.',
	'backup.formatTooNew': 'This backup uses format version {version}; this E-Crav knows versions up to {supported}. Update E-Crav first. Nothing was changed.',
	'backup.dialectMismatch': 'This backup holds a {archive} database, but DATABASE_URL names {target}. Restore into the same kind of database. Nothing was changed.',
	'backup.migrationsNewer': 'This backup was made by a newer E-Crav: this code does not know migration(s) {names}. Install the same or a newer E-Crav, then restore again. Nothing was changed.',
	'backup.targetNotEmpty': 'The restore target is not empty: {what}. A restore does not overwrite existing data. Use an empty database and DATA_DIR, or add --force to replace them. Nothing was changed.',
	'backup.damaged': 'The backup is damaged or incomplete: {detail}. Nothing was changed.',
	'backup.toolMissing': 'The program {tool} (from postgresql-client) was not found. Install postgresql-client (Debian: apt-get install postgresql-client) or set PG_BIN_DIR to its folder. Nothing was changed.',
	'backup.toolFailed': '{tool} failed: {detail}. Nothing was changed.',
	'backup.mediaInBucket': 'This backup holds {files} media files, but MEDIA_STORAGE=s3: they would not be read from the bucket. Restore with MEDIA_STORAGE=filesystem (then upload the media folder to the bucket), or unset MEDIA_STORAGE. Nothing was changed.',
	'backup.sourceMissing': 'The database {path} does not exist. Check DATABASE_URL and DATA_DIR. No backup was made.'
};
