import { pageLoad } from '$lib/server/http';
import { coordinatorCommunity } from '$lib/server/web/coordinator';
import { formAction, redirectWhenSaved, savedParam } from '$lib/server/web/forms';
import { formatDay } from '$lib/utils/dates';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/** "Jatuh tempo minggu ini": the facilitator's follow-ups due by Sunday (WIB), overdue first. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const community = await coordinatorCommunity(event);
		const due = await event.locals.services.mentoring.dueThisWeek(event.locals.actor, community);
		return {
			saved: savedParam(event.url, ['done'] as const),
			group: { slug: community.slug, name: community.name, groupName: community.group_name },
			items: due.items.map((i) => ({ id: i.id, memberId: i.member_id, name: i.person_name, shopName: i.shop_name, topic: i.topic, nextStep: i.next_step, followUpOn: i.follow_up_on ? formatDay(i.follow_up_on, event.locals.locale) : '', overdue: i.overdue }))
		};
	});

export const actions: Actions = {
	selesai: async (event) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, async () => {
			const community = await coordinatorCommunity(event);
			await event.locals.services.mentoring.markFollowUpDone(event.locals.actor, community, String(form.get('entryId') ?? ''));
			return { saved: 'done' as const };
		});
		return redirectWhenSaved(event.url, result);
	}
};
