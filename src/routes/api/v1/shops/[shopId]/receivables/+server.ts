import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { readJson } from '$lib/server/web/api-body';
import { requireUser } from '$lib/server/auth/guards';
import { receivableJson } from '$lib/server/web/debt-json';
import { idempotencyKeyOf } from '$lib/server/web/cashbook-form';
import type { RequestHandler } from './$types';

/**
 * Records a receivable `{ customer: { name, whatsapp }, amount, dueDate, note }` → 201. The shop's own seller only. With
 * an `Idempotency-Key` header the same key again records nothing and answers 200 with the first one (`Idempotent-Replayed: true`).
 */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const body = await readJson(event.request);
		const customer = body.customer && typeof body.customer === 'object' ? (body.customer as Record<string, unknown>) : {};
		const { debt, replayed } = await event.locals.services.debts.createOnce(event.locals.actor, event.params.shopId, {
			direction: 'receivable',
			name: customer.name,
			whatsapp: customer.whatsapp ?? undefined,
			amount: body.amount,
			dueDate: body.dueDate ?? undefined,
			note: body.note ?? undefined
		}, idempotencyKeyOf(event.request));
		return json(receivableJson(debt), replayed ? { status: 200, headers: { 'idempotent-replayed': 'true' } } : { status: 201 });
	});

/** Who owes what: still owed first (overdue, then by due day, oldest), then paid and written off. */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const list = await event.locals.services.debts.list(event.locals.actor, event.params.shopId, 'receivable');
		return json({ data: list.debts.map(receivableJson), totalOutstanding: list.totalOutstanding });
	});
