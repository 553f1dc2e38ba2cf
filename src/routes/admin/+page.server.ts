import { fail, isActionFailure, redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { loadConfig } from '$lib/server/config';
import { formAction, savedParam } from '$lib/server/web/forms';
import { slugify } from '$lib/utils/ids';
import { formatDate } from '$lib/utils/dates';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

const SAVED = ['suspended', 'restored'] as const;

/** A failed form keeps its 4xx status and says which of the page's forms it was, so only that form shows the errors. */
function failedAs<T>(name: 'create' | 'appoint' | 'suspend' | 'restore', result: T) {
	return isActionFailure(result) ? fail(result.status, { ...(result.data as unknown as object), formName: name }) : result;
}

/** The origins a pasted link may name: the configured public one and the one this page was opened on. */
const siteOrigins = (url: URL) => [...new Set([loadConfig().publicOrigin ?? url.origin, url.origin])];

/** The comparison's columns a Dinas sorts by (largest first, `?urut=`); the official order otherwise. */
const SORTS = ['anggota', 'toko', 'produk', 'pesanan', 'omzet', 'gain'] as const;
type Compared = Awaited<ReturnType<App.Locals['services']['admin']['platform']>>['communities'][number];
type Sort = (typeof SORTS)[number];
const sortParam = (url: URL): Sort | null => SORTS.find((k) => k === url.searchParams.get('urut')) ?? null;
function sortCommunities(rows: Compared[], key: Sort | null): Compared[] {
	const value: Record<Sort, (c: Compared) => number> = {
		anggota: (c) => c.members,
		toko: (c) => c.shopsReady,
		produk: (c) => c.products,
		pesanan: (c) => c.orders,
		omzet: (c) => c.turnover,
		gain: (c) => c.program?.gain.g ?? -Infinity
	};
	return key ? [...rows].sort((a, b) => value[key](b) - value[key](a)) : rows;
}

/**
 * The platform admin's page (404 to everyone else, coordinators included — the service decides): platform figures
 * and the comparison of communities, creating a community by picking the official region one select per step
 * (a GET form, so it works without JavaScript), appointing staff, suspending and restoring shops and products.
 */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { locals, url } = event;
		const { admin, regions } = locals.services;
		const platform = await admin.platform(locals.actor);
		const suspended = await admin.listSuspended(locals.actor);
		const q = (k: string) => url.searchParams.get(k)?.trim() ?? '';
		const provinces = await regions.children(locals.actor, null);
		const step = async <T extends { code: string }>(list: T[], picked: string) => {
			const hit = list.find((r) => r.code === picked);
			return hit ? { hit, next: await regions.children(locals.actor, hit.code) } : null;
		};
		const p = await step(provinces, q('provinsi'));
		const r = p ? await step(p.next, q('kabupaten')) : null;
		const d = r ? await step(r.next, q('kecamatan')) : null;
		const village = d?.next.find((v) => v.code === q('desa')) ?? null;
		const created = url.searchParams.get('dibuat');
		const sort = sortParam(url);
		const taken = new Map(platform.communities.map((c) => [c.regionCode, { name: c.name, slug: c.slug }]));
		return {
			totals: platform.totals,
			communities: sortCommunities(platform.communities, sort),
			sort,
			suspended,
			saved: savedParam(url, SAVED),
			created: created ? (platform.communities.find((c) => c.slug === created) ?? null) : null,
			regionsLoaded: provinces.length > 0,
			steps: {
				provinces,
				regencies: p?.next ?? [],
				districts: r?.next ?? [],
				// a kelurahan/desa that already has its community (one per Kemendagri code) is named as taken in the list
				villages: (d?.next ?? []).map((v) => ({ ...v, taken: taken.get(v.code) ?? null })),
				picked: { province: p?.hit.code ?? '', regency: r?.hit.code ?? '', district: d?.hit.code ?? '', village: village?.code ?? '' }
			},
			village: village && p && r && d
				? {
						code: village.code,
						taken: taken.get(village.code) ?? null,
						label: { village: village.name, district: d.hit.name, regency: r.hit.name, province: p.hit.name, code: village.code },
						suggestedName: `${village.code.charAt(9) === '1' ? 'Kelurahan' : 'Desa'} ${village.name}`,
						suggestedSlug: slugify(village.name)
					}
				: null
		};
	});

export const actions: Actions = {
	create: async (event) => {
		const { locals, request } = event;
		const form = await request.formData();
		const result = await formAction(locals.locale, form, () =>
			locals.services.admin.createCommunity(locals.actor, { regionCode: form.get('regionCode'), name: form.get('name'), slug: form.get('slug') })
		);
		if ('slug' in result) redirect(303, `/admin?dibuat=${encodeURIComponent(result.slug)}#angkat`);
		return failedAs('create', result);
	},
	appoint: async (event) => {
		const { locals, request, url } = event;
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			const community = await locals.services.admin.communityForAdmin(locals.actor, String(form.get('community') ?? ''));
			// a field left out of the post is an empty field (attacker 2026-12-03: 'harus berupa teks'); a role that is
			// neither is refused by the schema, not made a coordinator
			const field = (k: string) => form.get(k) ?? '';
			const role = field('role');
			const appointed = await locals.services.admin.appointStaff(locals.actor, community, { name: field('name'), email: field('email'), whatsapp: field('whatsapp'), role });
			return {
				appointed: {
					// the name of the account that got the role (an existing account keeps its own name)
					name: appointed.name,
					role: role === 'facilitator' ? ('facilitator' as const) : ('coordinator' as const),
					community: community.name,
					existing: appointed.existing,
					link: appointed.setupLink ? `${url.origin}/atur-sandi/${appointed.setupLink.token}` : null,
					until: appointed.setupLink ? formatDate(appointed.setupLink.expiresAt, locals.locale) : null
				}
			};
		});
		return failedAs('appoint', result);
	},
	suspend: async (event) => {
		const { locals, request } = event;
		const form = await request.formData();
		const result = await formAction(locals.locale, form, () => locals.services.admin.suspendByAddress(locals.actor, { address: form.get('address'), reason: form.get('reason') }, siteOrigins(event.url)));
		if (!isActionFailure(result)) redirect(303, '/admin?tersimpan=suspended#tangguhkan');
		return failedAs('suspend', result);
	},
	restore: async (event) => {
		const { locals, request } = event;
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		const result = await formAction(locals.locale, form, async () => {
			if (form.get('kind') === 'product') await locals.services.admin.restoreProduct(locals.actor, id);
			else await locals.services.admin.restoreShop(locals.actor, id);
			return { id };
		});
		if (!isActionFailure(result)) redirect(303, '/admin?tersimpan=restored#tangguhkan');
		return failedAs('restore', result);
	}
};
