import { lazy, Suspense } from 'react'
import { Outlet } from 'react-router'
import { useDemo } from './demo-context.ts'

const DemoPanel =
  // The define, not lib/config's constant: folded at build time, so no demo chunk in live builds.
  __CONSOLE_MODE__ === 'demo'
    ? lazy(() => import('./demo-panel.tsx').then((m) => ({ default: m.DemoPanel })))
    : null

export function RootLayout() {
  const demo = useDemo()
  return (
    <>
      <Outlet />
      {DemoPanel && demo && (
        <Suspense fallback={null}>
          <DemoPanel demo={demo} />
        </Suspense>
      )}
    </>
  )
}
