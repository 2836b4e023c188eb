/**
 * The demo's device administration messages in English, German and Arabic, chosen by the
 * request's `locale` (`de_DE`, `de` → German; `ar`, `ar_EG` → Arabic; anything else →
 * English), as the real service localizes its error messages.
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

const AR: Catalog = {
  UNAUTHORIZED: 'فشلت المصادقة: {reason}',
  FORBIDDEN:
    "المستخدم '{user}' غير مخوّل باستدعاء هذه الخدمة: يلزم أحد الأدوار mfpadmin أو mfpdeployer أو mfpoperator، ولدى المستخدم {role}.",
  RUNTIME_NOT_FOUND: "لم يتم العثور على بيئة التشغيل '{runtime}'.",
  DEVICE_NOT_FOUND: "لم يتم العثور على الجهاز '{deviceId}' في بيئة التشغيل '{runtime}'.",
  APPLICATION_NOT_ON_DEVICE: "التطبيق '{appName}' غير مسجّل على الجهاز '{deviceId}'.",
  TRANSACTION_NOT_FOUND: "لم يتم العثور على المعاملة '{id}' في بيئة التشغيل '{runtime}'.",
  INVALID_PAYLOAD: 'الحمولة غير صالحة: {reason}',
  INVALID_PARAMETER: "معامل الاستعلام '{name}' غير صالح: {reason}",
  INVALID_BOOKMARK: 'العلامة المرجعية غير صالحة لهذه القائمة. ابدأ من جديد من الصفحة الأولى.',
  NOT_FOUND: 'لا يوجد مورد على {method} {path}.',
  RETIRED_VERSION:
    "لم يعد {appName} {version} ({platform}) منشورًا على بيئة التشغيل '{runtime}'، لذا لا يمكن تغيير حالته على الجهاز '{deviceId}'. حدّث التطبيق على الجهاز إلى إصدار منشور أولًا.",
  SUPERSEDED: 'أُلغيت: غيّرت المعاملة {id} التطبيق نفسه على هذا الجهاز.',
  DEVICE_REMOVED: "أُلغيت: أزالت المعاملة {id} الجهاز '{deviceId}'.",
  INJECTED_FAILURE: 'خطأ مُدخَل (حقن أخطاء العرض التوضيحي): تعذّر على الخادم معالجة الطلب.',
}

const CATALOGS = { en: EN, de: DE, ar: AR } as const

/** `de_DE`, `de-AT`, `de` → German; `ar`, `ar_EG` → Arabic; everything else (or nothing) → English. */
export function catalogLanguage(locale: string | null | undefined): keyof typeof CATALOGS {
  if (locale && /^de(?:[_-]|$)/i.test(locale)) return 'de'
  if (locale && /^ar(?:[_-]|$)/i.test(locale)) return 'ar'
  return 'en'
}

/** The message for `code` in the request's language, with `{name}` placeholders filled. */
export function message(
  code: MessageCode,
  params: MessageParams,
  locale: string | null | undefined,
): string {
  const template = CATALOGS[catalogLanguage(locale)][code]
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}
