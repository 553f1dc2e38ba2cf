import type { Actor } from '../../src/lib/server/auth/actor';
import type { Community, Role } from '../../src/lib/server/db/schema';
import type { Services } from '../../src/lib/server/services';
import { system } from './factories';

let seq = 0;

/** A signed-in person with one role in a community, loaded as the app loads actors. */
export async function makeStaff(services: Services, community: Community, role: Role, name = `${role} ${++seq}`): Promise<Actor> {
	const id = await services.auth.createUser(system, { name, email: `${role}-${++seq}-${Date.now()}@contoh.test`, password: 'rahasia-panjang-1' });
	await services.members.addRole(system, community, id, role);
	return (await services.auth.loadActor(id))!;
}

/** A seller of the community with their shop (through the roster, as a coordinator adds them). */
export async function makeSellerActor(services: Services, community: Community, coordinator: Actor): Promise<{ actor: Actor; shopId: string }> {
	const phone = `0813 ${String(3000 + (++seq % 1000)).padStart(4, '0')} ${String(1000 + Math.floor(Math.random() * 8999))}`;
	const added = await services.members.addSeller(coordinator, community, { name: `Penjual ${seq}`, businessType: 'Penjual risol', area: 'RW 01', whatsapp: phone });
	return { actor: (await services.auth.loadActor(added.userId))!, shopId: added.shopId };
}

/** A snapshot of every program table, to prove a refused call changed nothing. */
export async function programTablesSnapshot(services: Services): Promise<string> {
	const db = services.database.db;
	const tables = ['program', 'program_stage', 'program_assessment_item', 'program_indicator', 'program_indicator_entry', 'program_evidence', 'program_handover', 'training', 'test_question'] as const;
	const out: Record<string, unknown> = {};
	for (const t of tables) out[t] = await db.selectFrom(t).selectAll().orderBy(t === 'program_handover' ? 'program_id' : 'id').execute();
	return JSON.stringify(out);
}
