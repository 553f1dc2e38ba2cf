import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/http';
import { requireUser } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

/** Everyone's pre/post, Hake's normalised gain over members with both, per-question proportions (staff only). */
export const GET: RequestHandler = (event) =>
	apiCall(event, async () => {
		requireUser(event.locals.actor);
		const r = await event.locals.services.tests.results(event.locals.actor, event.params.trainingId);
		return json({
			members: r.members.map((m) => ({ memberId: m.memberId, present: m.present, pre: m.pre, post: m.post, gain: m.gain })),
			n: r.n,
			meanPre: r.meanPre,
			meanPost: r.meanPost,
			gain: r.g,
			questions: r.questions.map((q) => ({ id: q.id, topic: q.topic, pre: q.pre, post: q.post, nPre: q.nPre, nPost: q.nPost })),
			reaction: r.reaction
		});
	});
