import { isActionFailure, redirect, type Cookies } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { coordinatorCommunity } from '$lib/server/web/coordinator';
import { formAction } from '$lib/server/web/forms';
import { flashSetupLink, takeSetupLink, type SetupLinkFlash } from '$lib/server/web/setup-link-flash';
import { qrDataUrl } from '$lib/server/documents/setup-cards';
import { translator } from '$lib/i18n';
import { formatDate } from '$lib/utils/dates';
import { formatWhatsappLocal } from '$lib/utils/phone';
import { whatsappUrl } from '$lib/utils/whatsapp';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { locals, url } = event;
		const community = await coordinatorCommunity(event);
		const flashed = takeSetupLink(event.cookies, url.pathname);
		const [members, due, openLinks] = await Promise.all([
			locals.services.roster.list(locals.actor, community),
			locals.services.mentoring.dueThisWeek(locals.actor, community),
			locals.services.members.openSetupLinks(locals.actor, community)
		]);
		const q = (url.searchParams.get('q') ?? '').trim().toLowerCase().slice(0, 80);
		const show = url.searchParams.get('tampil') ?? 'semua';
		const shown = members.filter(
			(m) =>
				(!q || `${m.name} ${m.shop.name} ${m.rw ?? ''} RW ${m.rw ?? ''}`.toLowerCase().includes(q)) &&
				(show === 'tanpa-akun' ? m.account !== 'active' : show === 'tanpa-produk' ? m.shop.publishedProducts === 0 : true)
		);
		return {
			group: { slug: community.slug, name: community.name, groupName: community.group_name },
			total: members.length,
			/** The audit log is the coordinator's (and platform admins'); facilitators get no link to it. */
			seesAudit: locals.actor.kind === 'user' && (locals.actor.isPlatformAdmin || locals.actor.memberships.some((m) => m.communityId === community.id && m.role === 'coordinator')),
			q,
			show,
			dueCount: due.items.length,
			/** The QR-card print found no one to make a card for. */
			noCards: url.searchParams.get('kartu') === 'kosong',
			/** A setup link just made by an invite (shown once, then gone). */
			link: flashed ? await linkView(locals.locale, url.origin, flashed.name, flashed.whatsapp, flashed.token, flashed.expiresAt) : null,
			members: shown.map((m) => ({
				id: m.id,
				name: m.name,
				rw: m.rw,
				whatsappDisplay: m.whatsapp ? formatWhatsappLocal(m.whatsapp) : null,
				shop: m.shop,
				account: m.account,
				ownerUserId: m.ownerUserId,
				/** A setup link out that still works: printing a card (or a new link) retires it, so the card says so. */
				linkOpenUntil: m.ownerUserId ? (openLinks.get(m.ownerUserId) ?? null) : null,
				checklist: { done: m.checklist.done, total: m.checklist.total, missing: m.checklist.missing },
				level: m.funnel?.level ?? null
			}))
		};
	});

/** The link, its QR and a polite WhatsApp message, shown once (only a hash of the token is kept). */
async function linkView(locale: 'id' | 'en', origin: string, name: string, whatsapp: string | null, token: string, expiresAt: string) {
	const t = translator(locale);
	const url = `${origin}/atur-sandi/${token}`;
	const expires = formatDate(expiresAt, locale);
	return {
		name,
		url,
		expires,
		qr: await qrDataUrl(url),
		whatsappUrl: whatsapp ? whatsappUrl(whatsapp, t('roster.linkMessage', { name, url, expires })) : null
	};
}

/** A made link goes back to the roster through a one-read cookie and a 303 (nothing left to re-post). */
function showLink<F>(cookies: Cookies, url: URL, result: { flash: SetupLinkFlash } | F): F {
	if (result && typeof result === 'object' && !isActionFailure(result) && 'flash' in result) {
		flashSetupLink(cookies, url.pathname, result.flash, url.protocol === 'https:');
		redirect(303, `${url.pathname}#newlink`);
	}
	return result as F;
}

export const actions: Actions = {
	tambah: async ({ request, locals, params, url, cookies }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			const community = await locals.services.communities.getBySlug(locals.actor, params.community);
			const added = await locals.services.members.addSeller(locals.actor, community, {
				name: String(form.get('name') ?? ''),
				businessType: String(form.get('businessType') ?? ''),
				area: String(form.get('area') ?? ''),
				whatsapp: String(form.get('whatsapp') ?? ''),
				email: String(form.get('email') ?? '')
			});
			const wa = String(form.get('whatsapp') ?? '');
			const sellers = await locals.services.members.listSellers(locals.actor, community);
			const me = sellers.find((s) => s.userId === added.userId);
			return { flash: { name: me?.name ?? '', whatsapp: me?.whatsapp ?? wa, token: added.setupToken, expiresAt: added.expiresAt } };
		});
		return showLink(cookies, url, result);
	},
	undang: async ({ request, locals, params, url, cookies }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			const community = await locals.services.communities.getBySlug(locals.actor, params.community);
			const invite = await locals.services.roster.inviteOwner(locals.actor, community, String(form.get('memberId') ?? ''));
			return { flash: { name: invite.name, whatsapp: invite.whatsapp, token: invite.token, expiresAt: invite.expiresAt } };
		});
		return showLink(cookies, url, result);
	},
	tautan: async ({ request, locals, params, url, cookies }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			const community = await locals.services.communities.getBySlug(locals.actor, params.community);
			const userId = String(form.get('linkFor') ?? '');
			const sellers = await locals.services.members.listSellers(locals.actor, community);
			const member = sellers.find((s) => s.userId === userId);
			const link = await locals.services.auth.issueSetupLink(locals.actor, userId, community.id, member?.hasPassword ? 'reset' : 'invite');
			return { flash: { name: member?.name ?? '', whatsapp: member?.whatsapp ?? null, token: link.token, expiresAt: link.expiresAt } };
		});
		return showLink(cookies, url, result);
	}
};
