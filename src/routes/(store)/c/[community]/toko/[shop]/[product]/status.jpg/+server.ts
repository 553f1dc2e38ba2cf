import { shareImageHandler } from '$lib/server/web/share-image-route';
import type { RequestHandler } from './$types';

/** The product's 1080×1080 image for a WhatsApp status (`?unduh=1` downloads it); see shareImageHandler. */
export const GET: RequestHandler = shareImageHandler('status');
