import { useQuery } from '@tanstack/react-query'
import { apiMessage } from '../../components/api-text.tsx'
import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { toast } from 'sonner'
import {
  createServerGroupRequest,
  useCreateServerGroup,
} from '../../api/runtime-manager/server-groups.ts'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import { useTakenTargetNames } from '../../api/runtime-manager/target-names.ts'
import { membershipReason } from '../../api/runtime-manager/target-rules.ts'
import { Button } from '../../components/button.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { CurlPreview } from '../../components/curl-preview.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { LoadedServerPicker } from './loaded-server-picker.tsx'
import { Modal } from '../../components/modal.tsx'
import { TargetNameField } from './target-name-field.tsx'
import { paths } from '../../lib/paths.ts'
import {
  validateCreateGroup,
  type CreateGroupErrors,
  type CreateGroupValues,
} from './create-group-form-model.ts'

const EMPTY: CreateGroupValues = { name: '', serverIds: [] }

/**
 * Creates a server group from individual servers. Servers already in a group or cluster
 * are listed but cannot be chosen, with the reason beside them.
 */
export function CreateGroupDialog({
  open,
  onOpenChange,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { scope } = useConsole()
  const navigate = useNavigate()
  const servers = useQuery(serverQueries.list(scope))
  const create = useCreateServerGroup(scope)
  const [values, setValues] = useState<CreateGroupValues>(EMPTY)
  const [errors, setErrors] = useState<CreateGroupErrors>({})
  const takenNames = useTakenTargetNames(scope)
  const checked = validateCreateGroup(values, servers.data?.items ?? [], takenNames)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    create.mutate(checked.body, {
      onSuccess: (group) => {
        toast.success(apiMessage`Created server group ${group.name}`)
        onOpenChange(false)
        void navigate(paths.serverGroup(scope.envId, group.id))
      },
    })
  }

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title="Create a server group"
      description="Applications deployed to a group run on each of its servers, isolated from each other."
      wide
      locked={create.isPending}
    >
      <form onSubmit={submit} noValidate className="field" style={{ gap: 14 }}>
        <TargetNameField
          id="group-name"
          label="Group name"
          value={values.name}
          error={errors.name}
          disabled={create.isPending}
          onChange={(name) => setValues((v) => ({ ...v, name }))}
        />
        <LoadedServerPicker
          query={servers}
          legend="Servers"
          selected={values.serverIds}
          onChange={(serverIds) => setValues((v) => ({ ...v, serverIds }))}
          reasonFor={membershipReason}
          error={errors.servers}
          disabled={create.isPending}
        />
        {checked.ok && (
          <details>
            <summary>Show the request as curl</summary>
            <CurlPreview request={createServerGroupRequest(scope, checked.body)} />
          </details>
        )}
        {create.error && (
          <ErrorPanel error={create.error} title="The group was not created" creating />
        )}
        <div className="dialog-footer">
          <Button onClick={() => onOpenChange(false)} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            Create group
          </Button>
        </div>
      </form>
    </Modal>
  )
}
