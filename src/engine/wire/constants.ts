/** Opcodes of the messages this engine reads or writes. */
export const OpCode = {
  REPLY: 1,
  QUERY: 2004,
  COMPRESSED: 2012,
  MSG: 2013,
} as const;

/** OP_MSG flag bits (OP_MSG.md). */
export const MsgFlags = {
  checksumPresent: 1 << 0,
  moreToCome: 1 << 1,
  exhaustAllowed: 1 << 16,
} as const;

/** The message size limit advertised in hello; a frame claiming more closes the connection. */
export const MAX_MESSAGE_SIZE_BYTES = 48_000_000;
/** The document size limit advertised in hello. */
export const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
/** Header length: messageLength, requestID, responseTo, opCode. */
export const HEADER_LENGTH = 16;
