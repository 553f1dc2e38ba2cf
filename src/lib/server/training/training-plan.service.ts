import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../auth/actor';
import type { DB } from '../db/schema';
import { NotFoundError } from '../errors';
import { newId } from '../../utils/ids';
import { parseInput } from '../validate';
import { letterSchema, trainingSchema, type LetterDetails } from '../../validation/training';
import { newTrainingRow, type TrainingService } from './training.service';


/** A training of a copied program waiting for its date, as the training page lists it. */
export interface TrainingPlan {
	id: string;
	programId: string;
	programName: string;
	title: string;
	venue: string;
	speakers: string[];
	agenda: string[];
	letter: LetterDetails;
}

const list = (text: string): string[] => {
	try {
		const v: unknown = JSON.parse(text);
		return Array.isArray(v) ? v.map(String) : [];
	} catch {
		return [];
	}
};
const letterOf = (text: string): LetterDetails => {
	try {
		return letterSchema.parse(JSON.parse(text));
	} catch {
		return letterSchema.parse({});
	}
};

/** The parts of a letter that belong to the office that sent it: its kop, its signer and the place it was written. */
const OFFICE_FIELDS = ['issuer', 'issuerAddress', 'signerTitle', 'signerName', 'signerRank', 'signerNip', 'place'] as const;

/**
 * Inside the template copy's transaction: each training of the source program (and any plan it still holds)
 * becomes a plan of the copy, in the same order — its text (title, venue, speakers, agenda, letter subject,
 * body, addressees, tembusan), never its date, invitees, attendance or results. The letter's number is left
 * empty (every letter gets its own); copied to another community, the letter also loses its kop, signer and
 * place: those are the source village's office, and the new village's are typed there (or come from its letters).
 */
export async function copyTrainingPlans(trx: Transaction<DB>, source: { id: string; community_id: string }, target: { programId: string; communityId: string }, now: string): Promise<void> {
	const [trainings, plans] = await Promise.all([
		trx.selectFrom('training').select(['title', 'venue', 'speakers', 'agenda', 'letter']).where('program_id', '=', source.id).orderBy('starts_at').orderBy('id').execute(),
		trx.selectFrom('training_plan').select(['title', 'venue', 'speakers', 'agenda', 'letter']).where('program_id', '=', source.id).orderBy('position').orderBy('id').execute()
	]);
	const otherOffice = source.community_id !== target.communityId;
	const rows = [...trainings, ...plans].map((t, i) => {
		const letter: Record<string, unknown> = { ...letterOf(t.letter), number: '' };
		if (otherOffice) for (const f of OFFICE_FIELDS) letter[f] = '';
		return { id: newId('tpl'), program_id: target.programId, community_id: target.communityId, position: i + 1, title: t.title, venue: t.venue, speakers: t.speakers, agenda: t.agenda, letter: JSON.stringify(letter), created_at: now };
	});
	if (rows.length) await trx.insertInto('training_plan').values(rows).execute();
}

/**
 * Trainings of a copied program still to be scheduled. Staff of the community only (the training service's
 * program check: anyone else gets 404 and nothing changes).
 */
export class TrainingPlanService {
	constructor(
		private readonly db: Kysely<DB>,
		private readonly trainings: TrainingService,
		private readonly clock: () => Date = () => new Date()
	) {}

	/** The plans of the community's programs, program by program in their order. */
	async listForCommunity(actor: Actor, communityId: string): Promise<TrainingPlan[]> {
		const { programs } = await this.trainings.overview(actor, communityId);
		if (programs.length === 0) return [];
		const rows = await this.db.selectFrom('training_plan').selectAll().where('program_id', 'in', programs.map((p) => p.id)).orderBy('program_id').orderBy('position').orderBy('id').execute();
		const names = new Map(programs.map((p) => [p.id, p.name]));
		return rows.map((r) => ({ id: r.id, programId: r.program_id, programName: names.get(r.program_id) ?? '', title: r.title, venue: r.venue, speakers: list(r.speakers), agenda: list(r.agenda), letter: letterOf(r.letter) }));
	}

	/**
	 * Gives a plan its start: it becomes a training of its program carrying the plan's text and letter, and the
	 * plan is gone (in one transaction: a second tap on the same plan finds nothing, 404, no second training).
	 * A bad start is refused with the training form's message, nothing changed. Returns the new training's id.
	 */
	async schedule(actor: Actor, planId: string, startsAt: string): Promise<string> {
		const plan = typeof planId === 'string' && planId.length <= 64 ? await this.db.selectFrom('training_plan').selectAll().where('id', '=', planId).executeTakeFirst() : undefined;
		if (!plan) throw new NotFoundError('training.notFound');
		const program = await this.trainings.programFor(actor, plan.program_id);
		const data = parseInput(trainingSchema, { title: plan.title, startsAt, venue: plan.venue, speakers: list(plan.speakers), agenda: list(plan.agenda), letter: letterOf(plan.letter) });
		const row = newTrainingRow(program, data, this.clock().toISOString());
		await this.db.transaction().execute(async (trx) => {
			const gone = await trx.deleteFrom('training_plan').where('id', '=', plan.id).executeTakeFirst();
			if (Number(gone.numDeletedRows) !== 1) throw new NotFoundError('training.notFound');
			await trx.insertInto('training').values(row).execute();
		});
		return row.id;
	}
}

