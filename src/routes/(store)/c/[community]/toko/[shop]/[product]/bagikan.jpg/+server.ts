import { shareImageHandler } from '$lib/server/web/share-image-route';
import type { RequestHandler } from './$types';

/** The product's 1200×630 share image (its og:image); see shareImageHandler. */
export const GET: RequestHandler = shareImageHandler('og');
