/** The values of `--target`; `auto` picks one of the others at start (see resolve-target.ts). */
export const TARGET_KINDS = ['auto', 'embedded', 'memory-server', 'uri'] as const;

/** A value of `--target`. */
export type TargetKind = (typeof TARGET_KINDS)[number];

/** A target that can actually start: what `auto` resolves to. */
export type StartableTargetKind = Exclude<TargetKind, 'auto'>;

/** A replica set that a run talks to through the driver. */
export interface RunningTarget {
  readonly kind: StartableTargetKind;
  /** A `mongodb://` connection string of a replica set. */
  readonly uri: string;
  /**
   * The mongod version from `buildInfo`, printed next to the kind in reports. Absent for `embedded`: the engine is
   * not a mongod, and the version it claims only gates driver features.
   */
  readonly serverVersion?: string;
  /** Stops what the target started (nothing for `uri`); safe to call twice. */
  stop(): Promise<void>;
}

/** A chosen but not yet started target. */
export interface Target {
  readonly kind: StartableTargetKind;
  start(): Promise<RunningTarget>;
}
