import * as z from 'zod/mini'
import { problemText } from '../../lib/problem-text.ts'
import type { Validation } from './use-form.ts'

/**
 * Checks form values with a zod schema (the form model's rules): the parsed input, or
 * each top-level field's first message, in the current language when it is one the
 * console knows (the shared schemas speak English: `problemText`).
 */
export function validateWith<Output>(
  schema: z.ZodMiniType<Output>,
  values: unknown,
): Validation<Record<string, string>, Output> {
  const result = z.safeParse(schema, values)
  if (result.success) return { ok: true, input: result.data }
  const errors: Record<string, string> = {}
  for (const issue of result.error.issues) {
    const key = issue.path[0]
    if (typeof key === 'string' && !errors[key]) errors[key] = problemText(issue.message)
  }
  return { ok: false, errors }
}
