/**
 * The training board's live updates (issue 13): what one poll costs, what a recompute costs, and what two boards on
 * one training cost while 60 members check in over a minute-like burst. Prints one JSON document; asserts nothing.
 *   npx tsx bench/board.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrate } from '../src/lib/server/db';
import { createServices } from '../src/lib/server/services';
import { FilesystemStorage } from '../src/lib/server/media/storage';
import { systemActor } from '../src/lib/server/auth/actor';
import { newId } from '../src/lib/utils/ids';
import { BoardHub } from '../src/lib/server/training/board-hub';

const MEMBERS = 60;
const actor = systemActor('bench');

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number> {
	await fn();
	const start = performance.now();
	for (let i = 0; i < runs; i++) await fn();
	return Math.round(((performance.now() - start) / runs) * 1000) / 1000;
}

const dir = await mkdtemp(join(tmpdir(), 'ecrav-bench-board-'));
const database = await createDb({ url: `sqlite:${join(dir, 'bench.sqlite')}` });
await migrate(database);
const services = createServices({ database, storage: new FilesystemStorage(join(dir, 'media')) });
const community = await services.communities.create(actor, { slug: 'bench', name: 'Desa Bench', regionCode: '32.08.18.2999', kind: 'desa', district: 'Cigugur', regency: 'Kabupaten Kuningan', province: 'Jawa Barat' });
const members: string[] = [];
const earlier = '2024-01-01T00:00:00.000Z';
for (let i = 0; i < MEMBERS; i++) {
	const shop = await services.shops.create(actor, community, { name: `Toko Bench ${i}`, whatsapp: `0812 7700 ${String(1000 + i)}`, businessType: 'Penjual camilan' });
	const existing = await database.db.selectFrom('member').select('id').where('shop_id', '=', shop.id).executeTakeFirst();
	const id = existing?.id ?? newId('mbr');
	if (!existing) await database.db.insertInto('member').values({ id, community_id: community.id, shop_id: shop.id, person_name: `Ibu Anggota ${i}`, created_at: earlier, updated_at: earlier }).execute();
	else await database.db.updateTable('member').set({ created_at: earlier }).where('id', '=', id).execute();
	members.push(id);
}
const now = new Date().toISOString();
const programId = newId('prg');
await database.db.insertInto('program').values({ id: programId, community_id: community.id, name: 'Bench', theme: 't', goals: 'g', target_group: 'x', created_at: now, updated_at: now }).execute();
const training = await services.trainings.create(actor, programId, { title: 'Pelatihan Bench', startsAt: now, venue: 'Balai' });

const pollMs = await timed(500, () => services.boards.version(training.id, community.id));
const recomputeMs = await timed(100, () => services.boards.current(training.id));

// two boards on one training; 60 members checked in one by one, 5 per second
let recomputes = 0;
let polls = 0;
const source = {
	version: (t: string, c: string) => (polls++, services.boards.version(t, c)),
	current: (t: string) => (recomputes++, services.boards.current(t))
};
const hub = new BoardHub(source);
const seen = [0, 0];
const listener = (i: number) => ({ expiresAt: null, board: () => void seen[i]++, ping: () => {}, close: () => {} });
await hub.subscribe(training.id, community.id, listener(0));
await hub.subscribe(training.id, community.id, listener(1));
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
for (const [i, memberId] of members.entries()) {
	await services.trainings.recordAttendance(actor, training.id, { events: [{ id: `bench-checkin-${String(i).padStart(4, "0")}`, memberId, present: true, at: new Date().toISOString() }] });
	await new Promise((r) => setTimeout(r, 200));
}
await new Promise((r) => setTimeout(r, 1500));
const cpu = process.cpuUsage(cpu0);
const wall = performance.now() - wall0;
hub.closeAll();
console.log(
	JSON.stringify(
		{
			members: MEMBERS,
			pollMs,
			recomputeMs,
			burst: { seconds: Math.round(wall / 100) / 10, checkIns: MEMBERS, polls, recomputes, boardsReceived: seen, cpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / wall) * 1000) / 10, rssMb: Math.round(process.memoryUsage().rss / 1048576) }
		},
		null,
		1
	)
);
await database.destroy();
await rm(dir, { recursive: true, force: true });
