// The sandbox's public surface: what the interactive app, the grading harness and the CLI import.
export * from './api.js';
export { COMMAND_LOG_CAPACITY, CommandLog, type CommandRecord } from './command-log.js';
export * from './errors.js';
export { ALLOWED_COMMANDS } from './facade/run-command.js';
export {
  BUILTIN_METHODS,
  startSandboxHost,
  type CallOptions,
  type HostMethod,
  type HostMethodContext,
  type HostModule,
  type OpenSessionArgs,
  type SandboxHost,
  type SandboxHostEvents,
  type SandboxHostKind,
  type SandboxHostOptions,
  type SandboxHostState,
} from './host/index.js';
export { SandboxSession, type DrainedOutput, type SandboxSessionOptions } from './session.js';
export {
  StreamRegistry,
  type DeliveredEvent,
  type GateVerdict,
  type HeldEvent,
  type ListenerAddedEvent,
  type StreamGate,
  type StreamNamespace,
  type StreamOrigin,
  type StreamRegistryEvents,
  type TrackedStream,
} from './stream-registry.js';
