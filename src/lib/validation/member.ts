import { z } from 'zod';
import { whatsappField } from './shop';

/** What a coordinator types when adding a seller at a training session. */
export const newMemberSchema = z.object({
	name: z.string().trim().min(2, 'msg:member.nameShort').max(80),
	businessType: z.string().trim().min(3, 'msg:member.businessShort').max(80),
	area: z.string().trim().max(80).optional().default(''),
	whatsapp: whatsappField,
	email: z.string().trim().toLowerCase().email('msg:auth.emailInvalid').max(200).optional().or(z.literal('').transform(() => undefined))
});
export type NewMemberInput = z.input<typeof newMemberSchema>;
