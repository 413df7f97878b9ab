import type {
  CommandFailedEvent,
  CommandStartedEvent,
  CommandSucceededEvent,
  MongoClient,
} from 'mongodb';
import type { ClientEntitySpec, ExpectedCommandEvent, ExpectedEventsForClient } from './format.js';
import { describe } from './bson-values.js';
import { RunnerError } from './errors.js';
import { findMismatch, formatMismatch, type MatchContext } from './match.js';

/** The command monitoring event kinds, by their unified-format names. */
export type CommandEventKind = 'commandStartedEvent' | 'commandSucceededEvent' | 'commandFailedEvent';

/** A command monitoring event as recorded for one client entity. */
export interface ObservedEvent {
  /** Which event it is. */
  kind: CommandEventKind;
  /** The driver's event object. */
  event: CommandStartedEvent | CommandSucceededEvent | CommandFailedEvent;
}

const DRIVER_EVENT: Record<CommandEventKind, string> = {
  commandStartedEvent: 'commandStarted',
  commandSucceededEvent: 'commandSucceeded',
  commandFailedEvent: 'commandFailed',
};

/** Commands whose events the format says to drop unless `observeSensitiveCommands` is set. */
const SENSITIVE_COMMANDS = new Set([
  'authenticate',
  'saslstart',
  'saslcontinue',
  'getnonce',
  'createuser',
  'updateuser',
  'copydbgetnonce',
  'copydbsaslstart',
  'copydb',
]);

/** hello is sensitive only with speculative authentication, which the driver shows by redacting it to `{}`. */
const CONDITIONALLY_SENSITIVE = new Set(['hello', 'ismaster']);

/**
 * Records the command monitoring events a client entity asked to observe, minus ignored commands,
 * `configureFailPoint` (always ignored, per the format) and sensitive commands.
 */
export class EventRecorder {
  /** Events recorded since `start`, in the order the driver emitted them. */
  readonly events: ObservedEvent[] = [];
  private readonly listeners: [string, (event: CommandStartedEvent) => void][] = [];

  constructor(
    private readonly client: MongoClient,
    private readonly spec: ClientEntitySpec,
  ) {}

  /** Subscribes to the client's events. */
  start(): void {
    const ignored = new Set([...(this.spec.ignoreCommandMonitoringEvents ?? []), 'configureFailPoint']);
    for (const kind of this.spec.observeEvents ?? []) {
      if (!(kind in DRIVER_EVENT)) throw new RunnerError(`unsupported observeEvents entry ${JSON.stringify(kind)}`);
      const eventKind = kind as CommandEventKind;
      const listener = (event: CommandStartedEvent | CommandSucceededEvent | CommandFailedEvent): void => {
        if (ignored.has(event.commandName) || this.isHiddenSensitive(event)) return;
        this.events.push({ kind: eventKind, event });
      };
      this.client.on(DRIVER_EVENT[eventKind] as 'commandStarted', listener);
      this.listeners.push([DRIVER_EVENT[eventKind], listener]);
    }
  }

  /** Unsubscribes; the recorded events stay available. */
  stop(): void {
    for (const [name, listener] of this.listeners.splice(0)) this.client.off(name as 'commandStarted', listener);
  }

  private isHiddenSensitive(event: CommandStartedEvent | CommandSucceededEvent | CommandFailedEvent): boolean {
    if (this.spec.observeSensitiveCommands) return false;
    const name = event.commandName.toLowerCase();
    if (SENSITIVE_COMMANDS.has(name)) return true;
    if (!CONDITIONALLY_SENSITIVE.has(name)) return false;
    const body = 'command' in event ? event.command : 'reply' in event ? event.reply : undefined;
    return typeof body === 'object' && body !== null && Object.keys(body).length === 0;
  }
}

/** Short label of an observed event for messages: `commandStartedEvent getMore on database0`. */
function label(observed: ObservedEvent): string {
  return `${observed.kind} ${observed.event.commandName} on ${observed.event.databaseName}`;
}

/** The problems of one observed event against its expectation, or an empty list. */
function eventProblems(expected: ExpectedCommandEvent, observed: ObservedEvent, context: MatchContext): string[] {
  const problems: string[] = [];
  const { event } = observed;
  if (expected.commandName !== undefined && event.commandName !== expected.commandName) {
    problems.push(`commandName: expected ${expected.commandName}, got ${event.commandName}`);
  }
  if (expected.databaseName !== undefined && event.databaseName !== expected.databaseName) {
    problems.push(`databaseName: expected ${expected.databaseName}, got ${event.databaseName}`);
  }
  if (expected.command !== undefined) {
    const command = 'command' in event ? event.command : undefined;
    const mismatch = findMismatch(expected.command, command, { root: true, context });
    if (mismatch) problems.push(`command ${formatMismatch(mismatch)}; command was ${describe(command, 600)}`);
  }
  if (expected.reply !== undefined) {
    const reply = 'reply' in event ? event.reply : undefined;
    const mismatch = findMismatch(expected.reply, reply, { root: true, context });
    if (mismatch) problems.push(`reply ${formatMismatch(mismatch)}; reply was ${describe(reply, 600)}`);
  }
  if (expected.hasServiceId !== undefined) {
    const has = event.serviceId !== undefined && !/^0+$/.test(event.serviceId.toHexString());
    if (has !== expected.hasServiceId) problems.push(`expected serviceId to be ${expected.hasServiceId ? 'set' : 'unset'}`);
  }
  if (expected.hasServerConnectionId !== undefined) {
    const has = event.serverConnectionId !== null && event.serverConnectionId > 0n;
    if (has !== expected.hasServerConnectionId) {
      problems.push(`expected serverConnectionId to be ${expected.hasServerConnectionId ? 'set' : 'unset'}`);
    }
  }
  return problems;
}

/**
 * Checks the events observed on one client against `expected`: same kinds in the same order, each matching, and
 * no further events unless `ignoreExtraEvents`. Throws an Error describing the first difference and listing what
 * was observed.
 */
export function assertExpectedEvents(
  expected: ExpectedEventsForClient,
  observed: ObservedEvent[],
  context: MatchContext,
): void {
  if ((expected.eventType ?? 'command') !== 'command') {
    throw new RunnerError(`unsupported expectEvents eventType ${JSON.stringify(expected.eventType)}`);
  }
  const seen = `observed: [${observed.map(label).join(', ')}]`;
  const fail = (message: string): never => {
    throw new Error(`expectEvents for ${expected.client}: ${message}; ${seen}`);
  };
  expected.events.forEach((expectedEvent, index) => {
    const kinds = Object.keys(expectedEvent);
    const kind = kinds[0] as CommandEventKind;
    if (kinds.length !== 1 || !(kind in DRIVER_EVENT)) {
      throw new RunnerError(`unsupported expected event ${describe(expectedEvent)}`);
    }
    const actual = observed[index];
    if (actual === undefined) fail(`event #${index} (${kind}) was not observed`);
    if (actual!.kind !== kind) fail(`event #${index}: expected a ${kind}, got ${label(actual!)}`);
    const problems = eventProblems(expectedEvent[kind]!, actual!, context);
    if (problems.length > 0) fail(`event #${index} (${label(actual!)}): ${problems.join('; ')}`);
  });
  if (!expected.ignoreExtraEvents && observed.length > expected.events.length) {
    fail(`expected exactly ${expected.events.length} event(s), got ${observed.length}`);
  }
}
