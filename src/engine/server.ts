import net from 'node:net';
import { dispatch } from './dispatch/dispatcher.js';
import type { ConnectionInfo } from './dispatch/command-context.js';
import type { Engine } from './engine.js';
import { OpCode } from './wire/constants.js';
import { FrameReader } from './wire/frame-reader.js';
import { encodeOpMsgReply, encodeOpReply, parseMessage, type WireRequest } from './wire/messages.js';
import { WireProtocolError } from './wire/wire-error.js';

/**
 * The TCP side of the engine: one FrameReader per socket, commands run one at a time per
 * connection (as a driver sends them), and any malformed frame closes only that socket.
 */
export class WireServer {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private nextConnectionId = 1;
  private nextReplyId = 1;

  constructor(private readonly engine: Engine) {
    this.server = net.createServer((socket) => this.accept(socket));
  }

  /** Listens on 127.0.0.1 (port 0 picks a free one) and resolves with the bound port. */
  listen(port: number, host = '127.0.0.1'): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        // A failure to listen is the caller's to report (it rejects); only later errors are logged here.
        this.server.on('error', (err) => this.engine.log(`server error: ${err.message}`));
        resolve((this.server.address() as net.AddressInfo).port);
      });
    });
  }

  /** Stops accepting, closes every connection and resolves when the server is closed. */
  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Closes every client connection but keeps listening (tests: the driver sees a network error and resumes). */
  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const aborter = new AbortController();
    const connection: ConnectionInfo = {
      id: this.nextConnectionId++,
      hostPort: `${socket.localAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1'}:${socket.localPort}`,
      signal: aborter.signal,
    };
    const reader = new FrameReader();
    let queue: Promise<void> = Promise.resolve();
    const closeWith = (reason: string) => {
      this.engine.log(`connection ${connection.id} (${socket.remoteAddress}:${socket.remotePort}): closing: ${reason}`);
      socket.destroy();
    };

    socket.on('data', (chunk) => {
      if (socket.destroyed) return;
      let requests: WireRequest[];
      try {
        requests = reader.push(chunk).map(parseMessage);
      } catch (err) {
        closeWith(err instanceof WireProtocolError ? err.message : `unexpected error: ${(err as Error).message}`);
        return;
      }
      for (const request of requests) queue = queue.then(() => this.serve(socket, connection, request));
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      aborter.abort();
    });
  }

  private async serve(socket: net.Socket, connection: ConnectionInfo, request: WireRequest): Promise<void> {
    if (socket.destroyed) return;
    const outcome = await dispatch(this.engine, request.body, connection);
    if (socket.destroyed) return;
    if (outcome.kind === 'close') {
      socket.destroy();
      return;
    }
    if (request.moreToCome) return;
    const replyId = this.nextReplyId++ & 0x7fffffff;
    const encode = request.opCode === OpCode.QUERY ? encodeOpReply : encodeOpMsgReply;
    let frame: Buffer;
    try {
      frame = encode(replyId, request.requestId, outcome.reply);
    } catch (err) {
      this.engine.log(`BUG: could not encode the reply to ${Object.keys(request.body)[0]}: ${(err as Error).message}`);
      socket.destroy();
      return;
    }
    socket.write(frame);
  }
}
