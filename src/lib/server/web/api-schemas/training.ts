import { z } from 'zod';
import { instant, listOf, url } from './json-schema';

/** What trainings, attendance, tests and the training board answer (issues 9 and 13). */

export const training = z.object({
	id: z.string(),
	programId: z.string(),
	title: z.string(),
	startsAt: instant,
	venue: z.string(),
	speakers: z.array(z.string()),
	agenda: z.array(z.string()),
	inviteAll: z.boolean().meta({ description: 'Every member of the community is invited (no list by name)' })
});
export const trainingList = listOf(training);

export const attendanceApplied = z.object({
	applied: z.array(z.string()).meta({ description: 'Event ids applied now' }),
	duplicates: z.array(z.string()).meta({ description: 'Event ids already applied before (nothing changed)' })
});

export const attendance = z.object({
	data: z.array(z.object({ memberId: z.string(), present: z.boolean(), invited: z.boolean(), at: instant.nullable().meta({ description: 'When the deciding tick was made' }) })),
	rate: z.number().min(0).max(1).nullable().meta({ description: 'present ÷ (invited ∪ present); null when nobody is expected' }),
	present: z.int().min(0),
	expected: z.int().min(0)
});

export const scoresSaved = z.object({ saved: z.int().min(0).meta({ description: 'Scores written (null clears count too)' }) });

const score = z.number().min(0).max(100).nullable();
const mean = z.number().nullable();

export const testResults = z.object({
	members: z.array(z.object({ memberId: z.string(), present: z.boolean(), pre: score, post: score, gain: z.number().nullable() })),
	n: z.int().min(0).meta({ description: 'Members marked present who took both tests' }),
	meanPre: mean,
	meanPost: mean,
	gain: z.number().nullable().meta({ description: "Hake's normalised gain g over the n members" }),
	questions: z.array(z.object({ id: z.string(), topic: z.string(), pre: mean, post: mean, nPre: z.int().min(0), nPost: z.int().min(0) })).meta({ description: 'Proportion correct per question before and after' }),
	reaction: z.object({
		n: z.int().min(0).meta({ description: 'Members who answered' }),
		satisfaction: mean,
		usefulness: mean,
		confidenceBefore: mean,
		confidenceNow: mean,
		items: z.array(z.object({ key: z.string(), mean, counts: z.array(z.int().min(0)).meta({ description: 'How many chose 1, 2, 3, 4 and 5' }) }))
	})
});

const STEPS = ['invited', 'hadir', 'akun', 'toko', 'foto', 'tayang'] as const;

export const board = z.object({
	members: z
		.array(
			z.object({
				memberId: z.string(),
				firstName: z.string().meta({ description: 'First word of the name after a form of address (Ibu, Pak, Kang…), told apart when two are the same: shop name, else next initial, else a number.' }),
				step: z.enum(STEPS).meta({
					description:
						'A chain: the furthest step reached with every earlier step reached too — invited → hadir (marked present at THIS training) → akun (set a password) → toko (shop profile complete) → foto (a product with a photo) → tayang (a published product with a photo). A member not present stays at invited whatever their shop already has; one who was selling online before and checks in with a password and a complete profile goes straight to tayang.'
				}),
				present: z.boolean().meta({ description: 'Marked present at this training.' }),
				help: z.boolean().meta({ description: 'The member has raised a "minta bantuan" flag from their phone that no facilitator has cleared yet (no text: nothing private on the projector).' })
			})
		)
		.meta({
			description:
				"The training's invited members (every member of the community when it has no list), plus anyone marked present; in roster order. First names only — no phone number, full name or score; when two shown first names are the same, each gets the public shop name (U · Sate Ayam U), else the initial of the next word (Siti R.), else a number (U (2))."
		}),
	counts: z.object(Object.fromEntries(STEPS.map((s) => [s, z.int().min(0)])) as Record<(typeof STEPS)[number], z.ZodInt>).meta({
		description:
			'How many members have REACHED each step along the chain (their step is this one or later), so the counts never rise from left to right: invited = everyone on the board, hadir = present, akun = present with a password, …, tayang = present, password, complete profile, photo and a published product. The board headline "N dari M" is tayang of invited.'
	})
});

export const boardLink = z.object({ url: url.meta({ description: '`<origin>/papan/<trainingId>/<token>`' }), expiresAt: instant });
