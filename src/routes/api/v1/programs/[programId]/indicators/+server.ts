import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The program's indicators with values computed from current data on this request (staff of its community only). */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		const { services, actor } = event.locals;
		const indicators = await services.indicators.list(actor, event.params.programId);
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
					...(i.source === 'manual' ? { valueOn: i.valueOn } : {})
				}))
			},
			{ headers: { 'cache-control': 'no-store' } }
		);
	});
