import type { z } from 'zod';
import { toFieldIssues } from '../validation/issues';
import { ValidationError } from './errors';

/** Parses input with its schema or throws one ValidationError listing every field issue. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, status: 400 | 422 = 422): z.output<S> {
	const result = schema.safeParse(input);
	if (!result.success) throw new ValidationError('error.invalidInput', {}, toFieldIssues(result.error), status);
	return result.data;
}
