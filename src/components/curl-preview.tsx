import { apiOrigin } from '../lib/config.ts'
import { describeRequest, toCurl, type RequestInit_ } from '../lib/describe-request.ts'
import { CodeBlock } from './code-block.tsx'

/** The exact request an action will send, as a curl command (token redacted as $TOKEN). */
export function CurlPreview({ request }: { request: RequestInit_ }) {
  const curl = toCurl(describeRequest(request), apiOrigin())
  return (
    <div className="field">
      <span className="field-hint">The request this sends:</span>
      <CodeBlock text={curl} label="Request as a curl command" copyLabel="Copy curl command" />
    </div>
  )
}
