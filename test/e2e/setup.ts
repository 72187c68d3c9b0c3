/**
 * The e2e suite's setup after its environment (levels.mjs): a test that fails is run once more, its first failure
 * printed before the second try, and levels.mjs names every test that passed only on it. Once in CI a click waited
 * 30 s for a button to hold still (Playwright's stability check, which waits on animation frames) and no cause was
 * found: the same test passed all 29 runs here, alone, in its file and in the whole suite, loaded and throttled.
 * One such stall must not stop a landing, nor be hidden: the first failure and the state of its pages at that
 * moment are printed (browser.ts). A test that fails twice fails the suite.
 */
jest.retryTimes(1, { logErrorsBeforeRetry: true });
