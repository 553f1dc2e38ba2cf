import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { RegionLevel, RegionTable } from '../db/schema-admin';

export type Region = RegionTable;

export class RegionRepository {
	constructor(private readonly db: Kysely<DB>) {}

	/** Inserts or refreshes regions by code (a later release of the data may rename one): running twice changes nothing. */
	async upsert(rows: Region[]): Promise<void> {
		if (!rows.length) return;
		await this.db
			.insertInto('region')
			.values(rows)
			.onConflict((oc) =>
				oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), parent_code: eb.ref('excluded.parent_code'), level: eb.ref('excluded.level') }))
			)
			.execute();
	}

	/** The provinces (parent null) or the children of one region, by name: what one select of the picker shows. */
	async listChildren(parentCode: string | null): Promise<Region[]> {
		const q = this.db.selectFrom('region').selectAll();
		return (parentCode === null ? q.where('parent_code', 'is', null) : q.where('parent_code', '=', parentCode)).orderBy('name').orderBy('code').execute();
	}

	async findByCode(code: string): Promise<Region | undefined> {
		return this.db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();
	}

	/** The region and every region above it, province first (one lookup per level, at most four). */
	async findChain(code: string): Promise<Region[]> {
		const chain: Region[] = [];
		let next: string | null = code;
		while (next) {
			const found = await this.findByCode(next);
			if (!found) return [];
			chain.unshift(found);
			next = found.parent_code;
		}
		return chain;
	}

	async countByLevel(): Promise<Record<RegionLevel, number>> {
		const rows = await this.db.selectFrom('region').select(['level', (eb) => eb.fn.countAll().as('n')]).groupBy('level').execute();
		const out: Record<RegionLevel, number> = { province: 0, regency: 0, district: 0, village: 0 };
		for (const r of rows) out[r.level] = Number(r.n);
		return out;
	}
}
