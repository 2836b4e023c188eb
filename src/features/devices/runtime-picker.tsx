import { isolateText } from '../../lib/isolate-text.ts'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Navigate, useNavigate, useParams } from 'react-router'
import { DEFAULT_RUNTIME, deviceQueries } from '../../api/device-admin/devices.ts'
import { Button } from '../../components/button.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { useT } from '../../components/i18n.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { LoadingState } from '../../components/states.tsx'
import { paths } from '../../lib/paths.ts'

/** `/devices` opens the first runtime the administration service reports. */
export function DevicesIndex() {
  const t = useT()
  const { scope } = useConsole()
  const runtimes = useQuery(deviceQueries.runtimes())
  if (runtimes.isPending) return <LoadingState label={t('devices.runtime.loading')} />
  const first = runtimes.data?.names[0]
  if (first) return <Navigate to={paths.devices(scope.envId, first)} replace />
  return (
    <div className="page">
      <PageHeader title={t('devices.list.title')} />
      {runtimes.isError ? (
        <ErrorPanel
          error={runtimes.error}
          title={t('devices.runtime.listFailed')}
          onRetry={() => void runtimes.refetch()}
          retrying={runtimes.isFetching}
        />
      ) : (
        <p className="muted">{t('devices.runtime.none')}</p>
      )}
      <OpenRuntimeForm />
    </div>
  )
}

/** Where the runtime list is unavailable, the operator can still name a runtime. */
function OpenRuntimeForm({ initial = DEFAULT_RUNTIME }: { initial?: string }) {
  const t = useT()
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
      <label htmlFor="runtime-name">{t('devices.runtime.nameLabel')}</label>
      <input
        id="runtime-name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        style={{ width: 140 }}
      />
      <Button type="submit">{t('devices.runtime.open')}</Button>
    </form>
  )
}

/** Chooses the runtime whose devices are shown; the runtime is part of the URL. */
export function RuntimePicker() {
  const t = useT()
  const { scope } = useConsole()
  const { runtime = '' } = useParams()
  const navigate = useNavigate()
  const runtimes = useQuery(deviceQueries.runtimes())
  // The service does not list its runtimes (a 404, which is normal): the operator names one.
  if (runtimes.data?.listed === false) return <OpenRuntimeForm key={runtime} initial={runtime} />
  const names = runtimes.data?.names ?? []
  return (
    <select
      aria-label={t('devices.runtime.label')}
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
