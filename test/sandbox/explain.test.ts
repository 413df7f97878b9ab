import { describe, expect, it } from 'vitest';
import { explain, type ExplainInput } from '../../src/sandbox/explain.js';

/** [error as the learner sees it, a phrase its explanation must contain (undefined: no explanation)]. */
const ROWS: [ExplainInput, string | undefined][] = [
  [{ name: 'ReferenceError', message: 'resumeToken is not defined' }, 'declare it in step 2'],
  [{ name: 'ReferenceError', message: 'changeStrem is not defined' }, '`changeStrem` does not exist yet'],
  [{ name: 'ReferenceError', message: 'require is not defined' }, 'there is no `require` here'],
  [{ name: 'ReferenceError', message: 'constructor is not defined' }, '`constructor` does not exist yet'],
  [{ name: 'SyntaxError', message: 'await is only valid in async functions and the top level bodies of modules' }, 'write `async` before the function'],
  [{ name: 'SyntaxError', message: "'import' and 'export' may appear only with 'sourceType: module'" }, 'there are no imports here'],
  [{ name: 'SyntaxError', message: "Identifier 'x' has already been declared" }, 'declaring it again in a later step'],
  [{ name: 'SyntaxError', message: 'Unexpected token' }, 'missing or extra bracket'],
  [{ name: 'TypeError', message: 'db.orders.wacth is not a function' }, 'did you mean `watch`?'],
  [{ name: 'TypeError', message: 'db.orders.frobnicate is not a function' }, 'collections have no method `frobnicate`'],
  [{ name: 'TypeError', message: "Cannot read properties of null (reading '_id')" }, 'the value before `._id` is null'],
  [{ name: 'MongoServerError', message: 'E11000 duplicate key error', code: 11000 }, 'already exists'],
  [{ name: 'MongoServerError', message: 'cannot resume', code: 286 }, 'history is gone'],
  [{ name: 'MongoAPIError', message: 'ChangeStream cannot be used as an iterator after being used as an EventEmitter' }, 'pick one style per stream'],
  [{ name: 'RangeError', message: 'Invalid array length' }, undefined],
];

describe('src/sandbox/explain.ts', () => {
  it.each(ROWS)('%o', (error, phrase) => {
    const explanation = explain(error, { resumeToken: 'declare it in step 2 with `let resumeToken = null`' });
    if (phrase === undefined) expect(explanation).toBeUndefined();
    else expect(explanation).toContain(phrase);
  });
});
