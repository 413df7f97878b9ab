import { MongoClient } from 'mongodb';
import { InvalidUriError, TargetStartError } from '../core/errors.js';
import { messageOf } from './_internal.js';
import { probeServer } from './probe.js';
import type { RunningTarget, Target } from './target.js';

/** Options of the uri target. */
export interface UriTargetOptions {
  readonly uri: string;
  /** Server selection timeout of the readiness probe. */
  readonly connectTimeoutMs: number;
}

/**
 * An existing replica set or Atlas cluster. Starting it only proves it usable: the URI parses, the server answers a
 * ping within the timeout, and it is a replica set (change streams need one). Stopping leaves it running.
 */
export function uriTarget(options: UriTargetOptions): Target {
  return {
    kind: 'uri',
    start: async (): Promise<RunningTarget> => {
      assertParses(options.uri);
      let server;
      try {
        server = await probeServer(options.uri, options.connectTimeoutMs);
      } catch (err) {
        throw new TargetStartError('uri', messageOf(err), { cause: err });
      }
      if (!server.supportsChangeStreams) {
        throw new TargetStartError('uri', 'the server is a standalone mongod; change streams need a replica set');
      }
      return { kind: 'uri', uri: options.uri, serverVersion: server.version, stop: async () => undefined };
    },
  };
}

/**
 * Lets the driver judge the syntax, since it knows every option, without connecting. Its constructor only parses,
 * and reports bad input through several classes (its own and its URL parser's MongoParseError, MongoRuntimeError
 * for a bad port), so anything it throws means the URI is unusable.
 */
function assertParses(uri: string): void {
  try {
    new MongoClient(uri);
  } catch (err) {
    throw new InvalidUriError(uri, messageOf(err));
  }
}
