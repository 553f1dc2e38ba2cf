import { describe, expect, it } from 'vitest';
import { changeLines } from '../../src/lib/audit/change-lines';

/** The audit page shows what a staff action changed as field lines, not raw JSON (stranger 2026-12-02). */
describe('changeLines', () => {
	it('should list only the fields an update changed, before and after', () => {
		const lines = changeLines({ status: 'active', suspendedReason: null, name: 'Toko Ani' }, { status: 'hidden', suspendedReason: 'Foto milik orang lain', name: 'Toko Ani' });
		expect(lines).toEqual([
			{ field: 'status', before: { text: 'active' }, after: { text: 'hidden' } },
			{ field: 'suspendedReason', before: { empty: true }, after: { text: 'Foto milik orang lain' } }
		]);
	});

	it('should list every field of a creation, with yes/no, names of listed people and a count for long lists', () => {
		const members = Array.from({ length: 12 }, (_, i) => ({ memberId: `m${i}`, name: `Ibu ${i}` }));
		expect(changeLines(null, { inviteAll: false, members: members.slice(0, 2), events: members, expiresAt: '2026-12-31T00:00:00Z' })).toEqual([
			{ field: 'inviteAll', after: { yes: false } },
			{ field: 'members', after: { text: 'Ibu 0, Ibu 1' } },
			{ field: 'events', after: { count: 12 } },
			{ field: 'expiresAt', after: { at: '2026-12-31T00:00:00Z' } }
		]);
	});

	it('should say nothing changed for equal rows, show a removed field, and cut long text', () => {
		expect(changeLines({ a: 1 }, { a: 1 })).toEqual([]);
		expect(changeLines({ a: 'x' }, null)).toEqual([{ field: 'a', before: { text: 'x' } }]);
		const long = changeLines(null, { agenda: 'k'.repeat(500) })[0].after as { text: string };
		expect(long.text).toHaveLength(200);
		expect(long.text.endsWith('…')).toBe(true);
		expect(changeLines('not an object', 42)).toEqual([]);
	});
});
