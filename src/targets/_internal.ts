/** The message of a thrown value, which need not be an Error, for the `reason` of a TargetStartError. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
