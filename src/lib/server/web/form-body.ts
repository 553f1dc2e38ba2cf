import { error } from '@sveltejs/kit';

/**
 * A form action reads its body with request.formData(), which throws on a text/plain body or a broken
 * multipart one — a 500 with a stack trace. Wrapped here once for every page POST: such a body becomes a
 * 400 with a plain message, before any action code runs, so nothing is changed.
 */
export function guardFormBody(request: Request, message: string): void {
	const read = request.formData.bind(request);
	Object.defineProperty(request, 'formData', {
		configurable: true,
		value: async () => {
			if (/^text\/plain/i.test(request.headers.get('content-type') ?? '')) error(400, { message });
			try {
				return await read();
			} catch {
				error(400, { message });
			}
		}
	});
}
