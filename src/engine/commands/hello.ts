import { ObjectId, type Document } from 'bson';
import type { CommandContext, CommandSpec } from '../dispatch/command-context.js';
import { MAX_BSON_OBJECT_SIZE, MAX_MESSAGE_SIZE_BYTES } from '../wire/constants.js';
import { MAX_WIRE_VERSION } from './_internal.js';

/** mongod's electionId format: 0x7fffffff then the term. Constant, so the driver never sees a stale primary. */
const ELECTION_ID = new ObjectId('7fffffff0000000000000001');

/**
 * The hello reply of a one-node replica-set primary. No `topologyVersion`: the driver then polls
 * instead of streaming hello, which needs exhaust support (changestreams.md 1.3). No `compression`.
 */
export function helloReply(ctx: CommandContext, legacy: boolean): Document {
  const me = ctx.connection.hostPort;
  const { body, engine } = ctx;
  const client = body.client as Document | undefined;
  const appName = (client?.application as Document | undefined)?.name;
  if (typeof appName === 'string') ctx.connection.appName = appName;
  const reply: Document = {
    ...(legacy ? { ismaster: true } : {}),
    isWritablePrimary: true,
    secondary: false,
    setName: engine.options.replSetName,
    setVersion: 1,
    electionId: ELECTION_ID,
    hosts: [me],
    primary: me,
    me,
    ...(body.helloOk === true ? { helloOk: true } : {}),
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE_BYTES,
    maxWriteBatchSize: 100000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connection.id,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  };
  return reply;
}

/** hello implements `hello`: the replica-set primary's self-description. */
export const hello: CommandSpec = {
  name: 'hello',
  help: 'describe this replica-set member (handshake and monitoring)',
  handler: (ctx) => helloReply(ctx, false),
};
