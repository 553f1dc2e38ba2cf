import { error } from '@sveltejs/kit';
import { DomainError } from '$lib/server/errors';
import { translator } from '$lib/i18n';
import { certificatesPdf, invitationLetterPdf } from '$lib/server/documents/invitation-letter';
import { staffTraining } from '$lib/server/training/page-context';
import { trainingResultsPdf } from '$lib/server/documents/training-results';
import { checkinPosterPdf } from '$lib/server/documents/checkin-poster';
import { formatDateTime } from '$lib/utils/dates';
import type { RequestHandler } from './$types';

/**
 * Printable documents of a training: `…/dokumen/undangan` (invitation letter), `…/dokumen/sertifikat` (one per member
 * present), `…/dokumen/hasil` (the one-page "Hasil pelatihan") or `…/dokumen/poster-absen` (the venue's check-in QR on A4).
 */
export const GET: RequestHandler = async (event) => {
	const t = translator(event.locals.locale);
	try {
		const { community, training } = await staffTraining(event);
		const headers = (name: string) => ({ 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}-${training.id}.pdf"`, 'cache-control': 'no-store' });
		if (event.params.doc === 'undangan') {
			const pdf = await invitationLetterPdf({ community, training, today: new Date().toISOString() });
			return new Response(new Uint8Array(pdf), { headers: headers('undangan') });
		}
		if (event.params.doc === 'sertifikat') {
			const view = await event.locals.services.trainings.attendance(event.locals.actor, training.id);
			const present = view.data.filter((d) => d.present).map((d) => ({ name: d.name, shopName: d.shopName }));
			const base = training.letter.number ? `${training.letter.number}/SRT` : training.id.slice(-6).toUpperCase();
			const pdf = await certificatesPdf({ community, training, participants: present, number: (i) => `${base}/${String(i + 1).padStart(3, '0')}` });
			return new Response(new Uint8Array(pdf), { headers: headers('sertifikat') });
		}
		if (event.params.doc === 'hasil') {
			const { training: day, figures } = await event.locals.services.rooms.dayResults(event.locals.actor, training.id);
			const pdf = await trainingResultsPdf({ community, training: day, figures, generatedAt: new Date().toISOString() });
			return new Response(new Uint8Array(pdf), { headers: headers('hasil-pelatihan') });
		}
		if (event.params.doc === 'poster-absen') {
			const when = formatDateTime(training.startsAt, event.locals.locale);
			const pdf = await checkinPosterPdf({ title: training.title, when, venue: training.venue, url: `${event.url.origin}/hadir/${training.checkinToken}` }, t);
			return new Response(new Uint8Array(pdf), { headers: headers('poster-absen') });
		}
		error(404, { message: t('api.notFound') });
	} catch (e) {
		if (e instanceof DomainError) error(e.status, { message: t(e.messageKey, e.params) });
		throw e;
	}
};
