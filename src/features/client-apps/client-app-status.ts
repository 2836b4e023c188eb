import { statusWords, type StatusWords } from '../../components/status-tones.ts'

const CLIENT_APP_STATUS: Record<string, StatusWords> = {
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
}

/** A client application's status in operator words and colour. */
export function clientAppStatus(status: string): StatusWords {
  return statusWords(CLIENT_APP_STATUS, status)
}

const KEY_STATE: Record<string, StatusWords> = {
  APPROVED: { label: 'Active', tone: 'ok' },
  COMPLETED: { label: 'Active', tone: 'ok' },
  CREATED: { label: 'Awaiting approval', tone: 'progress' },
  REJECTED: { label: 'Rejected', tone: 'danger' },
}

/** Key state in operator words ("APPROVED" keys are the usable ones). */
export function keyStateLabel(state: string): StatusWords {
  return statusWords(KEY_STATE, state)
}
