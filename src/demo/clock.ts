/**
 * The demo backend's one clock. Every store (Runtime Manager, device administration, API
 * Store) reads it, so moving it forward (tests, the demo panel's "skip ahead") moves every
 * lifecycle together, and no store borrows another's.
 */
export class DemoClock {
  private offset = 0
  private readonly wall: () => number

  constructor(wall: () => number = Date.now) {
    this.wall = wall
  }

  /** The demo's time: the wall clock plus how far it was moved forward. */
  now(): number {
    return this.wall() + this.offset
  }

  /** Moves the demo's time forward without touching the wall clock. */
  advance(ms: number): void {
    this.offset += ms
  }
}
