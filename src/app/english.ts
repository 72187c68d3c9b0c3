/**
 * English for the Office entry points: the engine's words and the entry points' own, added at once
 * (the command line, the ribbon, tests) or as the task pane's English chunk before it shows anything.
 */
import { registerEngineEnglish } from '../engine';
import { addAppEnglish } from './words';
import { enAppWords } from './words-en';

export function registerEnglish(): void {
  registerEngineEnglish();
  addAppEnglish(enAppWords);
}
