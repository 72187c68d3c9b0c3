/**
 * The e2e suite's setup after its environment (levels.mjs): a test that fails is run once more, its first failure
 * printed before the second try, and levels.mjs names every test that passed only on it. A browser on a shared CI
 * machine now and then stops answering for a while (a click once waited 30 s for frames that did not come, and
 * the same test passed 20 of 20 here); one such stall must not stop a landing, nor be hidden — the page's state at
 * the failure is printed too (browser.ts). A test that fails twice fails the suite.
 */
jest.retryTimes(1, { logErrorsBeforeRetry: true });
