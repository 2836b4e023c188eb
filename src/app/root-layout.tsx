import { lazy, Suspense } from 'react'
import { Outlet } from 'react-router'
import { SessionPrompt } from '../features/session/session-prompt.tsx'
import { useDemo, useDemoPresets } from './demo-context.ts'

const DemoPanel =
  // The define, not lib/config's constant: folded at build time, so no demo chunk in live builds.
  __CONSOLE_MODE__ === 'demo'
    ? lazy(() => import('./demo-panel.tsx').then((m) => ({ default: m.DemoPanel })))
    : null

export function RootLayout() {
  const demo = useDemo()
  const presets = useDemoPresets()
  return (
    <>
      <SessionPrompt presets={presets} />
      <Outlet />
      {DemoPanel && demo && (
        <Suspense fallback={null}>
          <DemoPanel demo={demo} />
        </Suspense>
      )}
    </>
  )
}
