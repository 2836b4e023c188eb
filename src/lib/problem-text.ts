import { t, type MessageKey, type MessageValues } from './i18n.ts'

/**
 * The console's words for the problems the shared rules in src/api report. Those schemas
 * (a name's length, its characters, an empty sign-in field) also check the demo backend's
 * input, and its answers speak English as the vendor API does, so the schemas keep their
 * English texts and know no language. Where the console shows one of them, it shows it
 * through `problemText`: a text listed here becomes its catalog message in the operator's
 * language. Each message's English is the schema's text exactly: a test
 * (src/locales/schema-problems.test.ts) reads every message of the schemas the console
 * checks forms with, so the two cannot drift apart.
 */
const KNOWN: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['Enter a name.', 'ui.form.nameMissing'],
  // target-rules.ts's answer when the name schema gives no reason.
  ['Invalid name.', 'ui.form.nameInvalid'],
  // ArtifactNameSchema
  [
    'Use lowercase letters, digits and hyphens; start and end with a letter or digit.',
    'applications.deploy.nameCharacters',
  ],
  // TargetNameSchema
  [
    'Use letters, digits, dots, dashes and underscores, starting with a letter or digit.',
    'targets.create.nameCharacters',
  ],
  // ArmCredentialsSchema, UserCredentialsSchema (and ClientCredentialsSchema)
  ['Enter the connected app’s client ID.', 'session.form.clientIdMissing'],
  ['Enter the client secret.', 'session.form.clientSecretMissing'],
  ['Enter the user name.', 'session.form.userNameMissing'],
  ['Enter the password.', 'session.form.passwordMissing'],
  // ClientAppInputSchema
  [
    'Use letters, digits, spaces, dots, dashes and underscores, starting with a letter or digit and not ending with a space.',
    'client-apps.field.nameCharacters',
  ],
  ['Choose a throttling tier.', 'client-apps.field.tierMissing'],
  [
    'Enter an absolute http:// or https:// URL, or leave it empty.',
    'client-apps.field.callbackUrlInvalid',
  ],
])

/** Texts that carry a number (a length limit): the pattern, the message and its value's name. */
const COUNTED: ReadonlyArray<readonly [RegExp, MessageKey, string]> = [
  [/^Use at least (\d+) characters\.$/, 'ui.form.tooShort', 'min'],
  [/^Use at most (\d+) characters\.$/, 'ui.form.tooLong', 'max'],
]

/** The catalog message (and its values) for a known English problem text, or null. */
export function knownProblem(text: string): { key: MessageKey; values?: MessageValues } | null {
  const key = KNOWN.get(text)
  if (key !== undefined) return { key }
  for (const [pattern, counted, name] of COUNTED) {
    const number = pattern.exec(text)?.[1]
    // The number as the schema wrote it (digits, no grouping), in every language.
    if (number !== undefined) return { key: counted, values: { [name]: number } }
  }
  return null
}

/**
 * A problem a shared schema reported, in the current language: its catalog message when
 * the text is a known one, else the text as it is. Call it where the text is shown (never
 * at module scope), so a switch of language reaches it.
 */
export function problemText(text: string): string {
  const known = knownProblem(text)
  if (!known) return text
  const translated = t(known.key, known.values)
  // A catalog not loaded (yet) answers with the key: the English beats an id.
  return translated === known.key ? text : translated
}
