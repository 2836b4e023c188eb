import { ApiText } from '../../components/api-text.tsx'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import { Button } from '../../components/button.tsx'
import { CodeBlock } from '../../components/code-block.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { TextField } from '../../components/form/text-field.tsx'
import { Modal } from '../../components/modal.tsx'
import { LoadingState } from '../../components/states.tsx'
import { message, useT } from '../../components/i18n.tsx'
import { t as translate } from '../../lib/i18n.ts'
import { shellQuote } from '../../lib/shell-quote.ts'

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/

/** Why a server name cannot be used in the setup command, or null when it can. */
export function serverNameProblem(name: string): string | null {
  if (name.length === 0) return translate('servers.register.nameEmpty')
  if (name.length > 60) return translate('servers.register.nameTooLong', { max: 60 })
  if (!NAME_PATTERN.test(name)) return translate('servers.register.nameCharacters')
  return null
}

/**
 * The command the runtime's agent setup script runs on the host. The token comes from
 * the backend and is pasted into a shell, so both values are quoted: whatever they hold,
 * the paste runs this one command with exactly these two arguments.
 */
export function setupCommand(token: string, serverName: string): string {
  return `./amc_setup -H ${shellQuote(token)} ${shellQuote(serverName)}`
}

/**
 * Registration happens on the host: the console fetches a registration token and shows
 * the command to run there. The server appears in the list when its agent connects.
 */
export function RegisterServerDialog({
  open,
  onOpenChange,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { scope, environment } = useConsole()
  const t = useT()
  const [name, setName] = useState('')
  const [touched, setTouched] = useState(false)
  const token = useQuery({ ...serverQueries.registrationToken(scope), enabled: open })
  const problem = serverNameProblem(name)
  const showProblem = touched && problem !== null

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={t('servers.register.title')}
      wide
      description={message('servers.register.description', { environment: environment.name })}
      footer={<Button onClick={() => onOpenChange(false)}>{t('servers.register.done')}</Button>}
    >
      <ol style={{ margin: 0, paddingInlineStart: 20, display: 'grid', gap: 12 }}>
        <li>
          <div className="field">
            <span>
              {message('servers.register.tokenFor', {
                environment: (
                  <strong>
                    <ApiText>{environment.name}</ApiText>
                  </strong>
                ),
              })}
            </span>
            {token.isPending && <LoadingState label={t('servers.register.tokenLoading')} />}
            {token.error && (
              <ErrorPanel
                error={token.error}
                title={t('servers.register.tokenFailed')}
                onRetry={() => void token.refetch()}
                retrying={token.isFetching}
              />
            )}
            {token.data && (
              <CodeBlock
                text={token.data}
                label={t('servers.register.tokenLabel')}
                copyLabel={t('servers.register.tokenCopy')}
              />
            )}
          </div>
        </li>
        <li>
          <TextField
            label={t('servers.register.nameLabel')}
            value={name}
            placeholder={t('servers.register.namePlaceholder')}
            // Checked when the operator leaves the field, not at the first keystroke.
            error={showProblem ? problem : undefined}
            hint={t('servers.register.nameHint')}
            onChange={(value) => setName(value.trim())}
            onBlur={() => setTouched(true)}
          />
        </li>
        <li>
          <div className="field">
            <span>{message('servers.register.runOnHost', { bin: <code>bin</code> })}</span>
            {token.data && problem === null ? (
              <CodeBlock
                text={setupCommand(token.data, name)}
                label={t('servers.register.commandLabel')}
                copyLabel={t('servers.register.commandCopy')}
              />
            ) : (
              <span className="field-hint">{t('servers.register.commandWaiting')}</span>
            )}
            <span className="field-hint">{t('servers.register.appearsHint')}</span>
          </div>
        </li>
      </ol>
    </Modal>
  )
}
