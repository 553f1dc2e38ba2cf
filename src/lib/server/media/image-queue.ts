import { BusyError } from '../errors';
import type { MessageKey } from '../../i18n';

/**
 * Decoding a 49-megapixel phone photo takes ~150 MB of pixels; 80 at once took the server to 1.3 GB and the
 * allocator never gave it back. Image work therefore runs through one small queue: at most `concurrency`
 * jobs decode at a time, at most `maxWaiting` wait, and the next one is refused at once (BusyError → 503 +
 * Retry-After, nothing changed) instead of piling up memory.
 */
export class ImageQueue {
	private active = 0;
	private readonly waiting: (() => void)[] = [];

	constructor(
		readonly concurrency: number,
		readonly maxWaiting: number,
		private readonly busyKey: MessageKey = 'security.imagesBusy'
	) {}

	/** Jobs running plus jobs waiting. */
	get load(): number {
		return this.active + this.waiting.length;
	}

	async run<T>(job: () => Promise<T>): Promise<T> {
		if (this.active < this.concurrency) this.active++;
		else if (this.waiting.length >= this.maxWaiting) throw new BusyError(this.busyKey);
		else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the slot is handed over on release
		try {
			return await job();
		} finally {
			const next = this.waiting.shift();
			if (next) next();
			else this.active--;
		}
	}
}

/**
 * Photo uploads admitted at once, counted in bytes of body (declared Content-Length) rather than in requests.
 * A count of requests held a slot for the whole time a slow body was arriving: at a training, 60 phones on one
 * hotspot at 1 Mbit/s each took ~17 s per 2 MB photo, ten slots filled with bodies still in the air and the
 * other 50 phones were refused (bench/venue.ts: 42/60 published). A byte budget keeps the same worst case in
 * memory (as many bodies as the queue holds, each at the largest size allowed) while admitting the many small
 * photos of an ordinary afternoon. The hook turns away an upload over the budget before reading its body.
 */
export class UploadGate {
	private inFlight = 0;
	constructor(readonly budgetBytes: number) {}
	/** Bytes of upload bodies admitted and not yet finished. */
	get bytesInFlight(): number {
		return this.inFlight;
	}
	tryEnter(bytes: number): boolean {
		if (this.inFlight > 0 && this.inFlight + bytes > this.budgetBytes) return false;
		this.inFlight += bytes;
		return true;
	}
	leave(bytes: number) {
		this.inFlight = Math.max(0, this.inFlight - bytes);
	}
}

const concurrency = Math.max(1, Number(process.env.IMAGE_CONCURRENCY) || 2);
const waiting = Math.max(0, Number(process.env.IMAGE_QUEUE ?? 8) || 0);
/** The largest photo upload accepted (image-pipeline's MAX_UPLOAD_BYTES; defined here, where sharp is not imported, for the hook). */
export const LARGEST_UPLOAD_BYTES = 15 * 1024 * 1024;

/** The one queue every sharp job in this process goes through (IMAGE_CONCURRENCY, IMAGE_QUEUE). */
export const imageQueue = new ImageQueue(concurrency, waiting);
/** Photo upload bodies in memory: as many as the queue holds, each at the largest size (150 MB by default). */
export const uploadGate = new UploadGate((concurrency + waiting) * LARGEST_UPLOAD_BYTES);
