import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { pendingMigrations } from '$lib/server/db';
import type { RequestHandler } from './$types';

/**
 * Readiness, for load balancers and deploy scripts: 200 only when the database answers, its schema has every
 * migration this code knows (a process of a newer release against a database not yet migrated is not ready), and the
 * media folder can be written (uploads work); otherwise 503 naming what is wrong. /healthz stays the cheap liveness check.
 */
export const GET: RequestHandler = async ({ locals }) => {
	const { database, storage } = locals.services;
	const [db, media] = await Promise.all([
		sql`select 1`.execute(database.db).then(
			() => pendingMigrations(database).then(
				(pending) => (pending.length ? 'migrations_pending' : 'ok'),
				() => 'unavailable'
			),
			() => 'unavailable'
		),
		storage.checkWritable().then(
			() => 'ok',
			() => 'not_writable'
		)
	]);
	const ready = db === 'ok' && media === 'ok';
	return json({ status: ready ? 'ready' : 'unavailable', checks: { database: db, storage: media } }, { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store', ...(ready ? {} : { 'retry-after': '30' }) } });
};
