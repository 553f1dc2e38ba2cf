import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger, logLevel, requestContext } from '../../src/lib/server/observability/logger';
import { requestIdFrom } from '../../src/lib/server/observability/request-id';
import { newToken } from '../../src/lib/server/accounts/tokens';

/** A logger writing into memory: the lines exactly as they would reach stdout. */
function capture(level = 'info') {
	let out = '';
	const sink = new Writable({
		write(chunk, _enc, done) {
			out += String(chunk);
			done();
		}
	});
	const log = createLogger(sink, level);
	return { log, text: () => out, lines: () => out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe(createLogger.name, () => {
	it('should write one JSON object per line with an ISO time and the level by name', () => {
		const c = capture();
		c.log.info({ route: '/c/[community]', status: 200 }, 'request');
		const [line] = c.lines();
		expect(line).toMatchObject({ level: 'info', msg: 'request', route: '/c/[community]', status: 200, pid: process.pid });
		expect(String(line.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
	});

	it('should give every line written while a request is handled that request id, from any module', async () => {
		const c = capture();
		await requestContext.run({ reqId: 'req-abc-123', route: '/jual' }, async () => {
			await new Promise((r) => setTimeout(r, 5));
			c.log.warn('push to a seller failed');
		});
		c.log.info('outside');
		expect(c.lines()).toMatchObject([{ reqId: 'req-abc-123', msg: 'push to a seller failed' }, { msg: 'outside' }]);
		expect(c.lines()[1]).not.toHaveProperty('reqId');
	});

	it('should never write headers, cookies, passwords, tokens, bodies or URLs passed in by mistake, nor a token in an error', () => {
		const c = capture();
		const token = newToken();
		c.log.info({ headers: { authorization: `Bearer ${token}`, cookie: `ecrav_session=${token}` }, password: 'rahasia-sekali', body: 'password=rahasia-sekali', url: `/atur-sandi/${token}`, user: { password: 'rahasia-sekali', token } }, 'careless');
		c.log.error({ err: new Error(`cannot open /papan/trn_1/${token} or /hadir/${token}?t=${token}`) }, 'failed');
		expect(c.text()).not.toContain(token);
		expect(c.text()).not.toContain('rahasia-sekali');
		const [, failed] = c.lines();
		expect((failed.err as { message: string }).message).toBe('cannot open /papan/trn_1/[disembunyikan] or /hadir/[disembunyikan]?t=[disembunyikan]');
	});

	it('should follow LOG_LEVEL (unknown values: info)', () => {
		expect(logLevel({ LOG_LEVEL: 'warn' })).toBe('warn');
		expect(logLevel({ LOG_LEVEL: 'DEBUG' })).toBe('debug');
		expect(logLevel({ LOG_LEVEL: 'loud' })).toBe('info');
		expect(logLevel({})).toBe('info');
		const c = capture('warn');
		c.log.info('hidden');
		c.log.warn('shown');
		expect(c.lines().map((l) => l.msg)).toEqual(['shown']);
	});
});

describe(requestIdFrom.name, () => {
	it('should keep a plain incoming id and replace anything else with a new UUID', () => {
		expect(requestIdFrom('proxy-1a2b3c')).toBe('proxy-1a2b3c');
		expect(requestIdFrom('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
		for (const bad of [null, '', 'abc', 'a b c d e f', 'x'.repeat(101), 'id"with<quotes>', 'id\nnewline']) {
			expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		}
	});
});
