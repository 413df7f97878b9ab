import type { Document } from 'bson';
import { EngineError } from '../errors/engine-error.js';

/** The fail points configureFailPoint accepts; others answer BadValue as mongod does for unknown names. */
export const FAIL_POINT_NAMES = ['failCommand', 'failGetMoreAfterCursorCheckout'] as const;
export type FailPointName = (typeof FAIL_POINT_NAMES)[number];

interface ActiveFailPoint {
  /** Remaining activations; Infinity for alwaysOn. */
  times: number;
  /** Matching evaluations to let pass before the first activation. */
  skip: number;
  data: Document;
}

/** What failCommand does to a command it matches. */
export interface FailCommandAction {
  closeConnection: boolean;
  blockTimeMS: number;
  error: EngineError | undefined;
}

/**
 * mongod's test-only fail points, enough for the drivers' spec tests: failCommand and
 * failGetMoreAfterCursorCheckout with modes off, alwaysOn, {times}, {skip}.
 */
export class FailPoints {
  private readonly active = new Map<FailPointName, ActiveFailPoint>();

  /** Applies a configureFailPoint command; returns the previous activation count as mongod does. */
  configure(name: string, mode: unknown, data: Document | undefined): number {
    if (!(FAIL_POINT_NAMES as readonly string[]).includes(name)) {
      throw new EngineError('BadValue', `Cannot find FailPoint named: ${name}`);
    }
    const failPoint = name as FailPointName;
    const previous = this.active.get(failPoint)?.times ?? 0;
    if (mode === 'off') {
      this.active.delete(failPoint);
    } else if (mode === 'alwaysOn') {
      this.active.set(failPoint, { times: Infinity, skip: 0, data: data ?? {} });
    } else if (mode && typeof mode === 'object' && 'times' in mode) {
      const times = Number((mode as Document).times);
      if (times > 0) this.active.set(failPoint, { times, skip: 0, data: data ?? {} });
      else this.active.delete(failPoint);
    } else if (mode && typeof mode === 'object' && 'skip' in mode) {
      this.active.set(failPoint, { times: Infinity, skip: Number((mode as Document).skip), data: data ?? {} });
    } else {
      throw new EngineError('BadValue', `Unsupported fail point mode: ${JSON.stringify(mode)}`);
    }
    return Number.isFinite(previous) ? previous : 0;
  }

  /** failCommand's action for `command` from a client with `appName`, consuming one activation. */
  failCommand(command: string, appName: string | undefined): FailCommandAction | undefined {
    const point = this.active.get('failCommand');
    if (!point) return undefined;
    const data = point.data;
    const commands = Array.isArray(data.failCommands) ? (data.failCommands as string[]) : [];
    if (!commands.includes(command)) return undefined;
    if (typeof data.appName === 'string' && data.appName !== appName) return undefined;
    if (!this.consume('failCommand', point)) return undefined;
    let error: EngineError | undefined;
    if (typeof data.errorCode === 'number') {
      error = EngineError.fromCode(data.errorCode, `Failing command ${command} via 'failCommand' failpoint`);
      if (Array.isArray(data.errorLabels)) error.labelsOverride = data.errorLabels as string[];
      else error.labelsOverride = [];
    }
    return {
      closeConnection: data.closeConnection === true,
      blockTimeMS: data.blockConnection === true ? Number(data.blockTimeMS ?? 0) : 0,
      error,
    };
  }

  /** The error failGetMoreAfterCursorCheckout raises now, if it is active. */
  failGetMoreAfterCheckout(): EngineError | undefined {
    const point = this.active.get('failGetMoreAfterCursorCheckout');
    if (!point || !this.consume('failGetMoreAfterCursorCheckout', point)) return undefined;
    const code = Number(point.data.errorCode ?? 1);
    return EngineError.fromCode(code, `Failing getMore via 'failGetMoreAfterCursorCheckout' failpoint`);
  }

  private consume(name: FailPointName, point: ActiveFailPoint): boolean {
    if (point.skip > 0) {
      point.skip--;
      return false;
    }
    point.times--;
    if (point.times <= 0) this.active.delete(name);
    return true;
  }
}
