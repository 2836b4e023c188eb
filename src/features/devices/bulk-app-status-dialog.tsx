import { isolateText } from '../../lib/isolate-text.ts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { ApplicationStatus, Device } from '../../api/device-admin/device-schemas.ts'
import {
  changeApplicationStatusRequest,
  changeApplicationStatusToEnd,
  refreshAfterChange,
  userDeviceQueries,
  type ApplyMode,
} from '../../api/device-admin/devices.ts'
import { Button } from '../../components/button.tsx'
import { BulkResults } from '../../components/bulk-results.tsx'
import {
  settleBulk,
  runBulk,
  type BulkItemResult,
  type BulkSummaryMessages,
} from '../../components/bulk.ts'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { failedRead } from '../../components/error-panel.tsx'
import { SelectField, TextField } from '../../components/form/text-field.tsx'
import { useForm, type Validation } from '../../components/form/use-form.ts'
import { Modal } from '../../components/modal.tsx'
import { Msg, useT, ApiList } from '../../components/i18n.tsx'
import { toastOutcome, toastSucceeded } from '../../components/outcome-message.tsx'
import type { MessageKey } from '../../lib/i18n.ts'
import { appStatusAction, deviceLabel } from './device-list-model.ts'
import { ModeChoice } from './mode-choice.tsx'
import { reportedElsewhere } from './transactions-panel.tsx'

/** Each status's sentences for the results and the toast of many devices, taking `app`. */
const BULK_WORDS = {
  DISABLED: {
    results: 'devices.bulk.disableResults',
    summary: { all: 'devices.bulk.disableSummaryAll', some: 'devices.bulk.disableSummarySome' },
    many: 'devices.bulk.disabledOnMany',
  },
  ENABLED: {
    results: 'devices.bulk.enableResults',
    summary: { all: 'devices.bulk.enableSummaryAll', some: 'devices.bulk.enableSummarySome' },
    many: 'devices.bulk.enabledOnMany',
  },
} as const satisfies Record<
  ApplicationStatus,
  { results: MessageKey; summary: BulkSummaryMessages; many: MessageKey }
>

/** The applications registered on any of the devices, by name. */
function appNamesOf(devices: readonly Device[]): string[] {
  const names = new Set<string>()
  for (const d of devices)
    for (const a of d.applicationDeviceAssociations ?? []) names.add(a.appName)
  return [...names].sort((a, b) => a.localeCompare(b))
}

function hasApp(device: Device, appName: string): boolean {
  return (device.applicationDeviceAssociations ?? []).some((a) => a.appName === appName)
}

/**
 * Enables or disables one application on many devices: the selected ones, or every
 * device of one user (a lost phone). Each change is a transaction; the dialog follows
 * each to its end and shows one result per device, failures first with their details.
 */
export function BulkAppStatusDialog({
  runtime,
  devices,
  byUser,
  onClose,
}: {
  runtime: string
  /** The selected devices (ignored when `byUser`). */
  devices: readonly Device[]
  /** Ask for a user id and act on every device of that user. */
  byUser: boolean
  onClose: () => void
}) {
  const t = useT()
  const queryClient = useQueryClient()
  const [userInput, setUserInput] = useState('')
  const [userId, setUserId] = useState('')
  const [appChoice, setAppChoice] = useState('')
  const [status, setStatus] = useState<ApplicationStatus>('DISABLED')
  const [mode, setMode] = useState<ApplyMode>('queue')
  const [problem, setProblem] = useState<Error | null>(null)
  const [results, setResults] = useState<BulkItemResult[] | null>(null)
  // By user, the user's devices must have been found: the message goes on the User id field.
  const form = useForm({
    values: byUser && !userId,
    validate: (missingUser): Validation<{ userId: string }, null> =>
      missingUser
        ? { ok: false, errors: { userId: t('devices.bulk.userMissing') } }
        : { ok: true, input: null },
  })
  const userDevices = useQuery({
    ...userDeviceQueries.byUser(runtime, userId),
    enabled: byUser && userId !== '',
  })

  const candidates = byUser ? (userId ? (userDevices.data ?? []) : []) : devices
  const appNames = appNamesOf(candidates)
  const appName = appNames.includes(appChoice) ? appChoice : (appNames[0] ?? '')
  const targets = candidates.filter((d) => hasApp(d, appName))
  const skipped = candidates.length - targets.length
  const app = appName || t('devices.bulk.anApplication')
  const verb =
    status === 'DISABLED'
      ? t('devices.bulk.disableApp', { app })
      : t('devices.bulk.enableApp', { app })
  const count = targets.length

  const bulk = useMutation({
    mutationFn: async (items: readonly Device[]) => {
      const outcome = await runBulk(
        items,
        (d) => ({ id: d.id, label: deviceLabel(d) }),
        (d, options) =>
          changeApplicationStatusToEnd(
            runtime,
            { deviceId: d.id, appName, status, mode, deviceName: deviceLabel(d) },
            { ...options },
            // One message below covers every transaction of the bulk change: a toast when
            // all succeeded, otherwise the results view with each device's outcome.
            (tx) => reportedElsewhere(runtime, tx.id),
          ),
      )
      await refreshAfterChange(queryClient, runtime)
      return outcome
    },
    onSuccess: (outcome) =>
      settleBulk(outcome, setResults, (only) => {
        if (only) {
          const { messages, values } = appStatusAction(status, appName, only.label)
          toastOutcome(messages, values, { kind: 'succeeded' })
        } else toastSucceeded(BULK_WORDS[status].many, { app: appName, count: outcome.length })
        onClose()
      }),
  })

  if (results) {
    return (
      <Modal
        open
        onOpenChange={onClose}
        title={t(BULK_WORDS[status].results, { app })}
        footer={<Button onClick={onClose}>{t('devices.bulk.close')}</Button>}
      >
        <BulkResults results={results} summary={BULK_WORDS[status].summary} values={{ app }} />
      </Modal>
    )
  }

  const confirm = () =>
    form.submit(() => {
      if (!appName || targets.length === 0) setProblem(new Error(t('devices.bulk.nothingToChange')))
      else {
        setProblem(null)
        bulk.mutate(targets)
      }
    })

  return (
    <ConfirmDialog
      open
      risk="availability"
      onOpenChange={(next) => (next ? undefined : onClose())}
      title={
        byUser ? t('devices.bulk.titleByUser') : t('devices.bulk.title', { count: devices.length })
      }
      confirmLabel={
        count === 0
          ? verb
          : status === 'DISABLED'
            ? t('devices.bulk.disableOnMany', { app, count })
            : t('devices.bulk.enableOnMany', { app, count })
      }
      tone={status === 'DISABLED' ? 'danger' : 'primary'}
      pending={bulk.isPending}
      error={problem ?? bulk.error ?? undefined}
      onConfirm={confirm}
      requests={targets.map((d) =>
        changeApplicationStatusRequest(runtime, d.id, appName, status, mode, {
          name: deviceLabel(d),
        }),
      )}
    >
      {byUser && (
        <form
          {...form.props}
          className="field"
          onSubmit={(e) => {
            e.preventDefault()
            setUserId(userInput.trim())
            form.clearErrors(['userId'])
          }}
        >
          <TextField
            label={t('devices.bulk.userId')}
            value={userInput}
            placeholder="lena.fischer"
            autoComplete="off"
            error={form.errors.userId}
            onChange={setUserInput}
            after={
              <Button type="submit" busy={userDevices.isFetching}>
                {t('devices.bulk.findDevices')}
              </Button>
            }
          />
          {failedRead(
            { error: userDevices.error, refetch: userDevices.refetch },
            t('devices.bulk.searchFailed'),
          )}
          {userId && userDevices.data && (
            <span className="field-hint" role="status">
              {userDevices.data.length === 0 ? (
                <Msg id="devices.bulk.noUserDevices" values={{ user: userId }} />
              ) : (
                <Msg
                  id="devices.bulk.userDevices"
                  values={{
                    count: userDevices.data.length,
                    user: userId,
                    devices: <ApiList names={userDevices.data.map(deviceLabel)} max={Infinity} />,
                  }}
                />
              )}
            </span>
          )}
        </form>
      )}
      <div className="toolbar bulk-status-choices">
        <SelectField
          label={t('devices.bulk.application')}
          value={appName}
          disabled={appNames.length === 0}
          onChange={setAppChoice}
        >
          {appNames.length === 0 && <option value="">{t('devices.bulk.noDevicesYet')}</option>}
          {appNames.map((name) => (
            <option key={name} value={name}>
              {isolateText(name)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('devices.bulk.newStatus')}
          value={status}
          onChange={(value) => setStatus(value === 'ENABLED' ? 'ENABLED' : 'DISABLED')}
        >
          <option value="DISABLED">{t('devices.apps.disabled')}</option>
          <option value="ENABLED">{t('devices.apps.enabled')}</option>
        </SelectField>
      </div>
      <ModeChoice mode={mode} onChange={setMode} />
      <p className="muted">
        <Msg
          id={status === 'DISABLED' ? 'devices.bulk.disableEffect' : 'devices.bulk.enableEffect'}
          values={{ app: appName || t('devices.bulk.theApplication') }}
        />{' '}
        {count > 0 && (
          <Msg
            id={count > 6 ? 'devices.bulk.targetsMore' : 'devices.bulk.targets'}
            values={{
              count,
              devices: <ApiList names={targets.slice(0, 6).map(deviceLabel)} />,
              more: count - 6,
            }}
          />
        )}
        {skipped > 0 && (
          <>
            {' '}
            <Msg id="devices.bulk.skipped" values={{ count: skipped, app: appName }} />
          </>
        )}
      </p>
      {bulk.isPending && (
        <p role="status" className="muted">
          {t('devices.bulk.following', { count })}
        </p>
      )}
    </ConfirmDialog>
  )
}
