import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * Liveness: 200 while the process answers HTTP. It touches nothing else on purpose — a database that is down makes
 * /readyz 503 (take this process out of the load balancer), not /healthz (which would get the process restarted, and
 * restarting does not bring a database back).
 */
export const GET: RequestHandler = async () => json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
