import { statusWords, type StatusReading } from '../../components/status-tones.ts'
import { t } from '../../lib/i18n.ts'

// The tables are built when a status is read, in the language shown then (never at module
// scope, where the catalogs are not loaded yet and a switch of language would not reach).

/** A client application's status in operator words and colour. */
export function clientAppStatus(status: string): StatusReading {
  return statusWords({
    APPROVED: { label: t('client-apps.status.approved'), tone: 'ok' },
    CREATED: {
      label: t('client-apps.status.created'),
      tone: 'progress',
      hint: t('client-apps.status.createdHint'),
    },
    ON_HOLD: {
      label: t('client-apps.status.onHold'),
      tone: 'warn',
      hint: t('client-apps.status.onHoldHint'),
    },
    REJECTED: {
      label: t('client-apps.status.rejected'),
      tone: 'danger',
      hint: t('client-apps.status.rejectedHint'),
    },
  })(status)
}

/** Key state in operator words ("APPROVED" keys are the usable ones). */
export function keyStateLabel(state: string): StatusReading {
  return statusWords({
    APPROVED: { label: t('client-apps.keyState.active'), tone: 'ok' },
    COMPLETED: { label: t('client-apps.keyState.active'), tone: 'ok' },
    CREATED: { label: t('client-apps.keyState.awaiting'), tone: 'progress' },
    REJECTED: { label: t('client-apps.status.rejected'), tone: 'danger' },
  })(state)
}
