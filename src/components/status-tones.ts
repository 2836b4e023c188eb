import type { Tone } from './status-badge.tsx'

/** Server statuses in operator words and colour. */
export function serverStatus(status: string): { label: string; tone: Tone } {
  switch (status) {
    case 'RUNNING':
      return { label: 'Running', tone: 'ok' }
    case 'DISCONNECTED':
      return { label: 'Disconnected', tone: 'danger' }
    case 'CREATED':
      return { label: 'Waiting for agent', tone: 'neutral' }
    case 'PARTIALLY_RUNNING':
      return { label: 'Partially running', tone: 'warn' }
    default:
      return { label: status, tone: 'neutral' }
  }
}

/** Application statuses (desired vs reported) in operator words and colour. */
export function applicationStatus(
  reported: string,
  desired?: string,
): { label: string; tone: Tone } {
  if (reported.includes('FAILED')) return { label: 'Failed', tone: 'danger' }
  if (desired === 'UPDATED' || reported === 'UNDEPLOYED')
    return { label: 'Deploying', tone: 'progress' }
  if (desired === 'STOPPED' && reported === 'STARTED')
    return { label: 'Stopping', tone: 'progress' }
  if (desired === 'STARTED' && reported !== 'STARTED')
    return { label: 'Starting', tone: 'progress' }
  switch (reported) {
    case 'STARTED':
      return { label: 'Started', tone: 'ok' }
    case 'STOPPED':
      return { label: 'Stopped', tone: 'neutral' }
    default:
      return { label: reported, tone: 'neutral' }
  }
}
