import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { translator, type Locale } from '../../i18n';
import { formatDayRange, formatDayShort } from '../../utils/dates';
import type { Community } from '../db/schema';
import type { ProgramWithStages } from '../program/program.service';

/**
 * The community and program a program page is about, for its coordinator and facilitators. Visitors are sent
 * to log in; anyone else, or a program id of another community in the URL, gets the same 404 page.
 */
export async function programPage(event: Pick<RequestEvent, 'locals' | 'params' | 'url'>): Promise<{ community: Community; program: ProgramWithStages }> {
	const { locals, url } = event;
	const params = event.params as { community: string; id: string };
	if (locals.actor.kind !== 'user') redirect(303, `/masuk?kembali=${encodeURIComponent(url.pathname)}`);
	const community = await locals.services.communities.getBySlug(locals.actor, params.community);
	const program = await locals.services.programs.get(locals.actor, params.id);
	if (program.community_id !== community.id) error(404, { message: translator(locals.locale)('program.notFound') });
	return { community, program };
}

/** A form field as text ('' when missing or a file). */
export function field(form: FormData, name: string): string {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
}

/** A program's dates as people read them (`28 Okt 2024 – 6 Des 2024`, `sampai 6 Des 2024`); null when it has none. */
export function programPeriodText(p: { startsOn: string | null; endsOn: string | null }, locale: Locale): string | null {
	if (p.startsOn) return formatDayRange(p.startsOn, p.endsOn ?? p.startsOn, locale) + (p.endsOn ? '' : ` – …`);
	return p.endsOn ? translator(locale)('program.periodUntil', { end: formatDayShort(p.endsOn, locale) }) : null;
}
