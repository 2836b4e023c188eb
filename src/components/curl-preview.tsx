import { apiOrigin } from '../lib/config.ts'
import { describeRequest, toCurl, type RequestInit_ } from '../lib/describe-request.ts'
import { CodeBlock } from './code-block.tsx'
import { useT } from './i18n.tsx'
import './confirm.css'

/**
 * The exact request(s) an action will send, as curl (token redacted as `$TOKEN`), folded:
 * the consequence is what a confirmation or form leads with, the request is there for the
 * operator who wants to check or copy it (ADR 028). `note` says how several relate.
 */
export function CurlPreview({
  requests,
  note,
}: {
  requests: readonly RequestInit_[]
  note?: string
}) {
  const t = useT()
  if (requests.length === 0) return null
  const one = requests.length === 1
  const text = requests.map((r) => toCurl(describeRequest(r), apiOrigin())).join('\n\n')
  return (
    <details className="curl-fold">
      <summary>{t('ui.curl.show', { count: requests.length })}</summary>
      {note && <p className="field-hint">{note}</p>}
      <CodeBlock
        text={text}
        label={t(one ? 'ui.curl.label' : 'ui.curl.labelMany')}
        copyLabel={t(one ? 'ui.curl.copy' : 'ui.curl.copyMany')}
      />
    </details>
  )
}
