// Builds the app when build/ is missing or older than the sources, so `npm start` works on a fresh clone.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const marker = join(root, 'build', 'handler.js');

function newest(dir) {
	let t = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, entry.name);
		t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
	}
	return t;
}

const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'static')), statSync(join(root, 'package.json')).mtimeMs, statSync(join(root, 'svelte.config.js')).mtimeMs);
if (!existsSync(marker) || statSync(marker).mtimeMs < sources) {
	console.log('[ecrav] building the app (first start or sources changed)…');
	execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
