import type { Locale } from '$lib/i18n';
import type { Services } from '$lib/server/services';
import type { Actor } from '$lib/server/auth/actor';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			services: Services;
			locale: Locale;
			actor: Actor;
			sessionToken?: string;
			/** This request's id (X-Request-Id), set first thing by hooks.server.ts. */
			requestId?: string;
		}
	}
}

export {};
