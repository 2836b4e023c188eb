// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, type Token } from '@messageformat/parser'
import { expect, test } from 'vitest'
import { AREAS, LANGUAGES } from '../lib/i18n.ts'

// The catalogs checked as `npm test` runs: every key in every language, the same values put
// into each translation, every plural form a language has, and no key the code never uses
// (docs/decisions/029-languages.md).

const here = import.meta.dirname
const src = join(here, '..')

type Catalog = Record<string, string>

function readCatalog(language: string, area: string): Catalog {
  const parsed: unknown = JSON.parse(readFileSync(join(here, language, `${area}.json`), 'utf8'))
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${language}/${area}.json is not an object`)
  const catalog: Catalog = {}
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') throw new Error(`${language}/${area}.json: ${key} is not text`)
    catalog[key] = value
  }
  return catalog
}

/** What a message takes: each value's name and how it is used (text, plural, select, number). */
function argumentsOf(tokens: readonly Token[], into = new Set<string>()): Set<string> {
  for (const token of tokens) {
    if (token.type === 'argument') into.add(`${token.arg}:text`)
    else if (token.type === 'function') into.add(`${token.arg}:${token.key}`)
    else if (token.type === 'plural' || token.type === 'select' || token.type === 'selectordinal') {
      into.add(`${token.arg}:${token.type}`)
      for (const c of token.cases) argumentsOf(c.tokens, into)
    }
  }
  return into
}

/** Plural forms a message lacks for its language ("few", "many" in Arabic). */
function missingPluralForms(tokens: readonly Token[], language: string): string[] {
  const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories
  const missing: string[] = []
  for (const token of tokens) {
    if (token.type !== 'plural' && token.type !== 'select' && token.type !== 'selectordinal')
      continue
    if (token.type === 'plural') {
      const keys = new Set(token.cases.map((c) => c.key))
      for (const category of needed)
        if (!keys.has(category)) missing.push(`${token.arg}:${category}`)
    }
    for (const c of token.cases) missing.push(...missingPluralForms(c.tokens, language))
  }
  return missing
}

function parses(message: string): boolean {
  try {
    parse(message)
    return true
  } catch {
    return false
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

const english = Object.fromEntries(AREAS.map((area) => [area, readCatalog('en', area)]))

test.each(AREAS)(
  'every key of the %s catalog starts with its area and is a valid message',
  (area) => {
    const problems: string[] = []
    for (const [key, value] of Object.entries(english[area] ?? {})) {
      if (!key.startsWith(`${area}.`)) problems.push(`${key}: not in ${area}`)
      if (value.trim() === '') problems.push(`${key}: empty`)
      else if (!parses(value)) problems.push(`${key}: not an ICU message`)
      else problems.push(...missingPluralForms(parse(value), 'en').map((m) => `${key}: ${m}`))
    }
    expect(problems).toEqual([])
  },
)

test.each(
  LANGUAGES.filter((l) => l !== 'en').flatMap((language) => AREAS.map((area) => [language, area])),
)(
  'the %s catalog of %s has every English key, takes the same values and has every plural form',
  (language, area) => {
    const source = english[area] ?? {}
    const translated = readCatalog(language, area)
    expect(Object.keys(translated).sort()).toEqual(Object.keys(source).sort())
    const problems: string[] = []
    for (const [key, value] of Object.entries(translated)) {
      if (value.trim() === '' || !parses(value)) {
        problems.push(`${key}: empty or not an ICU message`)
        continue
      }
      const tokens = parse(value)
      const theirs = [...argumentsOf(tokens)].sort().join(', ')
      const ours = [...argumentsOf(parse(source[key] ?? ''))].sort().join(', ')
      if (theirs !== ours) problems.push(`${key}: takes ${theirs}, English takes ${ours}`)
      problems.push(...missingPluralForms(tokens, language).map((m) => `${key}: ${m}`))
    }
    expect(problems).toEqual([])
  },
)

test('every key is used by the code (written out whole, so that this search finds it)', () => {
  const code = sourceFiles(src)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n')
  const unused = AREAS.flatMap((area) => Object.keys(english[area] ?? {})).filter(
    (key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`),
  )
  expect(unused).toEqual([])
})
