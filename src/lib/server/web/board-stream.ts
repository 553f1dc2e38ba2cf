import type { BoardHub, BoardListener } from '../training/board-hub';
import { BusyError } from '../errors';
import { hasCommunityRole } from '../auth/guards';
import type { AuthService } from '../accounts/auth.service';

/**
 * Streams one training may have open at once: two projectors, the facilitators' phones and reloads fit many times
 * over; one holder of a board link opening thousands (attacker 2026-12-02, L5: 10,000 streams, /healthz slow) does not.
 */
export const MAX_STREAMS_PER_TRAINING = 100;
/** Of those, how many a board link (no login) may hold, so a leaked link never locks the facilitators' live list out. */
export const MAX_LINK_STREAMS_PER_TRAINING = 50;

/**
 * A board as Server-Sent Events: `event: board` with the board's JSON now and whenever a member's step changes,
 * a comment line every ~20 s so nothing on the way drops an idle stream, and the end of the stream when the
 * board link expires or the server shuts down. `Cache-Control: no-transform` keeps the gzip middleware
 * (scripts/server.js) from buffering the events.
 */
export function boardEventStream(hub: BoardHub, target: { trainingId: string; communityId: string; expiresAt: string | null; stillAllowed?: () => Promise<boolean> }, limit = MAX_STREAMS_PER_TRAINING): Response {
	if (hub.listeners(target.trainingId) >= limit) throw new BusyError('board.tooManyScreens');
	const encoder = new TextEncoder();
	let unsubscribe: (() => void) | null = null;
	let ended = false;
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const write = (text: string) => {
				if (ended) return;
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					ended = true;
				}
			};
			write('retry: 2000\n\n');
			const listener: BoardListener = {
				expiresAt: target.expiresAt ? Date.parse(target.expiresAt) : null,
				board: (json) => write(`event: board\ndata: ${json}\n\n`),
				ping: () => {
					write(': ping\n\n');
					// a signed-in stream ends with its session (sign-out, "keluar dari semua perangkat", a role taken away; attacker L4)
					void target.stillAllowed?.().then(
						(ok) => ok || listener.close(),
						() => undefined
					);
				},
				close: () => {
					if (ended) return;
					ended = true;
					unsubscribe?.();
					try {
						controller.close();
					} catch {
						// already closed by the client
					}
				}
			};
			unsubscribe = await hub.subscribe(target.trainingId, target.communityId, listener);
			if (ended) unsubscribe();
		},
		cancel() {
			ended = true;
			unsubscribe?.();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store, no-transform',
			'x-accel-buffering': 'no',
			'x-robots-tag': 'noindex',
			'referrer-policy': 'no-referrer'
		}
	});
}

/**
 * For a stream opened with a session cookie or a bearer token: still signed in with it, and still staff of the
 * training's community (checked at each ping, ~20 s).
 */
export function staffStillSignedIn(auth: Pick<AuthService, 'actorForToken'>, token: string | undefined, kind: 'cookie' | 'api', communityId: string): () => Promise<boolean> {
	return async () => {
		const found = token ? await auth.actorForToken(token, kind) : null;
		return !!found && hasCommunityRole(found.actor, communityId, ['coordinator', 'facilitator']);
	};
}
