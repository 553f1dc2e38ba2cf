import type { MessageKey } from '../../i18n';

export interface QualityInput {
	name: string;
	description: string;
	price: number;
	weightGrams: number | null;
	categorySlug: string;
	pirt: string | null;
	halal: string | null;
	bpom: string | null;
	photos: { hints: string[] }[];
}

export interface QualityScore {
	score: number;
	tips: { code: string; messageKey: MessageKey; points: number }[];
}

/**
 * A listing score out of 100, like the marketplaces' listing quality, where every missing point comes
 * with one concrete thing to do. Weights favour what sells food online: photos first, then words.
 */
export function listingQuality(p: QualityInput): QualityScore {
	const checks: { code: string; ok: boolean; points: number; messageKey: MessageKey }[] = [
		{ code: 'photo', ok: p.photos.length >= 1, points: 25, messageKey: 'quality.photo' },
		{ code: 'photos3', ok: p.photos.length >= 3, points: 10, messageKey: 'quality.photos3' },
		{ code: 'photoQuality', ok: p.photos.length >= 1 && p.photos[0].hints.length === 0, points: 10, messageKey: 'quality.photoQuality' },
		{ code: 'description', ok: p.description.trim().length >= 80, points: 15, messageKey: 'quality.description' },
		{ code: 'descriptionLong', ok: p.description.trim().length >= 250, points: 5, messageKey: 'quality.descriptionLong' },
		{ code: 'name', ok: p.name.trim().length >= 10 && p.name.trim().length <= 80, points: 10, messageKey: 'quality.name' },
		{ code: 'weight', ok: !!p.weightGrams, points: 10, messageKey: 'quality.weight' },
		{ code: 'category', ok: p.categorySlug !== 'lainnya', points: 5, messageKey: 'quality.category' },
		{ code: 'legality', ok: !!(p.pirt || p.halal || p.bpom), points: 10, messageKey: 'quality.legality' }
	];
	// With no photo at all there is no cover to fix: "add a photo" carries those points too (no "Perbaiki foto sampul").
	const noPhoto = p.photos.length === 0;
	const coverPoints = checks.find((c) => c.code === 'photoQuality')!.points;
	return {
		score: checks.reduce((sum, c) => sum + (c.ok ? c.points : 0), 0),
		tips: checks
			.filter((c) => !c.ok && !(noPhoto && c.code === 'photoQuality'))
			.map(({ code, messageKey, points }) => ({ code, messageKey, points: noPhoto && code === 'photo' ? points + coverPoints : points }))
	};
}
