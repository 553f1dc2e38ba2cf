import { error, redirect } from '@sveltejs/kit';
import { DomainError } from '$lib/server/errors';
import { translator } from '$lib/i18n';
import type { RequestHandler } from './$types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The roster as `anggota.xlsx` / `anggota.csv`, and the empty import template `contoh-anggota.xlsx`. Staff only (else 404). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const t = translator(locals.locale);
	if (locals.actor.kind !== 'user') redirect(303, `/masuk?kembali=${encodeURIComponent(url.pathname)}`);
	try {
		const community = await locals.services.communities.getBySlug(locals.actor, params.community);
		let body: Buffer;
		let type: string;
		if (params.file === 'anggota.xlsx' || params.file === 'anggota.csv') {
			const format = params.file.endsWith('.csv') ? 'csv' : 'xlsx';
			body = await locals.services.memberFiles.export(locals.actor, community, format, locals.locale);
			type = format === 'csv' ? 'text/csv; charset=utf-8' : XLSX;
		} else if (params.file === 'contoh-anggota.xlsx') {
			await locals.services.mentoring.dueThisWeek(locals.actor, community); // staff only
			body = await locals.services.memberFiles.template();
			type = XLSX;
		} else {
			error(404, { message: t('api.notFound') });
		}
		const name = params.file === 'contoh-anggota.xlsx' ? params.file : `anggota-${community.slug}.${params.file.split('.').pop()}`;
		return new Response(new Uint8Array(body), { headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' } });
	} catch (e) {
		if (e instanceof DomainError) error(e.status, { message: t(e.messageKey, e.params) });
		throw e;
	}
};
