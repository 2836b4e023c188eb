import * as z from 'zod/mini'
import {
  ARTIFACT_EXTENSIONS,
  ArtifactNameSchema,
  MAX_ARTIFACT_BYTES,
} from '../../api/runtime-manager/application-schemas.ts'
import type { DeployInput } from '../../api/runtime-manager/applications.ts'
import { formatBytesPair } from '../../lib/format.ts'
import { t } from '../../lib/i18n.ts'
import { problemText } from '../../lib/problem-text.ts'

/** One row of the properties editor. */
export interface PropertyRow {
  key: string
  value: string
}

export interface DeployFormValues {
  file: File | null
  artifactName: string
  targetId: string
  properties: PropertyRow[]
}

export interface DeployFormErrors {
  file?: string
  artifactName?: string
  targetId?: string
  /** Per properties row, in order; undefined where the row is fine. */
  properties?: Array<string | undefined>
}

/** Why a file cannot be deployed, or null. Checked before anything is sent. */
export function fileProblem(file: { name: string; size: number } | null): string | null {
  if (!file) return t('applications.deploy.fileMissing')
  const lower = file.name.toLowerCase()
  if (!ARTIFACT_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
    return t('applications.deploy.fileNotArchive', { name: file.name })
  }
  if (file.size === 0) return t('applications.deploy.fileEmpty', { name: file.name })
  if (file.size > MAX_ARTIFACT_BYTES) {
    const [size, limit] = formatBytesPair(file.size, MAX_ARTIFACT_BYTES)
    return t('applications.deploy.fileTooLarge', { name: file.name, size, limit })
  }
  return null
}

/**
 * A valid artifact name from a file name: "Orders-API-1.4.2-mule-application.jar" →
 * "orders-api". Versions, the Maven classifier and anything not allowed are dropped.
 */
export function suggestArtifactName(fileName: string): string {
  const base = fileName
    .replace(/\.(jar|zip)$/i, '')
    .replace(/-mule-application$/i, '')
    .replace(/[-_.]v?\d+(\.\d+)*([-.](snapshot|rc\d*|release))?$/i, '')
  return base
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 42)
    .replace(/-$/, '')
}

/** Problems per properties row: a value without a key, duplicate keys, keys with spaces or '='. */
export function propertyProblems(rows: readonly PropertyRow[]): Array<string | undefined> {
  const seen = new Set<string>()
  return rows.map((row) => {
    const key = row.key.trim()
    if (!key) return row.value.trim() ? t('applications.deploy.propertyNameMissing') : undefined
    if (/[\s=]/.test(key)) return t('applications.deploy.propertyNameInvalid')
    if (seen.has(key)) return t('applications.deploy.propertyTwice', { key })
    seen.add(key)
    return undefined
  })
}

export type DeployValidation =
  { ok: true; input: DeployInput } | { ok: false; errors: DeployFormErrors }

/** Checks the whole form; the input is only produced when everything is valid. */
export function validateDeploy(values: DeployFormValues): DeployValidation {
  const errors: DeployFormErrors = {}
  const file = fileProblem(values.file)
  if (file) errors.file = file
  const name = z.safeParse(ArtifactNameSchema, values.artifactName)
  if (!name.success) {
    // The schema's reason is English (the demo backend answers with it too): shown translated.
    const reason = name.error.issues[0]?.message
    errors.artifactName =
      reason === undefined ? t('applications.deploy.nameInvalid') : problemText(reason)
  }
  const targetId = /^\d+$/.test(values.targetId) ? Number(values.targetId) : null
  if (targetId === null) errors.targetId = t('applications.deploy.targetMissing')
  const props = propertyProblems(values.properties)
  if (props.some(Boolean)) errors.properties = props
  if (Object.keys(errors).length > 0 || !values.file || targetId === null)
    return { ok: false, errors }
  const properties: Record<string, string> = {}
  for (const row of values.properties) if (row.key.trim()) properties[row.key.trim()] = row.value
  return {
    ok: true,
    input: { file: values.file, artifactName: values.artifactName, targetId, properties },
  }
}
