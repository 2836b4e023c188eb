import { apiMessage } from '../../components/api-text.tsx'
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
import { shellQuote } from '../../lib/shell-quote.ts'

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/

/** Why a server name cannot be used in the setup command, or null when it can. */
export function serverNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter the name the server will have in the console.'
  if (name.length > 60) return 'Use at most 60 characters.'
  if (!NAME_PATTERN.test(name))
    return 'Use letters, digits, dots, dashes and underscores, starting with a letter or digit.'
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
  const [name, setName] = useState('')
  const [touched, setTouched] = useState(false)
  const token = useQuery({ ...serverQueries.registrationToken(scope), enabled: open })
  const problem = serverNameProblem(name)
  const showProblem = touched && problem !== null

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title="Register a server"
      wide
      description={apiMessage`Servers register themselves: run the agent setup on the host with a registration token for ${environment.name}.`}
      footer={<Button onClick={() => onOpenChange(false)}>Done</Button>}
    >
      <ol style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: 12 }}>
        <li>
          <div className="field">
            <span>
              Registration token for <strong>{environment.name}</strong>
            </span>
            {token.isPending && <LoadingState label="Requesting a registration token…" />}
            {token.error && (
              <ErrorPanel
                error={token.error}
                title="Could not get a registration token"
                onRetry={() => void token.refetch()}
                retrying={token.isFetching}
              />
            )}
            {token.data && (
              <CodeBlock
                text={token.data}
                label="Registration token"
                copyLabel="Copy registration token"
              />
            )}
          </div>
        </li>
        <li>
          <TextField
            label="Server name"
            value={name}
            placeholder="e.g. prd-mule-eu-west-07"
            // Checked when the operator leaves the field, not at the first keystroke.
            error={showProblem ? problem : undefined}
            hint="How the server will be listed here. Names need not be unique, but should be."
            onChange={(value) => setName(value.trim())}
            onBlur={() => setTouched(true)}
          />
        </li>
        <li>
          <div className="field">
            <span>
              On the host, in the runtime’s <code>bin</code> directory, run:
            </span>
            {token.data && problem === null ? (
              <CodeBlock
                text={setupCommand(token.data, name)}
                label="Setup command"
                copyLabel="Copy setup command"
              />
            ) : (
              <span className="field-hint">
                The command appears once the token is here and the name is valid.
              </span>
            )}
            <span className="field-hint">
              The server shows up in the list as soon as its agent connects; the list refreshes on
              its own.
            </span>
          </div>
        </li>
      </ol>
    </Modal>
  )
}
