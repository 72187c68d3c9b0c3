/** Numbers in messages, the same in every language. */

/** 6.5 → "6.5", 90 → "90", 89.999999 → "90". */
export function fmt(x: number): string {
  return String(Math.round(x * 100) / 100);
}

export function pct(share: number): string {
  return `${fmt(share * 100)}%`;
}

/** The unit a quota scope names ("unit:办公室" → 办公室); null for the whole sheet ("all"). */
export function scopeUnit(scope: string): string | null {
  return scope.startsWith('unit:') ? scope.slice(5) : null;
}
