import { act, render, screen } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { formatAgo, formatBytes, formatDuration, formatNumber } from '../lib/format.ts'
import { setLanguage } from '../lib/i18n.ts'
import { BulkResults } from './bulk-results.tsx'
import { ListStates } from './list-states.tsx'
import { SelectionBar } from './list-toolbar.tsx'
import { OutcomeBadge } from './recent-activity.tsx'
import { RejectedRecords } from './rejected-records.tsx'
import { applicationPhaseStatus, serverStatus } from './status-tones.ts'

// The shared components in German and Arabic (the other tests read them in English): the
// words come from the ui catalogs, plurals take each language's forms, and a switch of
// language reaches what is already on screen.

const NOW = 1_800_000_000_000

test('the shared list states, selection bar and rejected records read in German, plurals included', async () => {
  await setLanguage('de', { remember: false })
  render(
    <>
      <SelectionBar
        count={3}
        total={12}
        onSelectAll={vi.fn<() => void>()}
        onClear={vi.fn<() => void>()}
        actions={[]}
      />
      <RejectedRecords
        rejected={[
          {
            index: 0,
            issues: [{ path: 'name', problem: { code: 'missing', expected: 'string' } }],
          },
          {
            index: 4,
            id: 'srv-9',
            issues: [
              {
                path: 'status',
                problem: { code: 'type', expected: 'string', found: { kind: 'value', text: '42' } },
              },
              { path: '', problem: { code: 'type', expected: 'object', found: { kind: 'null' } } },
            ],
          },
        ]}
        noun={['Server', 'Server']}
      />
      <ListStates
        query={{
          isPending: false,
          isError: false,
          isFetching: false,
          error: null,
          data: {},
          refetch: () => Promise.resolve(),
        }}
        nouns={['Server', 'Server']}
        total={5}
        shown={0}
        empty={null}
        onClear={vi.fn<() => void>()}
      >
        {null}
      </ListStates>
    </>,
  )
  expect(screen.getByRole('region', { name: 'Auswahl' })).toHaveTextContent(
    `${formatNumber(3)} ausgewählt`,
  )
  expect(
    screen.getByRole('button', { name: `Alle ${formatNumber(12)} Treffer auswählen` }),
  ).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Auswahl aufheben' })).toBeInTheDocument()
  expect(
    screen.getByText(
      `${formatNumber(2)} Server konnten nicht gelesen werden und werden nicht angezeigt.`,
    ),
  ).toBeInTheDocument()
  expect(screen.getByText('Was war falsch')).toBeInTheDocument()
  expect(screen.getByText(/^Datensatz 5 \(ID/)).toHaveTextContent(
    'Datensatz 5 (ID srv-9): status: erwartet: ein Text, gefunden: 42; (der Datensatz selbst): erwartet: ein Objekt, gefunden: null',
  )
  expect(screen.getByText(/^Datensatz 1:/)).toHaveTextContent(
    'Datensatz 1: name: fehlt (erwartet: ein Text)',
  )
  expect(
    screen.getByRole('heading', { name: 'Keine Server entsprechen diesen Filtern' }),
  ).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Filter zurücksetzen' })).toBeInTheDocument()
})

test('bulk results in German, in the action’s own summary sentence', async () => {
  await setLanguage('de', { remember: false })
  render(
    <BulkResults
      summary={{
        all: 'applications.bulk.deleteSummaryAll',
        some: 'applications.bulk.deleteSummarySome',
      }}
      results={[
        { id: 'a', label: 'orders-api', outcome: 'succeeded' },
        { id: 'b', label: 'billing', outcome: 'failed', message: 'Busy.' },
      ]}
    />,
  )
  expect(screen.getByRole('status')).toHaveTextContent(
    'Löschen: 1 von 2 erfolgreich, 1 fehlgeschlagen.',
  )
  expect(screen.getByRole('list', { name: 'Ergebnis je Element' })).toHaveTextContent(
    'Fehlgeschlagen',
  )
})

test('times, sizes and durations follow the language', async () => {
  await setLanguage('de', { remember: false })
  expect(formatAgo(NOW - 5 * 60_000, NOW)).toBe(`vor ${formatNumber(5)} Min.`)
  expect(formatAgo(NOW - 24 * 3_600_000 * 3, NOW)).toBe('vor 3 Tagen')
  expect(formatBytes(1536)).toBe('1,5 KB')
  expect(formatDuration(200 * 60_000)).toBe('3 Std. 20 Min.')

  await setLanguage('ar', { remember: false })
  expect(formatAgo(NOW - 2 * 60_000, NOW)).toBe('قبل دقيقتين')
  expect(formatAgo(NOW - 5 * 60_000, NOW)).toBe(`قبل ${formatNumber(5)} دقائق`)
})

test('status words in Arabic, with the plural of a count of servers, and a switch back to English on screen', async () => {
  await setLanguage('ar', { remember: false })
  expect(serverStatus('RUNNING').label).toBe('قيد التشغيل')
  // A status the table does not know reads as the API spelled it.
  expect(serverStatus('REBOOTING')).toMatchObject({ label: 'REBOOTING', raw: 'REBOOTING' })
  const state = {
    servers: 3,
    started: 2,
    failed: 1,
    unreachable: 0,
    failure: null,
    settling: false,
  }
  expect(applicationPhaseStatus({ ...state, phase: 'failed' }).label).toBe(
    `فشل على ${formatNumber(1)} من ${formatNumber(3)} خوادم`,
  )
  expect(applicationPhaseStatus({ ...state, servers: 2, phase: 'partial' }).label).toBe(
    `يعمل على ${formatNumber(2)} من خادمين`,
  )

  render(<OutcomeBadge outcome="pending" />)
  expect(screen.getByText('في قائمة الانتظار')).toBeInTheDocument()
  await act(() => setLanguage('en', { remember: false }))
  expect(screen.getByText('Queued')).toBeInTheDocument()
})
