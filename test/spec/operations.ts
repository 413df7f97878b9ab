import { ChangeStream } from 'mongodb';
import type { Doc, Operation } from './format.js';
import { describe, isDocument } from './bson-values.js';
import { withDeadline } from './deadline.js';
import type { Entity, EntityMap } from './entities.js';
import { toReadPreference } from './entities.js';
import { OPERATIONS, type HandlerContext, type OperationHandler } from './entity-operations.js';
import { describeError, expectedErrorProblems, RunnerError } from './errors.js';
import { findMismatch, formatMismatch } from './match.js';

/** Everything an operation needs from the test that runs it. */
export interface OperationContext extends HandlerContext {
  /** Deadline for one operation, in milliseconds. */
  timeoutMs: number;
}

/** Thrown when an operation or one of its assertions fails; the message names the operation. */
export class OperationFailure extends Error {
  constructor(index: number, operation: Operation, detail: string) {
    super(`operation #${index} ${operation.name} on ${operation.object}: ${detail}`);
    this.name = 'OperationFailure';
  }
}

/** The entity an operation runs on, or undefined for special (testRunner) operations. */
function resolveTarget(operation: Operation, entities: EntityMap): Entity | undefined {
  if (operation.object === 'testRunner') return undefined;
  const entity = entities.find(operation.object);
  if (!entity) throw new RunnerError(`no entity named ${JSON.stringify(operation.object)}`);
  return entity;
}

function handlerFor(operation: Operation, target: Entity | undefined): OperationHandler {
  const kind = target?.kind ?? 'testRunner';
  const handler = OPERATIONS[kind]?.[operation.name];
  if (!handler) throw new RunnerError(`unsupported operation ${operation.name} on a ${kind}`);
  return handler;
}

/** Checks the arguments against the handler's lists and resolves `session` and `readPreference` for the driver. */
function prepareArguments(operation: Operation, handler: OperationHandler, entities: EntityMap): Doc {
  const args: Doc = { ...(operation.arguments ?? {}) };
  for (const key of handler.required) {
    if (!(key in args)) throw new RunnerError(`missing required argument ${key}`);
  }
  for (const key of Object.keys(args)) {
    if (!handler.required.includes(key) && !handler.optional.includes(key)) {
      throw new RunnerError(`unsupported argument ${key}`);
    }
  }
  if (typeof args.session === 'string') args.session = entities.get(args.session, 'session').session;
  if (isDocument(args.readPreference)) args.readPreference = toReadPreference(args.readPreference);
  return args;
}

/** Stores an operation result under `name`: change streams as such, anything else as a BSON value. */
function saveResult(entities: EntityMap, name: string, result: unknown): void {
  if (result === undefined) throw new RunnerError(`saveResultAsEntity ${name}: the operation returned nothing`);
  if (result instanceof ChangeStream) entities.set(name, { kind: 'changeStream', stream: result });
  else entities.set(name, { kind: 'value', value: result });
}

/**
 * Runs operation number `index` of a test and evaluates its `expectError`, `expectResult` and
 * `saveResultAsEntity`. Throws an OperationFailure (or the RunnerError of an unsupported construct) on any problem.
 */
export async function executeOperation(index: number, operation: Operation, context: OperationContext): Promise<void> {
  const fail = (detail: string): never => {
    throw new OperationFailure(index, operation, detail);
  };
  let result: unknown;
  let error: unknown;
  let failed = false;
  try {
    const target = resolveTarget(operation, context.entities);
    const handler = handlerFor(operation, target);
    const args = prepareArguments(operation, handler, context.entities);
    result = await withDeadline(
      handler.run(target as Entity, args, context),
      context.timeoutMs,
      `operation #${index} ${operation.name}`,
    );
  } catch (caught) {
    // Runner problems (unsupported construct, deadline) are never the error a test expects.
    if (caught instanceof RunnerError) fail(caught.message);
    error = caught;
    failed = true;
  }
  if (operation.ignoreResultAndError) return;

  if (operation.expectError) {
    if (!failed) fail(`expected an error, but it succeeded${result === undefined ? '' : ` with ${describe(result)}`}`);
    const problems = expectedErrorProblems(operation.expectError, error);
    if (problems.length > 0) fail(`${problems.join('; ')}; the error was ${describeError(error)}`);
    return;
  }
  if (failed) fail(`unexpected error ${describeError(error)}`);

  if (operation.expectResult !== undefined) {
    const mismatch = findMismatch(operation.expectResult, result, {
      root: true,
      context: context.entities.matchContext(),
    });
    if (mismatch) fail(`expectResult ${formatMismatch(mismatch)}; result was ${describe(result, 1000)}`);
  }
  if (operation.saveResultAsEntity !== undefined) saveResult(context.entities, operation.saveResultAsEntity, result);
}
