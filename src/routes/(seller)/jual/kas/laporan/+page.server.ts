import { pageLoad } from '$lib/server/http';
import { ValidationError } from '$lib/server/errors';
import { translator } from '$lib/i18n';
import type { PageServerLoad } from './$types';

/**
 * The seller's report for one period (?periode=hari|minggu|bulan|pilih&dari=&sampai=): totals, the change from the
 * period before, money per payment method, the chart, best sellers, downloads. The shop's owner only (404 for anyone
 * else, staff included). A wrong chosen range is said beside its field and this month is shown instead.
 */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { shop } = await event.parent();
		const { locals, url } = event;
		const reports = locals.services.cashReports;
		const q = url.searchParams;
		const asked = { periode: q.get('periode'), dari: q.get('dari'), sampai: q.get('sampai') };
		let rangeError: { field: string; message: string } | null = null;
		let period;
		try {
			period = reports.period(asked);
		} catch (e) {
			if (!(e instanceof ValidationError)) throw e;
			const issue = e.issues[0];
			rangeError = { field: issue?.field ?? 'dari', message: translator(locals.locale)(e.messageKey) };
			period = reports.period({ periode: 'bulan' });
		}
		const report = await reports.report(locals.actor, shop.id, period);
		return {
			report,
			rangeError,
			asked: { periode: asked.periode ?? 'bulan', dari: asked.dari ?? '', sampai: asked.sampai ?? '' },
			toko: q.get('toko') ?? '',
			months: reports.statementMonths()
		};
	});
