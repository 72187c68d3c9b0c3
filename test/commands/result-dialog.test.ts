/**
 * @jest-environment jsdom
 *
 * The ribbon command's result dialog and session (src/commands): the result goes to the dialog by messageChild once it
 * is ready, not in its URL; a dialog that cannot open is reported with Office's code; one dialog and one host a session.
 */

/** A fake Office UI: records what was opened and lets the test play the dialog's side. */
function fakeOffice(failures: { code: number; message: string }[] = []) {
  const opened: { url: string; dialog: any }[] = [];
  const ui = {
    displayDialogAsync(url: string, _options: unknown, cb: (r: unknown) => void) {
      const failure = failures.shift();
      if (failure) return cb({ status: 'failed', error: failure });
      const handlers = new Map<string, (arg: unknown) => void>();
      const dialog = {
        sent: [] as string[],
        closed: 0,
        addEventHandler: (type: string, h: (arg: unknown) => void) => handlers.set(type, h),
        messageChild(m: string) {
          this.sent.push(m);
        },
        close() {
          this.closed++;
        },
        /** The dialog page's messageParent. */
        say: (message: string) => handlers.get('dialogMessageReceived')!({ message, origin: 'https://localhost:3000' }),
      };
      opened.push({ url, dialog });
      cb({ status: 'succeeded', value: dialog });
    },
  };
  (global as any).Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  };
  return { ui: ui as unknown as Office.UI, opened };
}

const RESULT = { title: '考核助手 · 一键计算等次', lines: ['工作表：第一季度', '已写入合计 16 格、等次 16 格。'] };
const URL_ = 'https://localhost:3000/dialog.html';

describe('the result dialog', () => {
  beforeEach(() => jest.resetModules());

  it('gets the result by messageChild once it says it is ready, nothing of it in its URL', async () => {
    const { showResult } = await import('../../src/commands/result-dialog');
    const { ui, opened } = fakeOffice();
    const outcome = showResult(ui, URL_, RESULT, true);
    await Promise.resolve();
    expect(opened.map((o) => o.url)).toEqual([URL_]);
    const d = opened[0]!.dialog;
    d.say('ready');
    expect(d.sent.map((m: string) => JSON.parse(m))).toEqual([RESULT]);
    d.say('close');
    await expect(outcome).resolves.toEqual({ shown: true });
    expect(d.closed).toBe(1);
  });

  it('carries the result in the hash only where Office has no messageChild (DialogApi below 1.2)', async () => {
    const { showResult } = await import('../../src/commands/result-dialog');
    const { ui, opened } = fakeOffice();
    void showResult(ui, URL_, RESULT, false);
    await Promise.resolve();
    expect(JSON.parse(decodeURIComponent(opened[0]!.url.split('#')[1]!))).toEqual(RESULT);
    opened[0]!.dialog.say('ready');
    expect(opened[0]!.dialog.sent).toEqual([]);
  });

  it('reports a dialog that cannot open, with Office’s code, and tries once more when another is still open', async () => {
    const { showResult } = await import('../../src/commands/result-dialog');
    const blocked = fakeOffice([{ code: 12009, message: 'The user chose to ignore the dialog box.' }]);
    await expect(showResult(blocked.ui, URL_, RESULT, true)).resolves.toEqual({
      shown: false,
      error: '12009 The user chose to ignore the dialog box.',
    });
    const busy = fakeOffice([{ code: 12007, message: 'A dialog box is already opened from this host window.' }]);
    const outcome = showResult(busy.ui, URL_, RESULT, true);
    await new Promise((r) => setTimeout(r, 600));
    expect(busy.opened).toHaveLength(1);
    busy.opened[0]!.dialog.say('close');
    await expect(outcome).resolves.toEqual({ shown: true });
  });

  it('closes the last click’s dialog, still open, before the next opens', async () => {
    const { showResult } = await import('../../src/commands/result-dialog');
    const { ui, opened } = fakeOffice();
    void showResult(ui, URL_, RESULT, true);
    await Promise.resolve();
    void showResult(ui, URL_, RESULT, true);
    await Promise.resolve();
    expect(opened).toHaveLength(2);
    expect(opened[0]!.dialog.closed).toBe(1);
    expect(opened[1]!.dialog.closed).toBe(0);
  });
});

describe('the ribbon command', () => {
  it('uses one host for the session, however many clicks: one change handler at most', async () => {
    jest.resetModules();
    const made: unknown[] = [];
    jest.doMock('../../src/hosts/excel/excel-host', () => ({
      ExcelHost: class {
        constructor() {
          made.push(this);
        }
      },
    }));
    const hosts: unknown[] = [];
    jest.doMock('../../src/commands/one-click', () => ({
      oneClick: async (host: unknown) => {
        hosts.push(host);
        return { ok: true, ...RESULT };
      },
    }));
    const { ui, opened } = fakeOffice();
    let ready: () => void = () => undefined;
    Object.assign((global as any).Office, {
      onReady: (cb: () => void) => {
        ready = cb;
        return Promise.resolve();
      },
      actions: { associate: (name: string, fn: unknown) => ((global as any)[`associated_${name}`] = fn) },
      context: { displayLanguage: 'zh-CN', ui, requirements: { isSetSupported: () => true } },
    });
    await import('../../src/commands/commands');
    ready();
    const click = (global as any).associated_computeGrades as (e: unknown) => Promise<void>;
    let completed = 0;
    for (let i = 0; i < 3; i++) {
      const run = click({ completed: () => completed++ });
      await new Promise((r) => setTimeout(r, 0));
      opened[i]!.dialog.say('close');
      await run;
    }
    expect(made).toHaveLength(1);
    expect(hosts).toEqual([made[0], made[0], made[0]]);
    expect(completed).toBe(3);
  });
});
