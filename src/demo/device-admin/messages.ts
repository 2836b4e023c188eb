/**
 * The demo's device administration messages in English and German, chosen by the
 * request's `locale` (`de_DE`, `de` → German; anything else → English), as the real
 * service localizes its error messages.
 */

export type MessageCode =
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'RUNTIME_NOT_FOUND'
  | 'DEVICE_NOT_FOUND'
  | 'APPLICATION_NOT_ON_DEVICE'
  | 'TRANSACTION_NOT_FOUND'
  | 'INVALID_PAYLOAD'
  | 'INVALID_PARAMETER'
  | 'INVALID_BOOKMARK'
  | 'NOT_FOUND'
  | 'RETIRED_VERSION'
  | 'SUPERSEDED'
  | 'DEVICE_REMOVED'
  | 'INJECTED_FAILURE'

export type MessageParams = Readonly<Record<string, string | number>>

type Catalog = Record<MessageCode, string>

const EN: Catalog = {
  UNAUTHORIZED: 'Authentication failed: {reason}',
  FORBIDDEN:
    "The user '{user}' is not authorized to call this service: it needs the role mfpadmin, mfpdeployer or mfpoperator, and the user has {role}.",
  RUNTIME_NOT_FOUND: "The runtime '{runtime}' was not found.",
  DEVICE_NOT_FOUND: "The device '{deviceId}' was not found in runtime '{runtime}'.",
  APPLICATION_NOT_ON_DEVICE:
    "The application '{appName}' is not registered on device '{deviceId}'.",
  TRANSACTION_NOT_FOUND: "The transaction '{id}' was not found in runtime '{runtime}'.",
  INVALID_PAYLOAD: 'The payload is invalid: {reason}',
  INVALID_PARAMETER: "The query parameter '{name}' is invalid: {reason}",
  INVALID_BOOKMARK: 'The bookmark is not valid for this list. Start again from the first page.',
  NOT_FOUND: 'There is no resource at {method} {path}.',
  RETIRED_VERSION:
    "{appName} {version} ({platform}) is no longer deployed on runtime '{runtime}', so its status on device '{deviceId}' cannot be changed. Update the application on the device to a deployed version first.",
  SUPERSEDED: 'Canceled: transaction {id} changed the same application on this device.',
  DEVICE_REMOVED: "Canceled: the device '{deviceId}' was removed by transaction {id}.",
  INJECTED_FAILURE:
    'Injected failure (demo fault injection): the backend could not process the request.',
}

const DE: Catalog = {
  UNAUTHORIZED: 'Authentifizierung fehlgeschlagen: {reason}',
  FORBIDDEN:
    "Der Benutzer '{user}' ist nicht berechtigt, diesen Service aufzurufen: erforderlich ist die Rolle mfpadmin, mfpdeployer oder mfpoperator, der Benutzer hat {role}.",
  RUNTIME_NOT_FOUND: "Die Laufzeit '{runtime}' wurde nicht gefunden.",
  DEVICE_NOT_FOUND: "Das Gerät '{deviceId}' wurde in der Laufzeit '{runtime}' nicht gefunden.",
  APPLICATION_NOT_ON_DEVICE:
    "Die Anwendung '{appName}' ist auf dem Gerät '{deviceId}' nicht registriert.",
  TRANSACTION_NOT_FOUND: "Die Transaktion '{id}' wurde in der Laufzeit '{runtime}' nicht gefunden.",
  INVALID_PAYLOAD: 'Die Nutzdaten sind ungültig: {reason}',
  INVALID_PARAMETER: "Der Abfrageparameter '{name}' ist ungültig: {reason}",
  INVALID_BOOKMARK:
    'Das Lesezeichen passt nicht zu dieser Liste. Beginnen Sie wieder mit der ersten Seite.',
  NOT_FOUND: 'Unter {method} {path} gibt es keine Ressource.',
  RETIRED_VERSION:
    "{appName} {version} ({platform}) ist in der Laufzeit '{runtime}' nicht mehr implementiert, daher kann sein Status auf dem Gerät '{deviceId}' nicht geändert werden. Aktualisieren Sie zuerst die Anwendung auf dem Gerät auf eine implementierte Version.",
  SUPERSEDED: 'Abgebrochen: Transaktion {id} hat dieselbe Anwendung auf diesem Gerät geändert.',
  DEVICE_REMOVED: "Abgebrochen: Das Gerät '{deviceId}' wurde durch Transaktion {id} entfernt.",
  INJECTED_FAILURE:
    'Eingespeister Fehler (Demo-Fehlerinjektion): Das Backend konnte die Anfrage nicht verarbeiten.',
}

/** `de_DE`, `de-AT`, `de` → German; everything else (or nothing) → English. */
export function catalogLanguage(locale: string | null | undefined): 'en' | 'de' {
  return locale && /^de(?:[_-]|$)/i.test(locale) ? 'de' : 'en'
}

/** The message for `code` in the request's language, with `{name}` placeholders filled. */
export function message(
  code: MessageCode,
  params: MessageParams,
  locale: string | null | undefined,
): string {
  const template = (catalogLanguage(locale) === 'de' ? DE : EN)[code]
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}
