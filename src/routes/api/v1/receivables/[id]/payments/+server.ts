import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import { requireUser } from '$lib/server/auth/guards';
import { receivableJson } from '$lib/server/web/debt-json';
import { idempotencyKeyOf } from '$lib/server/web/cashbook-form';
import type { RequestHandler } from './$types';

/**
 * A payment `{ amount, method, date }` → 201, posted to the cash book as income; more than is owed → 409. With an
 * `Idempotency-Key` header the same key again records nothing and answers 200 with the first payment (`Idempotent-Replayed: true`).
 */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const body = await readJson(event.request);
		const { payment, debt, replayed } = await event.locals.services.debts.pay(event.locals.actor, event.params.id, { amount: body.amount, method: body.method, date: body.date ?? undefined }, 'receivable', idempotencyKeyOf(event.request));
		return json({ ...payment, receivable: receivableJson(debt) }, replayed ? { status: 200, headers: { 'idempotent-replayed': 'true' } } : { status: 201 });
	});
