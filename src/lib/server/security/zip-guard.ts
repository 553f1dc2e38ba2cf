import { inflateRawSync } from 'node:zlib';

/** Limits for an uploaded ZIP container (an .xlsx is one): a 5,000-row member sheet unzips to a few MB. */
export interface ZipLimits {
	maxEntries: number;
	maxEntryBytes: number;
	maxTotalBytes: number;
}

export const XLSX_LIMITS: ZipLimits = { maxEntries: 300, maxEntryBytes: 25 * 1024 * 1024, maxTotalBytes: 60 * 1024 * 1024 };

export type ZipCheck = { ok: true } | { ok: false; reason: 'unreadable' | 'tooLarge' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Checks a ZIP before any library unpacks it, so a small upload cannot expand into gigabytes in memory
 * (a "zip bomb"). The sizes a ZIP declares can lie, so every entry is actually inflated with a hard
 * output cap (`maxOutputLength`): the work is bounded by the limits, never by what the file claims. `onEntry` sees
 * each unpacked entry (name, bytes) and may refuse it as too much (false).
 */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS, onEntry?: (name: string, data: Buffer) => boolean): ZipCheck {
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const eocd = findEocd(buf);
	if (eocd < 0) return { ok: false, reason: 'unreadable' };
	const entries = buf.readUInt16LE(eocd + 10);
	const cdOffset = buf.readUInt32LE(eocd + 16);
	if (entries === 0xffff || cdOffset === 0xffffffff) return { ok: false, reason: 'tooLarge' }; // ZIP64: never a member sheet
	if (entries > limits.maxEntries) return { ok: false, reason: 'tooLarge' };
	let p = cdOffset;
	let total = 0;
	for (let i = 0; i < entries; i++) {
		if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return { ok: false, reason: 'unreadable' };
		const method = buf.readUInt16LE(p + 10);
		const compressed = buf.readUInt32LE(p + 20);
		const nameLen = buf.readUInt16LE(p + 28);
		const extraLen = buf.readUInt16LE(p + 30);
		const commentLen = buf.readUInt16LE(p + 32);
		const local = buf.readUInt32LE(p + 42);
		const name = onEntry ? buf.toString('utf8', p + 46, Math.min(buf.length, p + 46 + nameLen)) : '';
		p += 46 + nameLen + extraLen + commentLen;
		if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) return { ok: false, reason: 'unreadable' };
		const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
		if (compressed === 0xffffffff || start + compressed > buf.length) return { ok: false, reason: 'unreadable' };
		const data = buf.subarray(start, start + compressed);
		let content: Buffer;
		if (method === 0) content = data;
		else if (method === 8) {
			try {
				content = inflateRawSync(data, { maxOutputLength: limits.maxEntryBytes });
			} catch (e) {
				return { ok: false, reason: e instanceof RangeError ? 'tooLarge' : 'unreadable' };
			}
		} else return { ok: false, reason: 'unreadable' };
		const size = content.length;
		// the caller's own look at each unpacked entry (how much work it would make), within the same caps
		if (onEntry && size <= limits.maxEntryBytes && !onEntry(name, content)) return { ok: false, reason: 'tooLarge' };
		total += size;
		if (size > limits.maxEntryBytes || total > limits.maxTotalBytes) return { ok: false, reason: 'tooLarge' };
	}
	return { ok: true };
}

function findEocd(buf: Buffer): number {
	const min = Math.max(0, buf.length - 22 - 0xffff);
	for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === EOCD) return i;
	return -1;
}
