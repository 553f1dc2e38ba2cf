import { error } from '@sveltejs/kit';
import { DomainError, asDomainError } from '$lib/server/errors';
import { setupCardsPdf } from '$lib/server/documents/setup-cards';
import { staffTraining } from '$lib/server/training/page-context';
import { translator } from '$lib/i18n';
import { formatDate } from '$lib/utils/dates';
import type { RequestHandler } from './$types';

/**
 * POST (a form, so CSRF-checked): personal check-in cards for the members on the training's list (or the ticked
 * `memberId`s), 8 per A4 page, laid out like the setup cards. Each QR opens `/kartu-hadir/{token}`; printing
 * replaces those members' older cards.
 */
export const POST: RequestHandler = async (event) => {
	const t = translator(event.locals.locale);
	try {
		const { training } = await staffTraining(event);
		const form = await event.request.formData();
		const cards = await event.locals.services.checkins.issueCards(event.locals.actor, training.id, form.getAll('memberId').map(String));
		const pdf = await setupCardsPdf(
			cards.map((c) => ({ name: c.name, shop: c.shopName, url: `${event.url.origin}/kartu-hadir/${c.token}`, expires: formatDate(c.expiresAt, event.locals.locale) })),
			{ title: t('checkin.cardsTitle', { title: training.title }), scan: t('checkin.cardScan'), expires: (d) => t('checkin.cardExpires', { date: d }) }
		);
		return new Response(new Uint8Array(pdf), { headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="kartu-absen-${training.id}.pdf"`, 'cache-control': 'no-store' } });
	} catch (thrown) {
		const e = asDomainError(thrown);
		if (e instanceof DomainError) error(e.status, { message: t(e.messageKey, e.params) });
		throw e;
	}
};
