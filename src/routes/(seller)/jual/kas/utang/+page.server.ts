import { pageLoad } from '$lib/server/http';
import { savedParam } from '$lib/server/web/forms';
import type { PageServerLoad } from './$types';

/** Who owes what: ?jenis=pelanggan (receivables, the default) or ?jenis=pemasok (payables); still owed first. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { shop } = await event.parent();
		const jenis = event.url.searchParams.get('jenis') === 'pemasok' ? 'pemasok' : 'pelanggan';
		return {
			jenis,
			list: await event.locals.services.debts.list(event.locals.actor, shop.id, jenis === 'pemasok' ? 'payable' : 'receivable'),
			saved: savedParam(event.url, ['cancelled'] as const)
		};
	});
