/**
 * The MongoDB error codes this engine answers with, sorted by number.
 * Names and numbers are mongod's own (src/mongo/base/error_codes.yml); only codes we use are listed,
 * so that a typo in a handler fails loudly in EngineError instead of reaching a client.
 */
export const ErrorCodes = {
  InternalError: 1,
  BadValue: 2,
  NoSuchKey: 4,
  HostUnreachable: 6,
  HostNotFound: 7,
  FailedToParse: 9,
  Unauthorized: 13,
  TypeMismatch: 14,
  InvalidLength: 16,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  Overflow: 45,
  NoMatchingDocument: 47,
  NamespaceExists: 48,
  MaxTimeMSExpired: 50,
  DollarPrefixedFieldName: 52,
  InvalidIdField: 53,
  NotSingleValueField: 54,
  EmptyFieldName: 56,
  CommandNotFound: 59,
  StaleShardVersion: 63,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  IndexAlreadyExists: 68,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  NetworkTimeout: 89,
  ShutdownInProgress: 91,
  OperationFailed: 96,
  FailedToSatisfyReadPreference: 133,
  ReadConcernMajorityNotAvailableYet: 134,
  StaleEpoch: 150,
  CommandNotSupportedOnView: 166,
  InvalidPipelineOperator: 168,
  QueryPlanKilled: 175,
  PrimarySteppedDown: 189,
  ElectionInProgress: 216,
  RetryChangeStream: 234,
  CursorKilled: 237,
  NotImplemented: 238,
  InvalidResumeToken: 260,
  ExceededTimeLimit: 262,
  OperationNotSupportedInTransaction: 263,
  ChangeStreamFatalError: 280,
  ChangeStreamHistoryLost: 286,
  SocketException: 9001,
  NotWritablePrimary: 10107,
  DuplicateKey: 11000,
  InterruptedAtShutdown: 11600,
  Interrupted: 11601,
  InterruptedDueToReplStateChange: 11602,
  StaleConfig: 13388,
  NotPrimaryNoSecondaryOk: 13435,
  NotPrimaryOrSecondary: 13436,
  Location15975: 15975,
  Location15976: 15976,
  Location15998: 15998,
  Location16020: 16020,
  Location16410: 16410,
  Location17276: 17276,
  Location31250: 31250,
  Location31253: 31253,
  Location31254: 31254,
  Location40323: 40323,
  Location40324: 40324,
  Location40352: 40352,
  Location40414: 40414,
  Location40415: 40415,
  Location40602: 40602,
  Location40646: 40646,
  Location40647: 40647,
  Location40648: 40648,
  Location40649: 40649,
  Location40674: 40674,
  Location50615: 50615,
  Location50793: 50793,
  Location50794: 50794,
  Location50795: 50795,
  Location50796: 50796,
  Location50808: 50808,
  Location50811: 50811,
  Location50816: 50816,
  Location50854: 50854,
  Location50855: 50855,
  Location50865: 50865,
  Location50870: 50870,
  Location50872: 50872,
  Location50910: 50910,
  Location51024: 51024,
  Location51055: 51055,
  Location51056: 51056,
  Location51057: 51057,
  Location51246: 51246,
  Location6189500: 6189500,
  Location6189501: 6189501,
  Location6189502: 6189502,
  Location6189503: 6189503,
  Location6189504: 6189504,
  Location6189505: 6189505,
  Location7182501: 7182501,
} as const;

/** A code name from the table above. */
export type ErrorCodeName = keyof typeof ErrorCodes;

const NAMES_BY_CODE = new Map<number, string>(Object.entries(ErrorCodes).map(([name, code]) => [code, name]));

/** The codeName mongod sends for `code`, or undefined for a code this engine does not use. */
export function codeName(code: number): string | undefined {
  return NAMES_BY_CODE.get(code);
}

/**
 * Codes in mongod's RetriableError, NetworkError and NeedRetargettingError categories, plus 133 and 234:
 * a getMore of a change stream failing with one of these carries ResumableChangeStreamError.
 */
export const RESUMABLE_CHANGE_STREAM_CODES: ReadonlySet<number> = new Set([
  6, 7, 89, 91, 133, 134, 150, 189, 234, 262, 9001, 10107, 11600, 11602, 13388, 13435, 13436,
]);

/** Codes in mongod's NonResumableChangeStreamError category. */
export const NON_RESUMABLE_CHANGE_STREAM_CODES: ReadonlySet<number> = new Set([280, 286]);
