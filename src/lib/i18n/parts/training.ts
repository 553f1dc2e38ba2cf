/**
 * Messages for: Trainings, attendance, tests, certificates, evaluation report (issue 9).
 * Kept in a file of their own so that work on one area does not collide with another; id.ts and en.ts
 * spread them in. Every key here needs both languages (the type of `enTraining` enforces it).
 */
export const idTraining = {
} as const;

export const enTraining: Record<keyof typeof idTraining, string> = {
};
