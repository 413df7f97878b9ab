import { BSON, type Document } from 'bson';
import { rememberBsonSize } from '../bson-size.js';
import { HEADER_LENGTH, MsgFlags, OpCode } from './constants.js';
import { WireProtocolError } from './wire-error.js';

/** Deserialization options for everything the engine reads: int64 stays Long so types survive a round trip. */
export const DESERIALIZE_OPTIONS = { promoteLongs: false, validation: { utf8: true } } as const;

/** A client request after framing: the command body with any document sequences merged in. */
export interface WireRequest {
  requestId: number;
  opCode: typeof OpCode.MSG | typeof OpCode.QUERY;
  /** The command document; `$db` is filled in for OP_QUERY from the full collection name. */
  body: Document;
  /** OP_MSG moreToCome: the client expects no reply. */
  moreToCome: boolean;
  exhaustAllowed: boolean;
}

/** Parses one whole frame (header included) into a request. Throws WireProtocolError on anything malformed. */
export function parseMessage(frame: Buffer): WireRequest {
  const requestId = frame.readInt32LE(4);
  const opCode = frame.readInt32LE(12);
  if (opCode === OpCode.MSG) return parseOpMsg(frame, requestId);
  if (opCode === OpCode.QUERY) return parseOpQuery(frame, requestId);
  if (opCode === OpCode.COMPRESSED) throw new WireProtocolError('OP_COMPRESSED received but no compressor was negotiated');
  throw new WireProtocolError(`unsupported opCode ${opCode}`);
}

function parseOpMsg(frame: Buffer, requestId: number): WireRequest {
  if (frame.length < HEADER_LENGTH + 5) throw new WireProtocolError('OP_MSG too short');
  const flags = frame.readUInt32LE(HEADER_LENGTH);
  const end = flags & MsgFlags.checksumPresent ? frame.length - 4 : frame.length;
  let offset = HEADER_LENGTH + 4;
  let body: Document | undefined;
  const sequences: [string, Document[]][] = [];
  while (offset < end) {
    const kind = frame[offset++];
    if (kind === 0) {
      if (body) throw new WireProtocolError('OP_MSG has more than one kind 0 section');
      const size = documentSize(frame, offset, end);
      body = deserialize(frame, offset, size);
      offset += size;
    } else if (kind === 1) {
      if (offset + 4 > end) throw new WireProtocolError('truncated document sequence');
      const size = frame.readInt32LE(offset);
      const sectionEnd = offset + size;
      if (size < 5 || sectionEnd > end) throw new WireProtocolError(`invalid document sequence size ${size}`);
      const nameEnd = frame.indexOf(0, offset + 4);
      if (nameEnd < 0 || nameEnd >= sectionEnd) throw new WireProtocolError('unterminated document sequence identifier');
      const identifier = frame.toString('utf8', offset + 4, nameEnd);
      const docs: Document[] = [];
      let at = nameEnd + 1;
      while (at < sectionEnd) {
        const docSize = documentSize(frame, at, sectionEnd);
        const doc = deserialize(frame, at, docSize);
        rememberBsonSize(doc, docSize);
        docs.push(doc);
        at += docSize;
      }
      sequences.push([identifier, docs]);
      offset = sectionEnd;
    } else {
      throw new WireProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new WireProtocolError('OP_MSG has no kind 0 section');
  for (const [identifier, docs] of sequences) body[identifier] = docs;
  return {
    requestId,
    opCode: OpCode.MSG,
    body,
    moreToCome: (flags & MsgFlags.moreToCome) !== 0,
    exhaustAllowed: (flags & MsgFlags.exhaustAllowed) !== 0,
  };
}

function parseOpQuery(frame: Buffer, requestId: number): WireRequest {
  let offset = HEADER_LENGTH + 4;
  const nameEnd = frame.indexOf(0, offset);
  if (nameEnd < 0) throw new WireProtocolError('unterminated OP_QUERY collection name');
  const fullCollectionName = frame.toString('utf8', offset, nameEnd);
  offset = nameEnd + 1 + 8;
  const size = documentSize(frame, offset, frame.length);
  const query = deserialize(frame, offset, size);
  const dot = fullCollectionName.indexOf('.');
  const db = dot < 0 ? fullCollectionName : fullCollectionName.slice(0, dot);
  // Legacy shells wrap the command as {$query: {...}, $readPreference: ...}.
  const body: Document = query.$query && typeof query.$query === 'object' ? { ...query.$query } : query;
  body.$db = db;
  return { requestId, opCode: OpCode.QUERY, body, moreToCome: false, exhaustAllowed: false };
}

function documentSize(frame: Buffer, offset: number, end: number): number {
  if (offset + 5 > end) throw new WireProtocolError('truncated BSON document');
  const size = frame.readInt32LE(offset);
  if (size < 5 || offset + size > end) throw new WireProtocolError(`invalid BSON document size ${size}`);
  return size;
}

function deserialize(frame: Buffer, offset: number, size: number): Document {
  try {
    return BSON.deserialize(frame.subarray(offset, offset + size), DESERIALIZE_OPTIONS);
  } catch (err) {
    throw new WireProtocolError(`invalid BSON: ${(err as Error).message}`);
  }
}

/** Encodes an OP_MSG reply: flags 0 and one kind 0 section, as the driver requires. */
export function encodeOpMsgReply(requestId: number, responseTo: number, reply: Document): Buffer {
  const bson = BSON.serialize(reply);
  const out = Buffer.allocUnsafe(HEADER_LENGTH + 5 + bson.length);
  out.writeInt32LE(out.length, 0);
  out.writeInt32LE(requestId, 4);
  out.writeInt32LE(responseTo, 8);
  out.writeInt32LE(OpCode.MSG, 12);
  out.writeUInt32LE(0, 16);
  out[20] = 0;
  out.set(bson, 21);
  return out;
}

/** Encodes an OP_REPLY answering a legacy OP_QUERY (the driver's first handshake on every socket). */
export function encodeOpReply(requestId: number, responseTo: number, reply: Document): Buffer {
  const bson = BSON.serialize(reply);
  const out = Buffer.allocUnsafe(HEADER_LENGTH + 20 + bson.length);
  out.writeInt32LE(out.length, 0);
  out.writeInt32LE(requestId, 4);
  out.writeInt32LE(responseTo, 8);
  out.writeInt32LE(OpCode.REPLY, 12);
  out.writeInt32LE(0, 16);
  out.writeBigInt64LE(0n, 20);
  out.writeInt32LE(0, 28);
  out.writeInt32LE(1, 32);
  out.set(bson, 36);
  return out;
}
