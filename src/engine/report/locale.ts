/** The two languages kaohe speaks: Simplified Chinese first, English where Office runs in English. */
export type Locale = 'zh' | 'en';

/** Maps an Office or BCP-47 language tag (zh-CN, en-US, en-GB, …) to a Locale; Chinese unless English. */
export function localeFromTag(tag: string | null | undefined): Locale {
  return tag && /^en\b/i.test(tag) ? 'en' : 'zh';
}
