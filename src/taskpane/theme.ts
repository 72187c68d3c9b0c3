/** The Office theme as a Fluent theme: dark when Office's body background is dark. */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** Relative luminance of a #RRGGBB colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 1;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((x) => {
    const c = parseInt(x, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/**
 * No text in the pane under 14 px (issue #17: secretaries, old screens): Fluent's 10 and 12 px steps — captions and
 * hints, small buttons and dropdowns, badges — are raised to the body's 14 px, with a line to match.
 */
export const READABLE = {
  fontSizeBase100: '14px',
  fontSizeBase200: '14px',
  lineHeightBase100: '20px',
  lineHeightBase200: '20px',
} as const satisfies Partial<Theme>;

export function themeFor(bodyBackground: string | undefined): Theme {
  return { ...(bodyBackground && luminance(bodyBackground) < 0.4 ? webDarkTheme : webLightTheme), ...READABLE };
}
