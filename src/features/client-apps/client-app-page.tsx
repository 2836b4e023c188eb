import { auditQueries } from '../../api/console/audit.ts'
import { ResourceActivity } from '../../components/recent-activity.tsx'
import { useState, type ReactNode } from 'react'
import { useNavigate, useParams } from 'react-router'
import { toast } from 'sonner'
import {
  clientAppQueries,
  deleteClientAppRequest,
  useDeleteClientApp,
  type ClientAppDetail,
} from '../../api/app-store/client-apps.ts'
import { apiMessage, ApiText } from '../../components/api-text.tsx'
import { Button } from '../../components/button.tsx'
import { confirmTitle, MutationConfirmButton } from '../../components/confirm-dialog.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { DetailFrame, DetailHeader } from '../../components/detail-page.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { formatDateTime } from '../../lib/format.ts'
import { paths } from '../../lib/paths.ts'
import { ClientAppEditPanel } from './client-app-edit.tsx'
import { startEdit, type EditSession } from './client-app-edit-model.ts'
import { ClientAppKeys } from './client-app-keys.tsx'
import { clientAppStatus } from './client-app-status.ts'
import { Field } from '../../components/field.tsx'
import { Card } from '../../components/card.tsx'
import { toastOutcome } from '../../components/outcome-message.tsx'

/** A client application's page; its read starts in the route's loader, a 404 is the route's (ADR 020). */
export function ClientAppPage() {
  const { applicationId = '' } = useParams()
  return (
    <DetailFrame
      loading="Loading client application…"
      query={clientAppQueries.detail(applicationId)}
    >
      {(detail, freshness) => (
        // Keyed by id: moving to another application starts with no edit in progress.
        <ClientAppView key={applicationId} detail={detail} freshness={freshness} />
      )}
    </DetailFrame>
  )
}

function ClientAppView({ detail, freshness }: { detail: ClientAppDetail; freshness: ReactNode }) {
  const { scope } = useConsole()
  const canManage = usePermission('manageClientApps')
  const [session, setSession] = useState<EditSession | null>(null)
  const app = detail.application
  const status = clientAppStatus(app.status)

  return (
    <>
      <DetailHeader
        back={{ to: paths.clientApps(scope.envId), label: 'Client applications' }}
        name={app.name}
        badge={<StatusBadge label={status.label} tone={status.tone} raw={status.raw} />}
        subtitle={status.hint}
        actions={freshness}
      />
      <div className="field">
        <div className="toolbar" role="group" aria-label="Actions">
          <Button
            variant="primary"
            permission={canManage}
            disabled={session !== null}
            onClick={() => setSession(startEdit(detail))}
          >
            Edit
          </Button>
          <DeleteButton app={app} />
        </div>
      </div>
      {session && (
        <ClientAppEditPanel
          session={session}
          onSession={setSession}
          onClose={() => setSession(null)}
        />
      )}
      <Card id="details-heading" title="Details" className="field">
        <dl className="fields">
          <Field label="Throttling tier">
            <ApiText>{app.throttlingTier}</ApiText>
          </Field>
          <Field label="Description">
            {app.description ? <ApiText>{app.description}</ApiText> : null}
          </Field>
          <Field label="Callback URL">
            {app.callbackUrl ? <span className="mono">{app.callbackUrl}</span> : null}
          </Field>
          <Field label="Owner">{app.subscriber}</Field>
          <Field label="Group">{app.groupId}</Field>
          <Field label="Application id">
            <span className="mono">{app.applicationId}</span>
          </Field>
          <Field label="Last modified">
            {detail.lastModified && !Number.isNaN(Date.parse(detail.lastModified))
              ? formatDateTime(Date.parse(detail.lastModified))
              : null}
          </Field>
        </dl>
      </Card>
      <ClientAppKeys app={app} permission={canManage} />
      <ResourceActivity
        query={auditQueries.resource('client-application', app.applicationId)}
        name={app.name}
      />
    </>
  )
}

/** Deletes the application after a typed confirmation, then goes back to the list. */
function DeleteButton({ app }: { app: ClientAppDetail['application'] }) {
  const { scope } = useConsole()
  const navigate = useNavigate()
  const canManage = usePermission('manageClientApps')
  const remove = useDeleteClientApp()
  return (
    <MutationConfirmButton
      trigger={{ variant: 'danger', permission: canManage, children: 'Delete…' }}
      mutation={remove}
      title={confirmTitle('Delete', app.name)}
      confirmLabel="Delete"
      requests={[deleteClientAppRequest(app.applicationId, { name: app.name })]}
      risk="irreversible"
      typeToConfirm={app.name}
      variables={{ applicationId: app.applicationId, name: app.name }}
      onSuccess={(outcome) => {
        if (outcome === 'already-gone')
          toast.info(
            apiMessage`${app.name} was already deleted (the store answered 404): nothing more to do.`,
          )
        else toastOutcome({ verb: 'delete', past: 'Deleted' }, app.name, { kind: 'succeeded' })
        void navigate(paths.clientApps(scope.envId))
      }}
    >
      <p style={{ marginTop: 0 }}>
        The application and its{' '}
        {app.keys.length === 0
          ? 'settings'
          : `${app.keys.length} key set${app.keys.length === 1 ? '' : 's'}`}{' '}
        are removed. Anything still calling APIs with its keys starts failing at once. This cannot
        be undone.
      </p>
    </MutationConfirmButton>
  )
}
