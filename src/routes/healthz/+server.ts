import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import type { RequestHandler } from './$types';

/** 200 when the database answers, 503 otherwise (for load balancers and uptime checks). */
export const GET: RequestHandler = async ({ locals }) => {
	try {
		await sql`select 1`.execute(locals.services.database.db);
		return json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
	} catch {
		return json({ status: 'unavailable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
