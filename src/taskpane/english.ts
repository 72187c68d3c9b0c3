/** The task pane's English (the engine's, the entry points' and the pane's own words): a chunk loaded only when Office runs in English. */
import { registerEnglish } from '../app/english';
import { addPaneEnglish } from './strings';
import { englishStrings } from './strings-en';

export function registerPaneEnglish(): void {
  registerEnglish();
  addPaneEnglish(englishStrings());
}
