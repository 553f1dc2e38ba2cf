import type { Actor } from '../auth/actor';
import { requireSystem } from '../auth/guards';
import type { RegionLevel } from '../db/schema-admin';
import { NotFoundError, ValidationError } from '../errors';
import { PARENT_REGION_CODE } from '../../validation/region';
import type { Region, RegionRepository } from './region.repository';

export interface RegionView {
	code: string;
	name: string;
	level: RegionLevel;
}

export interface RegionLoadResult {
	counts: Record<RegionLevel, number>;
	rows: number;
	ms: number;
}

const view = (r: Region): RegionView => ({ code: r.code, name: r.name, level: r.level });

export class RegionService {
	constructor(private readonly regions: RegionRepository) {}

	/**
	 * The provinces (no parent), or the regions one level below `parent`. Public: the codes are official data.
	 * A code that is not a province/regency/district code → 400; a well-formed code nobody knows → 404.
	 */
	async children(_actor: Actor, parent: string | null): Promise<RegionView[]> {
		if (parent === null) return (await this.regions.listChildren(null)).map(view);
		const code = parent.trim();
		if (!PARENT_REGION_CODE.test(code)) throw new ValidationError('region.badParent', {}, [{ field: 'parent', messageKey: 'region.badParent', params: {} }], 400);
		const [found, list] = await Promise.all([this.regions.findByCode(code), this.regions.listChildren(code)]);
		if (!found) throw new NotFoundError('region.unknown', { code });
		return list.map(view);
	}

	/** The region with every region above it, province first; empty when the code is unknown. Public. */
	async chain(_actor: Actor, code: string): Promise<RegionView[]> {
		return (await this.regions.findChain(code)).map(view);
	}

	/**
	 * Loads official regions (the CLI's `load-regions`): upserts in batches, parents first, so it can run again after
	 * a new release of the data and changes only what changed. Only the server itself or a platform admin.
	 */
	async load(actor: Actor, rows: Region[], batchSize = 1000): Promise<RegionLoadResult> {
		requireSystem(actor);
		const started = performance.now();
		for (let i = 0; i < rows.length; i += batchSize) await this.regions.upsert(rows.slice(i, i + batchSize));
		return { counts: await this.regions.countByLevel(), rows: rows.length, ms: Math.round(performance.now() - started) };
	}

	async counts(_actor: Actor): Promise<Record<RegionLevel, number>> {
		return this.regions.countByLevel();
	}
}
