import { render, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { toast } from 'sonner'
import { afterEach, expect, test, vi } from 'vitest'
import { formatNumber } from '../lib/format.ts'
import { setLanguage } from '../lib/i18n.ts'
import { outcomeMessage, ownWords, toastOutcome } from './outcome-message.tsx'

afterEach(() => {
  vi.restoreAllMocks()
})

/** The message as it reads, and the texts isolated as the API's (`<bdi>`). */
function shown(node: ReactNode) {
  const { unmount } = render(<p data-testid="m">{node}</p>)
  const p = screen.getByTestId('m')
  const read = {
    text: p.textContent,
    isolated: [...p.querySelectorAll('bdi')].map((b) => b.textContent),
  }
  unmount()
  return read
}

const STOP = { succeeded: 'applications.stop.succeeded' } as const
const DISABLE_APP = {
  succeeded: 'devices.outcome.disableApp.succeeded',
  failed: 'devices.outcome.disableApp.failed',
  unknown: 'devices.outcome.disableApp.unknown',
} as const

test('success: the action’s own sentence with the name isolated', () => {
  expect(shown(outcomeMessage(STOP, { name: 'orders-api' }, { kind: 'succeeded' }))).toEqual({
    text: 'Stopped orders-api',
    isolated: ['orders-api'],
  })
})

test('failure: the API message is added as {message}, isolated with the names', () => {
  expect(
    shown(
      outcomeMessage(
        DISABLE_APP,
        { app: 'AcmeBank', device: 'Pixel 7' },
        { kind: 'failed', message: 'Refused.' },
      ),
    ),
  ).toEqual({
    text: "Couldn't disable AcmeBank on Pixel 7: Refused.",
    isolated: ['AcmeBank', 'Pixel 7', 'Refused.'],
  })
})

test('unknown: sent, and the result is being checked', () => {
  expect(
    shown(outcomeMessage(DISABLE_APP, { app: 'AcmeBank', device: 'Pixel 7' }, { kind: 'unknown' }))
      .text,
  ).toBe('Sent disable for AcmeBank on Pixel 7; checking the result')
})

test('a count chooses its plural form in the message and formats as every number does', () => {
  const deleted = { succeeded: 'applications.bulk.deleteSucceeded' } as const
  expect(shown(outcomeMessage(deleted, { count: 1 }, { kind: 'succeeded' })).text).toBe(
    'Deleted 1 application',
  )
  expect(shown(outcomeMessage(deleted, { count: 1200 }, { kind: 'succeeded' })).text).toBe(
    `Deleted ${formatNumber(1200)} applications`,
  )
  const added = {
    succeeded: 'targets.membership.addedMany',
  } as const
  expect(
    shown(outcomeMessage(added, { count: 3, target: 'eu-web' }, { kind: 'succeeded' })),
  ).toEqual({ text: 'Added 3 servers to eu-web', isolated: ['eu-web'] })
})

test('the console’s own words go in as they are, not isolated as API text', () => {
  const other = {
    succeeded: 'devices.outcome.markOther.succeeded',
  } as const
  expect(
    shown(
      outcomeMessage(other, { device: 'd-1', status: ownWords('expired') }, { kind: 'succeeded' }),
    ),
  ).toEqual({ text: 'Marked d-1 as expired', isolated: ['d-1'] })
})

test('the toast is green for done, red for refused, neutral for not known yet', () => {
  const success = vi.spyOn(toast, 'success')
  const error = vi.spyOn(toast, 'error')
  const info = vi.spyOn(toast, 'info')
  const values = { app: 'AcmeBank', device: 'Pixel 7' }
  toastOutcome(DISABLE_APP, values, { kind: 'succeeded' })
  toastOutcome(DISABLE_APP, values, { kind: 'failed', message: 'Busy.' })
  toastOutcome(DISABLE_APP, values, { kind: 'unknown' })
  expect(success).toHaveBeenCalledOnce()
  expect(error).toHaveBeenCalledOnce()
  expect(info).toHaveBeenCalledOnce()
  const content = error.mock.calls[0]?.[0]
  expect(shown(typeof content === 'function' ? content() : content).text).toBe(
    "Couldn't disable AcmeBank on Pixel 7: Busy.",
  )
})

test('in German a toast with a count is one whole sentence, the verb at its end', async () => {
  await setLanguage('de', { remember: false })
  const deleted = { succeeded: 'applications.bulk.deleteSucceeded' } as const
  expect(shown(outcomeMessage(deleted, { count: 1 }, { kind: 'succeeded' })).text).toBe(
    `${formatNumber(1)} Anwendung gelöscht`,
  )
  expect(shown(outcomeMessage(deleted, { count: 3 }, { kind: 'succeeded' })).text).toBe(
    `${formatNumber(3)} Anwendungen gelöscht`,
  )
  expect(
    shown(
      outcomeMessage(
        { succeeded: 'targets.membership.addedMany' },
        { count: 2, target: 'eu-web' },
        { kind: 'succeeded' },
      ),
    ).text,
  ).toBe(`${formatNumber(2)} Server zu eu-web hinzugefügt`)
  expect(
    shown(
      outcomeMessage(
        DISABLE_APP,
        { app: 'AcmeBank', device: 'Pixel 7' },
        { kind: 'failed', message: 'Busy.' },
      ),
    ).text,
  ).toBe('AcmeBank konnte auf Pixel 7 nicht deaktiviert werden: Busy.')
})

test('in Arabic a toast with a count takes the plural form of its number', async () => {
  await setLanguage('ar', { remember: false })
  const deleted = { succeeded: 'applications.bulk.deleteSucceeded' } as const
  const text = (count: number) =>
    shown(outcomeMessage(deleted, { count }, { kind: 'succeeded' })).text
  expect(text(1)).toBe('تم حذف تطبيق واحد')
  expect(text(2)).toBe('تم حذف تطبيقين')
  expect(text(3)).toBe(`تم حذف ${formatNumber(3)} تطبيقات`)
  expect(text(11)).toBe(`تم حذف ${formatNumber(11)} تطبيقًا`)
  expect(text(100)).toBe(`تم حذف ${formatNumber(100)} تطبيق`)
})
