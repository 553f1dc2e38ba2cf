import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The program's indicators with values computed from current data on this request (staff of its community only); the two cash-book ones with their month and how many shops share. */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const { services, actor } = event.locals;
		const { indicators, cash } = await services.indicators.measures(actor, event.params.programId);
		// the cash-book figures say which month they are and how many shops' books they come from (consent only)
		const cashBasis = { month: cash.month, sharingShops: cash.sharingShops };
		return json(
			{
				data: indicators.map((i) => ({
					key: i.key,
					label: i.label,
					unit: i.unit,
					baseline: i.baseline,
					target: i.target,
					value: i.value,
					source: i.source,
					metric: i.metric,
					...(i.source === 'manual' ? { valueOn: i.valueOn } : {}),
					...(i.metric === 'income_monthly' || i.metric === 'profit_monthly' ? cashBasis : {})
				}))
			},
			{ headers: { 'cache-control': 'no-store' } }
		);
	});
