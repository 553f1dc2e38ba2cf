/**
 * The built server as the benches start it: scripts/server.js on a free local port, waited for through /healthz,
 * stopped by a signal, and its CPU time read from /proc (on a shared machine a steadier measure than req/s).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';

export interface BenchServer {
	base: string;
	child: ChildProcess;
}

export function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const a = s.address();
			s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
		});
	});
}

/** Starts scripts/server.js with `env` over this process's; `nodeArgs` go before the script (e.g. --cpu-prof); in `appDir` when given. */
export async function startServer(env: Record<string, string>, nodeArgs: string[] = [], appDir?: string): Promise<BenchServer> {
	const port = await freePort();
	// appDir: another checkout with its own build (bench/ab.ts compares two), else this one.
	const child = spawn(process.execPath, [...nodeArgs, 'scripts/server.js'], {
		cwd: appDir,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(`${base}/healthz`)).ok) return { base, child };
		} catch {
			/* starting */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('server did not start');
}

/** Sends `signal` and waits for the server to exit (SIGTERM lets it write what it keeps in memory). */
export function stopServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	return new Promise((resolve) => {
		child.once('exit', () => resolve());
		child.kill(signal);
	});
}

/** The server's CPU time so far (user + system, ms), from /proc. */
export async function cpuMs(child: ChildProcess): Promise<number> {
	const stat = await readFile(`/proc/${child.pid}/stat`, 'utf8');
	const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
}
