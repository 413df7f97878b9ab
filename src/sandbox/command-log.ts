import { EventEmitter } from 'node:events';
import type { CommandStartedEvent, Document, MongoClient } from 'mongodb';

/** One command the session's client sent, as the driver's command monitoring saw it. */
export interface CommandRecord {
  /** Command name: `aggregate`, `insert`, `getMore`... */
  readonly name: string;
  /** Database the command ran against. */
  readonly db: string;
  /** The command document (for a change stream: `pipeline[0].$changeStream.resumeAfter`). */
  readonly command: Document;
  readonly requestId: number;
  /** Date.now() when it was sent. */
  readonly at: number;
}

/** Events of CommandLog. */
interface CommandLogEvents {
  command: [CommandRecord];
}

/**
 * Oldest records are dropped past this many: a change stream sends a getMore about every second, and an
 * interactive session can stay open for hours.
 */
export const COMMAND_LOG_CAPACITY = 10_000;

/**
 * Every commandStartedEvent of the session's client, in order. The harness reads what the learner's code asked
 * the server for (the aggregate that opened a resumed stream) without trusting the learner's variables.
 */
export class CommandLog extends EventEmitter<CommandLogEvents> {
  readonly #records: CommandRecord[] = [];

  constructor(client: MongoClient) {
    super();
    client.on('commandStarted', (event: CommandStartedEvent) => {
      const record: CommandRecord = {
        name: event.commandName,
        db: event.databaseName,
        command: event.command,
        requestId: event.requestId,
        at: Date.now(),
      };
      this.#records.push(record);
      if (this.#records.length > COMMAND_LOG_CAPACITY) this.#records.shift();
      this.emit('command', record);
    });
  }

  /** Records in the order the commands were sent. */
  get records(): readonly CommandRecord[] {
    return this.#records;
  }

  /** Records of one command name, in order. */
  byName(name: string): CommandRecord[] {
    return this.#records.filter((record) => record.name === name);
  }
}
