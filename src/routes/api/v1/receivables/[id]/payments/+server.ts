import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import { requireUser } from '$lib/server/auth/guards';
import { receivableJson } from '$lib/server/web/debt-json';
import type { RequestHandler } from './$types';

/** A payment `{ amount, method, date }` → 201, posted to the cash book as income; more than is owed → 409. */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const body = await readJson(event.request);
		const { payment, debt } = await event.locals.services.debts.pay(event.locals.actor, event.params.id, { amount: body.amount, method: body.method, date: body.date ?? undefined }, 'receivable');
		return json({ ...payment, receivable: receivableJson(debt) }, { status: 201 });
	});
