import { act, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../lib/paths.ts'
import { setupLiveTestServer } from '../test/console-server.ts'
import { renderApp } from '../test/render-app.tsx'

// Live mode: each family has its own sign-in, which a loader must not set off.
const live = setupLiveTestServer()

test(
  'a loader reads nothing of a family that is not signed in: its page shows that sign-in in place',
  { timeout: 20_000 },
  async () => {
    live.console.signIn('arm')
    const envId = live.console.backend.db.environments[0]?.id ?? ''
    const { router } = renderApp(paths.servers(envId))
    // The shell knows the account and the sign-ins, so loaders have a scope from here on.
    await screen.findByRole('table', { name: 'Servers' })
    const servers = live.console.seen.filter((r) => r.path.endsWith('/hybrid/api/v1/servers'))
    expect(servers).toHaveLength(1)

    await act(() => router.navigate(paths.device(envId, 'mfp', 'some-device')))
    expect(await screen.findByRole('heading', { name: 'Sign in to MobileFirst' })).toBeVisible()
    expect(live.console.seen.some((r) => r.path.startsWith('/mfpadmin/'))).toBe(false)
    expect(screen.queryByRole('dialog')).toBeNull()
  },
)
