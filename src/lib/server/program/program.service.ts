import type { Actor } from '../auth/actor';
import { hasCommunityRole } from '../auth/guards';
import type { Community } from '../db/schema';
import type { StageKey } from '../db/schema-program';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { newId } from '../../utils/ids';
import { parseInput } from '../validate';
import { handoverSchema, programCopySchema, programPlanSchema, STAGE_KEYS, stageUpdateSchema, type HandoverInput, type ProgramCopyInput, type ProgramPlanInput, type StageUpdateInput } from '../../validation/program';
import { PROGRAM_STAFF, programFor, requireProgramStaff } from './access';
import type { Handover, Program, ProgramRepository, ProgramStage } from './program.repository';
import type { IndicatorRepository } from './indicator.repository';
import { METRICS, METRIC_DEFAULTS } from './metrics';
import { copyQuestionBank } from './question-bank-copy';
import { copyTrainingPlans } from '../training/training-plan.service';

export interface ProgramWithStages extends Program {
	stages: ProgramStage[];
}

/**
 * Programs of a community (several over the years) with the report's seven stages, their plan and the
 * handover record. Only the community's coordinator and facilitators see or change them; anyone else gets
 * the same 404 as for a program that does not exist.
 */
export class ProgramService {
	constructor(
		private readonly programs: ProgramRepository,
		private readonly indicators: IndicatorRepository,
		private readonly clock: () => Date = () => new Date()
	) {}

	private now(): string {
		return this.clock().toISOString();
	}

	async listByCommunity(actor: Actor, community: Community): Promise<ProgramWithStages[]> {
		requireProgramStaff(actor, community.id);
		const programs = await this.programs.listByCommunity(community.id);
		const stages = await this.programs.stagesOf(programs.map((p) => p.id));
		return programs.map((p) => ({ ...p, stages: stages.filter((s) => s.program_id === p.id) }));
	}

	async get(actor: Actor, programId: string): Promise<ProgramWithStages> {
		const program = await programFor(actor, this.programs, programId);
		return { ...program, stages: await this.programs.stagesOf([program.id]) };
	}

	/**
	 * A new program with its seven stages (all "belum") and one automatic indicator per E-Crav metric, so the
	 * indicators API answers every standard key from the first day. All in one transaction.
	 */
	async create(actor: Actor, community: Community, input: ProgramPlanInput): Promise<Program> {
		requireProgramStaff(actor, community.id);
		const plan = parseInput(programPlanSchema, input);
		const now = this.now();
		const id = newId('prg');
		await this.programs.transaction(async (trx) => {
			await this.programs.insertProgram(trx, {
				id,
				community_id: community.id,
				name: plan.name,
				theme: plan.theme,
				goals: plan.goals,
				target_group: plan.targetGroup,
				starts_on: plan.startsOn,
				ends_on: plan.endsOn,
				created_at: now,
				updated_at: now
			});
			await this.programs.insertStages(trx, STAGE_KEYS.map((key, i) => ({ id: newId('stg'), program_id: id, key, position: i + 1, updated_at: now })));
			await this.indicators.insertMany(
				trx,
				METRICS.map((metric, i) => ({
					id: newId('ind'),
					program_id: id,
					key: metric,
					label: METRIC_DEFAULTS[metric].label,
					unit: METRIC_DEFAULTS[metric].unit,
					source: 'auto' as const,
					metric,
					position: i + 1,
					created_at: now,
					updated_at: now
				}))
			);
		});
		return (await this.programs.findById(id))!;
	}

	/** Name, theme, goals (one per line), target group and the field period. */
	async updatePlan(actor: Actor, programId: string, input: ProgramPlanInput): Promise<Program> {
		const program = await programFor(actor, this.programs, programId);
		const plan = parseInput(programPlanSchema, input);
		await this.programs.updatePlan(program.id, {
			name: plan.name,
			theme: plan.theme,
			goals: plan.goals,
			target_group: plan.targetGroup,
			starts_on: plan.startsOn,
			ends_on: plan.endsOn,
			updated_at: this.now()
		});
		return (await this.programs.findById(program.id))!;
	}

	async updateStage(actor: Actor, programId: string, key: string, input: StageUpdateInput): Promise<ProgramStage> {
		const program = await programFor(actor, this.programs, programId);
		if (!(STAGE_KEYS as readonly string[]).includes(key)) throw new NotFoundError('program.stageNotFound');
		const data = parseInput(stageUpdateSchema, input);
		await this.programs.updateStage(program.id, key as StageKey, { status: data.status, starts_on: data.startsOn, ends_on: data.endsOn, notes: data.notes, updated_at: this.now() });
		const stages = await this.programs.stagesOf([program.id]);
		return stages.find((s) => s.key === key)!;
	}

	/** The handover record (terminasi), or null before it is written. Read by the evaluation report too. */
	async getHandover(actor: Actor, programId: string): Promise<Handover | null> {
		const program = await programFor(actor, this.programs, programId);
		return (await this.programs.findHandover(program.id)) ?? null;
	}

	async saveHandover(actor: Actor, programId: string, input: HandoverInput): Promise<Handover> {
		const program = await programFor(actor, this.programs, programId);
		const data = parseInput(handoverSchema, input);
		const row: Handover = { program_id: program.id, recipient: data.recipient, follow_up: data.followUp, handed_over_on: data.handedOverOn, updated_at: this.now() };
		await this.programs.saveHandover(row);
		return row;
	}

	/**
	 * Where a copy may go: the program's own community first (next year's program starts from this year's),
	 * then every other community where this actor is coordinator or facilitator.
	 */
	copyTargets<C extends { id: string }>(actor: Actor, program: Program, communities: C[]): C[] {
		const own = communities.filter((c) => c.id === program.community_id);
		return [...own, ...communities.filter((c) => c.id !== program.community_id && hasCommunityRole(actor, c.id, [...PROGRAM_STAFF]))];
	}

	/**
	 * Copies a program to another community as a template: plan, stages (status "belum", no dates, no notes:
	 * those are what happened there), indicators with their targets but no baseline or entries, and the community's
	 * question bank (copyQuestionBank). The copy gets the name and field period typed in the copy form (required:
	 * a copy under the source's name with no dates was listed twice and counted orders with no period); a name
	 * another program of the target community already has is refused. No members, attendance, scores,
	 * assessment findings, evidence or handover. Trainings are carried as plans (copyTrainingPlans): their text and
	 * letter without date, invitees or results — a training is a dated meeting members see on their phones, so a
	 * copied one would show up twice; a plan becomes a training of the copy when it is given its start.
	 *
	 * Who may copy: whoever runs both communities, coordinator or facilitator. Whoever may see the program may
	 * read everything the copy carries, and whoever runs the target may already create a program there (create()
	 * allows both roles), so refusing facilitators would protect nothing; and the Dinas facilitator who serves
	 * several villages is the one who carries a program from one to the next. Someone who cannot see the source
	 * gets 404 (as for any program of another community); a target they do not run gets 403 with a message
	 * that says so. Nothing is written in either case. The program's own community is a valid target too.
	 */
	async copyToCommunity(actor: Actor, programId: string, target: Community, input: ProgramCopyInput): Promise<Program> {
		const source = await programFor(actor, this.programs, programId);
		if (!hasCommunityRole(actor, target.id, [...PROGRAM_STAFF])) throw new ForbiddenError('program.copyNotStaff');
		const copy = parseInput(programCopySchema, input);
		const taken = (await this.programs.listByCommunity(target.id)).some((p) => p.name.trim().toLocaleLowerCase('id') === copy.name.toLocaleLowerCase('id'));
		if (taken) throw new ValidationError('program.copy.nameTaken', { community: target.name }, [{ field: 'name', messageKey: 'program.copy.nameTaken', params: { community: target.name } }]);
		const stages = await this.programs.stagesOf([source.id]);
		const indicators = await this.indicators.listByProgram(source.id);
		const now = this.now();
		const id = newId('prg');
		await this.programs.transaction(async (trx) => {
			await this.programs.insertProgram(trx, {
				id,
				community_id: target.id,
				name: copy.name,
				theme: source.theme,
				goals: source.goals,
				target_group: source.target_group,
				starts_on: copy.startsOn,
				ends_on: copy.endsOn,
				created_at: now,
				updated_at: now
			});
			await this.programs.insertStages(trx, stages.map((s) => ({ id: newId('stg'), program_id: id, key: s.key, position: s.position, updated_at: now })));
			await this.indicators.insertMany(
				trx,
				indicators.map((i) => ({
					id: newId('ind'),
					program_id: id,
					key: i.key,
					label: i.label,
					unit: i.unit,
					source: i.source,
					metric: i.metric,
					baseline: null,
					target: i.target,
					position: i.position,
					created_at: now,
					updated_at: now
				}))
			);
			await copyQuestionBank(trx, source.community_id, target.id, now);
			await copyTrainingPlans(trx, source, { programId: id, communityId: target.id }, now);
		});
		return (await this.programs.findById(id))!;
	}
}
