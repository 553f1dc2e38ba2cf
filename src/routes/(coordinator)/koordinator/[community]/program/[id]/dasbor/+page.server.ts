import { pageLoad } from '$lib/server/http';
import { programPage } from '$lib/server/web/program-page';
import { formatDayShort } from '$lib/utils/dates';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community, program } = await programPage(event);
		const d = await event.locals.services.indicators.dashboard(event.locals.actor, program.id);
		return {
			community: { slug: community.slug, name: community.name },
			program: { id: program.id, name: program.name },
			indicators: d.indicators.map((i) => ({ id: i.id, key: i.key, label: i.label, unit: i.unit, source: i.source, baseline: i.baseline, target: i.target, value: i.value, valueOn: i.valueOn ? formatDayShort(i.valueOn, event.locals.locale) : null, progress: i.progress, standard: i.standard })),
			metrics: d.metrics,
			orders: { total: d.orders.total, after: d.orders.after },
			outsideTrainings: d.outsideTrainings,
			measuredAt: d.measuredAt ? formatDayShort(d.measuredAt, event.locals.locale) : null,
			period: {
				start: d.orders.period.firstDay ? formatDayShort(d.orders.period.firstDay, event.locals.locale) : null,
				end: formatDayShort(d.orders.period.lastDay, event.locals.locale),
				ongoing: d.orders.period.ongoing,
				empty: d.orders.period.empty
			},
			months: d.months,
			cash: { month: d.cash.month, sharingShops: d.cash.sharingShops }
		};
	});
