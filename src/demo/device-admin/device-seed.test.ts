import { expect, test } from 'vitest'
import type { FleetSize } from '../model.ts'
import { createRng } from '../rng.ts'
import {
  deviceOrderFacts,
  deviceSearchTexts,
  drawAt,
  RUNTIME_PLANS,
  seedDevices,
} from './device-seed.ts'

const ANCHOR = Date.UTC(2026, 10, 23, 12, 0, 0)

test('drawAt(seed, k) is the k-th draw of createRng(seed)', () => {
  for (const seed of [0, 1, 80_001, 0x7fffffff, 0xffffffff, 123_456_789]) {
    const rng = createRng(seed)
    for (let k = 1; k <= 12; k++) expect(drawAt(seed, k)).toBe(rng.next() * 4_294_967_296)
  }
})

test('the order facts and search texts of every device agree with the devices themselves', () => {
  const fleets: FleetSize[] = ['small', 'large']
  const userCounts = new Set<number>()
  for (const plan of RUNTIME_PLANS)
    for (const fleet of fleets) {
      const facts = deviceOrderFacts(plan, fleet)
      const { idHead, nameOf, names } = facts
      const devices = seedDevices(plan, fleet, ANCHOR)
      expect(deviceSearchTexts(plan, fleet, facts)).toEqual(
        devices.map((d) => [d.name, ...d.users].join('\n').toLowerCase()),
      )
      for (const d of devices) userCounts.add(d.users.length)
      expect(idHead).toHaveLength(devices.length)
      // Compared whole, not device by device: 50,000 expects are slow.
      expect(Array.from(idHead)).toEqual(devices.map((d) => parseInt(d.id.slice(0, 8), 16)))
      expect(Array.from(nameOf, (k) => names[k])).toEqual(devices.map((d) => d.name))
      expect(devices.every((d) => /^[0-9a-f]{8}-/.test(d.id))).toBe(true)
    }
  // Kiosks (no user), owned devices (one) and shared tablets (two) were all compared.
  expect([...userCounts].sort()).toEqual([0, 1, 2])
})
