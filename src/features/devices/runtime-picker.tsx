import { isolateText } from '../../components/api-text.tsx'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Navigate, useNavigate, useParams } from 'react-router'
import { DEFAULT_RUNTIME, deviceQueries } from '../../api/device-admin/devices.ts'
import { Button } from '../../components/button.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { LoadingState } from '../../components/states.tsx'
import { paths } from '../../lib/paths.ts'

/** `/devices` opens the first runtime the administration service reports. */
export function DevicesIndex() {
  const { scope } = useConsole()
  const runtimes = useQuery(deviceQueries.runtimes())
  if (runtimes.isPending) return <LoadingState label="Loading runtimes…" />
  const first = runtimes.data?.names[0]
  if (first) return <Navigate to={paths.devices(scope.envId, first)} replace />
  return (
    <div className="page">
      <PageHeader title="Devices" />
      {runtimes.isError ? (
        <ErrorPanel
          error={runtimes.error}
          title="Could not list the runtimes"
          onRetry={() => void runtimes.refetch()}
          retrying={runtimes.isFetching}
        />
      ) : (
        <p className="muted">The device administration service reports no runtime.</p>
      )}
      <OpenRuntimeForm />
    </div>
  )
}

/** Where the runtime list is unavailable, the operator can still name a runtime. */
function OpenRuntimeForm({ initial = DEFAULT_RUNTIME }: { initial?: string }) {
  const { scope } = useConsole()
  const navigate = useNavigate()
  const [name, setName] = useState(initial)
  return (
    <form
      className="toolbar"
      onSubmit={(e) => {
        e.preventDefault()
        if (name.trim()) void navigate(paths.devices(scope.envId, name.trim()))
      }}
    >
      <label htmlFor="runtime-name">Runtime (context root)</label>
      <input
        id="runtime-name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        style={{ width: 140 }}
      />
      <Button type="submit">Open</Button>
    </form>
  )
}

/** Chooses the runtime whose devices are shown; the runtime is part of the URL. */
export function RuntimePicker() {
  const { scope } = useConsole()
  const { runtime = '' } = useParams()
  const navigate = useNavigate()
  const runtimes = useQuery(deviceQueries.runtimes())
  // The service does not list its runtimes (a 404, which is normal): the operator names one.
  if (runtimes.data?.listed === false) return <OpenRuntimeForm key={runtime} initial={runtime} />
  const names = runtimes.data?.names ?? []
  return (
    <select
      aria-label="Runtime"
      value={runtime}
      onChange={(e) => void navigate(paths.devices(scope.envId, e.target.value))}
    >
      {!names.includes(runtime) && <option value={runtime}>{isolateText(runtime)}</option>}
      {names.map((name) => (
        <option key={name} value={name}>
          {isolateText(name)}
        </option>
      ))}
    </select>
  )
}
