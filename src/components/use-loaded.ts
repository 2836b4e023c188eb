import { useEffect, useState } from 'react'
import type { LoadOnce } from '../lib/load-once.ts'

/**
 * The part `code` loads, for a component: there at once when it has loaded before, else
 * null until it arrives. It is asked for only while `wanted`; a failed load (offline) leaves
 * null, and the next mount or the next time it is wanted tries again.
 */
export function useLoaded<T>(code: LoadOnce<T>, wanted = true): T | null {
  const [part, setPart] = useState(() => code.loaded())
  useEffect(() => {
    if (!wanted || part) return
    let current = true
    code.load().then(
      // A function (a component) is kept as the state, not called as an updater.
      (loaded) => {
        if (current) setPart(() => loaded)
      },
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [code, wanted, part])
  return part
}
