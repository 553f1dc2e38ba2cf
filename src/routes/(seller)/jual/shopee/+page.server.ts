import { pageLoad } from '$lib/server/http';
import { shopeeOrigin } from '$lib/server/web/shopee-response';
import type { PageServerLoad } from './$types';

/** A template problem the download endpoint sent the seller back with (?template=…); anything else is ignored. */
const TEMPLATE_PROBLEMS = ['missing', 'tooBig', 'notXlsx', 'noKeys', 'weightUnit'] as const;

/**
 * The seller's "Jual di Shopee" page: which live products go into a Shopee bulk-upload file, which must be fixed
 * first and how, the two ways to get the file, and the last downloads. Nothing is recorded by looking.
 */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { shop } = await event.parent();
		const { locals, url } = event;
		const plan = await locals.services.shopeeExports.plan(locals.actor, shop.id, shopeeOrigin(url));
		const asked = url.searchParams.get('template');
		const problem = TEMPLATE_PROBLEMS.find((p) => p === asked) ?? null;
		return {
			ready: plan.ready,
			skipped: plan.skipped.map((s) => ({ productId: s.productId, name: s.name, problems: s.problems.map((p) => ({ key: p.messageKey, params: p.params })) })),
			recent: plan.recent.map((r) => ({ id: r.id, at: r.created_at, kind: r.kind, exported: r.exported_count, skipped: r.skipped_count })),
			templateProblem: problem ? (`shopee.template.${problem}` as const) : null
		};
	});
