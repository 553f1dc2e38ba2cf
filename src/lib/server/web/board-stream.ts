import type { BoardHub } from '../training/board-hub';

/**
 * A board as Server-Sent Events: `event: board` with the board's JSON now and whenever a member's step changes,
 * a comment line every ~20 s so nothing on the way drops an idle stream, and the end of the stream when the
 * board link expires or the server shuts down. `Cache-Control: no-transform` keeps the gzip middleware
 * (scripts/server.js) from buffering the events.
 */
export function boardEventStream(hub: BoardHub, target: { trainingId: string; communityId: string; expiresAt: string | null }): Response {
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
			unsubscribe = await hub.subscribe(target.trainingId, target.communityId, {
				expiresAt: target.expiresAt ? Date.parse(target.expiresAt) : null,
				board: (json) => write(`event: board\ndata: ${json}\n\n`),
				ping: () => write(': ping\n\n'),
				close: () => {
					if (ended) return;
					ended = true;
					try {
						controller.close();
					} catch {
						// already closed by the client
					}
				}
			});
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
