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
 * Uploads carrying a photo admitted at once (their bodies are held in memory while they wait for the queue).
 * The hook turns away more before reading their bodies.
 */
export class UploadGate {
	private inFlight = 0;
	constructor(readonly limit: number) {}
	tryEnter(): boolean {
		if (this.inFlight >= this.limit) return false;
		this.inFlight++;
		return true;
	}
	leave() {
		this.inFlight = Math.max(0, this.inFlight - 1);
	}
}

const concurrency = Math.max(1, Number(process.env.IMAGE_CONCURRENCY) || 2);
const waiting = Math.max(0, Number(process.env.IMAGE_QUEUE ?? 8) || 0);

/** The one queue every sharp job in this process goes through (IMAGE_CONCURRENCY, IMAGE_QUEUE). */
export const imageQueue = new ImageQueue(concurrency, waiting);
/** Photo uploads in flight (bodies in memory): the queue's capacity. */
export const uploadGate = new UploadGate(concurrency + waiting);
