/**
 * Orders of a runtime's devices, as typed arrays of device indices. Every order breaks
 * ties by id (`uid`, ids compared as strings), so an order is a rank per device (the
 * order's value, ranked) and the ids: the devices are grouped by rank with a counting
 * sort, then each group is sorted by id with native numeric sorts, no comparator calls.
 * The ids are read from their first 8 hex digits as a number (`idHead`): ids are
 * lowercase hex UUIDs, so they compare as their heads do unless two heads are equal.
 */

/**
 * Each value's rank among the distinct values (strings in code unit order, numbers
 * ascending), and how many distinct values there are.
 */
export function rankValues(values: ReadonlyArray<string | number>): {
  rank: Int32Array
  ranks: number
} {
  const distinct = [...new Set(values)]
  // Strings by the native sort (code units, no comparator calls); numbers by value.
  if (distinct.every((v) => typeof v === 'string')) distinct.sort()
  else distinct.sort((a, b) => Number(a) - Number(b))
  const rankOf = new Map(distinct.map((v, r) => [v, r]))
  const rank = new Int32Array(values.length)
  for (let i = 0; i < values.length; i++) rank[i] = rankOf.get(values[i] ?? '') ?? 0
  return { rank, ranks: distinct.length }
}

/**
 * Device indices by `rank` (0 first; `ranks` distinct), devices of equal rank in id
 * order. `idAt` gives a device's whole id, asked only for devices whose heads and ranks
 * are equal (about one pair in 50,000 random ids). Without `rank`: the id order.
 */
export function orderDevices(
  idHead: Uint32Array,
  idAt: (index: number) => string,
  rank?: { rank: ArrayLike<number>; ranks: number },
): Int32Array {
  const n = idHead.length
  // Read directly in the loops below, no call per device: this runs cold, once a page load.
  const rankOf = rank?.rank ?? new Int32Array(n)
  const ranks = rank?.ranks ?? 1
  // The index sits below the head in one float: exact while head · scale < 2^53.
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(n)))
  if (scale > 2 ** 21) throw new Error(`orderDevices: ${n} devices are too many for one key`)
  // Where each rank's group starts (a counting sort), then every device in its group.
  const starts = new Int32Array(ranks + 1)
  for (let i = 0; i < n; i++) {
    const r = (rankOf[i] ?? 0) + 1
    starts[r] = (starts[r] ?? 0) + 1
  }
  for (let r = 1; r <= ranks; r++) starts[r] = (starts[r] ?? 0) + (starts[r - 1] ?? 0)
  const next = starts.slice()
  const keys = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const r = rankOf[i] ?? 0
    const at = next[r] ?? 0
    keys[at] = (idHead[i] ?? 0) * scale + i
    next[r] = at + 1
  }
  for (let r = 0; r < ranks; r++) {
    const start = starts[r] ?? 0
    const end = starts[r + 1] ?? 0
    if (end - start > 1) keys.subarray(start, end).sort()
  }
  const order = new Int32Array(n)
  let shared = false
  for (let p = 0; p < n; p++) {
    const i = (keys[p] ?? 0) % scale
    order[p] = i
    // Sorted keys with equal heads are neighbours; within one group, only ids decide.
    if (p > 0 && idHead[i] === idHead[order[p - 1] ?? 0]) shared = true
  }
  if (shared) breakTies(order, idHead, rankOf, idAt)
  return order
}

/** Puts runs of devices with equal heads and ranks in whole-id order. */
function breakTies(
  order: Int32Array,
  idHead: Uint32Array,
  rankOf: ArrayLike<number>,
  idAt: (index: number) => string,
): void {
  const n = order.length
  const same = (a: number, b: number) => idHead[a] === idHead[b] && rankOf[a] === rankOf[b]
  for (let p = 1; p < n; p++) {
    if (!same(order[p] ?? 0, order[p - 1] ?? 0)) continue
    let end = p + 1
    while (end < n && same(order[end] ?? 0, order[p] ?? 0)) end++
    const tied = Array.from(order.subarray(p - 1, end), (t) => ({ t, id: idAt(t) }))
    tied.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    tied.forEach(({ t }, k) => (order[p - 1 + k] = t))
    p = end
  }
}
