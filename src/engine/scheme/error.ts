/**
 * A scheme that cannot be used, and where the engine's validation of a scheme it is given comes
 * from: ./load (zod and the whole scheme model) with the presets for `extends`, registered by
 * src/schemes/raw.ts. The command line, the ribbon command and the tests register it at once; the
 * task pane loads it on demand, only to validate a scheme it did not ship — one stored in the
 * workbook, imported, or inferred from the sheet (docs/performance.md). Until then `validateScheme`
 * throws SchemeValidatorMissing: a scheme is never used unvalidated.
 */
import type { Grid } from '../grid';
import type { Locale } from '../report/locale';
import { problemsText } from '../report/messages';
import type { Scheme } from './model';
import type { SchemeProblem } from './problems';

/** A scheme that cannot be used: every problem found, each with its path and data. The message says them all, in the locale loaded in. */
export class SchemeError extends Error {
  constructor(
    readonly problems: SchemeProblem[],
    locale: Locale = 'zh',
  ) {
    super(problemsText(problems, locale, Infinity));
    this.name = 'SchemeError';
  }
}

/** A scheme error on one line, for a message: its first `max` problems, and how many there are in all when more. */
export function schemeErrorText(e: SchemeError, locale: Locale, max = 3): string {
  return problemsText(e.problems, locale, max);
}

/** Finds the raw JSON of a scheme by id (the presets), for `extends`. */
export type SchemeResolver = (id: string) => unknown;

/** Validates a parsed scheme object: a Scheme, or a SchemeError listing every problem (./load's loadScheme with the presets for `extends`). */
export type SchemeValidator = (raw: unknown, locale: Locale) => Scheme;

/** A scheme to validate before the validator is loaded: the task pane loads it and tries again. */
export class SchemeValidatorMissing extends Error {
  constructor() {
    super('the scheme validator is not loaded');
    this.name = 'SchemeValidatorMissing';
  }
}

/** A sheet's own scheme, inferred from it (../infer): it validates what it infers, so it comes with the validator. */
export type SchemeInference = (grid: Grid) => Scheme | null;

let validator: SchemeValidator | null = null;
let inference: SchemeInference | null = null;

/**
 * Makes `validate` the engine's validator (src/schemes/raw.ts: loadScheme, resolving `extends` to the
 * presets) and `infer` its inference (../infer's inferScheme, in the same chunk of the task pane).
 */
export function provideSchemeValidator(validate: SchemeValidator, infer: SchemeInference): void {
  validator = validate;
  inference = infer;
}

export function hasSchemeValidator(): boolean {
  return validator !== null;
}

/** The scheme inferred from a sheet (null when it states too little); throws SchemeValidatorMissing before the validator is loaded. */
export function inferredScheme(grid: Grid): Scheme | null {
  if (!inference) throw new SchemeValidatorMissing();
  return inference(grid);
}

/** Validates a scheme the engine did not ship; throws SchemeError, or SchemeValidatorMissing before the validator is loaded. */
export function validateScheme(raw: unknown, locale: Locale = 'zh'): Scheme {
  if (!validator) throw new SchemeValidatorMissing();
  return validator(raw, locale);
}
