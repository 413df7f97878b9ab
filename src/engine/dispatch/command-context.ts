import type { Document } from 'bson';
import type { Engine } from '../engine.js';

/** What the dispatcher knows about the connection a command arrived on. */
export interface ConnectionInfo {
  /** mongod's connectionId: a per-server counter. */
  readonly id: number;
  /** `host:port` the client dialed (the socket's local address), reported in hello. */
  readonly hostPort: string;
  /** Aborted when the connection closes, so a waiting getMore stops. */
  readonly signal: AbortSignal;
  /** The handshake's `client.application.name`, matched by failCommand's `appName`. */
  appName?: string;
}

/** Everything a command handler may use. Handlers never see sockets or framing. */
export interface CommandContext {
  readonly engine: Engine;
  /** The command's `$db`. */
  readonly db: string;
  /** The command document, document sequences merged in. */
  readonly body: Document;
  /** The command name as the client spelled it (the first key of body). */
  readonly commandName: string;
  readonly connection: ConnectionInfo;
  /** Marks the command as operating on a change stream, for mongod's change-stream error labels. */
  markChangeStream(): void;
}

/** A command's implementation: returns the reply payload ending with `ok: 1`. */
export type CommandHandler = (ctx: CommandContext) => Document | Promise<Document>;

/**
 * One command: its wire name, a help line for listCommands, and its handler. A spec without a
 * handler is known but unimplemented (NotImplemented, 238), as opposed to unknown (59).
 */
export interface CommandSpec {
  readonly name: string;
  readonly help: string;
  readonly handler?: CommandHandler;
}
