import { z } from 'zod';
import { lineField } from './text';
import { whatsappField } from './shop';

/** What a coordinator types when adding a seller at a training session. */
export const newMemberSchema = z.object({
	name: lineField().min(2, 'msg:member.nameShort').max(80),
	businessType: lineField().min(3, 'msg:member.businessShort').max(80),
	area: lineField().max(80).optional().default(''),
	whatsapp: whatsappField,
	email: lineField().toLowerCase().email('msg:auth.emailInvalid').max(200).optional().or(z.literal('').transform(() => undefined))
});
export type NewMemberInput = z.input<typeof newMemberSchema>;
