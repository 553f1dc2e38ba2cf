import { fail, type ActionFailure } from '@sveltejs/kit';
import { translator, type Locale } from '../../i18n';
import type { FormState } from './forms';
import { DomainError, ValidationError } from '../errors';
import { MAX_UPLOAD_BYTES } from '../media/image-pipeline';

/**
 * Reads a form that may carry a phone photo. The server accepts request bodies up to BODY_SIZE_LIMIT
 * (scripts/server.js sets 32 MB), so a photo a little over the 15 MB rule still arrives with the other
 * fields and gets the "too large" message beside it, everything typed kept. A body past BODY_SIZE_LIMIT
 * cannot be read at all: `null` then, and the page says the photo is too large (saved values shown).
 */
export async function readPhotoForm(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch (e) {
		const declared = Number(request.headers.get('content-length') ?? 0);
		const status = (e as { status?: number })?.status ?? (e as { cause?: { status?: number } })?.cause?.status;
		if (status === 413 || declared > MAX_UPLOAD_BYTES) return null;
		throw e;
	}
}

/** The photo in `field`, checked for presence and size; the message is tied to the field. */
export async function photoBytes(form: FormData, field: string, required = true): Promise<Buffer | null> {
	const file = form.get(field);
	if (!(file instanceof File) || file.size === 0) {
		if (!required) return null;
		throw new ValidationError('media.empty', {}, [{ field, messageKey: 'media.empty', params: {} }]);
	}
	if (file.size > MAX_UPLOAD_BYTES) throw new ValidationError('media.tooLarge', {}, [{ field, messageKey: 'media.tooLarge', params: {} }], 413);
	return Buffer.from(await file.arrayBuffer());
}

/** Runs photo work so that a media error (not a photo, unreadable, HEIC, …) is shown beside `field` too. */
export async function onPhotoField<T>(field: string, fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof DomainError && e.issues.length === 0 && e.messageKey.startsWith('media.'))
			throw new ValidationError(e.messageKey, e.params, [{ field, messageKey: e.messageKey, params: e.params }], e.status === 413 ? 413 : 422);
		throw e;
	}
}

/** The answer when the whole request was too large to read: the message on the same form, beside the photo field. */
export function photoTooLarge(locale: Locale, field: string): ActionFailure<FormState> {
	const message = translator(locale)('media.tooLarge');
	return fail(413, { message, fields: { [field]: message }, values: {} });
}
