import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { LessonFormatError } from '../core/errors.js';
import { LESSON_FORMAT_VERSION, type Lesson } from './schema.js';

/** The front-matter fields of lesson.md, as the Lesson has them. */
export type FrontMatter = Pick<
  Lesson,
  'id' | 'title' | 'summary' | 'database' | 'collection' | 'estimatedMinutes' | 'formatVersion'
>;

/** How one field is checked: a test of its value, and the message and fix when it fails. */
interface FieldRule {
  /** What a valid value looks like, for the message: "a kebab-case name". */
  readonly expected: string;
  /** An example line for the fix: `id: resume-tokens`. */
  readonly example: string;
  readonly valid: (value: unknown) => boolean;
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Every front-matter field, in the order the authoring guide lists them. */
const FIELDS: { readonly [K in keyof FrontMatter]: FieldRule } = {
  id: { expected: 'a kebab-case name (a-z, 0-9 and dashes)', example: 'id: resume-tokens', valid: (v) => typeof v === 'string' && KEBAB.test(v) },
  title: { expected: 'a non-empty title of at most 80 characters', example: 'title: Resume tokens', valid: (v) => isText(v) && v.length <= 80 },
  summary: { expected: 'a non-empty sentence', example: 'summary: Resume a change stream without losing an event.', valid: isText },
  database: {
    expected: 'a database name of 1 to 38 letters, digits, "_" or "-"',
    example: 'database: shop',
    valid: (v) => typeof v === 'string' && /^[A-Za-z0-9_-]{1,38}$/.test(v),
  },
  collection: {
    expected: 'a collection name that starts with a letter or "_" and is not a system collection',
    example: 'collection: orders',
    valid: (v) => typeof v === 'string' && /^[A-Za-z_][A-Za-z0-9_.-]{0,119}$/.test(v) && !v.startsWith('system.'),
  },
  estimatedMinutes: {
    expected: 'a whole number of minutes from 1 to 600',
    example: 'estimatedMinutes: 20',
    valid: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 600,
  },
  formatVersion: { expected: `the number ${LESSON_FORMAT_VERSION}`, example: `formatVersion: ${LESSON_FORMAT_VERSION}`, valid: (v) => Number.isInteger(v) },
};

const FIELD_NAMES = Object.keys(FIELDS) as (keyof FrontMatter)[];

/**
 * Parses and validates the YAML between the `---` lines. `firstLine` is the 1-based line of the YAML's first line
 * in lesson.md, so problems point at lesson.md's own lines. Returns the fields, or undefined with the problems
 * pushed to `problems`.
 */
export function parseFrontMatter(yamlText: string, firstLine: number, file: string, problems: LessonFormatError[]): FrontMatter | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number) => firstLine + lineCounter.linePos(offset).line - 1;
  const before = problems.length;
  for (const error of doc.errors) {
    problems.push(new LessonFormatError(file, lineOf(error.pos[0]), 'front matter', `invalid YAML: ${error.message.split('\n')[0]}`, 'write one `field: value` per line'));
  }
  if (problems.length > before) return undefined;
  if (!isMap(doc.contents)) {
    problems.push(new LessonFormatError(file, firstLine, 'front matter', 'expected `field: value` lines', `start with \`${FIELDS.id.example}\``));
    return undefined;
  }
  const values = new Map<string, { value: unknown; line: number }>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = lineOf((pair.key as YamlNode | null)?.range?.[0] ?? 0);
    if (!(FIELD_NAMES as string[]).includes(key)) {
      const near = FIELD_NAMES.find((name) => editDistance(name.toLowerCase(), key.toLowerCase()) <= 2);
      problems.push(new LessonFormatError(file, line, key, 'unknown field', near === undefined ? `use only ${FIELD_NAMES.join(', ')}` : `did you mean \`${near}\`? rename it`));
      continue;
    }
    values.set(key, { value: isScalar(pair.value) ? pair.value.value : pair.value?.toJSON(), line });
  }
  const fields: Record<string, unknown> = {};
  for (const name of FIELD_NAMES) {
    const rule = FIELDS[name];
    const entry = values.get(name);
    if (entry === undefined) {
      problems.push(new LessonFormatError(file, firstLine - 1, name, 'missing from the front matter', `add the line \`${rule.example}\``));
    } else if (!rule.valid(entry.value)) {
      problems.push(new LessonFormatError(file, entry.line, name, `expected ${rule.expected}, got ${JSON.stringify(entry.value)}`, `write it like \`${rule.example}\``));
    } else if (name === 'formatVersion' && entry.value !== LESSON_FORMAT_VERSION) {
      problems.push(versionProblem(file, entry.line, entry.value as number));
    } else {
      fields[name] = entry.value;
    }
  }
  return problems.length > before ? undefined : (fields as unknown as FrontMatter);
}

/** A format version other than ours: either the lesson or resume-lab is the one to update. */
function versionProblem(file: string, line: number, version: number): LessonFormatError {
  return version > LESSON_FORMAT_VERSION
    ? new LessonFormatError(file, line, 'formatVersion', `the lesson is written for format ${version}, and this resume-lab reads format ${LESSON_FORMAT_VERSION}`, 'update resume-lab to a version that reads this lesson format')
    : new LessonFormatError(file, line, 'formatVersion', `format ${version} is no longer read; this resume-lab reads format ${LESSON_FORMAT_VERSION}`, 'migrate the lesson as docs/authoring-lessons.md describes, then set formatVersion to the current format');
}

/** Levenshtein distance, for "did you mean" on misspelt field names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
