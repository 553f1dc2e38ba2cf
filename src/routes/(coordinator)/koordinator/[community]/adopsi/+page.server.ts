import { pageLoad } from '$lib/server/http';
import { coordinatorCommunity } from '$lib/server/web/coordinator';
import { translator, type MessageKey } from '$lib/i18n';
import { formatDate } from '$lib/utils/dates';
import { whatsappUrl } from '$lib/utils/whatsapp';
import { MEASURED_LEVELS, type FunnelLevel } from '$lib/server/members/funnel';
import type { PageServerLoad } from './$types';

export const csr = false;

/**
 * The adoption funnel: how many members stand at each level, who is stuck where since when, and a kind nudge
 * (or, for a member who cannot log in yet, the roster's invite action, which makes and shows the setup link).
 */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { locals, url } = event;
		const community = await coordinatorCommunity(event);
		const funnel = await locals.services.funnel.forCommunity(locals.actor, community);
		// the nudge goes to an Indonesian seller: always in Indonesian, whatever language the coordinator reads
		const id = translator('id');
		const origin = url.origin;
		const urlFor = (next: FunnelLevel | null, shopSlug: string) =>
			next === 'first_visitor' || next === 'first_order' || next === 'regular' || next === null ? `${origin}/c/${community.slug}/toko/${shopSlug}` : next === 'first_completed' ? `${origin}/jual/pesanan` : `${origin}/jual`;
		const levels = MEASURED_LEVELS.map((level) => ({
			level,
			count: funnel.counts[level] ?? 0,
			reached: funnel.reached[level] ?? 0,
			members: funnel.members
				.filter((m) => m.level === level)
				.sort((a, b) => a.since.localeCompare(b.since))
				.map((m) => ({
					id: m.memberId,
					name: m.name,
					shopName: m.shopName,
					since: formatDate(m.since, locals.locale),
					next: m.next,
					hasAccount: m.hasAccount,
					// a member without a login cannot open /jual: they get the invite (setup link) instead of a nudge
					nudgeUrl: m.hasAccount && m.whatsapp ? whatsappUrl(m.whatsapp, id(`funnel.nudge.${m.next ?? 'done'}` as MessageKey, { name: m.name, shop: m.shopName, url: urlFor(m.next, m.shopSlug) })) : null
				}))
		}));
		return { group: { slug: community.slug, name: community.name, groupName: community.group_name }, total: funnel.members.length, levels };
	});
