import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { newId } from '../../utils/ids';
import { letterSchema } from '../../validation/training';

/** The parts of an invitation letter that are a template; number, addressees, signer and office belong to the source kelurahan. */
function letterTemplate(text: string): string {
	let raw: unknown = {};
	try {
		raw = JSON.parse(text);
	} catch {
		/* a broken letter copies as an empty one */
	}
	const parsed = letterSchema.safeParse(raw);
	const source = parsed.success ? parsed.data : letterSchema.parse({});
	return JSON.stringify(letterSchema.parse({ subject: source.subject, attachment: source.attachment, body: source.body }));
}

function checkinToken(): string {
	return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url');
}

/**
 * Copies the training side of a program template inside the copy's transaction: each training's title, time,
 * venue, speakers, agenda and letter wording (every member invited, a fresh self check-in code), and the source
 * community's question bank (questions the target does not hold yet, after its own). No people: no invitees,
 * attendance, answers, scores or reactions, and no letter number, addressees or signer.
 */
export async function copyTrainingTemplate(trx: Transaction<DB>, fromProgramId: string, toProgramId: string, now: string): Promise<void> {
	const [from, to] = await Promise.all([
		trx.selectFrom('program').select(['id', 'community_id']).where('id', '=', fromProgramId).executeTakeFirstOrThrow(),
		trx.selectFrom('program').select(['id', 'community_id']).where('id', '=', toProgramId).executeTakeFirstOrThrow()
	]);
	const trainings = await trx.selectFrom('training').selectAll().where('program_id', '=', from.id).orderBy('starts_at').execute();
	if (trainings.length)
		await trx
			.insertInto('training')
			.values(
				trainings.map((t) => ({
					id: newId('trn'),
					program_id: to.id,
					community_id: to.community_id,
					title: t.title,
					starts_at: t.starts_at,
					venue: t.venue,
					speakers: t.speakers,
					agenda: t.agenda,
					invite_all: 1,
					letter: letterTemplate(t.letter),
					checkin_token: checkinToken(),
					created_at: now,
					updated_at: now
				}))
			)
			.execute();
	if (from.community_id === to.community_id) return;
	const [questions, held] = await Promise.all([
		trx.selectFrom('test_question').selectAll().where('community_id', '=', from.community_id).where('active', '=', 1).orderBy('position').orderBy('id').execute(),
		trx.selectFrom('test_question').select(['text', 'position']).where('community_id', '=', to.community_id).execute()
	]);
	const texts = new Set(held.map((q) => q.text));
	let position = held.reduce((max, q) => Math.max(max, Number(q.position)), 0);
	const fresh = questions.filter((q) => !texts.has(q.text));
	if (fresh.length)
		await trx
			.insertInto('test_question')
			.values(fresh.map((q) => ({ id: newId('tq'), community_id: to.community_id, topic: q.topic, text: q.text, choices: q.choices, correct_index: q.correct_index, position: ++position, active: 1, created_at: now })))
			.execute();
}
