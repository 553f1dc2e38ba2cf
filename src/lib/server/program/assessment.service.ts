import type { Actor } from '../auth/actor';
import type { AssessmentCategory, AssessmentMethod } from '../db/schema-program';
import { NotFoundError } from '../errors';
import { newId } from '../../utils/ids';
import { parseInput } from '../validate';
import { assessmentItemSchema, type AssessmentItemInput } from '../../validation/program';
import { z } from 'zod';
import { lineField } from '../../validation/text';
import { programFor } from './access';
import type { ProgramRepository } from './program.repository';
import type { AssessmentItem, AssessmentRepository } from './assessment.repository';

const itemTextSchema = z.object({
	text: lineField().min(2, 'msg:program.itemShort').max(300, 'msg:program.tooLong'),
	sector: lineField().max(60, 'msg:program.tooLong').optional().default('')
});

export interface AssessmentLists {
	mpa: Record<'problem' | 'need' | 'potential' | 'resource', AssessmentItem[]>;
	sla: Record<'human' | 'social' | 'natural' | 'physical' | 'financial', AssessmentItem[]>;
}

/**
 * The assessment of a program as editable lists: MPA (problems by sector, needs, potentials, resources)
 * and SLA's five livelihood capitals. Same access rule as the program.
 */
export class AssessmentService {
	constructor(
		private readonly programs: ProgramRepository,
		private readonly items: AssessmentRepository,
		private readonly clock: () => Date = () => new Date()
	) {}

	async lists(actor: Actor, programId: string): Promise<AssessmentLists> {
		const program = await programFor(actor, this.programs, programId);
		const rows = await this.items.listByProgram(program.id);
		const of = (method: AssessmentMethod, category: AssessmentCategory) => rows.filter((r) => r.method === method && r.category === category);
		return {
			mpa: { problem: of('mpa', 'problem'), need: of('mpa', 'need'), potential: of('mpa', 'potential'), resource: of('mpa', 'resource') },
			sla: { human: of('sla', 'human'), social: of('sla', 'social'), natural: of('sla', 'natural'), physical: of('sla', 'physical'), financial: of('sla', 'financial') }
		};
	}

	/** Adds items at the end of their list (several at once for seeding; all checked before any is written). */
	async add(actor: Actor, programId: string, input: AssessmentItemInput | AssessmentItemInput[]): Promise<AssessmentItem[]> {
		const program = await programFor(actor, this.programs, programId);
		const inputs = Array.isArray(input) ? input : [input];
		const parsed = inputs.map((i) => parseInput(assessmentItemSchema, i));
		let position = await this.items.nextPosition(program.id);
		const now = this.clock().toISOString();
		const rows = parsed.map((d) => ({ id: newId('asi'), program_id: program.id, method: d.method, category: d.category, sector: d.sector, text: d.text, position: position++, created_at: now }));
		await this.items.insertMany(rows);
		return rows;
	}

	private async itemFor(actor: Actor, itemId: string): Promise<AssessmentItem> {
		const item = typeof itemId === 'string' && itemId.length <= 64 ? await this.items.findById(itemId) : undefined;
		if (!item) throw new NotFoundError('program.itemNotFound');
		await programFor(actor, this.programs, item.program_id);
		return item;
	}

	async update(actor: Actor, itemId: string, input: { text: string; sector?: string }): Promise<AssessmentItem> {
		const item = await this.itemFor(actor, itemId);
		const data = parseInput(itemTextSchema, input);
		await this.items.updateText(item.id, data.text, item.method === 'mpa' ? data.sector : '');
		return (await this.items.findById(item.id))!;
	}

	async remove(actor: Actor, itemId: string): Promise<void> {
		const item = await this.itemFor(actor, itemId);
		await this.items.delete(item.id);
	}
}
