import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The adoption funnel of a program's community, computed now: coordinators and facilitators of that community only (else 404). */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const { services, actor } = event.locals;
		const funnel = await services.funnel.forProgram(actor, event.params.programId);
		return json({
			data: funnel.members.map((m) => ({ memberId: m.memberId, name: m.name, level: m.level, since: m.since, next: m.next })),
			counts: funnel.counts,
			// Every level is measured since visitors are counted (issue 10 item 6); kept for clients that read it.
			skipped: []
		});
	});
