import { logError } from '../observability/logger';
import type { Board } from './board.service';

/** What the hub needs from the board service (a narrow seam, so tests can count the work it does). */
export interface BoardSource {
	version(trainingId: string, communityId: string): Promise<string>;
	current(trainingId: string): Promise<Board | null>;
}

export interface BoardListener {
	/** Receives the board's JSON (already serialised once for every listener). */
	board(json: string): void;
	/** A comment line that keeps proxies and the browser from dropping an idle stream. */
	ping(): void;
	/** The stream must end (link expired, server shutting down). */
	close(): void;
	/** When the viewer's board link stops being valid (epoch ms); null for a staff login. */
	expiresAt: number | null;
}

interface Channel {
	communityId: string;
	listeners: Set<BoardListener>;
	version: string | null;
	json: string | null;
	timer: ReturnType<typeof setInterval>;
	busy: boolean;
	ticks: number;
}

/**
 * Live boards, one channel per training however many screens watch it. While anyone listens, the channel polls
 * the board's cheap version (a few indexed aggregates, BoardRepository.version) every `pollMs`; only when it moves
 * is the board recomputed, and only when the board's JSON changed is it sent — once serialised, to every
 * listener. So two projectors on one training cost one small query a second, and a room where nothing happens
 * costs no board query at all. When the last listener leaves, the channel stops. `closeAll` ends every stream
 * (server shutdown).
 */
export class BoardHub {
	private readonly channels = new Map<string, Channel>();
	private closed = false;

	constructor(
		private readonly source: BoardSource,
		private readonly options: { pollMs?: number; pingEvery?: number; now?: () => number } = {}
	) {}

	/** Starts listening; the listener gets the current board at once. Returns the unsubscribe function. */
	async subscribe(trainingId: string, communityId: string, listener: BoardListener): Promise<() => void> {
		if (this.closed) {
			listener.close();
			return () => {};
		}
		let channel = this.channels.get(trainingId);
		if (!channel) {
			const created: Channel = { communityId, listeners: new Set(), version: null, json: null, busy: false, ticks: 0, timer: setInterval(() => void this.tick(trainingId, created), this.options.pollMs ?? 1000) };
			created.timer.unref?.();
			channel = created;
			this.channels.set(trainingId, channel);
		}
		channel.listeners.add(listener);
		// a first refresh already running sends to every listener when it ends, this one included
		if (channel.json !== null) listener.board(channel.json);
		else if (!channel.busy) await this.refresh(trainingId, channel);
		const ch = channel;
		return () => this.leave(trainingId, ch, listener);
	}

	/** How many streams follow this training now. */
	listeners(trainingId: string): number {
		return this.channels.get(trainingId)?.listeners.size ?? 0;
	}

	/** How many trainings have a live channel (for tests and the bench). */
	get channelCount(): number {
		return this.channels.size;
	}

	/** Ends every stream and stops every poll: the server is shutting down. */
	closeAll(): void {
		this.closed = true;
		for (const [id, channel] of this.channels) {
			clearInterval(channel.timer);
			for (const l of channel.listeners) l.close();
			this.channels.delete(id);
		}
	}

	private leave(trainingId: string, channel: Channel, listener: BoardListener): void {
		channel.listeners.delete(listener);
		if (channel.listeners.size === 0 && this.channels.get(trainingId) === channel) {
			clearInterval(channel.timer);
			this.channels.delete(trainingId);
		}
	}

	private async tick(trainingId: string, channel: Channel): Promise<void> {
		if (channel.busy) return;
		const now = (this.options.now ?? Date.now)();
		for (const l of channel.listeners) {
			if (l.expiresAt !== null && l.expiresAt <= now) {
				l.close();
				this.leave(trainingId, channel, l);
			}
		}
		if (channel.listeners.size === 0) return;
		channel.ticks++;
		if (channel.ticks % (this.options.pingEvery ?? 20) === 0) for (const l of channel.listeners) l.ping();
		await this.refresh(trainingId, channel);
	}

	/** Recomputes the board when its version moved, and sends it when its JSON changed. */
	private async refresh(trainingId: string, channel: Channel): Promise<void> {
		channel.busy = true;
		try {
			const version = await this.source.version(trainingId, channel.communityId);
			if (version === channel.version && channel.json !== null) return;
			const board = await this.source.current(trainingId);
			if (!board) {
				// the training is gone: nothing more to show
				for (const l of [...channel.listeners]) {
					l.close();
					this.leave(trainingId, channel, l);
				}
				return;
			}
			channel.version = version;
			const json = JSON.stringify(board);
			if (json === channel.json) return;
			channel.json = json;
			for (const l of channel.listeners) l.board(json);
		} catch (e) {
			// a busy database or a dropped connection: the next tick tries again; the screens keep the last board
			logError('board refresh failed', e);
		} finally {
			channel.busy = false;
		}
	}
}
