import { redirect, type RequestEvent } from '@sveltejs/kit';
import { NotFoundError } from '../errors';
import { requireUser } from '../auth/guards';
import type { Training } from './training.service';

type Event = Pick<RequestEvent, 'locals' | 'url'> & { params: Partial<Record<string, string>>; request?: Request };

/** Pages send a visitor who is not signed in to the login page; form posts and JSON answer 401 instead. */
function signInFirst(event: Event) {
	if (event.locals.actor.kind === 'user') return;
	if (event.request && event.request.method !== 'GET') requireUser(event.locals.actor);
	redirect(303, `/masuk?kembali=${encodeURIComponent(event.url.pathname + event.url.search)}`);
}

/** Coordinator pages: sign in first; then the community, which only its coordinator/facilitators may open. */
export async function staffCommunity(event: Event) {
	const { locals, params } = event;
	signInFirst(event);
	const community = await locals.services.communities.getBySlug(locals.actor, params.community ?? '');
	const overview = await locals.services.trainings.overview(locals.actor, community.id);
	return { community, overview };
}

/** A training of the community in the URL (another community's training id is "not found"). */
export async function staffTraining(event: Event): Promise<{ community: Awaited<ReturnType<typeof staffCommunity>>['community']; training: Training }> {
	const { locals, params } = event;
	signInFirst(event);
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
