import { z } from 'zod';

/** Kemendagri village code `PP.KK.CC.XNNN`, X = 1 for a kelurahan, 2 for a desa. */
export const REGION_CODE = /^\d{2}\.\d{2}\.\d{2}\.[12]\d{3}$/;

export const newCommunitySchema = z
	.object({
		slug: z.string().trim().min(2).max(60).regex(/^[a-z0-9-]+$/),
		name: z.string().trim().min(3).max(120),
		regionCode: z.string().trim().regex(REGION_CODE, 'msg:error.regionCode'),
		kind: z.enum(['kelurahan', 'desa']),
		district: z.string().trim().min(2).max(80),
		regency: z.string().trim().min(2).max(80),
		province: z.string().trim().min(2).max(80),
		groupName: z.string().trim().max(120).optional(),
		isDemo: z.boolean().optional()
	})
	.refine((c) => c.regionCode.charAt(9) === (c.kind === 'kelurahan' ? '1' : '2'), {
		message: 'msg:error.regionCode',
		path: ['regionCode']
	});
export type NewCommunityInput = z.input<typeof newCommunitySchema>;
