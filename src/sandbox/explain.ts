/**
 * Short, plain explanations of the errors learners meet most, each saying what to change. A lesson can supply
 * its own for names it knows (`resumeToken` -> "declare it in step 2 with `let resumeToken = null`"); those win
 * over the generic ones here.
 */

/** What explain() looks at: the error as the learner would see it. */
export interface ExplainInput {
  name: string;
  message: string;
  /** MongoDB error code, when the server answered with an error. */
  code?: number;
}

/** Explanations for names that exist in Node but not in the sandbox. */
const MISSING_GLOBALS: Record<string, string> = {
  require: 'there is no `require` here: `db`, `print`, `printjson`, `console`, `sleep` and the BSON helpers are already available',
  process: 'there is no `process` here (so no `process.exit` or `process.env`): a snippet ends when its last statement has run',
  module: 'snippets are not modules: declare variables with `let`/`const` at the top level and they stay available to later steps',
  exports: 'snippets are not modules: declare variables with `let`/`const` at the top level and they stay available to later steps',
  __dirname: 'there is no file system here: snippets only talk to the database through `db`',
  __filename: 'there is no file system here: snippets only talk to the database through `db`',
  MongoClient: 'no need to connect: `db` is already connected to your database, use `db.orders` directly',
};

/** Explanations keyed by MongoDB error code. */
const SERVER_CODES: Record<number, string> = {
  11000: 'a document with this `_id` (or unique key) already exists: leave `_id` out to get a new one, or update the existing document',
  260: 'the resume token is not one this server issued: pass the `_id` of a change event (`event._id`), not `fullDocument._id`',
  280: 'the change stream cannot resume from this token: use the `_id` of the last event you processed',
  286: 'the change stream history is gone (the oplog moved past your resume token): open a new stream without resumeAfter',
};

/** The collection methods the facade has, for "did you mean" suggestions. */
export const COLLECTION_METHODS = [
  'aggregate', 'countDocuments', 'createIndex', 'deleteMany', 'deleteOne', 'distinct', 'drop', 'estimatedDocumentCount',
  'find', 'findOne', 'getIndexes', 'getName', 'insertMany', 'insertOne', 'replaceOne', 'updateMany', 'updateOne', 'watch',
] as const;

/** The explanation for an error, or undefined when none applies. */
export function explain(error: ExplainInput, lesson: Readonly<Record<string, string>> = {}): string | undefined {
  const { name, message } = error;
  const undefinedName = /^(\S+) is not defined$/.exec(message)?.[1];
  if (name === 'ReferenceError' && undefinedName !== undefined) {
    return (
      own(lesson, undefinedName) ??
      own(MISSING_GLOBALS, undefinedName) ??
      `\`${undefinedName}\` does not exist yet: check the spelling, or declare it at the top level of this step or an earlier one (\`let ${undefinedName} = ...\`)`
    );
  }
  if (/await is only valid in async functions/.test(message) || /Cannot use keyword 'await' outside an async function/.test(message)) {
    return 'write `async` before the function that uses `await`, e.g. `changeStream.on(\'change\', async (event) => { ... })`; at the top level of a snippet, `await` works as it is';
  }
  if (/'import' and 'export' may appear only/.test(message) || /dynamic import callback/i.test(message)) {
    return 'there are no imports here: `db`, `print`, `printjson`, `console`, `sleep` and the BSON helpers (ObjectId, ISODate, Timestamp...) are already available';
  }
  if (/has already been declared/.test(message)) {
    return 'a name can be declared once per snippet; declaring it again in a later step (or re-running a step) is fine';
  }
  if (error.code !== undefined && SERVER_CODES[error.code] !== undefined) return SERVER_CODES[error.code];
  const method = /^db\.\w+\.(\w+) is not a function$/.exec(message)?.[1];
  if (name === 'TypeError' && method !== undefined) {
    const suggestion = closest(method, COLLECTION_METHODS);
    return `collections have no method \`${method}\`${suggestion ? `: did you mean \`${suggestion}\`?` : ''}`;
  }
  const reading = /^Cannot read properties of (undefined|null) \(reading '([^']*)'\)$/.exec(message);
  if (name === 'TypeError' && reading) {
    return `the value before \`.${reading[2]}\` is ${reading[1]}: check that the variable was assigned (for an event, use the listener's parameter)`;
  }
  if (name === 'SyntaxError' && /^Unexpected (token|character)/.test(message)) {
    return 'JavaScript could not read the snippet from here on: look for a missing or extra bracket, quote, comma or value at or just before this point';
  }
  if (/cannot be used as an (iterator|EventEmitter) after being used as an/.test(message)) {
    return "a change stream is either listened to (`.on('change', ...)`) or iterated (`next()`, `tryNext()`, `for await`): pick one style per stream";
  }
  if (/ChangeStream is closed/i.test(message)) {
    return 'the stream was closed: open a new one with `watch()` (pass `resumeAfter` to continue where you stopped)';
  }
  return undefined;
}

/** An own property of a record, so that names like `constructor` do not pick up Object.prototype. */
function own(record: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The candidate nearest to `word` by edit distance, when it is near enough to be a typo. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
