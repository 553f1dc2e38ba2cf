import { error } from '@sveltejs/kit';
import { DomainError } from '$lib/server/errors';
import { translator } from '$lib/i18n';
import { evaluationReportPdf } from '$lib/server/documents/evaluation-report';
import { evaluationReportXlsx } from '$lib/server/documents/evaluation-xlsx';
import { staffCommunity } from '$lib/server/training/page-context';
import type { RequestHandler } from './$types';

/** The evaluation report of a program of this community: `…/laporan/{program}/pdf` or `…/xlsx` (the data behind it). */
export const GET: RequestHandler = async (event) => {
	try {
		const { community } = await staffCommunity(event);
		const data = await event.locals.services.reports.build(event.locals.actor, event.params.program);
		const program = await event.locals.services.trainings.programFor(event.locals.actor, event.params.program);
		if (program.community_id !== community.id) error(404, { message: translator(event.locals.locale)('training.notFoundProgram') });
		if (event.params.format === 'xlsx') {
			const xlsx = await evaluationReportXlsx(data);
			return new Response(new Uint8Array(xlsx), { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="laporan-evaluasi-${community.slug}.xlsx"`, 'cache-control': 'no-store' } });
		}
		if (event.params.format !== 'pdf') error(404, { message: translator(event.locals.locale)('api.notFound') });
		const pdf = await evaluationReportPdf(data);
		return new Response(new Uint8Array(pdf), { headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="laporan-evaluasi-${community.slug}.pdf"`, 'cache-control': 'no-store' } });
	} catch (e) {
		if (e instanceof DomainError) error(e.status, { message: translator(event.locals.locale)(e.messageKey, e.params) });
		throw e;
	}
};
