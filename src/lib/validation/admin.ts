import { z } from 'zod';
import { lineField } from './text';
import { REGION_CODE } from './community';
import { whatsappField } from './shop';

/** `POST /api/v1/admin/communities` and the /admin form: a kelurahan/desa picked from the official regions. */
export const adminCommunitySchema = z.object({
	regionCode: lineField().regex(REGION_CODE, 'msg:error.regionCode'),
	name: lineField().min(3).max(120),
	slug: lineField().min(2).max(60).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'msg:admin.slugFormat')
});
export type AdminCommunityInput = z.input<typeof adminCommunitySchema>;

/** A coordinator or facilitator appointed by a platform admin: reached by e-mail or WhatsApp (at least one). */
export const appointStaffSchema = z.object({
	name: lineField().min(2).max(80),
	email: z.preprocess((v) => (v === '' ? undefined : v), lineField().toLowerCase().email('msg:auth.emailInvalid').max(200).optional()),
	whatsapp: z.preprocess((v) => (v === '' ? undefined : v), whatsappField.optional()),
	role: z.enum(['coordinator', 'facilitator'])
});
export type AppointStaffInput = z.input<typeof appointStaffSchema>;

/** Why a shop or product is taken down: the seller reads it in their workspace. */
export const suspensionSchema = z.object({ reason: lineField().min(5).max(300) });
