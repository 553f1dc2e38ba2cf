import { z } from 'zod';
import { listOf, url } from './json-schema';

/** What official regions and platform administration answer (issue 12). */

export const regionList = listOf(
	z.object({
		code: z.string().meta({ description: 'Kemendagri code: `32` province, `32.08` regency/city, `32.08.18` district, `32.08.18.1002` kelurahan (4th part starts with 1) or desa (2)' }),
		name: z.string(),
		level: z.enum(['province', 'regency', 'district', 'village'])
	})
);

export const createdCommunity = z.object({
	data: z.object({
		slug: z.string(),
		name: z.string(),
		regionCode: z.string(),
		kind: z.enum(['kelurahan', 'desa']),
		district: z.string(),
		regency: z.string(),
		province: z.string(),
		url
	})
});
