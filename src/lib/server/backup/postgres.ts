import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { BackupError, COUNTED_TABLES, NOT_DATA_TABLES, type BackupManifest, type CountedTable } from './manifest';
import type { DatabaseFacts } from './sqlite';

/**
 * pg_dump / pg_restore / psql from postgresql-client: PG_BIN_DIR when set, else PATH, else Debian's
 * /usr/lib/postgresql/<newest>/bin (pg_dump must be at least the server's major version).
 */
export function findPgTool(tool: 'pg_dump' | 'pg_restore' | 'psql', env: Record<string, string | undefined> = process.env): string {
	const dirs = [env.PG_BIN_DIR, ...(env.PATH ?? '').split(delimiter), ...debianDirs()].filter((d): d is string => !!d);
	for (const dir of dirs) {
		try {
			accessSync(join(dir, tool), constants.X_OK);
			return join(dir, tool);
		} catch {
			/* next */
		}
	}
	throw new BackupError('backup_tool_missing', 'backup.toolMissing', { tool }, 503);
}

function debianDirs(): string[] {
	try {
		return readdirSync('/usr/lib/postgresql')
			.filter((v) => /^\d+$/.test(v))
			.sort((a, b) => Number(b) - Number(a))
			.map((v) => `/usr/lib/postgresql/${v}/bin`);
	} catch {
		return [];
	}
}

/** The URL without its password (which would show in `ps`), and the password for PGPASSWORD. */
function connection(url: string): { dbArg: string; env: NodeJS.ProcessEnv } {
	const u = new URL(url);
	const password = decodeURIComponent(u.password);
	u.password = '';
	return { dbArg: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs a tool to the end; a non-zero exit throws with the last lines it wrote to stderr. */
function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
		child.on('error', (e) => reject(new BackupError('backup_tool_failed', 'backup.toolFailed', { tool, detail: e.message }, 503)));
		child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError('backup_tool_failed', 'backup.toolFailed', { tool, detail: lastLines(stderr) || `exit ${code}` }, 503))));
	});
}

const lastLines = (s: string) => s.trim().split('\n').slice(-3).join(' / ');

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

async function readFacts(c: pg.Client): Promise<DatabaseFacts> {
	const migrations = (await c.query<{ name: string }>('SELECT name FROM public.kysely_migration ORDER BY name')).rows.map((r) => r.name);
	const counts = {} as Record<CountedTable, number>;
	for (const t of COUNTED_TABLES) counts[t] = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM public."${t}"`)).rows[0].n);
	return { migrations, counts };
}

/**
 * pg_dump -Fc of the database, uncompressed (the archive is gzip'd), taken in a snapshot exported by a repeatable-read
 * transaction that also reads the migration level and the counts: the manifest describes exactly what was dumped,
 * however many writes happen meanwhile.
 */
export async function snapshotPostgres(url: string, dest: string): Promise<DatabaseFacts> {
	const pgDump = findPgTool('pg_dump');
	const { dbArg, env } = connection(url);
	return withClient(url, async (c) => {
		await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
		const snapshot = (await c.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0].s;
		const facts = await readFacts(c);
		await run(pgDump, ['--format=custom', '--compress=0', `--snapshot=${snapshot}`, '--file', dest, '--dbname', dbArg], env);
		await c.query('COMMIT');
		return facts;
	});
}

/** Tables in the target's public schema, and those of them that hold rows. */
export async function postgresTarget(url: string): Promise<{ tables: string[]; withRows: string[] }> {
	return withClient(url, async (c) => {
		const tables = (await c.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map((r) => r.t);
		const withRows: string[] = [];
		for (const t of tables) if (!NOT_DATA_TABLES.has(t) && (await c.query(`SELECT 1 FROM public."${t}" LIMIT 1`)).rowCount) withRows.push(t);
		return { tables, withRows };
	});
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** DROP statements for everything in the public schema (tables, views, sequences, functions, types): --force, or an empty schema. */
async function dropEverything(url: string): Promise<string> {
	return withClient(url, async (c) => {
		const q = async (sqlText: string) => (await c.query<{ stmt: string }>(sqlText)).rows.map((r) => r.stmt);
		const notExtension = (cls: string, oid: string) => `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${cls}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
		const rel = (kinds: string, kw: string) =>
			q(`SELECT '${kw} IF EXISTS public.' || quote_ident(c.relname) || ' CASCADE;' AS stmt FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN (${kinds}) AND ${notExtension('pg_class', 'c.oid')}`);
		const statements = [
			...(await rel("'r','p'", 'DROP TABLE')),
			...(await rel("'v'", 'DROP VIEW')),
			...(await rel("'m'", 'DROP MATERIALIZED VIEW')),
			...(await rel("'S'", 'DROP SEQUENCE')),
			...(await q(`SELECT 'DROP ROUTINE IF EXISTS public.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ') CASCADE;' AS stmt FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND ${notExtension('pg_proc', 'p.oid')}`)),
			...(await q(`SELECT 'DROP TYPE IF EXISTS public.' || quote_ident(t.typname) || ' CASCADE;' AS stmt FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e','d') AND ${notExtension('pg_type', 't.oid')}`))
		];
		return statements.join('\n');
	});
}

/** After the data, inside the same transaction: the row counts and the migration level must be the manifest's. */
function verification(manifest: BackupManifest): string {
	const checks = [
		...COUNTED_TABLES.map((t) => `SELECT count(*) INTO n FROM public.${ident(t)}; IF n <> ${manifest.counts[t]} THEN RAISE EXCEPTION 'restore check: ${t} has % rows, the manifest says ${manifest.counts[t]}', n; END IF;`),
		`SELECT count(*) INTO n FROM public.kysely_migration; IF n <> ${manifest.migrations.length} THEN RAISE EXCEPTION 'restore check: % migrations, the manifest says ${manifest.migrations.length}', n; END IF;`
	];
	return `DO $ecrav_check$ DECLARE n bigint; BEGIN\n${checks.join('\n')}\nEND $ecrav_check$;\n`;
}

/**
 * Restores the dump as ONE transaction: pg_restore writes the SQL, psql runs it with --single-transaction and
 * ON_ERROR_STOP, preceded by dropping what the target has (only when it has tables: an empty schema, or --force)
 * and followed by the manifest's counts. Any error, including pg_restore failing half-way, rolls back everything.
 */
export async function restorePostgres(url: string, dumpFile: string, manifest: BackupManifest, clearFirst: boolean): Promise<void> {
	const pgRestore = findPgTool('pg_restore');
	const psql = findPgTool('psql');
	const { dbArg, env } = connection(url);
	const preamble = clearFirst ? await dropEverything(url) : '';
	await new Promise<void>((resolve, reject) => {
		const sink = spawn(psql, ['--no-psqlrc', '--quiet', '--set', 'ON_ERROR_STOP=1', '--single-transaction', '--file', '-', '--dbname', dbArg], { env, stdio: ['pipe', 'ignore', 'pipe'] });
		const source = spawn(pgRestore, ['--no-owner', '--no-privileges', '--file', '-', dumpFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let sinkErr = '';
		let sourceErr = '';
		sink.stderr.on('data', (c: Buffer) => (sinkErr = (sinkErr + c.toString()).slice(-2000)));
		source.stderr.on('data', (c: Buffer) => (sourceErr = (sourceErr + c.toString()).slice(-2000)));
		sink.stdin.on('error', () => {}); // psql stopped early on an error: its exit code says so
		const fail = (tool: string, detail: string) => reject(new BackupError('backup_tool_failed', 'backup.toolFailed', { tool, detail }, 503));
		let sourceCode: number | null = null;
		sink.stdin.write(`${preamble}\n`);
		source.stdout.pipe(sink.stdin, { end: false });
		source.on('error', (e) => sink.stdin.end("\nDO $$ BEGIN RAISE EXCEPTION 'pg_restore did not start'; END $$;\n", () => fail('pg_restore', e.message)));
		source.on('close', (code) => {
			sourceCode = code;
			// A pg_restore that stopped half-way must not be committed: end with a statement that fails.
			sink.stdin.end(code === 0 ? `\n${verification(manifest)}` : "\nDO $$ BEGIN RAISE EXCEPTION 'pg_restore failed'; END $$;\n");
		});
		sink.on('error', (e) => fail('psql', e.message));
		sink.on('close', (code) => {
			if (sourceCode !== null && sourceCode !== 0) fail('pg_restore', lastLines(sourceErr) || `exit ${sourceCode}`);
			else if (code !== 0) fail('psql', lastLines(sinkErr) || `exit ${code}`);
			else resolve();
		});
	});
}
