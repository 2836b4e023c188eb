/** Code loaded on first need: see `loadOnce`. */
export interface LoadOnce<T> {
  load: () => Promise<T>
  loaded: () => T | null
}

/**
 * Code loaded on first need and kept (a part of a module behind a dynamic `import()`):
 * `load()` starts it once and every caller shares that load; a failed load is forgotten, so
 * the next call tries again (offline, then back); `loaded()` is the part once it has arrived,
 * for a first render that need not wait.
 */
export function loadOnce<T>(load: () => Promise<T>): LoadOnce<T> {
  let value: T | null = null
  let pending: Promise<T> | null = null
  return {
    load: () =>
      (pending ??= load().then(
        (result) => (value = result),
        (error: unknown) => {
          pending = null
          throw error
        },
      )),
    loaded: () => value,
  }
}
