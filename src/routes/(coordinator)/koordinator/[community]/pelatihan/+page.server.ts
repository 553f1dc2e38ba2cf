import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction, redirectWhenSaved } from '$lib/server/web/forms';
import { staffCommunity } from '$lib/server/training/page-context';
import { reportLetterOf } from '$lib/server/training/letter-settings';
import { NotFoundError } from '$lib/server/errors';
import { formatDateTime } from '$lib/utils/dates';
import { outsideProgram } from '$lib/server/training/figures';
import { programPeriodText } from '$lib/server/web/program-page';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community, overview } = await staffCommunity(event);
		const byId = new Map(overview.programs.map((p) => [p.id, p]));
		const plans = await event.locals.services.trainingPlans.listForCommunity(event.locals.actor, community.id);
		return {
			// trainings copied with a program as a template, waiting for their start
			plans: plans.map((p) => ({ id: p.id, title: p.title, venue: p.venue, programName: p.programName, agenda: p.agenda, letterSubject: p.letter.subject })),
			group: { slug: community.slug, name: community.name, groupName: community.group_name },
			programs: overview.programs.map((p) => ({ id: p.id, name: p.name, period: programPeriodText(p, event.locals.locale), signer: p.reportSignerName })),
			// what the coordinator's signature field offers before anything is saved: her own name (never a seller's
			// or a facilitator's), without a title in brackets — the office line under it already says "Koordinator …"
			signerSuggestion: coordinatorName(event.locals.actor, community.id),
			signerSaved: event.url.searchParams.get('tersimpan') === 'penandatangan',
			// what the evaluation report cannot print yet (kop, signer) and the letter form where to type it
			reportLetters: overview.programs.map((p) => {
				const l = reportLetterOf(p.id, overview.trainings);
				return { programId: p.id, kop: l.kopFrom !== null, signer: l.signerFrom !== null, fillAt: l.fillAt };
			}),
			trainings: overview.trainings.map((t) => {
				const p = byId.get(t.programId);
				return { id: t.id, title: t.title, when: formatDateTime(t.startsAt, event.locals.locale), venue: t.venue, program: p?.name ?? '', outside: !!p && outsideProgram(t.startsAt, { starts_on: p.startsOn, ends_on: p.endsOn }) };
			})
		};
	});

function coordinatorName(actor: App.Locals['actor'], communityId: string): string {
	if (actor.kind !== 'user' || !actor.memberships.some((m) => m.communityId === communityId && m.role === 'coordinator')) return '';
	return actor.name.replace(/\s*\([^)]*\)\s*$/, '').trim();
}

export const actions: Actions = {
	/** The coordinator's name under the evaluation report's second signature (per program). */
	penandatangan: async (event) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, async () => {
			const { overview } = await staffCommunity(event);
			const programId = String(form.get('programId') ?? '');
			if (!overview.programs.some((p) => p.id === programId)) throw new NotFoundError('training.notFoundProgram');
			await event.locals.services.reports.setCoordinatorSigner(event.locals.actor, programId, { name: String(form.get('name') ?? '') });
			return { saved: 'penandatangan' };
		});
		return redirectWhenSaved(event.url, result, 'reports');
	},
	/** Gives a training copied with a program its start: it becomes a training of that program (then its page). */
	jadwalkan: async (event) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, async () => {
			const { community } = await staffCommunity(event);
			const planId = String(form.get('planId') ?? '');
			// the plan must belong to the community in the URL (a platform admin may open any community)
			const plans = await event.locals.services.trainingPlans.listForCommunity(event.locals.actor, community.id);
			if (!plans.some((p) => p.id === planId)) throw new NotFoundError('training.notFound');
			return event.locals.services.trainingPlans.schedule(event.locals.actor, planId, String(form.get('startsAt') ?? ''));
		});
		if (typeof result === 'string') redirect(303, `/koordinator/${event.params.community}/pelatihan/${result}`);
		return result;
	},
	buat: async (event) => {
		const form = await event.request.formData();
		const result = await formAction(event.locals.locale, form, async () => {
			const { overview } = await staffCommunity(event);
			const programId = String(form.get('programId') ?? '');
			// the program must belong to the community in the URL (a platform admin may open any community)
			if (!overview.programs.some((p) => p.id === programId)) throw new NotFoundError('training.notFoundProgram');
			const training = await event.locals.services.trainings.create(event.locals.actor, programId, {
				title: String(form.get('title') ?? ''),
				startsAt: String(form.get('startsAt') ?? ''),
				venue: String(form.get('venue') ?? ''),
				speakers: String(form.get('speakers') ?? ''),
				agenda: String(form.get('agenda') ?? '')
			});
			return training.id;
		});
		if (typeof result === 'string') redirect(303, `/koordinator/${event.params.community}/pelatihan/${result}`);
		return result;
	}
};
