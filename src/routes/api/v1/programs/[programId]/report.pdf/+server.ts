import { apiCall } from '$lib/server/http';
import { requireUser } from '$lib/server/auth/guards';
import { evaluationReportPdf } from '$lib/server/documents/evaluation-report';
import type { RequestHandler } from './$types';

/** The program's evaluation report as a PDF (coordinator or facilitator of its community; anyone else 404). */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const data = await event.locals.services.reports.build(event.locals.actor, event.params.programId);
		const pdf = await evaluationReportPdf(data);
		return new Response(new Uint8Array(pdf), { headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="laporan-evaluasi-${data.program.id}.pdf"`, 'cache-control': 'no-store' } });
	});
