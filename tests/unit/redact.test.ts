import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/lib/server/security/redact';
import { newToken } from '../../src/lib/server/accounts/tokens';

describe(redactSecrets.name, () => {
	it('should hide setup-link tokens, status tokens, bearer tokens and password parameters', () => {
		const token = newToken();
		const text = [
			`[ecrav] POST /atur-sandi/${token} Error: Form actions expect form-encoded data`,
			`GET /pesanan/CIG-AB12?t=${token}&x=1`,
			`authorization: Bearer ${token}`,
			`/masuk?password=rahasia-sekali&login=a`,
			`plain ${token}.`
		].join('\n');
		const out = redactSecrets(text);
		expect(out).not.toContain(token);
		expect(out).not.toContain('rahasia-sekali');
		expect(out).toContain('/atur-sandi/[disembunyikan]');
		expect(out).toContain('Form actions expect form-encoded data');
	});

	it('should leave ordinary text alone', () => {
		expect(redactSecrets('[ecrav] GET /c/cigadung/toko/ketempling-jj Error: boom')).toBe('[ecrav] GET /c/cigadung/toko/ketempling-jj Error: boom');
	});
});
