import { error } from '@sveltejs/kit';
import { DomainError } from '$lib/server/errors';
import { translator } from '$lib/i18n';
import type { RequestHandler } from './$types';

/**
 * An evidence file, only for the program's staff. PDFs are always a download in a sandbox, so a crafted
 * document can never run in E-Crav's origin; nothing here is cached by shared caches.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (locals.actor.kind !== 'user') error(404, { message: translator(locals.locale)('program.evidence.notFound') });
	try {
		const { evidence, data, contentType } = await locals.services.evidence.file(locals.actor, params.evidenceId, url.searchParams.get('ukuran') === 'kecil');
		if (evidence.program_id !== params.id) error(404, { message: translator(locals.locale)('program.evidence.notFound') });
		const name = `${evidence.title.replace(/[^\p{L}\p{N} ._-]+/gu, '').trim().slice(0, 80) || 'bukti'}.${evidence.kind === 'document' ? 'pdf' : 'webp'}`;
		return new Response(new Uint8Array(data), {
			headers: {
				'content-type': contentType,
				'content-length': String(data.length),
				'cache-control': 'private, max-age=3600',
				'x-content-type-options': 'nosniff',
				'content-security-policy': "sandbox; default-src 'none'; img-src 'self'",
				'content-disposition': `${evidence.kind === 'document' ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(name)}`
			}
		});
	} catch (e) {
		if (e instanceof DomainError) error(e.status, { message: translator(locals.locale)(e.messageKey, e.params) });
		throw e;
	}
};
