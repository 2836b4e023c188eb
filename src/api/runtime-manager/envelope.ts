import * as z from 'zod/mini'

/** Runtime Manager wraps every answer: `{ "data": ... }`. */
export function envelope<T extends z.ZodMiniType>(schema: T) {
  return z.object({ data: schema })
}
