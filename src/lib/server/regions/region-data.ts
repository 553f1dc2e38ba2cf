import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseCsv } from '../members/member-file';
import type { RegionLevel } from '../db/schema-admin';
import type { Region } from './region.repository';

/** The CSV files of the npm package `idn-area-data` (Kemendagri codes), level by level, parents first. */
const FILES: { level: RegionLevel; file: string }[] = [
	{ level: 'province', file: 'provinces.csv' },
	{ level: 'regency', file: 'regencies.csv' },
	{ level: 'district', file: 'districts.csv' },
	{ level: 'village', file: 'villages.csv' }
];

/** Where the package keeps its CSVs. Its JavaScript needs Node 22; the data files are all we read. */
export function regionDataDir(): string {
	return join(dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
}

/**
 * Every region of the package as rows, parents before children; `province` (e.g. "32") keeps only that
 * province and what lies in it (tests load one province instead of all 83,000 villages).
 * Invariant: a row's parent is the code without its last part, and it is in the result.
 */
export async function readRegionRows(options: { dir?: string; province?: string } = {}): Promise<Region[]> {
	const dir = options.dir ?? regionDataDir();
	const out: Region[] = [];
	for (const { level, file } of FILES) {
		const [header, ...rows] = parseCsv((await readFile(join(dir, file), 'utf-8')).replace(/^\uFEFF/, ''));
		const codeAt = header.indexOf('code');
		const nameAt = header.indexOf('name');
		if (codeAt < 0 || nameAt < 0) throw new Error(`${file}: expected columns code and name, found ${header.join(',')}`);
		for (const row of rows) {
			const code = row[codeAt]?.trim();
			const name = row[nameAt]?.trim();
			if (!code || !name) continue;
			if (options.province && code !== options.province && !code.startsWith(`${options.province}.`)) continue;
			const cut = code.lastIndexOf('.');
			out.push({ code, name, level, parent_code: cut < 0 ? null : code.slice(0, cut) });
		}
	}
	return out;
}
