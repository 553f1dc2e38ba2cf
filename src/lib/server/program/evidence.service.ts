import { createHash } from 'node:crypto';
import { z } from 'zod';
import { lineField } from '../../validation/text';
import type { Actor } from '../auth/actor';
import type { StageKey } from '../db/schema-program';
import { NotFoundError, ValidationError } from '../errors';
import { newId } from '../../utils/ids';
import { parseInput } from '../validate';
import { STAGE_KEYS } from '../../validation/program';
import { processPhoto, sniffImage } from '../media/image-pipeline';
import { checkEvidencePdf, isPdf } from '../media/pdf';
import type { MediaStorage } from '../media/storage';
import { programFor } from './access';
import type { ProgramRepository } from './program.repository';
import type { Evidence, EvidenceRepository } from './evidence.repository';

const titleSchema = z.object({ title: lineField().min(2, 'msg:program.evidence.titleShort').max(160, 'msg:program.tooLong') });

/**
 * Evidence of a stage: photos (through the one image pipeline: checked by content, size and pixels, metadata
 * and GPS dropped) and PDF documents (letters, attendance sheets; see media/pdf.ts). Files are stored under
 * `e/`, which the public /media route refuses: they are served only to the program's staff.
 */
export class EvidenceService {
	constructor(
		private readonly programs: ProgramRepository,
		private readonly evidence: EvidenceRepository,
		private readonly storage: MediaStorage,
		private readonly clock: () => Date = () => new Date()
	) {}

	async list(actor: Actor, programId: string, stageKey?: StageKey): Promise<Evidence[]> {
		const program = await programFor(actor, this.programs, programId);
		return this.evidence.list(program.id, stageKey);
	}

	async add(actor: Actor, programId: string, stageKey: string, input: { title: string; file: Buffer }): Promise<Evidence> {
		const program = await programFor(actor, this.programs, programId);
		if (!(STAGE_KEYS as readonly string[]).includes(stageKey)) throw new NotFoundError('program.stageNotFound');
		const { title } = parseInput(titleSchema, { title: input.title });
		const file = input.file;
		let row: Evidence;
		const base = { id: newId('evd'), program_id: program.id, stage_key: stageKey as StageKey, title, created_by: actor.kind === 'user' ? actor.userId : null, created_at: this.clock().toISOString() };
		if (isPdf(file)) {
			checkEvidencePdf(file);
			const hash = createHash('sha256').update(file).digest('hex');
			const key = `e/${hash.slice(0, 2)}/${hash.slice(2, 26)}.pdf`;
			if (!(await this.storage.exists(key))) await this.storage.put(key, file);
			row = { ...base, kind: 'document', file_key: key, thumb_key: null, bytes: file.length };
		} else {
			if (file.length > 0 && !sniffImage(file)) throw new ValidationError('program.evidence.notAllowed', {}, [{ field: 'file', messageKey: 'program.evidence.notAllowed', params: {} }]);
			const photo = await processPhoto(this.storage, file, { prefix: 'e' });
			const large = photo.variants.find((v) => v.name === 'large')!;
			const thumb = photo.variants.find((v) => v.name === 'thumb')!;
			row = { ...base, kind: 'photo', file_key: large.key, thumb_key: thumb.key, bytes: large.bytes };
		}
		await this.evidence.insert(row);
		return row;
	}

	/** The file of one evidence item for its program's staff; `small` gives a photo's thumbnail. */
	async file(actor: Actor, evidenceId: string, small = false): Promise<{ evidence: Evidence; data: Buffer; contentType: string }> {
		const evidence = await this.evidenceFor(actor, evidenceId);
		const key = small && evidence.thumb_key ? evidence.thumb_key : evidence.file_key;
		const data = await this.storage.get(key);
		if (!data) throw new NotFoundError('program.evidence.notFound');
		return { evidence, data, contentType: evidence.kind === 'document' ? 'application/pdf' : 'image/webp' };
	}

	async remove(actor: Actor, evidenceId: string): Promise<void> {
		const evidence = await this.evidenceFor(actor, evidenceId);
		await this.evidence.delete(evidence.id);
	}

	private async evidenceFor(actor: Actor, evidenceId: string): Promise<Evidence> {
		const evidence = typeof evidenceId === 'string' && evidenceId.length <= 64 ? await this.evidence.findById(evidenceId) : undefined;
		if (!evidence) throw new NotFoundError('program.evidence.notFound');
		await programFor(actor, this.programs, evidence.program_id);
		return evidence;
	}
}
