import { z } from 'zod';
import { lineField } from './text';

/** Kemendagri village code `PP.KK.CC.XNNN`, X = 1 for a kelurahan, 2 for a desa. */
export const REGION_CODE = /^\d{2}\.\d{2}\.\d{2}\.[12]\d{3}$/;

export const newCommunitySchema = z
	.object({
		slug: lineField().min(2).max(60).regex(/^[a-z0-9-]+$/),
		name: lineField().min(3).max(120),
		regionCode: lineField().regex(REGION_CODE, 'msg:error.regionCode'),
		kind: z.enum(['kelurahan', 'desa']),
		district: lineField().min(2).max(80),
		regency: lineField().min(2).max(80),
		province: lineField().min(2).max(80),
		groupName: lineField().max(120).optional(),
		isDemo: z.boolean().optional()
	})
	.refine((c) => c.regionCode.charAt(9) === (c.kind === 'kelurahan' ? '1' : '2'), {
		message: 'msg:error.regionCode',
		path: ['regionCode']
	});
export type NewCommunityInput = z.input<typeof newCommunitySchema>;
