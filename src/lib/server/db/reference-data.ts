import type { Kysely } from 'kysely';
import type { DB } from './schema';
import { CATEGORY_SLUGS } from '../../categories';

/** Categories are reference data: inserted (or re-ordered) at every start, never edited by users. */
export async function seedCategories(db: Kysely<DB>): Promise<void> {
	await db
		.insertInto('category')
		.values(CATEGORY_SLUGS.map((slug, position) => ({ slug, position })))
		.onConflict((oc) => oc.column('slug').doUpdateSet((eb) => ({ position: eb.ref('excluded.position') })))
		.execute();
}
