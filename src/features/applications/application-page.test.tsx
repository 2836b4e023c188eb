import { screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { openNotFoundPage } from '../../test/not-found.ts'
import { expect, test } from 'vitest'
import { paths } from '../../lib/paths.ts'
import { expectConsoleError } from '../../test/console-errors.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { renderApp } from '../../test/render-app.tsx'
import type { FaultEffect } from '../../demo/faults.ts'
import type { ApplicationRow } from '../../demo/model.ts'
import type { DemoRole } from '../../demo/scopes.ts'

const demo = setupTestBackend()

function startedAppOnServer() {
  const db = demo.backend.db
  const env = db.environments[0]!
  const app = db.applications
    .all()
    .find(
      (a) =>
        a.envId === env.id &&
        a.lastReportedStatus === 'STARTED' &&
        db.servers.get(a.targetId)?.status === 'RUNNING',
    )
  if (!app) throw new Error('no started application on a single server')
  return app
}

/** Signs in as `role` and opens a started application; `prepare` runs before the page renders. */
async function openStartedApp(role: DemoRole, prepare?: (app: ApplicationRow) => void) {
  const { scope } = await signInAs(role)
  const app = startedAppOnServer()
  prepare?.(app)
  return { app, ...renderApp(paths.application(scope.envId, app.id)) }
}

/**
 * Stop is availability-affecting (ADR 028): the button opens a confirmation that says the
 * consequence and names the environment; its Stop button sends the request.
 */
async function stopThroughConfirmation(user: UserEvent, app: ApplicationRow) {
  await user.click(await screen.findByRole('button', { name: 'Stop…' }))
  const dialog = await screen.findByRole('dialog', { name: `Stop ${app.name}?` })
  const envName = demo.backend.db.environments.find((e) => e.id === app.envId)?.name ?? ''
  expect(within(dialog).getByText(/^Environment:/)).toHaveTextContent(envName)
  await user.click(within(dialog).getByRole('button', { name: 'Stop' }))
  return dialog
}

/** The next PATCH of `app` is handled by the backend, then its answer is lost this way. */
function loseNextPatch(app: ApplicationRow, effect: FaultEffect) {
  demo.backend.faults.set({
    rules: [{ matching: `PATCH /hybrid/api/v1/applications/${app.id}`, effect, times: 1 }],
  })
}

test('shows the artifact, the target and one row per server', async () => {
  const { app } = await openStartedApp('Monitor')
  expect(await screen.findByRole('heading', { name: new RegExp(app.name) })).toHaveTextContent(
    'Started',
  )
  const artifact = screen.getByRole('region', { name: 'Artifact' })
  expect(within(artifact).getByText(app.artifact.fileName ?? '')).toBeInTheDocument()
  expect(within(artifact).getByText(app.artifact.fileChecksum ?? '')).toBeInTheDocument()
  const rows = within(screen.getByRole('table', { name: 'Status on each server' })).getAllByRole(
    'row',
  )
  expect(rows).toHaveLength(1 + app.serverArtifacts.length)
})

test('stop: the button stays busy until the backend’s new state is on screen', async () => {
  const { app, user } = await openStartedApp('Operator')
  const heading = await screen.findByRole('heading', { name: new RegExp(app.name) })
  const dialog = await stopThroughConfirmation(user, app)
  // The page also reads its recent activity, so the answer may take a few more ticks; the
  // confirmation stays open and busy until the new state is on the page.
  await waitFor(() => expect(dialog).not.toBeInTheDocument())
  expect(heading).toHaveTextContent('Stopping')
  expect(demo.backend.db.applications.get(app.id)?.desiredStatus).toBe('STOPPED')
  expect(screen.getByRole('button', { name: 'Stop…' })).toHaveAttribute('aria-disabled', 'true')
})

test('a refused stop shows the API’s message and keeps the true state', async () => {
  const { app, user } = await openStartedApp('Operator', (started) =>
    demo.backend.faults.set({ failMatching: `PATCH /hybrid/api/v1/applications/${started.id}` }),
  )
  const dialog = await stopThroughConfirmation(user, app)
  const alert = await within(dialog).findByRole('alert')
  expect(alert).toHaveTextContent(/Stop failed.*Injected failure.*HTTP 500 · PATCH/)
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
  expect(screen.getByRole('heading', { name: new RegExp(app.name) })).toHaveTextContent('Started')
  expect(demo.backend.db.applications.get(app.id)?.desiredStatus).toBe('STARTED')
})

test('start is not confirmed: one click sends it', async () => {
  const { app, user } = await openStartedApp('Operator', (started) => {
    demo.backend.db.applications.update(started.id, (row) => ({
      ...row,
      desiredStatus: 'STOPPED',
      lastReportedStatus: 'STOPPED',
    }))
  })
  await user.click(await screen.findByRole('button', { name: 'Start' }))
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  await waitFor(() =>
    expect(demo.backend.db.applications.get(app.id)?.desiredStatus).toBe('STARTED'),
  )
})

test('delete needs the typed name, then removes it and returns to the list', async () => {
  const { app, user } = await openStartedApp('Administrator')
  await user.click(await screen.findByRole('button', { name: 'Delete…' }))
  const dialog = await screen.findByRole('dialog', { name: `Delete ${app.name}?` })
  const confirm = within(dialog).getByRole('button', { name: 'Delete' })
  expect(confirm).toBeDisabled()
  await user.type(within(dialog).getByLabelText(/Type .* to confirm/), app.name)
  await user.click(confirm)
  expect(await screen.findByRole('table', { name: 'Applications' })).toBeInTheDocument()
  expect(demo.backend.db.applications.get(app.id)).toBeUndefined()
})

test('an unknown application says not found with a way back', async () => {
  const { scope } = await signInAs('Administrator')
  expectConsoleError(/Application 12 was not found/)
  expect(
    await openNotFoundPage(
      paths.application(scope.envId, 12),
      'Application not found',
      'Back to applications',
    ),
  ).toHaveAttribute('href', paths.applications(scope.envId))
})

test('stop whose answer is lost: the console reads the application back and shows it stopping, no error', async () => {
  const { app, user } = await openStartedApp('Operator', (started) =>
    loseNextPatch(started, 'lose-answer-network'),
  )
  await stopThroughConfirmation(user, app)
  await waitFor(() =>
    expect(screen.getByRole('heading', { name: new RegExp(app.name) })).toHaveTextContent(
      'Stopping',
    ),
  )
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  expect(demo.backend.db.applications.get(app.id)?.desiredStatus).toBe('STOPPED')
})

test('redeploy whose answer is lost says the outcome is unknown, not that it failed', async () => {
  const { user } = await openStartedApp('Operator', (started) =>
    loseNextPatch(started, 'lose-answer-502'),
  )
  await user.click(await screen.findByRole('button', { name: 'Redeploy…' }))
  const dialog = await screen.findByRole('dialog')
  await user.click(within(dialog).getByRole('button', { name: /^Redeploy/ }))
  const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
  expect(alert).toHaveTextContent(/Unknown: the change may have been applied/)
  expect(alert).toHaveTextContent(/Outcome unknown: the answer to PATCH .* was lost \(HTTP 502\)/)
  expect(alert).not.toHaveTextContent(/failed;/)
})
