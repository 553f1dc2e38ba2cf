import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import type { DB } from '../db/schema';
import type { IndicatorService } from '../program/indicator.service';
import type { MetricValues } from '../program/metrics';
import type { ProgramOrderFigures } from '../program/order-figures';
import type { TestService, TrainingResults } from './test.service';
import type { TrainingService, Training } from './training.service';
import type { RoomService } from './room.service';
import type { DayFigures } from './day-results';
import { reportLetterOf, type ReportLetter } from './letter-settings';
import { parseInput } from '../validate';
import { reportSignerSchema } from '../../validation/training';

export interface ReportTraining extends Training {
	present: number;
	expected: number;
	rate: number | null;
	results: TrainingResults;
	roster: { name: string; shopName: string; present: boolean }[];
	/** The day's results ("Hasil pelatihan": accounts, photos, shops live, time to first product), as its one-page PDF prints them. */
	day: DayFigures | null;
}

export interface EvaluationReportData {
	community: { name: string; kind: string; district: string; regency: string; province: string; groupName: string | null };
	program: { id: string; name: string; theme: string; goals: string; targetGroup: string; startsOn: string | null; endsOn: string | null };
	stages: { key: string; status: string; notes: string; startsOn: string | null; endsOn: string | null }[];
	/** The held sessions (started, within the program's dates), chronological: the only ones counted anywhere. */
	trainings: ReportTraining[];
	/** Sessions of the program that are not counted: not started yet, or outside the program's dates. */
	notCounted: { title: string; startsAt: string; state: 'upcoming' | 'outside' }[];
	attendance: { present: number; expected: number; rate: number | null };
	gain: { n: number; meanPre: number | null; meanPost: number | null; g: number | null };
	/** The dashboard's indicators (IndicatorService.measures), value for value. */
	indicators: { key: string; label: string; unit: string; baseline: number | null; target: number | null; value: number | null; valueOn: string | null; source: 'otomatis' | 'manual' }[];
	/** The dashboard's figures. */
	metrics: MetricValues;
	/** Products published in the community now (an indicator; not a funnel level). */
	productsPublished: number;
	/**
	 * Adoption, from the funnel service the adoption page (/adopsi) uses, so the two never disagree: members on
	 * the roster and how many reached each level (`first_visitor` from the visitor counts, or the first order).
	 */
	adoption: { members: number; reached: Record<string, number> };
	/** Orders within the program's period (the dashboard's `programOrderFigures`): turnover = completed orders only. */
	orders: ProgramOrderFigures;
	handover: { recipient: string; followUp: string; handedOverOn: string | null } | null;
	/** Kop and signer from the letter settings of the invitation letters (`reportLetterOf`). */
	letter: ReportLetter;
	/**
	 * The name the group's coordinator (ketua kelompok) signs with, as typed for this program (setCoordinatorSigner);
	 * empty until then, and the report prints a dotted line to write it by hand. Never guessed from an account.
	 */
	coordinatorName: string;
	generatedAt: string;
}

/**
 * Gathers everything the evaluation report prints: the plan, every session with its attendance and test
 * results (process evaluation), the indicators and the community's live figures (outcome evaluation), and
 * the handover record. Staff of the program's community only (the training service's check).
 */
export class EvaluationReportService {
	constructor(
		private readonly db: Kysely<DB>,
		private readonly indicators: IndicatorService,
		private readonly trainings: TrainingService,
		private readonly tests: TestService,
		private readonly clock: () => Date = () => new Date(),
		private readonly rooms?: RoomService
	) {}

	/** Saves the coordinator's name for the report's signature (staff of the program's community; others 404, nothing changed). */
	async setCoordinatorSigner(actor: Actor, programId: string, input: unknown): Promise<string> {
		const program = await this.trainings.programFor(actor, programId);
		const { name } = parseInput(reportSignerSchema, input);
		await this.db.updateTable('program').set({ report_signer_name: name || null, updated_at: this.clock().toISOString() }).where('id', '=', program.id).execute();
		return name;
	}

	async build(actor: Actor, programId: string): Promise<EvaluationReportData> {
		const program = await this.trainings.programFor(actor, programId);
		const community = await this.db.selectFrom('community').selectAll().where('id', '=', program.community_id).executeTakeFirstOrThrow();
		const stages = await this.db.selectFrom('program_stage').select(['key', 'status', 'notes', 'starts_on', 'ends_on']).where('program_id', '=', program.id).orderBy('position').execute();
		// the dashboard's own computation: same indicators, same held sessions, same attendance and gain, same funnel
		const [{ metrics, training, indicators, funnel, orders }, list] = await Promise.all([this.indicators.measures(actor, program.id), this.trainings.listForProgram(actor, program.id)]);
		const sessions: ReportTraining[] = [];
		for (const held of training.held) {
			const t = list.find((x) => x.id === held.id)!;
			const per = training.attendance.perTraining.find((p) => p.trainingId === t.id)!;
			const [att, results, day] = await Promise.all([this.trainings.attendance(actor, t.id), this.tests.results(actor, t.id), this.rooms ? this.rooms.dayResults(actor, t.id) : Promise.resolve(null)]);
			sessions.push({ ...t, present: per.present, expected: per.expected, rate: per.rate, results, roster: att.data.map((d) => ({ name: d.name, shopName: d.shopName, present: d.present })), day: day?.figures ?? null });
		}
		const notCounted = training.sessions.filter((s) => s.state !== 'held').map((s) => ({ title: s.training.title, startsAt: s.training.starts_at, state: s.state as 'upcoming' | 'outside' }));
		const { trainings: communityTrainings } = await this.trainings.overview(actor, community.id);
		const handover = await this.db.selectFrom('program_handover').selectAll().where('program_id', '=', program.id).executeTakeFirst();
		return {
			community: { name: community.name, kind: community.kind, district: community.district, regency: community.regency, province: community.province, groupName: community.group_name },
			program: { id: program.id, name: program.name, theme: program.theme, goals: program.goals, targetGroup: program.target_group, startsOn: program.starts_on, endsOn: program.ends_on },
			stages: stages.map((s) => ({ key: s.key, status: s.status, notes: s.notes, startsOn: s.starts_on, endsOn: s.ends_on })),
			trainings: sessions,
			notCounted,
			attendance: { present: training.attendance.present, expected: training.attendance.expected, rate: training.attendance.rate },
			gain: training.gain,
			indicators: indicators.map((i) => ({ key: i.key, label: i.label, unit: i.unit, baseline: i.baseline, target: i.target, value: i.value, valueOn: i.valueOn, source: i.source === 'auto' ? 'otomatis' : 'manual' })),
			metrics,
			productsPublished: metrics.products_published ?? 0,
			adoption: { members: funnel.members.length, reached: funnel.reached },
			orders,
			handover: handover ? { recipient: handover.recipient, followUp: handover.follow_up, handedOverOn: handover.handed_over_on } : null,
			letter: reportLetterOf(program.id, communityTrainings),
			coordinatorName: program.report_signer_name?.trim() ?? '',
			generatedAt: this.clock().toISOString()
		};
	}
}
