import { pageLoad } from '$lib/server/http';
import { coordinatorCommunity } from '$lib/server/web/coordinator';
import { formAction } from '$lib/server/web/forms';
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
		const [members, due] = await Promise.all([locals.services.roster.list(locals.actor, community), locals.services.mentoring.dueThisWeek(locals.actor, community)]);
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
			q,
			show,
			dueCount: due.items.length,
			/** The QR-card print found no one to make a card for. */
			noCards: url.searchParams.get('kartu') === 'kosong',
			members: shown.map((m) => ({
				id: m.id,
				name: m.name,
				rw: m.rw,
				whatsappDisplay: m.whatsapp ? formatWhatsappLocal(m.whatsapp) : null,
				shop: m.shop,
				account: m.account,
				ownerUserId: m.ownerUserId,
				checklist: { done: m.checklist.done, total: m.checklist.total },
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

export const actions: Actions = {
	tambah: async ({ request, locals, params, url }) => {
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
			return { link: await linkView(locals.locale, url.origin, me?.name ?? '', me?.whatsapp ?? wa, added.setupToken, added.expiresAt) };
		});
		return result;
	},
	undang: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		return formAction(locals.locale, form, async () => {
			const community = await locals.services.communities.getBySlug(locals.actor, params.community);
			const invite = await locals.services.roster.inviteOwner(locals.actor, community, String(form.get('memberId') ?? ''));
			return { link: await linkView(locals.locale, url.origin, invite.name, invite.whatsapp, invite.token, invite.expiresAt) };
		});
	},
	tautan: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		return formAction(locals.locale, form, async () => {
			const community = await locals.services.communities.getBySlug(locals.actor, params.community);
			const userId = String(form.get('linkFor') ?? '');
			const sellers = await locals.services.members.listSellers(locals.actor, community);
			const member = sellers.find((s) => s.userId === userId);
			const link = await locals.services.auth.issueSetupLink(locals.actor, userId, community.id, member?.hasPassword ? 'reset' : 'invite');
			return { link: await linkView(locals.locale, url.origin, member?.name ?? '', member?.whatsapp ?? null, link.token, link.expiresAt) };
		});
	}
};
