import type { Training } from './training.service';

/** A training as the API shows it (the check-in secret stays out). */
export function trainingJson(t: Training) {
	return { id: t.id, programId: t.programId, title: t.title, startsAt: t.startsAt, venue: t.venue, speakers: t.speakers, agenda: t.agenda, inviteAll: t.inviteAll };
}
