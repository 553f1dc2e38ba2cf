import { pageLoad } from '$lib/server/http';
import { formAction, redirectWhenSaved, savedParam } from '$lib/server/web/forms';
import { staffTraining, wibInputValue } from '$lib/server/training/page-context';
import { formatDate, formatDateTime } from '$lib/utils/dates';
import { outsideProgram } from '$lib/server/training/figures';
import { programPeriodText } from '$lib/server/web/program-page';
import { DomainError } from '$lib/server/errors';
import { translator, type Locale, type Params } from '$lib/i18n';
import { asDomainError } from '$lib/server/errors';
import { fail } from '@sveltejs/kit';
import { boardLinkUrl } from '$lib/server/web/board-page';
import { qrSvgDataUrl } from '$lib/server/documents/setup-cards';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community, training } = await staffTraining(event);
		const [invitees, attendance, program, results, pending] = await Promise.all([
			event.locals.services.trainings.invitees(event.locals.actor, training.id),
			event.locals.services.trainings.attendance(event.locals.actor, training.id),
			event.locals.services.trainings.programFor(event.locals.actor, training.programId),
			event.locals.services.tests.results(event.locals.actor, training.id),
			event.locals.services.checkins.pending(event.locals.actor, training.id)
		]);
		// answers already sent from phones limit where the start can move: say so beside the date, before a refusal
		const bounds = await event.locals.services.trainings.answerBounds(event.locals.actor, training.id);
		const t = translator(event.locals.locale);
		const at = (iso: string) => formatDateTime(iso, event.locals.locale);
		const lower = bounds.earliest && (!bounds.after || bounds.earliest > bounds.after) ? t('training.moveFrom', { at: at(bounds.earliest) }) : bounds.after ? t('training.moveAfterTime', { at: at(bounds.after) }) : null;
		const upper = bounds.before ? t('training.moveUntil', { at: at(bounds.before) }) : null;
		const moveHint = bounds.answers > 0 ? t('training.moveHint', { count: bounds.answers, range: [lower, upper].filter(Boolean).join(t('training.moveAnd')) }) : null;
		return {
			moveHint,
			program: { name: program.name, period: programPeriodText({ startsOn: program.starts_on, endsOn: program.ends_on }, event.locals.locale), outside: outsideProgram(training.startsAt, program) },
			saved: savedParam(event.url, ['training', 'invited', 'closed', 'reopened', 'cardStopped', 'noCard'] as const),
			closedAt: training.attendanceClosedAt ? formatDateTime(training.attendanceClosedAt, event.locals.locale) : null,
			group: { slug: community.slug, name: community.name, groupName: community.group_name },
			training: { ...training, when: formatDateTime(training.startsAt, event.locals.locale), startsAtInput: wibInputValue(training.startsAt) },
			// `named`: ticked on this session's list; a member who joined the roster after the start is never counted (expected.ts)
			invitees: invitees.map((m) => ({ id: m.id, name: m.name, shopName: m.shopName, invited: m.invited, named: m.named, joinedAfter: m.joinedAfter ? formatDate(m.joinedAt, event.locals.locale) : null })),
			attendance: { present: attendance.present, expected: attendance.expected, rate: attendance.rate },
			pendingCheckins: pending.length,
			reaction: { n: results.reaction.n, items: results.reaction.items }
		};
	});

function letterFrom(form: FormData) {
	const s = (k: string) => String(form.get(k) ?? '');
	return {
		number: s('letter.number'),
		attachment: s('letter.attachment'),
		subject: s('letter.subject'),
		addressees: s('letter.addressees'),
		body: s('letter.body'),
		place: s('letter.place'),
		signerTitle: s('letter.signerTitle'),
		signerName: s('letter.signerName'),
		signerRank: s('letter.signerRank'),
		signerNip: s('letter.signerNip'),
		issuer: s('letter.issuer'),
		issuerAddress: s('letter.issuerAddress'),
		copies: s('letter.copies')
	};
}

/** A refused move names times (ISO in the error): shown in WIB in the reader's language, like every date on the page. */
function withDatesShown(e: unknown, locale: Locale): unknown {
	if (!(e instanceof DomainError) || e.code !== 'answers_outside') return e;
	const show = (p: Params) => ({ ...p, at: formatDateTime(String(p.at), locale), bound: formatDateTime(String(p.bound), locale) });
	return new DomainError(e.code, e.messageKey, e.status, show(e.params), e.issues.map((i) => ({ ...i, params: show(i.params) })));
}

/** End of the day: close attendance (`tutup`), or reopen it after closing too early (`buka`). */
function closeAction(reopen: boolean) {
	return async (event: Parameters<Actions[string]>[0]) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, async () => {
			const { training } = await staffTraining(event);
			await event.locals.services.trainings.closeAttendance(event.locals.actor, training.id, reopen);
			return { saved: reopen ? ('reopened' as const) : ('closed' as const) };
		});
		return redirectWhenSaved(event.url, result, 'akhir');
	};
}

export const actions: Actions = {
	/** "Kartu hilang": stops the chosen member's personal check-in cards (a member of another community → 404). */
	kartuHilang: async (event) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, async () => {
			const { training } = await staffTraining(event);
			const stopped = await event.locals.services.checkins.revokeCards(event.locals.actor, training.id, String(form.get('memberId') ?? ''));
			return { saved: stopped > 0 ? ('cardStopped' as const) : ('noCard' as const) };
		});
		return redirectWhenSaved(event.url, result, 'kartu');
	},
	tutup: closeAction(false),
	buka: closeAction(true),
	/** A board link for the projector, shown once with its QR code (only its hash is kept). */
	papan: async (event) => {
		try {
			const { training } = await staffTraining(event);
			const link = await event.locals.services.boards.createLink(event.locals.actor, training.id);
			const url = boardLinkUrl(event.url.origin, link);
			return { boardLink: { url, until: formatDate(training.startsAt, event.locals.locale), qr: await qrSvgDataUrl(url) } };
		} catch (thrown) {
			const e = asDomainError(thrown);
			if (!(e instanceof DomainError)) throw e;
			return fail(([401, 403, 404, 409, 429, 503] as const).find((x) => x === e.status) ?? 400, { boardError: translator(event.locals.locale)(e.messageKey, e.params) });
		}
	},
	ubah: async (event) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, async () => {
			const { training } = await staffTraining(event);
			await event.locals.services.trainings
				.update(event.locals.actor, training.id, {
					title: String(form.get('title') ?? ''),
					startsAt: String(form.get('startsAt') ?? ''),
					venue: String(form.get('venue') ?? ''),
					speakers: String(form.get('speakers') ?? ''),
					agenda: String(form.get('agenda') ?? ''),
					letter: letterFrom(form)
				})
				.catch((e: unknown) => {
					throw withDatesShown(e, event.locals.locale);
				});
			return { saved: 'training' as const };
		});
		return redirectWhenSaved(event.url, result);
	},
	undang: async (event) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, async () => {
			const { training } = await staffTraining(event);
			// the names ticked are who is invited; "Undang semua anggota", or no name ticked, invites everyone
			const chosen = form.getAll('memberId').map(String);
			const all = form.get('all') === 'on' || chosen.length === 0;
			await event.locals.services.trainings.setInvitees(event.locals.actor, training.id, all ? 'all' : chosen);
			return { saved: 'invited' as const };
		});
		return redirectWhenSaved(event.url, result);
	}
};
