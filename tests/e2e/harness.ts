import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			srv.close(() => resolve(port));
		});
	});
}

export interface RunningApp {
	baseUrl: string;
	dataDir: string;
	/** Everything the server wrote to stdout and stderr so far (to check what reaches the log). */
	output(): string;
	/** The server process (scripts/server.js), for tests of signals and exit codes. */
	child: ChildProcess;
	stop(): Promise<void>;
}

/** Starts the built server (`build/`, via scripts/server.js) on a free port with a fresh data folder and the demo. */
export async function startApp(env: Record<string, string> = {}, reuse?: { dataDir: string }): Promise<RunningApp> {
	const port = await freePort();
	// `reuse`: a restart on another app's data folder (after a crash); that app's stop() removes the folder
	const dataDir = reuse?.dataDir ?? (await mkdtemp(join(tmpdir(), 'ecrav-e2e-')));
	const child: ChildProcess = spawn(process.execPath, ['scripts/server.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ORIGIN: `http://127.0.0.1:${port}`, DATABASE_URL: '', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const baseUrl = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
		try {
			const res = await fetch(`${baseUrl}/healthz`);
			if (res.ok) break;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		baseUrl,
		dataDir,
		output: () => output,
		child,
		async stop() {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				await new Promise((r) => child.once('exit', r));
			}
			if (!reuse) await rm(dataDir, { recursive: true, force: true });
		}
	};
}

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless=new',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic'
		]
	});
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' };
