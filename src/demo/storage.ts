/** Where the demo keeps what the operator changed: localStorage in the browser, memory elsewhere. */
export interface DemoStorage {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
}

export function memoryStorage(): DemoStorage {
  const map = new Map<string, string>()
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
  }
}

export function browserStorage(): DemoStorage {
  return {
    get: (key) => localStorage.getItem(key),
    set: (key, value) => {
      try {
        localStorage.setItem(key, value)
      } catch (error) {
        // A full quota must not break the demo: the change still lives in memory.
        console.warn('Demo data could not be saved in localStorage', error)
      }
    },
    remove: (key) => localStorage.removeItem(key),
  }
}
