import { describe, expect, it } from 'vitest';
import { loadTicks, newTickId, presentNow, saveTicks, withoutConfirmed, type KeyValueStore, type Tick } from '../../src/lib/attendance-queue';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const tick = (memberId: string, present: boolean, at: string, id = newTickId()): Tick => ({ id, memberId, present, at });

describe('attendance queue', () => {
	it('should keep ticks across a reload and drop only the confirmed ones', () => {
		const store = memoryStore();
		const a = tick('m1', true, '2024-11-28T08:00:00.000Z');
		const b = tick('m2', true, '2024-11-28T08:01:00.000Z');
		saveTicks(store, 'k', [a, b]);
		expect(loadTicks(store, 'k')).toEqual([a, b]);
		expect(withoutConfirmed(loadTicks(store, 'k'), [a.id])).toEqual([b]);
	});

	it('should survive garbage in storage and a storage that throws', () => {
		const store = memoryStore();
		store.setItem('k', '{nope');
		expect(loadTicks(store, 'k')).toEqual([]);
		store.setItem('k', JSON.stringify([{ id: 1 }, tick('m', true, '2024-01-01T00:00:00.000Z', 'tick_abcdefgh')]));
		expect(loadTicks(store, 'k')).toHaveLength(1);
		const broken: KeyValueStore = { getItem: () => null, setItem: () => { throw new Error('quota'); } };
		expect(() => saveTicks(broken, 'k', [])).not.toThrow();
	});

	it('should show the latest of the server state and the queued ticks', () => {
		const server = { present: true, at: '2024-11-28T08:05:00.000Z' };
		expect(presentNow(server, [])).toBe(true);
		expect(presentNow(server, [tick('m', false, '2024-11-28T08:04:00.000Z')])).toBe(true);
		expect(presentNow(server, [tick('m', false, '2024-11-28T08:06:00.000Z'), tick('m', true, '2024-11-28T08:07:00.000Z')])).toBe(true);
		expect(presentNow(server, [tick('m', true, '2024-11-28T08:07:00.000Z'), tick('m', false, '2024-11-28T08:08:00.000Z')])).toBe(false);
		expect(presentNow({ present: false, at: null }, [tick('m', true, '2024-11-28T08:07:00.000Z')])).toBe(true);
	});

	it('should make distinct ids the server accepts', () => {
		const ids = new Set(Array.from({ length: 1000 }, () => newTickId()));
		expect(ids.size).toBe(1000);
		for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
	});
});
