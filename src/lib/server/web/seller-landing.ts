import { ONBOARDING_STEPS } from '../../validation/shop';
import type { Services } from '../services';
import { homeFor } from './redirects';

/**
 * Where a person lands after setting a password through a setup link. A seller whose shop went through the
 * onboarding (payment step done) goes to their home, not back to step 1; a seller part-way resumes at the first
 * step not yet done; anyone else goes where signing in takes them: a coordinator or facilitator to their group's
 * workspace, a platform admin to /admin (stranger 2026-12-03: a newly appointed coordinator landed on the public list
 * of communities and had to find "Kelompok" in the header).
 */
export function sellerLandingPath(onboardingStep: number): string {
	const done = ONBOARDING_STEPS.indexOf('pembayaran') + 1;
	if (onboardingStep >= done) return '/jual';
	return `/jual/mulai/${ONBOARDING_STEPS[Math.max(0, onboardingStep)]}`;
}

export async function landingAfterPassword(services: Services, sessionToken: string): Promise<string> {
	const session = await services.auth.actorForToken(sessionToken, 'cookie');
	if (!session) return '/';
	const actor = session.actor;
	if (actor.shopIds.length === 0) return homeFor(actor, async (id) => (await services.communities.getById(actor, id)).slug);
	// The shop /jual opens by default.
	const shop = await services.shops.getManaged(actor, actor.shopIds[0]);
	return sellerLandingPath(shop.onboarding_step);
}
