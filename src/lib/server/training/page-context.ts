import { redirect, type RequestEvent } from '@sveltejs/kit';
import { NotFoundError } from '../errors';
import type { Training } from './training.service';

type Event = Pick<RequestEvent, 'locals' | 'url'> & { params: Partial<Record<string, string>> };

/** Coordinator pages: sign in first; then the community, which only its coordinator/facilitators may open. */
export async function staffCommunity(event: Event) {
	const { locals, url, params } = event;
	if (locals.actor.kind !== 'user') redirect(303, `/masuk?kembali=${encodeURIComponent(url.pathname + url.search)}`);
	const community = await locals.services.communities.getBySlug(locals.actor, params.community ?? '');
	const overview = await locals.services.trainings.overview(locals.actor, community.id);
	return { community, overview };
}

/** A training of the community in the URL (another community's training id is "not found"). */
export async function staffTraining(event: Event): Promise<{ community: Awaited<ReturnType<typeof staffCommunity>>['community']; training: Training }> {
	const { locals, url, params } = event;
	if (locals.actor.kind !== 'user') redirect(303, `/masuk?kembali=${encodeURIComponent(url.pathname + url.search)}`);
	const community = await locals.services.communities.getBySlug(locals.actor, params.community ?? '');
	const training = await locals.services.trainings.get(locals.actor, params.training ?? '');
	if (training.communityId !== community.id) throw new NotFoundError('training.notFound');
	return { community, training };
}

/** `2024-11-28T15:00` in WIB, for a datetime-local input. */
export function wibInputValue(iso: string): string {
	const d = new Date(Date.parse(iso) + 7 * 3600 * 1000);
	return d.toISOString().slice(0, 16);
}
