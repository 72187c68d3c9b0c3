/**
 * Every test checks sheets as the command line does: with the scheme validator registered (the
 * task pane loads it on demand; src/schemes/raw.ts, src/engine/scheme/error.ts).
 */
import { registerSchemeValidator } from '../src/schemes';

registerSchemeValidator();
