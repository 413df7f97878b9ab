import { availableTargets, unavailableTargets } from './targets.js';

/** Says once per run which conformance targets are on and which are not, and why. */
export default function setup(): void {
  const on = availableTargets().map((factory) => factory.kind);
  console.log(`conformance targets: ${on.join(', ')}`);
  for (const [kind, reason] of unavailableTargets()) console.log(`[${kind}] skipped: ${reason}`);
}
