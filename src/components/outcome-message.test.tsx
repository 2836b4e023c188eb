import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { countOf, outcomeMessage, outcomeText } from './outcome-message.tsx'

const stop = { verb: 'stop', past: 'Stopped' }

test('success: past-tense verb and the name', () => {
  expect(outcomeText(stop, 'orders-api', { kind: 'succeeded' })).toBe('Stopped orders-api')
  expect(
    outcomeText(
      { verb: 'delete', past: 'Deleted' },
      { kind: 'server group', name: 'eu-web' },
      { kind: 'succeeded' },
    ),
  ).toBe('Deleted server group eu-web')
})

test('failure: "Couldn\'t <verb> <name>" and the API message', () => {
  expect(outcomeText(stop, 'orders-api', { kind: 'failed', message: 'Server unreachable.' })).toBe(
    "Couldn't stop orders-api: Server unreachable.",
  )
})

test('unknown: sent, and the result is being checked', () => {
  expect(outcomeText(stop, 'orders-api', { kind: 'unknown' })).toBe(
    'Sent stop for orders-api; checking the result',
  )
})

test('counts go through formatNumber, singular for one', () => {
  expect(
    outcomeText(
      stop,
      { count: 1200, noun: 'application', plural: 'applications' },
      { kind: 'succeeded' },
    ),
  ).toBe('Stopped 1,200 applications')
  expect(countOf(1, 'application', 'applications')).toBe('1 application')
  expect(countOf(0, 'server', 'servers')).toBe('0 servers')
  expect(countOf(2, 'client application', 'client applications')).toBe('2 client applications')
})

test('a relation names where: a name from the API or a count', () => {
  const add = { verb: 'add', past: 'Added' }
  expect(
    outcomeText(
      add,
      { count: 3, noun: 'server', plural: 'servers', relation: { word: 'to', name: 'eu-web' } },
      { kind: 'succeeded' },
    ),
  ).toBe('Added 3 servers to eu-web')
  expect(
    outcomeText(
      { verb: 'disable', past: 'Disabled' },
      {
        name: 'AcmeBank',
        relation: { word: 'on', count: 1500, noun: 'device', plural: 'devices' },
      },
      { kind: 'failed', message: 'Busy.' },
    ),
  ).toBe("Couldn't disable AcmeBank on 1,500 devices: Busy.")
})

test('the toast form reads the same, with the API names and message isolated', () => {
  render(
    <p data-testid="m">
      {outcomeMessage(
        stop,
        { name: 'orders-api', relation: { word: 'on', name: 'web-01' } },
        { kind: 'failed', message: 'Refused.' },
      )}
    </p>,
  )
  const message = screen.getByTestId('m')
  expect(message).toHaveTextContent("Couldn't stop orders-api on web-01: Refused.")
  expect([...message.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([
    'orders-api',
    'web-01',
    'Refused.',
  ])
})
