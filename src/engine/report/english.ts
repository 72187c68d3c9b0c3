/** The engine's English words, added where they are needed (see ./messages.ts): the pane's English chunk, the command line, the ribbon. */
import { addLanguage } from './messages';
import { en } from './words/en';

export function registerEngineEnglish(): void {
  addLanguage('en', en);
}
