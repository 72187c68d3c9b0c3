/**
 * Every test checks sheets as the command line does: with the scheme validator registered (the
 * task pane loads it on demand; src/schemes/raw.ts, src/engine/scheme/error.ts).
 */
import { registerEnglish } from '../src/app/english';
import { registerSchemeValidator } from '../src/schemes';

registerSchemeValidator();
// And in both languages, as the command line does (the task pane loads English when Office runs in English).
registerEnglish();
