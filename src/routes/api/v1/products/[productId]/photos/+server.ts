import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { requireUser } from '$lib/server/auth/guards';
import { ValidationError } from '$lib/server/errors';
import { mediaUrl } from '$lib/server/media/types';
import { withOrigin } from '$lib/absolute-url';
import { translator } from '$lib/i18n';
import { MAX_UPLOAD_BYTES } from '$lib/server/media/image-pipeline';
import type { RequestHandler } from './$types';

/** multipart/form-data with the photo in `file` → its WebP variants and plain-words coaching hints. */
export const POST: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		if (Number(event.request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) throw new ValidationError('media.tooLarge', {}, [], 413);
		let file: FormDataEntryValue | null = null;
		try {
			file = (await event.request.formData()).get('file');
		} catch {
			throw new ValidationError('api.fileMissing', {}, [], 400);
		}
		if (!file || typeof file === 'string') throw new ValidationError('api.fileMissing', {}, [], 400);
		const photo = await event.locals.services.products.addPhoto(event.locals.actor, event.params.productId, Buffer.from(await file.arrayBuffer()));
		const t = translator(event.locals.locale);
		return json(
			{
				id: photo.id,
				variants: photo.variants.map((v) => ({ name: v.name, width: v.width, height: v.height, url: withOrigin(event.url.origin, mediaUrl(v.key)), bytes: v.bytes })),
				hints: photo.hints.map((h) => ({ code: h.code, message: t(h.messageKey) }))
			},
			{ status: 201 }
		);
	});
