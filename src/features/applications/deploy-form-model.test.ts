import { expect, test } from 'vitest'
import { setLanguage } from '../../lib/i18n.ts'
import {
  fileProblem,
  propertyProblems,
  suggestArtifactName,
  validateDeploy,
} from './deploy-form-model.ts'

test('the name is suggested from the file name without version, classifier or bad characters', () => {
  expect(suggestArtifactName('orders-api-1.4.2-mule-application.jar')).toBe('orders-api')
  expect(suggestArtifactName('Billing_Sync-2.0.0-SNAPSHOT.zip')).toBe('billing-sync')
  expect(suggestArtifactName('customer papi v3.jar')).toBe('customer-papi-v3')
  expect(suggestArtifactName('x'.repeat(60) + '.jar')).toHaveLength(42)
})

test('files are checked before anything is sent: type, emptiness and size', () => {
  expect(fileProblem(null)).toMatch(/Choose the application artifact/)
  expect(fileProblem({ name: 'app.war', size: 10 })).toMatch(/not a \.jar or \.zip/)
  expect(fileProblem({ name: 'app.jar', size: 0 })).toMatch(/is empty/)
  expect(fileProblem({ name: 'app.JAR', size: 300 * 1024 * 1024 })).toMatch(
    /300 MB; the limit is 200 MB/,
  )
  // One byte over: the two sizes must not read the same.
  expect(fileProblem({ name: 'app.jar', size: 200 * 1024 * 1024 + 1 })).toBe(
    "'app.jar' is 209,715,201 bytes; the limit is 209,715,200 bytes (200 MB).",
  )
  expect(fileProblem({ name: 'app.zip', size: 1000 })).toBeNull()
})

test('properties: a value needs a name, names are unique and have no spaces or "="', () => {
  expect(
    propertyProblems([
      { key: 'http.port', value: '8081' },
      { key: '', value: 'orphan' },
      { key: 'http.port', value: '9090' },
      { key: 'a b', value: '1' },
      { key: '', value: '' },
    ]),
  ).toEqual([
    undefined,
    'Give this value a property name.',
    "'http.port' is set twice.",
    'Property names cannot contain spaces or "=".',
    undefined,
  ])
})

test('validation lists every problem at once, and a valid form becomes the deploy input', () => {
  const empty = validateDeploy({ file: null, artifactName: 'X', targetId: '', properties: [] })
  expect(empty).toEqual({
    ok: false,
    errors: {
      file: 'Choose the application artifact (.jar or .zip).',
      artifactName: 'Use at least 3 characters.',
      targetId: 'Choose where to deploy: a server, server group or cluster.',
    },
  })
  const file = new File(['PK'], 'orders-api.jar')
  const ok = validateDeploy({
    file,
    artifactName: 'orders-api',
    targetId: '100012',
    properties: [
      { key: ' http.port ', value: '8081' },
      { key: '', value: '' },
    ],
  })
  expect(ok).toEqual({
    ok: true,
    input: {
      file,
      artifactName: 'orders-api',
      targetId: 100012,
      properties: { 'http.port': '8081' },
    },
  })
})

test('the artifact name’s reasons read in German and Arabic, as the other fields’ do', async () => {
  const name = (artifactName: string) =>
    validateDeploy({ file: null, artifactName, targetId: '', properties: [] })
  await setLanguage('de', { remember: false })
  expect(name('X')).toMatchObject({
    errors: {
      file: 'Wählen Sie das Anwendungsartefakt (.jar oder .zip).',
      artifactName: 'Verwenden Sie mindestens 3 Zeichen.',
    },
  })
  expect(name('x'.repeat(43))).toMatchObject({
    errors: { artifactName: 'Verwenden Sie höchstens 42 Zeichen.' },
  })
  expect(name('Orders_API')).toMatchObject({
    errors: {
      artifactName:
        'Verwenden Sie Kleinbuchstaben, Ziffern und Bindestriche; beginnen und enden Sie mit einem Buchstaben oder einer Ziffer.',
    },
  })
  await setLanguage('ar', { remember: false })
  expect(name('X')).toMatchObject({ errors: { artifactName: 'يجب ألا يقل عدد الأحرف عن 3.' } })
  await setLanguage('en', { remember: false })
  expect(name('X')).toMatchObject({ errors: { artifactName: 'Use at least 3 characters.' } })
})
