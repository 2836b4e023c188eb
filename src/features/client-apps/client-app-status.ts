import { statusWords } from '../../components/status-tones.ts'

// Module-level tables of catalog keys: `statusWords` translates a word when a status is
// read, in the language shown then (so a switch of language reaches every row).

/** A client application's status in operator words and colour. */
export const clientAppStatus = statusWords({
  APPROVED: { word: 'client-apps.status.approved', tone: 'ok' },
  CREATED: {
    word: 'client-apps.status.created',
    tone: 'progress',
    hint: 'client-apps.status.createdHint',
  },
  ON_HOLD: {
    word: 'client-apps.status.onHold',
    tone: 'warn',
    hint: 'client-apps.status.onHoldHint',
  },
  REJECTED: {
    word: 'client-apps.status.rejected',
    tone: 'danger',
    hint: 'client-apps.status.rejectedHint',
  },
})

/** Key state in operator words ("APPROVED" keys are the usable ones). */
export const keyStateLabel = statusWords({
  APPROVED: { word: 'client-apps.keyState.active', tone: 'ok' },
  COMPLETED: { word: 'client-apps.keyState.active', tone: 'ok' },
  CREATED: { word: 'client-apps.keyState.awaiting', tone: 'progress' },
  REJECTED: { word: 'client-apps.status.rejected', tone: 'danger' },
})
