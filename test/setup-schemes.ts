/**
 * Every test checks sheets as the command line does: with the scheme validator registered (the
 * task pane loads it on demand; src/schemes/raw.ts, src/engine/scheme/error.ts).
 */
import { registerPaneEnglish } from '../src/taskpane/english';
import { registerSchemeValidator } from '../src/schemes';

registerSchemeValidator();
// And in both languages, the pane's too (the task pane loads its English chunk when Office runs in English).
registerPaneEnglish();
