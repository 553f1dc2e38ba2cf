import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Community } from '../db/schema';

/** The community of a coordinator page; a visitor is sent to log in first (the services refuse everyone else). */
export async function coordinatorCommunity(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>): Promise<Community> {
	const { locals, url } = event;
	if (locals.actor.kind !== 'user') redirect(303, `/masuk?kembali=${encodeURIComponent(url.pathname)}`);
	return locals.services.communities.getBySlug(locals.actor, (event.params as { community: string }).community);
}
