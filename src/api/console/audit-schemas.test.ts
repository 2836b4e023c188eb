import { expect, test } from 'vitest'
import {
  auditQueryInput,
  csvCell,
  decodeAuditCursor,
  encodeAuditCursor,
  isoTime,
  parseAuditQuery,
} from './audit-schemas.ts'

test('CSV cells: quoted when needed, formulas neutralised', () => {
  const cells = {
    'plain words': 'plain words',
    'a,b': '"a,b"',
    'say "hi"': '"say ""hi"""',
    'two\nlines': '"two\nlines"',
    '=1+2': "'=1+2",
    '+cmd': "'+cmd",
    '-2': "'-2",
    '@SUM(A1)': "'@SUM(A1)",
    '=HYPERLINK("x","y")': `"'=HYPERLINK(""x"",""y"")"`,
  }
  for (const [value, cell] of Object.entries(cells)) expect(csvCell(value)).toBe(cell)
})

test('isoTime matches toISOString', () => {
  for (const t of [0, 999, 1000, Date.UTC(2026, 11, 1, 12, 0, 0, 5), 1_796_149_141_652])
    expect(isoTime(t)).toBe(new Date(t).toISOString())
})

test('cursors round-trip and foreign ones are refused', () => {
  const cursor = encodeAuditCursor({ time: 1_796_149_141_652, id: 42 })
  expect(decodeAuditCursor(cursor)).toEqual({ time: 1_796_149_141_652, id: 42 })
  expect(decodeAuditCursor('bm9wZQ')).toBeNull()
  expect(decodeAuditCursor('%%%')).toBeNull()
})

test('the query: empty parameters are absent, bad ones named, a date-only "to" covers its day', () => {
  expect(auditQueryInput({ operator: '', family: ['arm', 'mfp'], q: 'x' })).toEqual({
    family: 'arm',
    q: 'x',
  })
  expect(parseAuditQuery({ family: 'aws' })).toEqual({
    ok: false,
    message: expect.stringMatching(/^Invalid query: family: /),
  })
  const parsed = parseAuditQuery({ from: '2026-12-01', to: '2026-12-01', limit: '10' })
  expect(parsed).toEqual({
    ok: true,
    filters: { from: Date.UTC(2026, 11, 1), to: Date.UTC(2026, 11, 2) - 1 },
    cursor: undefined,
    limit: 10,
  })
})
