/**
 * Messages for: Program workspace: programs, assessment, plan, indicators, members, funnel, mentoring (issue 9).
 * Kept in a file of their own so that work on one area does not collide with another; id.ts and en.ts
 * spread them in. Every key here needs both languages (the type of `enProgram` enforces it).
 */
export const idProgram = {
} as const;

export const enProgram: Record<keyof typeof idProgram, string> = {
};
