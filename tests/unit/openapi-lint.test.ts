import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openapi } from '../../src/lib/server/web/openapi';

/**
 * /api/v1/openapi.json passes Redocly's recommended rules with no error and no warning (redocly.yaml says which rule
 * is off and why), and the operations the lint cannot judge are checked here: ids unique and camelCase, security
 * stated on every operation, a 4xx on every operation that reads input.
 */
const run = promisify(execFile);
type Operation = { operationId?: string; security?: unknown[]; responses: Record<string, unknown>; parameters?: unknown[]; requestBody?: unknown };
const operations = Object.entries(openapi.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));
/** Public reads that take no input at all, so nothing can be refused (redocly.yaml turns operation-4xx-response off for them). */
const NO_INPUT = ['GET /communities', 'GET /openapi.json'];

describe('/api/v1/openapi.json', () => {
	it('should pass `redocly lint --extends=recommended` with no error and no warning', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'ecrav-openapi-'));
		try {
			const file = join(dir, 'openapi.json');
			await writeFile(file, JSON.stringify(openapi, null, 2));
			const out = await run('npx', ['redocly', 'lint', '--extends=recommended', '--format=json', file], { cwd: process.cwd() }).catch((e: { code: number; stdout: string; stderr: string }) => e);
			const report = JSON.parse(out.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
			const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`).join('\n');
			expect(report.totals, problems).toEqual({ errors: 0, warnings: 0, ignored: 0 });
			expect('code' in out ? out.code : 0, problems).toBe(0);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	}, 120_000);

	it('should give every operation a unique camelCase operationId and say whether it needs a token', () => {
		const ids = operations.map((o) => o.op.operationId);
		expect(ids.filter((id) => !id || !/^[a-z][a-zA-Z0-9]*$/.test(id))).toEqual([]);
		expect(new Set(ids).size).toBe(ids.length);
		const unstated = operations.filter((o) => !Array.isArray(o.op.security)).map((o) => o.key);
		expect(unstated).toEqual([]);
	});

	it('should document a 4xx on every operation except the public reads that take no input', () => {
		const without = operations.filter((o) => !Object.keys(o.op.responses).some((s) => s.startsWith('4'))).map((o) => o.key);
		expect(without.sort()).toEqual([...NO_INPUT].sort());
	});
});
