import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import type { DB, Dialect } from '../db/schema';
import { MetricsRepository } from '../program/metrics.repository';
import type { TestService, TrainingResults } from './test.service';
import type { TrainingService, Training } from './training.service';
import { programAttendance, programGain } from './figures';
import type { TrainingRepository } from './training.repository';
import type { FunnelService } from '../members/funnel.service';

export interface ReportTraining extends Training {
	present: number;
	expected: number;
	rate: number | null;
	results: TrainingResults;
	roster: { name: string; shopName: string; present: boolean }[];
}

export interface EvaluationReportData {
	community: { name: string; kind: string; district: string; regency: string; province: string; groupName: string | null };
	program: { id: string; name: string; theme: string; goals: string; targetGroup: string; startsOn: string | null; endsOn: string | null };
	stages: { key: string; status: string; notes: string; startsOn: string | null; endsOn: string | null }[];
	trainings: ReportTraining[];
	attendance: { present: number; expected: number; rate: number | null };
	gain: { n: number; meanPre: number | null; meanPost: number | null; g: number | null };
	indicators: { label: string; unit: string; baseline: number | null; target: number | null; value: number | null; source: string }[];
	/** Products published in the community now (an indicator; not a funnel level). */
	productsPublished: number;
	/**
	 * Adoption, from the funnel service the adoption page (/adopsi) uses, so the two never disagree: members on
	 * the roster and how many reached each level (visitors are not counted yet: `first_visitor` is skipped).
	 */
	adoption: { members: number; reached: Record<string, number> };
	orders30d: { count: number; sum: number };
	handover: { recipient: string; followUp: string; handedOverOn: string | null } | null;
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
		private readonly dialect: Dialect,
		private readonly trainingRepo: TrainingRepository,
		private readonly trainings: TrainingService,
		private readonly tests: TestService,
		private readonly funnel: FunnelService,
		private readonly clock: () => Date = () => new Date()
	) {}

	async build(actor: Actor, programId: string): Promise<EvaluationReportData> {
		const program = await this.trainings.programFor(actor, programId);
		const community = await this.db.selectFrom('community').selectAll().where('id', '=', program.community_id).executeTakeFirstOrThrow();
		const stages = await this.db.selectFrom('program_stage').select(['key', 'status', 'notes', 'starts_on', 'ends_on']).where('program_id', '=', program.id).orderBy('position').execute();
		const list = await this.trainings.listForProgram(actor, program.id);
		const sessions: ReportTraining[] = [];
		for (const t of list) {
			const [att, results] = await Promise.all([this.trainings.attendance(actor, t.id), this.tests.results(actor, t.id)]);
			sessions.push({ ...t, present: att.present, expected: att.expected, rate: att.rate, results, roster: att.data.map((d) => ({ name: d.name, shopName: d.shopName, present: d.present })) });
		}
		const [attendance, gain] = await Promise.all([programAttendance(this.trainingRepo, program.id), programGain(this.trainingRepo, program.id)]);
		const metrics = new MetricsRepository(this.db, this.dialect);
		const since = new Date(this.clock().getTime() - 30 * 86400000).toISOString();
		const [counts, orders30d, funnel] = await Promise.all([metrics.communityCounts(community.id), metrics.ordersSince(community.id, since), this.funnel.forProgram(actor, program.id)]);
		const values: Record<string, number | null> = {
			members: counts.members,
			accounts_set_up: counts.accountsSetUp,
			shops_ready: counts.shopsReady,
			shops_selling: counts.shopsSelling,
			products_published: counts.productsPublished,
			orders_30d: orders30d.count,
			turnover_30d: orders30d.sum,
			attendance_rate: attendance.rate === null ? null : Math.round(attendance.rate * 1000) / 10,
			knowledge_gain: gain.g === null ? null : Math.round(gain.g * 100) / 100
		};
		const indicatorRows = await this.db.selectFrom('program_indicator').selectAll().where('program_id', '=', program.id).execute();
		const entries = indicatorRows.length ? await this.db.selectFrom('program_indicator_entry').select(['indicator_id', 'on_date', 'value']).where('indicator_id', 'in', indicatorRows.map((i) => i.id)).orderBy('on_date').execute() : [];
		const indicators = indicatorRows
			.sort((a, b) => a.position - b.position)
			.map((i) => {
				const latest = entries.filter((e) => e.indicator_id === i.id).pop();
				const auto = i.metric !== null && i.metric in values;
				return { label: i.label, unit: i.unit, baseline: i.baseline === null ? null : Number(i.baseline), target: i.target === null ? null : Number(i.target), value: auto ? values[i.metric!] : latest ? Number(latest.value) : null, source: auto ? 'otomatis' : 'manual' };
			});
		const handover = await this.db.selectFrom('program_handover').selectAll().where('program_id', '=', program.id).executeTakeFirst();
		return {
			community: { name: community.name, kind: community.kind, district: community.district, regency: community.regency, province: community.province, groupName: community.group_name },
			program: { id: program.id, name: program.name, theme: program.theme, goals: program.goals, targetGroup: program.target_group, startsOn: program.starts_on, endsOn: program.ends_on },
			stages: stages.map((s) => ({ key: s.key, status: s.status, notes: s.notes, startsOn: s.starts_on, endsOn: s.ends_on })),
			trainings: sessions,
			attendance: { present: attendance.present, expected: attendance.expected, rate: attendance.rate },
			gain,
			indicators,
			productsPublished: counts.productsPublished,
			adoption: { members: funnel.members.length, reached: funnel.reached },
			orders30d,
			handover: handover ? { recipient: handover.recipient, followUp: handover.follow_up, handedOverOn: handover.handed_over_on } : null,
			generatedAt: this.clock().toISOString()
		};
	}
}
