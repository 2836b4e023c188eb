import { apiOrigin } from '../lib/config.ts'
import { describeRequest, toCurl, type RequestInit_ } from '../lib/describe-request.ts'
import { CodeBlock } from './code-block.tsx'
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
  if (requests.length === 0) return null
  const one = requests.length === 1
  const text = requests.map((r) => toCurl(describeRequest(r), apiOrigin())).join('\n\n')
  return (
    <details className="curl-fold">
      <summary>
        {one ? 'Show the request as curl' : `Show the ${requests.length} requests as curl`}
      </summary>
      {note && <p className="field-hint">{note}</p>}
      <CodeBlock
        text={text}
        label={one ? 'Request as a curl command' : 'Requests as curl commands'}
        copyLabel={one ? 'Copy curl command' : 'Copy curl commands'}
      />
    </details>
  )
}
