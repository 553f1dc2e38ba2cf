import { z } from 'zod';
import { lineField } from './text';
import { whatsappField } from './shop';

export const passwordField = z.string().min(8, 'msg:auth.passwordShort').max(200, 'msg:auth.passwordLong');

export const loginSchema = z.object({
	login: z.string().trim().min(1, 'msg:auth.loginRequired').max(200),
	password: z.string().min(1, 'msg:auth.passwordRequired').max(200)
});

export const setPasswordSchema = z
	.object({ password: passwordField, confirm: z.string().max(200) })
	.refine((v) => v.password === v.confirm, { message: 'msg:auth.passwordMismatch', path: ['confirm'] });

export const newUserSchema = z.object({
	name: lineField().min(2).max(80),
	email: lineField().toLowerCase().email('msg:auth.emailInvalid').max(200).optional(),
	whatsapp: whatsappField.optional(),
	password: passwordField.optional(),
	platformAdmin: z.boolean().optional()
});
export type NewUserInput = z.input<typeof newUserSchema>;
