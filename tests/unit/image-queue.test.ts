import { describe, expect, it } from 'vitest';
import { ImageQueue, UploadGate } from '../../src/lib/server/media/image-queue';
import { BusyError } from '../../src/lib/server/errors';

function deferred() {
	let resolve!: () => void;
	const promise = new Promise<void>((r) => (resolve = r));
	return { promise, resolve };
}

describe(ImageQueue.name, () => {
	it('should run at most `concurrency` jobs, queue `maxWaiting`, and refuse the next with a 503 BusyError', async () => {
		const queue = new ImageQueue(2, 1);
		let running = 0;
		let peak = 0;
		const gates = [deferred(), deferred(), deferred()];
		const job = (i: number) => async () => {
			running++;
			peak = Math.max(peak, running);
			await gates[i].promise;
			running--;
			return i;
		};
		const jobs = [queue.run(job(0)), queue.run(job(1)), queue.run(job(2))];
		await expect(queue.run(async () => 99)).rejects.toBeInstanceOf(BusyError);
		await expect(queue.run(async () => 99)).rejects.toMatchObject({ status: 503, messageKey: 'security.imagesBusy' });
		expect(queue.load).toBe(3);
		gates[0].resolve();
		gates[1].resolve();
		gates[2].resolve();
		expect(await Promise.all(jobs)).toEqual([0, 1, 2]);
		expect(peak).toBe(2);
		expect(queue.load).toBe(0);
		expect(await queue.run(async () => 'again')).toBe('again');
	});

	it('should free the slot when a job fails', async () => {
		const queue = new ImageQueue(1, 0);
		await expect(queue.run(async () => Promise.reject(new Error('rusak')))).rejects.toThrow('rusak');
		expect(await queue.run(async () => 'ok')).toBe('ok');
	});
});

describe(UploadGate.name, () => {
	it('should admit bodies up to its byte budget and admit again after one leaves', () => {
		const gate = new UploadGate(10_000);
		expect([gate.tryEnter(4_000), gate.tryEnter(4_000), gate.tryEnter(4_000)]).toEqual([true, true, false]);
		expect(gate.bytesInFlight).toBe(8_000);
		gate.leave(4_000);
		expect(gate.tryEnter(4_000)).toBe(true);
	});

	it('should admit sixty 2 MB phone photos at once where ten slots held by slow bodies refused fifty (venue)', () => {
		const gate = new UploadGate(10 * 15 * 1024 * 1024);
		const admitted = Array.from({ length: 60 }, () => gate.tryEnter(2 * 1024 * 1024)).filter(Boolean).length;
		expect(admitted).toBe(60);
		// 120 MB in flight: two more of the largest size fill the 150 MB budget exactly; then nothing more.
		expect([gate.tryEnter(15 * 1024 * 1024), gate.tryEnter(15 * 1024 * 1024), gate.tryEnter(1)]).toEqual([true, true, false]);
	});

	it('should admit one body larger than the whole budget when nothing else is in flight, and nothing beside it', () => {
		const gate = new UploadGate(1_000);
		expect(gate.tryEnter(5_000)).toBe(true);
		expect(gate.tryEnter(1)).toBe(false);
		gate.leave(5_000);
		expect(gate.bytesInFlight).toBe(0);
	});
});
