import { statusWords } from '../../components/status-tones.ts'

/** A client application's status in operator words and colour. */
export const clientAppStatus = statusWords({
  APPROVED: { label: 'Approved', tone: 'ok' },
  CREATED: {
    label: 'Created',
    tone: 'progress',
    hint: 'Waiting for its approval workflow to start.',
  },
  ON_HOLD: {
    label: 'On hold',
    tone: 'warn',
    hint: 'Awaiting approval: keys can be generated once it is approved.',
  },
  REJECTED: { label: 'Rejected', tone: 'danger', hint: 'Its approval was refused.' },
})

/** Key state in operator words ("APPROVED" keys are the usable ones). */
export const keyStateLabel = statusWords({
  APPROVED: { label: 'Active', tone: 'ok' },
  COMPLETED: { label: 'Active', tone: 'ok' },
  CREATED: { label: 'Awaiting approval', tone: 'progress' },
  REJECTED: { label: 'Rejected', tone: 'danger' },
})
