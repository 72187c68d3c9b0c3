/**
 * The scheme model's values that the engine uses at run time — id patterns, the ids it gives implied
 * fields, the built-in rating ladders — kept apart from the model's schema (./model, with zod) so that
 * checking a sheet with an already validated scheme (the presets, validated at build time) does not
 * load the schema library: the task pane loads it only to validate a scheme it did not ship
 * (docs/performance.md). ./model re-exports them.
 */
import type { SchemeRatingWord } from './model';
import LADDER_DATA from './ladders.json';

/** An id usable in expressions: letters of any script, digits and _, not starting with a digit. */
export const ID_PATTERN = /^[\p{L}_][\p{L}\p{N}_]*$/u;
/** A scheme's own id (gwy-2020). */
export const SCHEME_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Ids the engine gives the fields a scheme implies, reserved so expressions can use them. */
export const VOTERS_ID = 'voters';
/** A ballot option's vote column under a subject (总体评价 · 优秀 → zongti_1). */
export const voteId = (subjectId: string, option: number): string => `${subjectId}_${option + 1}`;
/** A deduction's count of cases (chidao → chidao_count). */
export const countId = (deductionId: string): string => `${deductionId}_count`;

/**
 * What a word in a rated column means: counts nothing, bars the top grade, sets the lowest
 * grade, or vetoes (否决: the lowest grade or no top grade, as the item's `veto` says).
 */
export const RATING_EFFECTS = ['none', 'not-top', 'lowest', 'veto'] as const;

/**
 * The default ladders (./ladders.json), each word with its synonyms and effect. ./model checks them
 * against its schema when it loads, and test/schemes/prevalidated.test.ts checks that the schema leaves them as they are.
 */
export const LADDERS: Readonly<Record<string, SchemeRatingWord[]>> = LADDER_DATA as Record<string, SchemeRatingWord[]>;
