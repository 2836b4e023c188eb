import type { Tone } from '../../components/status-badge.tsx'

/** A client application's status in operator words and colour. */
export function clientAppStatus(status: string): { label: string; tone: Tone; hint?: string } {
  switch (status) {
    case 'APPROVED':
      return { label: 'Approved', tone: 'ok' }
    case 'CREATED':
      return {
        label: 'Created',
        tone: 'progress',
        hint: 'Waiting for its approval workflow to start.',
      }
    case 'ON_HOLD':
      return {
        label: 'On hold',
        tone: 'warn',
        hint: 'Awaiting approval: keys can be generated once it is approved.',
      }
    case 'REJECTED':
      return { label: 'Rejected', tone: 'danger', hint: 'Its approval was refused.' }
    default:
      return { label: status, tone: 'neutral' }
  }
}

/** Key state in operator words ("APPROVED" keys are the usable ones). */
export function keyStateLabel(state: string): { label: string; tone: Tone } {
  switch (state) {
    case 'APPROVED':
    case 'COMPLETED':
      return { label: 'Active', tone: 'ok' }
    case 'CREATED':
      return { label: 'Awaiting approval', tone: 'progress' }
    case 'REJECTED':
      return { label: 'Rejected', tone: 'danger' }
    default:
      return { label: state, tone: 'neutral' }
  }
}
