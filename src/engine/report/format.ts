/** Numbers in messages, the same in every language. */

/** 6.5 → "6.5", 90 → "90", 89.999999 → "90". */
export function fmt(x: number): string {
  return String(Math.round(x * 100) / 100);
}

export function pct(share: number): string {
  return `${fmt(share * 100)}%`;
}
