/**
 * A maker of test records: `base` gives a valid record for an id and a name (and may read
 * the test's own fields), then the test's `extra` fields replace its defaults.
 */
export function recordMaker<T>(base: (id: number, name: string, extra: Partial<T>) => T) {
  return (id: number, name: string, extra: Partial<T> = {}): T => ({
    ...base(id, name, extra),
    ...extra,
  })
}
