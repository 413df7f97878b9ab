import { Binary } from 'bson';
import { EngineError } from '../errors/engine-error.js';
import { isInt32, KeyStringReader } from './_keystring-reader.js';
import { CType } from './_keystring-writer.js';
import { buildKeyString } from './keystring.js';

// Resume tokens as mongod's ResumeToken (src/mongo/db/pipeline/resume_token.cpp; research notes 4):
// the KeyString V1 of (clusterTime, version, tokenType, txnOpIndex, fromInvalidate, uuid|null,
// eventIdentifier?), as uppercase hex, so that plain string order is token order.

const TOKEN_VERSION = 2;
const HIGH_WATER_MARK = 0;
const EVENT = 128;
const UUID_SUBTYPE = 4;
const UUID_LENGTH = 16;

/** The fields a version-2 token encodes, in encoding order. */
export interface ResumeTokenData {
  /** The oplog Timestamp as `(t << 32) | i`. */
  clusterTime: bigint;
  version: 2;
  /** 0 for a high-water mark (a point in time), 128 for an event. */
  tokenType: 0 | 128;
  /** Position within a transaction or applyOps batch, else 0. */
  txnOpIndex: number;
  /** True only on the synthetic invalidate event, so that it sorts right after its drop or rename. */
  fromInvalidate: boolean;
  /** The collection UUID (16 bytes), null for database-level events and high-water marks. */
  uuid: Uint8Array | null;
  /** `{operationType, documentKey}` or `{operationType, operationDescription?}`; absent for high-water marks. */
  eventIdentifier?: Record<string, unknown>;
}

/** The token document the driver receives as an event `_id` or postBatchResumeToken, and sends back. */
export interface ResumeToken {
  _data: string;
  _typeBits?: Binary;
}

/**
 * A token read back from a client. The eventIdentifier is kept as its KeyString hex rather than
 * rebuilt as a document: tokens are compared as bytes, never by their decoded values.
 */
export interface DecodedResumeToken extends Omit<ResumeTokenData, 'eventIdentifier'> {
  /** The token's `_data` in uppercase: its identity, comparable with {@link compareResumeTokens}. */
  data: string;
  /** Uppercase hex of the eventIdentifier's KeyString (type byte included), null when absent. */
  eventIdentifierHex: string | null;
  /** Set on `$changeStreamSplitLargeEvent` fragments. */
  fragmentNum?: number;
}

/** Encodes a token, enforcing the invariants mongod's ResumeToken constructor asserts. */
export function makeResumeToken(data: ResumeTokenData): ResumeToken {
  if (
    data.tokenType === HIGH_WATER_MARK &&
    (data.txnOpIndex > 0 || data.fromInvalidate || data.uuid !== null || data.eventIdentifier !== undefined)
  ) {
    throw new EngineError('Location6189505', 'Invalid high water mark token');
  }
  if (data.tokenType === EVENT && data.eventIdentifier === undefined) {
    throw new EngineError('Location6189502', 'Expected an eventIdentifier for an event resume token');
  }
  const { bytes, typeBits } = buildKeyString((b) => {
    b.timestamp(data.clusterTime);
    b.int32(data.version);
    b.int32(data.tokenType);
    b.int32(data.txnOpIndex);
    b.bool(data.fromInvalidate);
    if (data.uuid) b.binData(data.uuid, UUID_SUBTYPE);
    else b.null();
    if (data.eventIdentifier !== undefined) b.value(data.eventIdentifier);
  });
  const _data = hex(bytes);
  return typeBits ? { _data, _typeBits: new Binary(typeBits, Binary.SUBTYPE_DEFAULT) } : { _data };
}

/** The token of a point in time (postBatchResumeToken, startAtOperationTime), before any event at it. */
export function makeHighWaterMarkToken(clusterTime: bigint): ResumeToken {
  return makeResumeToken({
    clusterTime,
    version: TOKEN_VERSION,
    tokenType: HIGH_WATER_MARK,
    txnOpIndex: 0,
    fromInvalidate: false,
    uuid: null,
  });
}

/**
 * Orders two tokens' `_data` strings. Uppercase hex of a KeyString sorts like its bytes, and the
 * bytes sort by (clusterTime, version, tokenType, txnOpIndex, fromInvalidate, uuid, eventIdentifier),
 * so this is mongod's token order for tokens of one version (all of ours are version 2).
 */
export function compareResumeTokens(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex').toUpperCase();
}

/**
 * Parses and validates a token document a client sent as `resumeAfter` or `startAfter`, with
 * mongod's codes and messages (`ResumeToken::getData`). Versions 0 and 1, which only older servers
 * issue, are refused with 50795.
 */
export function decodeResumeToken(token: unknown): DecodedResumeToken {
  const doc = (typeof token === 'object' && token !== null ? token : {}) as Record<string, unknown>;
  const dataField = doc._data;
  if (typeof dataField !== 'string') {
    throw new EngineError(
      'Location40647',
      `Bad resume token: _data of missing or of wrong type. Expected string, got ${formatValue(token)}`,
    );
  }
  const typeBitsField = doc._typeBits;
  if (typeBitsField !== undefined && !(isBinary(typeBitsField) && typeBitsField.sub_type === Binary.SUBTYPE_DEFAULT)) {
    throw new EngineError('Location40648', `Bad resume token: _typeBits of wrong type ${formatValue(token)}`);
  }
  const typeBits = typeBitsField?.buffer.subarray(0, typeBitsField.position);
  if (dataField.length % 2 !== 0 || !/^[0-9A-Fa-f]*$/.test(dataField)) {
    throw new EngineError('FailedToParse', 'resume token string was not a valid hex string');
  }
  const data = dataField.toUpperCase();
  const bytes = Buffer.from(data, 'hex');
  new KeyStringReader(bytes, typeBits).skipAll();
  return readTokenFields(new KeyStringReader(bytes, typeBits), data);
}

function readTokenFields(r: KeyStringReader, data: string): DecodedResumeToken {
  const first = r.nextType();
  if (first === undefined) throw new EngineError('Location40649', 'invalid empty resume token');
  // As BSONElement::timestamp(): any other type reads as Timestamp(0, 0).
  let clusterTime = 0n;
  if (first === CType.Timestamp) clusterTime = r.timestamp();
  else r.skip(first);

  const version = readInt(r, 'Location50796', 'Resume Token does not contain version', 'Location50854', 'Invalid resume token: wrong type for version');
  if (version !== TOKEN_VERSION) {
    const message = version === 0 || version === 1
      ? `Invalid Resume Token: version ${version} tokens come from older servers; this engine only supports version 2`
      : 'Invalid Resume Token: only supports version 0, 1 and 2';
    throw new EngineError('Location50795', message);
  }
  const tokenType = readInt(r, 'Location51055', 'Resume Token does not contain tokenType', 'Location51056', 'Resume Token tokenType is not an int.');
  if (tokenType !== EVENT && tokenType !== HIGH_WATER_MARK) {
    throw new EngineError('Location51057', `Token type ${tokenType} not recognized`);
  }
  const txnOpIndex = readInt(r, 'Location50793', 'Resume Token does not contain txnOpIndex', 'Location50855', 'Resume Token txnOpIndex is not an integer');
  if (txnOpIndex < 0) throw new EngineError('Location50794', 'Invalid Resume Token: txnOpIndex should be non-negative');

  const invalidateType = r.nextType();
  if (invalidateType === undefined) throw new EngineError('Location50872', 'Resume Token does not contain fromInvalidate');
  if (invalidateType !== CType.False && invalidateType !== CType.True) {
    throw new EngineError('Location50870', 'Resume Token fromInvalidate is not a boolean.');
  }
  const result: DecodedResumeToken = {
    clusterTime,
    version: TOKEN_VERSION,
    tokenType,
    txnOpIndex,
    fromInvalidate: invalidateType === CType.True,
    uuid: null,
    data,
    eventIdentifierHex: null,
  };

  const uuidType = r.nextType();
  if (uuidType === undefined) throw new EngineError('Location6189500', 'Expected UUID or null');
  if (uuidType !== CType.Null) {
    const bin = uuidType === CType.BinData ? r.binData() : undefined;
    if (!bin || bin.subtype !== UUID_SUBTYPE || bin.bytes.length !== UUID_LENGTH) {
      throw new EngineError('Location6189500', 'Expected UUID or null');
    }
    result.uuid = Uint8Array.from(bin.bytes);
  }

  const idStart = r.pos;
  const idType = r.nextType();
  if (idType !== undefined && tokenType === HIGH_WATER_MARK) {
    throw new EngineError('Location6189504', 'Invalid high water mark token');
  }
  if (idType === undefined) {
    if (tokenType === EVENT) throw new EngineError('Location6189501', 'Expected an eventIdentifier for an event resume token');
    return result;
  }
  if (idType !== CType.Object) throw new EngineError('Location6189503', 'Resume Token eventIdentifier is not an object');
  r.skip(idType);
  result.eventIdentifierHex = data.slice(idStart * 2, r.pos * 2);

  const fragmentType = r.nextType();
  if (fragmentType === undefined) return result;
  const fragment = fragmentType < CType.String && fragmentType >= CType.Numeric ? r.numeric(fragmentType) : undefined;
  if (!fragment || !isInt32(fragment) || fragment.integer < 0) {
    throw new EngineError('Location7182501', "Resume token 'fragmentNum' must be a non-negative integer.");
  }
  result.fragmentNum = fragment.integer;
  if (r.nextType() !== undefined) throw new EngineError('Location40646', 'invalid oversized resume token');
  return result;
}

type IntCode = 'Location50796' | 'Location50854' | 'Location51055' | 'Location51056' | 'Location50793' | 'Location50855';

/** The next element, which must be a NumberInt. */
function readInt(r: KeyStringReader, missingCode: IntCode, missing: string, wrongTypeCode: IntCode, wrongType: string): number {
  const ctype = r.nextType();
  if (ctype === undefined) throw new EngineError(missingCode, missing);
  const element = ctype >= CType.Numeric && ctype < CType.String ? r.numeric(ctype) : undefined;
  if (!element || !isInt32(element)) throw new EngineError(wrongTypeCode, wrongType);
  return element.integer;
}

function isBinary(value: unknown): value is Binary {
  return typeof value === 'object' && value !== null && (value as { _bsontype?: unknown })._bsontype === 'Binary';
}

/** Roughly mongod's Document::toString, for the 40647 and 40648 messages. */
function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (isBinary(value)) return `BinData(${value.sub_type}, ${hex(value.buffer.subarray(0, value.position))})`;
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object' && value !== null && (value as { _bsontype?: unknown })._bsontype === undefined) {
    const fields = Object.entries(value).map(([k, v]) => `${k}: ${formatValue(v)}`);
    return `{${fields.join(', ')}}`;
  }
  return String(value);
}
