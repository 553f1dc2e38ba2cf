import Database from 'better-sqlite3';
import { join } from 'node:path';
import { newId } from '../../src/lib/utils/ids';

/**
 * Makes sure the demo community has a program and one member row per shop, whatever the demo seed already
 * made (engineers PROGRAM and MEMBERS seed these; until then the test adds them itself). Returns the program id.
 */
export function ensureProgramAndMembers(dataDir: string, slug = 'cigadung'): { programId: string; members: { id: string; name: string }[] } {
	const db = new Database(join(dataDir, 'ecrav.sqlite'));
	db.pragma('busy_timeout = 5000');
	try {
		const community = db.prepare('select id from community where slug = ?').get(slug) as { id: string };
		const now = new Date().toISOString();
		let program = db.prepare('select id from program where community_id = ? order by created_at limit 1').get(community.id) as { id: string } | undefined;
		if (!program) {
			program = { id: newId('prg') };
			db.prepare('insert into program (id, community_id, name, theme, goals, target_group, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)').run(
				program.id,
				community.id,
				'E-Commerce Creative (E-Crav)',
				'Peningkatan kapasitas pemasaran melalui e-commerce',
				'Pelaku UMKM bisa berjualan daring',
				'Pelaku UMKM Kelurahan Cigadung',
				now,
				now
			);
		}
		const shops = db.prepare('select s.id, s.name, u.name as owner from shop s left join app_user u on u.id = s.owner_user_id where s.community_id = ? and not exists (select 1 from member m where m.shop_id = s.id)').all(community.id) as { id: string; name: string; owner: string | null }[];
		const insert = db.prepare('insert into member (id, community_id, shop_id, person_name, created_at, updated_at) values (?, ?, ?, ?, ?, ?)');
		for (const s of shops) insert.run(newId('mbr'), community.id, s.id, s.owner ?? s.name, now, now);
		const members = db.prepare('select id, person_name as name from member where community_id = ? order by person_name, id').all(community.id) as { id: string; name: string }[];
		return { programId: program.id, members };
	} finally {
		db.close();
	}
}
