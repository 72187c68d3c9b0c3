/**
 * The e2e suite's jest environment: Node's, plus one flag in the test file's globals saying whether the test now
 * running has failed (its body or a hook). browser.ts reads it after each test, so that a failure leaves a
 * description of every page still open — not only Playwright's last words (a click that waited 30 s says only what
 * it was waiting for, never why).
 */
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';

export default class E2eEnvironment extends TestEnvironment {
  handleTestEvent(event: Circus.Event): void {
    if (event.name === 'test_start') this.global['kaoheTestFailed'] = false;
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') this.global['kaoheTestFailed'] = true;
  }
}
