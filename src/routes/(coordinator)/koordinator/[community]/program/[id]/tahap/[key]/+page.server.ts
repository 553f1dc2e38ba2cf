import { error } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction, redirectWhenSaved, savedParam } from '$lib/server/web/forms';
import { field, programPage } from '$lib/server/web/program-page';
import { translator } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { locals, params } = event;
		const { community, program } = await programPage(event);
		const stage = program.stages.find((s) => s.key === params.key);
		if (!stage) error(404, { message: translator(locals.locale)('program.stageNotFound') });
		const [evidence, handover] = await Promise.all([
			locals.services.evidence.list(locals.actor, program.id, stage.key),
			stage.key === 'terminasi' ? locals.services.programs.getHandover(locals.actor, program.id) : Promise.resolve(null)
		]);
		const base = `/koordinator/${community.slug}/program/${program.id}`;
		return {
			saved: savedParam(event.url, ['stage', 'handover', 'evidence', 'removed'] as const),
			community: { slug: community.slug, name: community.name },
			program: { id: program.id, name: program.name },
			stage: { key: stage.key, status: stage.status, startsOn: stage.starts_on ?? '', endsOn: stage.ends_on ?? '', notes: stage.notes },
			evidence: evidence.map((e) => ({ id: e.id, title: e.title, kind: e.kind, bytes: e.bytes, url: `${base}/bukti/${e.id}`, thumbUrl: e.thumb_key ? `${base}/bukti/${e.id}?ukuran=kecil` : null })),
			handover: handover ? { recipient: handover.recipient, followUp: handover.follow_up, on: handover.handed_over_on ?? '' } : null
		};
	});

export const actions: Actions = {
	simpan: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			await locals.services.programs.updateStage(locals.actor, params.id, params.key, { status: field(form, 'status') as 'belum', startsOn: field(form, 'startsOn'), endsOn: field(form, 'endsOn'), notes: field(form, 'notes') });
			return { saved: 'stage' as const };
		});
		return redirectWhenSaved(url, result);
	},
	serahkan: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			await locals.services.programs.saveHandover(locals.actor, params.id, { recipient: field(form, 'recipient'), followUp: field(form, 'followUp'), handedOverOn: field(form, 'handedOverOn') });
			return { saved: 'handover' as const };
		});
		return redirectWhenSaved(url, result);
	},
	bukti: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			const file = form.get('file');
			const bytes = file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
			await locals.services.evidence.add(locals.actor, params.id, params.key, { title: field(form, 'title'), file: bytes });
			return { saved: 'evidence' as const };
		});
		return redirectWhenSaved(url, result);
	},
	hapusBukti: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			await locals.services.evidence.remove(locals.actor, field(form, 'evidenceId'));
			return { saved: 'removed' as const };
		});
		return redirectWhenSaved(url, result);
	}
};
