import { error } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { requireUser } from '$lib/server/auth/guards';
import { requestedShopId } from '$lib/server/web/acting-shop';
import { translator } from '$lib/i18n';
import { cashEntriesCsv, cashEntriesXlsx } from '$lib/server/documents/cash-export';
import { cashStatementPdf } from '$lib/server/documents/cash-statement';
import type { RequestHandler } from './$types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Downloads of the seller's book: `buku-kas.csv` / `buku-kas.xlsx` (the entries of the report's period, same query as
 * the page) and `laporan-bulanan.pdf?bulan=YYYY-MM` (the monthly statement). The shop's owner only: anyone else,
 * staff included, gets 404 (the service's rule); a wrong period or month is a 422 page with the reason.
 */
export const GET: RequestHandler = (event) =>
	pageLoad(event, async () => {
		const { locals, url, params } = event;
		const user = requireUser(locals.actor);
		const t = translator(locals.locale);
		const shopId = requestedShopId(url, user) ?? '';
		const reports = locals.services.cashReports;
		const headers = (type: string, name: string) => ({ 'content-type': type, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' });
		if (params.file === 'laporan-bulanan.pdf') {
			const data = await reports.statement(locals.actor, shopId, url.searchParams.get('bulan') ?? '');
			const pdf = await cashStatementPdf(t, locals.locale, data);
			return new Response(new Uint8Array(pdf), { headers: headers('application/pdf', `laporan-kas-${data.month}.pdf`) });
		}
		if (params.file !== 'buku-kas.csv' && params.file !== 'buku-kas.xlsx') error(404, { message: t('api.notFound') });
		const q = url.searchParams;
		const { period, entries } = await reports.exportEntries(locals.actor, shopId, { periode: q.get('periode'), dari: q.get('dari'), sampai: q.get('sampai') });
		const name = `buku-kas-${period.from}-${period.to}`;
		if (params.file === 'buku-kas.csv') return new Response(new Uint8Array(cashEntriesCsv(t, locals.locale, entries)), { headers: headers('text/csv; charset=utf-8', `${name}.csv`) });
		return new Response(new Uint8Array(await cashEntriesXlsx(t, locals.locale, entries)), { headers: headers(XLSX, `${name}.xlsx`) });
	});
