import { error, redirect } from '@sveltejs/kit';
import { DomainError, NotFoundError, asDomainError } from '$lib/server/errors';
import { setupCardsPdf } from '$lib/server/documents/setup-cards';
import { translator } from '$lib/i18n';
import { formatDate } from '$lib/utils/dates';
import type { RequestHandler } from './$types';

/**
 * POST (a form, so CSRF-checked): new one-time setup links for the chosen sellers (all who have not set a
 * password yet when none are chosen), printed as QR cards, 8 per A4 page. Earlier links of those sellers stop working:
 * when any of them has a link out that still works, the coordinator is first sent to `kartu/periksa`, which names
 * them, and prints only when confirmed there (`lanjut=1`).
 */
export const POST: RequestHandler = async ({ request, locals, params, url }) => {
	const t = translator(locals.locale);
	try {
		const community = await locals.services.communities.getBySlug(locals.actor, params.community);
		const form = await request.formData();
		const chosen = form.getAll('userId').map(String);
		const { targets, retiring } = await locals.services.members.planSetupCards(locals.actor, community, chosen);
		if (retiring.length > 0 && form.get('lanjut') !== '1') {
			const query = new URLSearchParams(chosen.length ? targets.map((s) => ['userId', s.userId]) : []);
			redirect(303, `/koordinator/${community.slug}/kartu/periksa${chosen.length ? `?${query}` : ''}`);
		}
		const cards = [];
		for (const s of targets) {
			// A seller who is also staff somewhere gets no card from here (only a platform admin may reset staff).
			const link = await locals.services.auth.issueSetupLink(locals.actor, s.userId, community.id, s.hasPassword ? 'reset' : 'invite').catch((e: unknown) => {
				if (e instanceof NotFoundError) return null;
				throw e;
			});
			if (!link) continue;
			cards.push({ name: s.name, shop: s.shop?.name ?? '', url: `${url.origin}/atur-sandi/${link.token}`, expires: formatDate(link.expiresAt, locals.locale) });
		}
		// nothing to print (nobody ticked had a card to make, or everyone already has a password): say so on the roster instead of a blank PDF
		if (cards.length === 0) redirect(303, `/koordinator/${community.slug}?kartu=kosong#cards`);
		const pdf = await setupCardsPdf(cards, { title: t('roster.cardsTitle', { group: community.group_name ?? community.name }), scan: t('roster.cardScan'), expires: (d) => t('roster.cardExpires', { date: d }) });
		return new Response(new Uint8Array(pdf), {
			headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="kartu-${community.slug}.pdf"`, 'cache-control': 'no-store' }
		});
	} catch (thrown) {
		const e = asDomainError(thrown);
		if (e instanceof DomainError) error(e.status, { message: t(e.messageKey, e.params) });
		throw e;
	}
};
