import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { processPhoto } from '../../src/lib/server/media/image-pipeline';
import type { MediaStorage } from '../../src/lib/server/media/storage';

/** Issue 8, smaller item: a 64×64 photo was enlarged to a 600×600 "medium" variant. Variants never upscale. */
function memoryStorage(): MediaStorage & { files: Map<string, Buffer> } {
	const files = new Map<string, Buffer>();
	return {
		files,
		put: async (k, d) => void files.set(k, d),
		get: async (k) => files.get(k) ?? null,
		exists: async (k) => files.has(k),
		remove: async (k) => void files.delete(k),
		checkWritable: async () => {}
	};
}
const photo = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#c08040' } }).jpeg().toBuffer();

describe('processPhoto variant sizes', () => {
	it('should keep a 64×64 photo at 64×64 in every variant (no upscaling), stored at those sizes', async () => {
		const storage = memoryStorage();
		const out = await processPhoto(storage, await photo(64, 64));
		expect(out.variants.map((v) => [v.name, v.width, v.height])).toEqual([
			['large', 64, 64],
			['medium', 64, 64],
			['thumb', 64, 64]
		]);
		for (const v of out.variants) {
			const meta = await sharp(storage.files.get(v.key)!).metadata();
			expect([meta.width, meta.height]).toEqual([64, 64]);
		}
	});

	it('should crop a small oblong photo to a square no larger than its shorter side', async () => {
		const out = await processPhoto(memoryStorage(), await photo(500, 200));
		expect(out.variants.map((v) => [v.name, v.width, v.height])).toEqual([
			['large', 500, 200],
			['medium', 200, 200],
			['thumb', 200, 200]
		]);
	});

	it('should still make the usual sizes from a large photo', async () => {
		const out = await processPhoto(memoryStorage(), await photo(2000, 1500));
		expect(out.variants.map((v) => [v.name, v.width, v.height])).toEqual([
			['large', 1200, 900],
			['medium', 600, 600],
			['thumb', 300, 300]
		]);
	});
});
