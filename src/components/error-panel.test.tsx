import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { ApiError } from '../lib/api-error.ts'
import { describeRequest } from '../lib/describe-request.ts'
import { ErrorPanel } from './error-panel.tsx'

function notFound(method: 'POST' | 'DELETE', path: string): ApiError {
  return new ApiError({
    kind: 'http',
    status: 404,
    message: 'Not found',
    request: describeRequest({ method, path }),
  })
}

test('a 404 to a create says where it was to be created was not found', () => {
  render(
    <ErrorPanel
      error={notFound('POST', '/hybrid/api/v1/serverGroups')}
      title="The group was not created"
      creating
    />,
  )
  expect(screen.getByRole('alert')).toHaveTextContent(
    /Nothing was created: the backend did not find/,
  )
  expect(screen.getByRole('alert')).not.toHaveTextContent(/removed by someone else/)
})

test('a 404 to a change of an existing item says it may have been removed', () => {
  render(<ErrorPanel error={notFound('DELETE', '/hybrid/api/v1/servers/7')} title="Failed" />)
  expect(screen.getByRole('alert')).toHaveTextContent(/may have been removed by someone else/)
})

test("the backend's message, its details and the request line are isolated API text", () => {
  const name = 'evil\u202Etxt.exe'
  const error = new ApiError({
    kind: 'http',
    status: 409,
    message: `${name} already exists`,
    details: [`name: ${name}`],
    request: describeRequest({ method: 'DELETE', path: `/hybrid/api/v1/servers/${name}` }),
  })
  render(
    <ErrorPanel
      error={error}
      title={
        <>
          Deleting <bdi>{name}</bdi> failed
        </>
      }
    />,
  )
  const alert = screen.getByRole('alert')
  const isolated = [...alert.querySelectorAll('bdi')].map((b) => b.textContent)
  expect(isolated).toContain(name)
  expect(isolated).toContain(`${name} already exists`)
  expect(isolated).toContain(`name: ${name}`)
  expect(isolated.some((t) => t?.startsWith('DELETE '))).toBe(true)
  expect(alert).toHaveTextContent(`Deleting ${name} failed`)
})
