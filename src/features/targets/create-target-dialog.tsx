import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import {
  createTargetRequest,
  useCreateTarget,
  type TargetRecord,
} from '../../api/runtime-manager/target-requests.ts'
import { useTakenTargetNames } from '../../api/runtime-manager/target-names.ts'
import { Button } from '../../components/button.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { CurlPreview } from '../../components/curl-preview.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { ChoiceField } from '../../components/form/choice-field.tsx'
import { TextField } from '../../components/form/text-field.tsx'
import { useForm } from '../../components/form/use-form.ts'
import { Modal } from '../../components/modal.tsx'
import { paths } from '../../lib/paths.ts'
import { LoadedServerPicker } from './loaded-server-picker.tsx'
import { MemberIpGrid, withIp } from './member-ip-input.tsx'
import { membershipReason } from './target-form-model.ts'
import {
  wordsOf,
  type CreateTargetValues,
  type MemberValue,
  type TargetKindSpec,
} from './target-kind.ts'
import { toastSucceeded } from '../../components/outcome-message.tsx'
import { useT } from '../../components/i18n.tsx'
import type { MessageKey } from '../../lib/i18n.ts'

const EMPTY: CreateTargetValues = { name: '', multicast: false, members: [] }

/** A plain-weight option text: the form's `.field label` rule makes labels bold. */
function ModeLabel({ text }: { text: MessageKey }) {
  const t = useT()
  return <span className="text-normal"> {t(text)}</span>
}

const MODES = [
  { value: 'unicast', label: <ModeLabel text="targets.create.unicast" /> },
  { value: 'multicast', label: <ModeLabel text="targets.create.multicast" /> },
] as const

/**
 * Creates a server group or cluster from individual servers. Servers already in a group
 * or cluster are listed but cannot be chosen, with the reason beside them. A cluster also
 * asks multicast or unicast, stops at 8 servers, and for unicast the clustering IP of
 * every server (checked as IPv4 or IPv6 before sending).
 */
export function CreateTargetDialog<T extends TargetRecord, B extends { name: string }>({
  kind,
  open,
  onOpenChange,
}: {
  kind: TargetKindSpec<T, B>
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { scope } = useConsole()
  const t = useT()
  const { create: spec, api } = kind
  const navigate = useNavigate()
  const servers = useQuery(serverQueries.list(scope))
  const create = useCreateTarget<T, B>(scope, api.resource, api.list)
  const [values, setValues] = useState<CreateTargetValues>(EMPTY)
  const takenNames = useTakenTargetNames(scope)
  const form = useForm({
    values,
    validate: (v: CreateTargetValues) => spec.validate(v, servers.data?.items ?? [], takenNames),
  })
  const byId = new Map((servers.data?.items ?? []).map((s) => [s.id, s]))

  const choose = (ids: number[]) =>
    setValues((v) => ({
      ...v,
      members: ids.map(
        (serverId): MemberValue =>
          v.members.find((m) => m.serverId === serverId) ?? { serverId, ip: '' },
      ),
    }))
  const setIp = (serverId: number, ip: string) =>
    setValues((v) => ({ ...v, members: withIp(v.members, serverId, ip) }))

  const send = (body: B) =>
    create.mutate(body, {
      onSuccess: (target) => {
        toastSucceeded(wordsOf(kind.kind).created, { name: target.name })
        onOpenChange(false)
        void navigate(paths.target(scope.envId, kind.kind, target.id))
      },
    })
  const busy = create.isPending
  const { errors, checked } = form

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={t(spec.title)}
      description={t(spec.description)}
      wide
      locked={busy}
    >
      <form
        {...form.props}
        onSubmit={(e) => form.handleSubmit(e, send)}
        className="field"
        style={{ gap: 14 }}
      >
        <TextField
          id={spec.nameId}
          label={t(spec.nameLabel)}
          hint={t('targets.create.nameHint', { max: 60 })}
          autoComplete="off"
          value={values.name}
          error={errors.name}
          disabled={busy}
          onChange={(name) => setValues((v) => ({ ...v, name }))}
        />
        {spec.clustering && (
          <ChoiceField
            legend={t('targets.create.modeLegend')}
            className="field picker"
            choices={MODES}
            value={values.multicast ? 'multicast' : 'unicast'}
            disabled={busy}
            onChange={(mode) => setValues((v) => ({ ...v, multicast: mode === 'multicast' }))}
          />
        )}
        <LoadedServerPicker
          query={servers}
          legend={t('targets.list.servers')}
          selected={values.members.map((m) => m.serverId)}
          onChange={choose}
          reasonFor={membershipReason}
          limit={
            spec.limit && {
              max: spec.limit.max,
              reason: t(spec.limit.reason, { max: spec.limit.max }),
            }
          }
          error={errors.servers}
          disabled={busy}
        />
        {spec.clustering && values.members.length > 0 && (
          <fieldset className="field picker">
            <legend>
              {values.multicast ? t('targets.create.ipsOptional') : t('targets.create.ips')}
            </legend>
            <MemberIpGrid
              members={values.members}
              servers={byId}
              errors={errors.ips}
              disabled={busy}
              onChange={setIp}
            />
          </fieldset>
        )}
        {checked.ok && (
          <CurlPreview requests={[createTargetRequest(api.resource, scope, checked.input)]} />
        )}
        {create.error && <ErrorPanel error={create.error} title={t(spec.errorTitle)} creating />}
        <div className="dialog-footer">
          <Button onClick={() => onOpenChange(false)} disabled={busy}>
            {t('targets.dialog.cancel')}
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {t(spec.submit)}
          </Button>
        </div>
      </form>
    </Modal>
  )
}
