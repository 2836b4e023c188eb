import { auditQueries } from '../../api/console/audit.ts'
import { ResourceActivity } from '../../components/recent-activity.tsx'
import { useState, type ReactNode } from 'react'
import { useNavigate, useParams } from 'react-router'
import {
  clientAppQueries,
  deleteClientAppRequest,
  useDeleteClientApp,
  type ClientAppDetail,
} from '../../api/app-store/client-apps.ts'
import { ApiText } from '../../components/api-text.tsx'
import { message, useT } from '../../components/i18n.tsx'
import { toastSucceeded } from '../../components/outcome-message.tsx'
import { Button } from '../../components/button.tsx'
import { MutationConfirmButton } from '../../components/confirm-dialog.tsx'
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

/** A client application's page; its read starts in the route's loader, a 404 is the route's (ADR 020). */
export function ClientAppPage() {
  const { applicationId = '' } = useParams()
  const t = useT()
  return (
    <DetailFrame
      loading={t('client-apps.app.loading')}
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
  const t = useT()
  const { scope } = useConsole()
  const canManage = usePermission('manageClientApps')
  const [session, setSession] = useState<EditSession | null>(null)
  const app = detail.application
  const status = clientAppStatus(app.status)

  return (
    <>
      <DetailHeader
        back={{ to: paths.clientApps(scope.envId), label: t('client-apps.list.title') }}
        name={app.name}
        badge={<StatusBadge label={status.label} tone={status.tone} raw={status.raw} />}
        subtitle={status.hint}
        actions={freshness}
      />
      <div className="field">
        <div className="toolbar" role="group" aria-label={t('client-apps.app.actions')}>
          <Button
            variant="primary"
            permission={canManage}
            disabled={session !== null}
            onClick={() => setSession(startEdit(detail))}
          >
            {t('client-apps.app.edit')}
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
      <Card id="details-heading" title={t('client-apps.app.details')} className="field">
        <dl className="fields">
          <Field label={t('client-apps.field.tier')}>
            <ApiText>{app.throttlingTier}</ApiText>
          </Field>
          <Field label={t('client-apps.field.description')}>
            {app.description ? <ApiText>{app.description}</ApiText> : null}
          </Field>
          <Field label={t('client-apps.field.callbackUrl')}>
            {app.callbackUrl ? <span className="mono">{app.callbackUrl}</span> : null}
          </Field>
          <Field label={t('client-apps.list.owner')}>{app.subscriber}</Field>
          <Field label={t('client-apps.app.group')}>{app.groupId}</Field>
          <Field label={t('client-apps.app.id')}>
            <span className="mono">{app.applicationId}</span>
          </Field>
          <Field label={t('client-apps.app.lastModified')}>
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
  const t = useT()
  const { scope } = useConsole()
  const navigate = useNavigate()
  const canManage = usePermission('manageClientApps')
  const remove = useDeleteClientApp()
  return (
    <MutationConfirmButton
      trigger={{
        variant: 'danger',
        permission: canManage,
        children: t('client-apps.delete.button'),
      }}
      mutation={remove}
      title={message('client-apps.delete.title', { name: app.name })}
      confirmLabel={t('client-apps.delete.confirm')}
      requests={[deleteClientAppRequest(app.applicationId, { name: app.name })]}
      risk="irreversible"
      typeToConfirm={app.name}
      variables={{ applicationId: app.applicationId, name: app.name }}
      onSuccess={(outcome) => {
        // Already gone (404) is what the operator asked for, as the bulk delete counts it.
        toastSucceeded(
          outcome === 'already-gone' ? 'client-apps.delete.alreadyGone' : 'client-apps.delete.done',
          { name: app.name },
        )
        void navigate(paths.clientApps(scope.envId))
      }}
    >
      <p style={{ marginTop: 0 }}>
        {app.keys.length === 0
          ? t('client-apps.delete.explainNoKeys')
          : t('client-apps.delete.explain', { count: app.keys.length })}
      </p>
    </MutationConfirmButton>
  )
}
