import { pageLoad } from '$lib/server/http';
import { formAction, redirectWhenSaved, savedParam } from '$lib/server/web/forms';
import { coordinatorCommunity } from '$lib/server/web/coordinator';
import { formatWhatsappLocal } from '$lib/utils/phone';
import { formatDay } from '$lib/utils/dates';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/** One member: profile (PP 7/2021 size), and the mentoring log. Coordinators and facilitators of the community only. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { locals, params } = event;
		const community = await coordinatorCommunity(event);
		const [member, entries] = await Promise.all([
			locals.services.roster.get(locals.actor, community, params.member),
			locals.services.mentoring.listForMember(locals.actor, community, params.member)
		]);
		const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
		return {
			saved: savedParam(event.url, ['profile', 'mentoring', 'done'] as const),
			group: { slug: community.slug, name: community.name },
			member: { ...member, whatsappLocal: member.whatsapp ? formatWhatsappLocal(member.whatsapp) : '' },
			entries: entries.map((e) => ({
				id: e.id,
				heldOn: e.held_on,
				heldOnText: formatDay(e.held_on, event.locals.locale),
				channel: e.channel,
				topic: e.topic,
				notes: e.notes,
				nextStep: e.next_step,
				followUpOn: e.follow_up_on,
				followUpOnText: e.follow_up_on ? formatDay(e.follow_up_on, event.locals.locale) : null,
				done: !!e.follow_up_done_at
			})),
			today
		};
	});

const text = (form: FormData, k: string) => String(form.get(k) ?? '');

export const actions: Actions = {
	profil: async (event) => {
		const form = await event.request.formData();
		return formAction(event.locals.locale, form, async () => {
			const community = await coordinatorCommunity(event);
			await event.locals.services.roster.updateProfile(event.locals.actor, community, event.params.member, {
				personName: text(form, 'personName'),
				whatsapp: text(form, 'whatsapp'),
				rw: text(form, 'rw'),
				nib: text(form, 'nib'),
				pirt: text(form, 'pirt'),
				halal: text(form, 'halal'),
				capital: text(form, 'capital'),
				annualSales: text(form, 'annualSales'),
				channelBefore: text(form, 'channelBefore')
			});
			return { saved: 'profile' as const };
		}).then((r) => redirectWhenSaved(event.url, r));
	},
	catat: async (event) => {
		const form = await event.request.formData();
		return formAction(event.locals.locale, form, async () => {
			const community = await coordinatorCommunity(event);
			await event.locals.services.mentoring.add(event.locals.actor, community, event.params.member, {
				heldOn: text(form, 'heldOn'),
				channel: text(form, 'channel') as 'chat',
				topic: text(form, 'topic'),
				notes: text(form, 'notes'),
				nextStep: text(form, 'nextStep'),
				followUpOn: text(form, 'followUpOn')
			});
			return { saved: 'mentoring' as const };
		}).then((r) => redirectWhenSaved(event.url, r));
	},
	selesai: async (event) => {
		const form = await event.request.formData();
		return formAction(event.locals.locale, form, async () => {
			const community = await coordinatorCommunity(event);
			await event.locals.services.mentoring.markFollowUpDone(event.locals.actor, community, text(form, 'entryId'));
			return { saved: 'done' as const };
		}).then((r) => redirectWhenSaved(event.url, r));
	}
};
