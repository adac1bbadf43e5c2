/**
 * The determination in force at the end of a day: the newest one determined on or before it
 * (the server's rule for `determinationAsOf`). `entries` are newest first, as the server lists
 * them; dates are YYYY-MM-DD, so text order is date order.
 */
export function inForceOn<E extends { determinedOn: string }>(entries: readonly E[], day: string): E | null {
  return entries.find((e) => e.determinedOn <= day) ?? null;
}
