import { http, HttpResponse } from 'msw'
import * as z from 'zod/mini'
import {
  ARTIFACT_EXTENSIONS,
  ArtifactNameSchema,
  ConfigurationSchema,
  MAX_ARTIFACT_BYTES,
} from '../../api/runtime-manager/application-schemas.ts'
import {
  deployApplication,
  receiveArtifact,
  redeployApplication,
  setDesiredStatus,
  type ReceivedArtifact,
} from '../applications.ts'
import type { DemoBackend } from '../backend.ts'
import type { DemoDb } from '../db.ts'
import { guardHybrid } from '../guard.ts'
import {
  encodeAnswer,
  hybridAnswer,
  hybridError,
  hybridJson,
  intParam,
  noContent,
  type Checked,
  type EncodedAnswer,
} from '../responses.ts'

const BASE = '*/hybrid/api/v1'

async function readMultipart(request: Request): Promise<Checked<FormData>> {
  const type = request.headers.get('Content-Type') ?? ''
  if (!type.startsWith('multipart/form-data')) {
    return { ok: false, response: hybridError(415, 'Expected a multipart/form-data body.') }
  }
  try {
    return { ok: true, value: await request.formData() }
  } catch {
    return { ok: false, response: hybridError(400, 'The multipart body could not be read.') }
  }
}

async function readFilePart(
  form: FormData,
  required: boolean,
): Promise<Checked<ReceivedArtifact | undefined>> {
  const file = form.get('file')
  if (file === null || file === '') {
    return required
      ? {
          ok: false,
          response: hybridError(400, "The 'file' part (the application artifact) is required."),
        }
      : { ok: true, value: undefined }
  }
  if (typeof file === 'string') {
    return { ok: false, response: hybridError(400, "The 'file' part must be a file, not text.") }
  }
  const name =
    'name' in file && typeof file.name === 'string' && file.name ? file.name : 'artifact.jar'
  if (!ARTIFACT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) {
    return { ok: false, response: hybridError(400, `'${name}' is not a .jar or .zip artifact.`) }
  }
  if (file.size === 0) return { ok: false, response: hybridError(400, `'${name}' is empty.`) }
  if (file.size > MAX_ARTIFACT_BYTES) {
    return { ok: false, response: hybridError(413, `'${name}' is larger than the 200 MB limit.`) }
  }
  return { ok: true, value: await receiveArtifact(file, name) }
}

function readConfiguration(form: FormData): Checked<Record<string, string> | undefined> {
  const raw = form.get('configuration')
  if (raw === null || raw === '') return { ok: true, value: undefined }
  if (typeof raw !== 'string')
    return {
      ok: false,
      response: hybridError(400, "The 'configuration' part must be text (JSON)."),
    }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return { ok: false, response: hybridError(400, "The 'configuration' part is not valid JSON.") }
  }
  const parsed = z.safeParse(ConfigurationSchema, json)
  if (!parsed.success) {
    return {
      ok: false,
      response: hybridError(
        400,
        "The 'configuration' part must be a JSON object of string properties.",
      ),
    }
  }
  return { ok: true, value: parsed.data }
}

function findApp(db: DemoDb, envId: string, id: number) {
  const row = db.applications.get(id)
  return row && row.envId === envId ? row : undefined
}

/**
 * The applications list's last encoded answer per environment and target filter, kept
 * while the rows it is made of are the same: the applications, and the servers, groups and
 * clusters their targets embed (a collection's `all()` is a new array after any change,
 * the lifecycle's included, ADR 003). A poll of an unchanged list of 10,000 is then
 * answered without building, encoding and hashing 10 MB again (~90 ms of the page's thread
 * in the demo, of the backend's in `demo-server`); the answer is still made whole, as the
 * API's is. The list view reads nothing else (`uptime`, the one field made of the clock,
 * is left out of it: ADR 010).
 */
const KEPT_LISTS = 8
const listAnswers = new WeakMap<
  DemoDb,
  Map<string, { made: readonly unknown[]; answer: Promise<EncodedAnswer> }>
>()

function listAnswer(
  db: DemoDb,
  key: string,
  make: () => Promise<EncodedAnswer>,
): Promise<EncodedAnswer> {
  const made = [db.applications.all(), db.servers.all(), db.groups.all(), db.clusters.all()]
  let answers = listAnswers.get(db)
  if (!answers) {
    answers = new Map()
    listAnswers.set(db, answers)
  }
  const kept = answers.get(key)
  if (kept && kept.made.every((rows, i) => rows === made[i])) return kept.answer
  const answer = make()
  answers.delete(key)
  answers.set(key, { made, answer })
  // The last few lists asked for (a target page reads its own): the oldest goes first.
  for (const oldest of answers.keys()) {
    if (answers.size <= KEPT_LISTS) break
    answers.delete(oldest)
  }
  // A failed encoding is not kept: the next read tries again.
  answer.catch(() => answers.delete(key))
  return answer
}

/** Applications: list, detail, deploy (multipart), start/stop, redeploy/update, delete. */
export function applicationHandlers(backend: DemoBackend) {
  return [
    http.get(`${BASE}/applications`, ({ request }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'readApplications')
      if (!guard.ok) return guard.response
      const envId = guard.value.env.id
      const targetParam = new URL(request.url).searchParams.get('targetId')
      let targetId: number | undefined
      if (targetParam !== null) {
        targetId = intParam(targetParam)
        if (Number.isNaN(targetId))
          return hybridError(400, `targetId must be a number, got '${targetParam}'.`)
      }
      const answer = listAnswer(db, `${envId} ${targetId ?? ''} ${backend.etags}`, () => {
        const rows = db.applications
          .all()
          .filter(
            (a) =>
              a.envId === envId &&
              (targetId === undefined ||
                a.targetId === targetId ||
                db.targetServerIds(a.targetId).includes(targetId)),
          )
        return encodeAnswer({ data: db.applicationListViews(rows) }, backend.etags)
      })
      return answer.then((encoded) => hybridAnswer(request, encoded))
    }),

    http.get(`${BASE}/applications/:id`, ({ request, params }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'readApplications')
      if (!guard.ok) return guard.response
      const row = findApp(db, guard.value.env.id, intParam(params.id))
      if (!row) return hybridError(404, `Application ${String(params.id)} was not found.`)
      return hybridJson(request, { data: db.applicationView(row) }, backend.etags)
    }),

    http.post(`${BASE}/applications`, async ({ request }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'createApplications')
      if (!guard.ok) return guard.response
      const envId = guard.value.env.id
      const form = await readMultipart(request)
      if (!form.ok) return form.response
      const nameValue = form.value.get('artifactName')
      const name = typeof nameValue === 'string' ? nameValue : ''
      const nameCheck = z.safeParse(ArtifactNameSchema, name)
      if (!nameCheck.success) {
        return hybridError(
          400,
          `artifactName '${name}' is not valid: ${nameCheck.error.issues[0]?.message ?? ''}`,
        )
      }
      const targetValue = form.value.get('targetId')
      const targetId = intParam(typeof targetValue === 'string' ? targetValue : undefined)
      if (Number.isNaN(targetId))
        return hybridError(400, "The 'targetId' part must be the id of a server, group or cluster.")
      const target = db.targetView(targetId)
      const targetEnv =
        db.servers.get(targetId)?.envId ??
        db.groups.get(targetId)?.envId ??
        db.clusters.get(targetId)?.envId
      if (!target || targetEnv !== envId)
        return hybridError(400, `Target ${targetId} does not exist in this environment.`)
      const configuration = readConfiguration(form.value)
      if (!configuration.ok) return configuration.response
      const artifact = await readFilePart(form.value, true)
      if (!artifact.ok) return artifact.response
      if (!artifact.value)
        return hybridError(400, "The 'file' part (the application artifact) is required.")
      if (db.applications.all().some((a) => a.envId === envId && a.name === name)) {
        return hybridError(
          409,
          `An application named '${name}' already exists in this environment.`,
        )
      }
      const row = deployApplication(db, envId, {
        name,
        targetId,
        artifact: artifact.value,
        configuration: configuration.value ?? {},
      })
      return HttpResponse.json(
        { data: { id: row.id, artifact: row.artifact, lastReportedStatus: 'UNDEPLOYED' } },
        { status: 202 },
      )
    }),

    http.patch(`${BASE}/applications/:id`, async ({ request, params }) => {
      const db = backend.db
      const type = request.headers.get('Content-Type') ?? ''
      if (type.startsWith('application/json')) {
        const guard = guardHybrid(db, request, 'manageApplications')
        if (!guard.ok) return guard.response
        const row = findApp(db, guard.value.env.id, intParam(params.id))
        if (!row) return hybridError(404, `Application ${String(params.id)} was not found.`)
        let body: unknown
        try {
          body = await request.json()
        } catch {
          return hybridError(400, 'The body is not valid JSON.')
        }
        const desired =
          body && typeof body === 'object' && 'desiredStatus' in body
            ? body.desiredStatus
            : undefined
        if (desired !== 'STARTED' && desired !== 'STOPPED') {
          return hybridError(
            400,
            `desiredStatus must be 'STARTED' or 'STOPPED', got ${JSON.stringify(desired ?? null)}.`,
          )
        }
        if (row.desiredStatus === 'UPDATED') {
          return hybridError(
            409,
            `Application '${row.name}' is being deployed; wait until the deployment settles.`,
          )
        }
        const updated = setDesiredStatus(db, row, desired)
        return HttpResponse.json({ data: updated ? db.applicationView(updated) : null })
      }
      const form = await readMultipart(request)
      if (!form.ok) return form.response
      // Updating the file or the properties needs Create Applications; a plain redeploy does not.
      const changes = form.value.has('file') || form.value.has('configuration')
      const guard = guardHybrid(db, request, changes ? 'createApplications' : 'manageApplications')
      if (!guard.ok) return guard.response
      const row = findApp(db, guard.value.env.id, intParam(params.id))
      if (!row) return hybridError(404, `Application ${String(params.id)} was not found.`)
      const configuration = readConfiguration(form.value)
      if (!configuration.ok) return configuration.response
      const artifact = await readFilePart(form.value, false)
      if (!artifact.ok) return artifact.response
      const updated = redeployApplication(db, row, {
        artifact: artifact.value,
        configuration: configuration.value,
      })
      return HttpResponse.json(
        { data: updated ? db.applicationView(updated) : null },
        { status: 202 },
      )
    }),

    // 204 whether or not it existed, as documented.
    http.delete(`${BASE}/applications/:id`, ({ request, params }) => {
      const db = backend.db
      const guard = guardHybrid(db, request, 'deleteApplications')
      if (!guard.ok) return guard.response
      const row = findApp(db, guard.value.env.id, intParam(params.id))
      if (row) {
        db.applications.delete(row.id)
        db.changed()
      }
      return noContent()
    }),
  ]
}
