import { lazy, Suspense } from 'react'
import { Outlet } from 'react-router'
import { consoleMode } from '../lib/config.ts'
import { useDemo } from './demo-context.ts'

const DemoPanel =
  consoleMode === 'demo'
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
