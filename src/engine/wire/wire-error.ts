/**
 * A frame that cannot be a MongoDB message. The connection that sent it is closed: after a bad
 * length or a truncated document there is no way to find where the next message starts.
 */
export class WireProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireProtocolError';
  }
}
