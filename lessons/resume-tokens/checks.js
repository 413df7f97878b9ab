// @ts-check
// The checks of the resume-tokens lesson (ARCHITECTURE.md section 5). They are behavioural: they insert orders and
// watch what reaches the learner's listeners, and they read what the driver sent, never the learner's source text.
// Every wait is on an event, bounded by the run's timeout; nothing sleeps.

/** @typedef {import('../../src/grading/api.js').Harness} Harness */
/** @typedef {import('../../src/grading/api.js').CheckResult} CheckResult */
/** @typedef {import('../../src/grading/api.js').LearnerStream} LearnerStream */
/** @typedef {import('mongodb').ChangeStreamDocument} ChangeStreamDocument */

/** How many orders arrive while the learner's first listener is running (K >= 3). */
const captureOrders = (/** @type {Harness} */ h) => h.count('capture-orders', 3, 5);
/** How many orders arrive during the outage, before the resume step (G >= 2). */
const gapOrders = (/** @type {Harness} */ h) => h.count('gap-orders', 2, 4);
/** How many orders arrive live on the resumed stream (L). */
const liveOrders = (/** @type {Harness} */ h) => h.count('live-orders', 2, 4);

/**
 * The learner's stream in a binding, with the results that establish it; `stream` is undefined when a check failed
 * (the last result says which and why).
 * @param {Harness} h
 * @param {string} name the binding: changeStream or resumedChangeStream
 * @param {string} example the line that declares it correctly
 * @returns {{ results: CheckResult[], stream?: LearnerStream }}
 */
function streamIn(h, name, example) {
  const binding = h.binding(name);
  if (!binding.declared) {
    return {
      results: [h.fail(`${name}-declared`, {
        problem: `there is no top-level \`${name}\``,
        expected: `a top-level \`${name}\``,
        actual: 'not declared',
        fix: `declare it at the top level of the step, outside any function: \`${example}\``,
      })],
    };
  }
  const stream = h.stream(binding.value);
  if (stream === undefined) {
    return {
      results: [h.fail(`${name}-is-stream`, {
        problem: `\`${name}\` is not a change stream`,
        expected: 'the change stream that watch() returns',
        actual: binding.value,
        fix: `assign the result of watch() to it: \`${example}\``,
      })],
    };
  }
  const results = [h.pass(`${name}-is-stream`, `\`${name}\` is a change stream`)];
  const { db, collection } = stream.namespace;
  const wanted = h.collection.collectionName;
  if (db !== h.collection.dbName || collection !== wanted) {
    const actual = db !== h.collection.dbName ? `another database (${db})` : collection === undefined ? 'the whole database (db.watch())' : `db.${collection}`;
    results.push(h.fail(`${name}-watches-orders`, {
      problem: `\`${name}\` watches ${actual}, not the ${wanted} collection`,
      expected: `db.${wanted}`,
      actual,
      fix: `call watch() on the ${wanted} collection: \`${example}\``,
    }));
    return { results };
  }
  results.push(h.pass(`${name}-watches-orders`, `it watches db.${wanted}`));
  return { results, stream };
}

/**
 * The ids of the harness's orders among the events, in the order they came.
 * @param {Harness} h
 * @param {readonly ChangeStreamDocument[]} events
 */
function orderIds(h, events) {
  return events.flatMap((event) => {
    const order = h.orderOf(event);
    return order === undefined ? [] : [order._id];
  });
}

/**
 * Why a token is not the one expected, in words: the usual wrong tokens each have their own explanation.
 * @param {Harness} h
 * @param {unknown} token the learner's value
 * @param {readonly ChangeStreamDocument[]} processed the events the learner's listener received, oldest first
 */
function tokenProblem(h, token, processed) {
  if (token === null || token === undefined) return `resumeToken is still ${token}`;
  if (processed.some((event) => h.same(token, h.orderOf(event)?._id))) {
    return "resumeToken holds an order's _id (change.fullDocument._id), which names the document, not a position in the stream";
  }
  const at = processed.findIndex((event) => h.same(token, event._id));
  if (at === 0) return "resumeToken still holds the first event's token, so it stopped following the stream";
  if (at > 0) return `resumeToken holds the token of event ${at + 1} of ${processed.length}, not of the last one`;
  return 'resumeToken holds something that is not the resume token of an event the listener received';
}

/** @type {import('../../src/grading/api.js').LessonChecks} */
export const checks = {
  'open-stream': {
    async check(h) {
      const { results, stream } = streamIn(h, 'changeStream', 'const changeStream = db.orders.watch();');
      if (stream === undefined) return results;
      if (stream.closed) {
        results.push(h.fail('changeStream-open', {
          problem: 'changeStream is already closed',
          expected: 'an open change stream',
          actual: 'closed',
          fix: 'keep it open: it is closed in the resume step, not now',
        }));
        return results;
      }
      results.push(h.pass('changeStream-open', 'changeStream is open'));
      return results;
    },
  },

  'capture-token': {
    async check(h) {
      /** @type {CheckResult[]} */
      const results = [];
      const initial = h.binding('resumeToken');
      if (!initial.declared || initial.value !== null) {
        results.push(h.fail('token-starts-null', {
          problem: initial.declared ? 'resumeToken does not start as null' : 'there is no top-level resumeToken',
          expected: null,
          actual: initial.declared ? initial.value : 'not declared',
          fix: 'declare it at the top level before adding the listener: `let resumeToken = null;`',
        }));
        return results;
      }
      results.push(h.pass('token-starts-null', 'resumeToken starts as null'));
      const stream = h.stream(h.binding('changeStream').value);
      if (stream === undefined || stream.listenerCount === 0) {
        results.push(h.fail('listener-registered', {
          problem: "nothing listens for 'change' events on changeStream",
          expected: "a 'change' listener on changeStream",
          actual: stream === undefined ? 'changeStream is no longer a change stream' : 'no listener',
          fix: "add one: `changeStream.on('change', (change) => { resumeToken = change._id; });`",
        }));
        return results;
      }
      results.push(h.pass('listener-registered', "a 'change' listener is registered on changeStream"));
      if (!(await h.waitUntilReady(stream))) {
        results.push(h.fail('stream-started', {
          problem: 'changeStream never started reading events',
          expected: 'the server to answer the stream\'s aggregate command',
          actual: stream.closed ? 'the stream was closed' : `no answer within ${h.timeoutMs} ms`,
          fix: 'keep changeStream open, with its listener registered',
        }));
        return results;
      }
      const orders = await h.insertOrders(captureOrders(h));
      const wanted = orders.map((order) => order._id);
      const arrived = () => orderIds(h, stream.delivered).filter((id) => wanted.includes(id));
      if (!(await h.waitForDelivered(stream, orders))) {
        results.push(h.fail('events-received', {
          problem: `only ${arrived().length} of the ${wanted.length} new orders reached the listener`,
          expected: wanted,
          actual: arrived(),
          fix: "use on('change', ...) (not once), and keep the stream open",
        }));
        return results;
      }
      results.push(h.pass('events-received', `all ${wanted.length} new orders reached the listener`));
      const last = /** @type {ChangeStreamDocument} */ (stream.delivered.at(-1));
      const token = h.binding('resumeToken').value;
      if (!h.same(token, last._id)) {
        results.push(h.fail('token-is-latest', {
          problem: tokenProblem(h, token, stream.delivered),
          expected: last._id,
          actual: token,
          fix: 'assign the event\'s own _id on every event: `resumeToken = change._id;`',
        }));
        return results;
      }
      results.push(h.pass('token-is-latest', `resumeToken holds the token of the last event (${wanted.at(-1)})`));
      h.shared.lastProcessed = last._id;
      return results;
    },
  },

  resume: {
    async before(h) {
      h.shared.resumeMark = h.commandMark();
      const stream = h.stream(h.binding('changeStream').value);
      if (stream === undefined) return;
      h.startOutage(stream);
      const gap = await h.insertOrders(gapOrders(h));
      const ids = gap.map((order) => order._id);
      h.shared.gapOrders = ids;
      // The outage is only real once the driver has the gap events: its own cached token has then moved past them.
      await h.waitFor(() => ids.every((id) => orderIds(h, stream.held).includes(id)));
    },
    async check(h) {
      /** @type {CheckResult[]} */
      const results = [];
      const first = h.stream(h.binding('changeStream').value);
      if (first !== undefined && !first.closed) {
        results.push(h.fail('first-stream-closed', {
          problem: 'changeStream is still open',
          expected: 'changeStream closed',
          actual: 'open',
          fix: 'close it before resuming: `changeStream.close();`',
        }));
        return results;
      }
      results.push(h.pass('first-stream-closed', 'changeStream is closed'));
      h.endOutage();
      const found = streamIn(h, 'resumedChangeStream', 'const resumedChangeStream = db.orders.watch([], { resumeAfter: resumeToken });');
      results.push(...found.results);
      if (found.stream === undefined) return results;
      const resumeAfter = found.stream.options.resumeAfter;
      const lastProcessed = h.shared.lastProcessed;
      const gap = /** @type {string[]} */ (h.shared.gapOrders ?? []);
      if (!h.same(resumeAfter, lastProcessed)) {
        const why = resumeAfter === undefined
          ? `it has no resumeAfter option, so it starts from now and the ${gap.length} orders placed during the outage are lost`
          : first?.held.some((event) => h.same(resumeAfter, event._id)) || (first !== undefined && h.same(resumeAfter, first.stream.resumeToken))
            ? 'it resumes after an event your listener never processed, so the orders placed during the outage are lost'
            : 'its resumeAfter is not the token of the last event your listener processed';
        results.push(h.fail('resume-after-last-processed', {
          problem: `resumedChangeStream does not resume after the last processed event: ${why}`,
          expected: { resumeAfter: lastProcessed },
          actual: resumeAfter === undefined ? 'no resumeAfter option' : { resumeAfter },
          fix: 'pass the token you stored: `db.orders.watch([], { resumeAfter: resumeToken })`',
        }));
        return results;
      }
      results.push(h.pass('resume-after-last-processed', 'resumedChangeStream resumes after the last event your listener processed'));
      return results;
    },
  },

  'keep-tracking': {
    async check(h) {
      /** @type {CheckResult[]} */
      const results = [];
      const stream = h.stream(h.binding('resumedChangeStream').value);
      if (stream === undefined || stream.listenerCount === 0 || stream.closed) {
        results.push(h.fail('listener-registered', {
          problem: "nothing listens for 'change' events on resumedChangeStream",
          expected: "a 'change' listener on the open resumedChangeStream",
          actual: stream === undefined ? 'resumedChangeStream is not a change stream' : stream.closed ? 'the stream is closed' : 'no listener',
          fix: "add one to the new stream: `resumedChangeStream.on('change', (change) => { resumeToken = change._id; });`",
        }));
        return results;
      }
      results.push(h.pass('listener-registered', "a 'change' listener is registered on resumedChangeStream"));
      if (!(await h.waitUntilReady(stream))) {
        results.push(h.fail('stream-started', {
          problem: 'resumedChangeStream never started reading events',
          expected: "the server to answer the stream's aggregate command",
          actual: stream.closed ? 'the stream was closed' : `no answer within ${h.timeoutMs} ms`,
          fix: 'keep resumedChangeStream open, with its listener registered',
        }));
        return results;
      }
      const lastProcessed = h.shared.lastProcessed;
      const open = h.changeStreamOpens(/** @type {number | undefined} */ (h.shared.resumeMark)).find((o) => o.collection === h.collection.collectionName);
      if (open === undefined || !h.same(open.stage.resumeAfter, lastProcessed)) {
        results.push(h.fail('driver-resumed', {
          problem: 'the driver did not send the resume token in the aggregate command that opened the resumed stream',
          expected: { resumeAfter: lastProcessed },
          actual: open === undefined
            ? 'no change stream aggregate on orders'
            : open.stage.resumeAfter === undefined ? 'a $changeStream stage without resumeAfter' : open.stage,
          fix: 'open resumedChangeStream with `{ resumeAfter: resumeToken }` and change nothing in it afterwards',
        }));
        return results;
      }
      results.push(h.pass('driver-resumed', 'the aggregate the driver sent resumes after the last processed event'));

      const gap = /** @type {string[]} */ (h.shared.gapOrders ?? []);
      const liveOrdersInserted = await h.insertOrders(liveOrders(h));
      const live = liveOrdersInserted.map((order) => order._id);
      // Losses are reported below, order by order, so the outcome of the wait itself is not needed.
      await h.waitForDelivered(stream, liveOrdersInserted);
      const got = orderIds(h, stream.delivered);
      for (const [name, ids, what] of /** @type {const} */ ([['outage-orders', gap, 'placed during the outage'], ['live-orders', live, 'placed after the resume']])) {
        const seen = got.filter((id) => ids.includes(id));
        const lost = ids.filter((id) => !seen.includes(id));
        const duplicated = ids.filter((id) => seen.filter((s) => s === id).length > 1);
        if (lost.length > 0 || duplicated.length > 0 || seen.join() !== ids.join()) {
          const parts = [
            ...(lost.length > 0 ? [`lost ${lost.join(', ')}`] : []),
            ...(duplicated.length > 0 ? [`received ${duplicated.join(', ')} more than once`] : []),
            ...(lost.length === 0 && duplicated.length === 0 ? ['received them out of order'] : []),
          ];
          results.push(h.fail(name, {
            problem: `the listener on resumedChangeStream ${parts.join(' and ')} among the ${ids.length} orders ${what}`,
            expected: ids,
            actual: seen,
            fix: 'resume with `{ resumeAfter: resumeToken }` after the last processed event, with one listener that handles each event once',
          }));
          return results;
        }
        results.push(h.pass(name, `the ${ids.length} orders ${what} arrived exactly once, in order`));
      }

      const last = /** @type {ChangeStreamDocument} */ (stream.delivered.at(-1));
      const token = h.binding('resumeToken').value;
      if (!h.same(token, last._id)) {
        results.push(h.fail('token-is-latest', {
          problem: h.same(token, lastProcessed)
            ? 'resumeToken still holds the token from before the interruption: the listener on resumedChangeStream does not update it'
            : tokenProblem(h, token, stream.delivered),
          expected: last._id,
          actual: token,
          fix: 'in the resumed stream\'s listener too, assign each event\'s _id: `resumeToken = change._id;`',
        }));
        return results;
      }
      results.push(h.pass('token-is-latest', 'resumeToken holds the token of the last event'));

      const replay = await h.replayAfter(token);
      const seenBefore = replay.ok ? orderIds(h, replay.events).filter((id) => got.includes(id)) : [];
      if (!replay.ok || seenBefore.length > 0) {
        results.push(h.fail('no-replay', {
          problem: replay.ok
            ? `a consumer resuming from resumeToken would process ${seenBefore.join(', ')} a second time`
            : `resuming from resumeToken fails: ${replay.error}`,
          expected: 'no event that was already processed',
          actual: replay.ok ? seenBefore : replay.error,
          fix: 'keep resumeToken equal to the _id of the last event your listener handled',
        }));
        return results;
      }
      results.push(h.pass('no-replay', 'resuming from resumeToken replays nothing already processed'));
      return results;
    },
  },
};

/** @type {import('../../src/grading/api.js').LessonExplanations} */
export const explanations = {
  changeStream: 'declare it in the first step, at the top level: `const changeStream = db.orders.watch();`',
  resumeToken: 'declare it at the top level in the capture-token step: `let resumeToken = null;`',
  resumedChangeStream: 'declare it in the resume step: `const resumedChangeStream = db.orders.watch([], { resumeAfter: resumeToken });`',
};
