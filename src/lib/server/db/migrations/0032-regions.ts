import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Official regions (issue 12 item 1): the Kemendagri codes of provinces, regencies/cities, districts and
 * kelurahan/desa, filled by `npm run ecrav -- load-regions` from the npm package `idn-area-data` (never bundled
 * into a page). `parent_code` is null for a province; listing children reads the (parent_code, name) index.
 */
export function regionsMigration(): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('region')
				.addColumn('code', 'text', (c) => c.primaryKey())
				.addColumn('parent_code', 'text')
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('province', 'regency', 'district', 'village')`))
				.execute();
			await db.schema.createIndex('region_parent_idx').on('region').columns(['parent_code', 'name']).execute();
		}
	};
}
