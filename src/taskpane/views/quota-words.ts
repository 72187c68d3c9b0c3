/** How the pane names a quota: its scope (with its period on a sheet of several), and its state in the words given. */
import { type Locale, type QuotaResult, scopeName } from '../../engine';

type StateWords = { ok: string; over: (n: number) => string; under: (n: number) => string };

/** 全单位, 县财政局, or 第二季度 县财政局 on a sheet of several periods. */
export function quotaScope(q: QuotaResult, locale: Locale): string {
  return `${q.period ? `${q.period} ` : ''}${scopeName(q.scope, locale)}`;
}

/** 符合, 超出 2 人, 不足 1 人 — or the words after a write (仍超出 2 人). */
export function quotaState(q: QuotaResult, words: StateWords): string {
  if (q.severity === 'ok') return words.ok;
  return q.kind === 'max' ? words.over(q.count - q.limit) : words.under(q.limit - q.count);
}
