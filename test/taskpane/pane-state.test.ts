/** The task pane's reducer: each transition changes what it should and keeps the rest. */
import type { MarkRecord, Plan, WorkbookSettings } from '../../src/engine';
import type { SheetRead } from '../../src/hosts/host';
import { initialPane, paneReducer, type PaneAction, type PaneState } from '../../src/taskpane/pane-state';

const settings = (patch: Partial<WorkbookSettings> = {}): WorkbookSettings => ({ version: 1, columns: {}, formulas: false, ...patch });

const sheetRead = (patch: Partial<SheetRead> = {}): SheetRead => ({
  grid: {
    sheet: '第一季度',
    top: 1,
    left: 1,
    values: [
      ['姓名', '合计'],
      ['张伟', null],
    ],
    merges: [],
  },
  sheet: '第一季度',
  protected: false,
  settings: null,
  settingsBroken: false,
  ...patch,
});

/** Writes 90 in B2. */
const plan: Plan = {
  sheet: '第一季度',
  mode: 'values',
  writes: [
    {
      row: 2,
      col: 2,
      cell: 'B2',
      kind: 'total',
      before: { value: null, formula: null, numFmt: null },
      after: { value: 90, formula: null, numFmt: null },
    },
  ],
  conflicts: [],
  newColumns: [],
  skipped: [],
  valuesInstead: [],
  nothingToWrite: null,
};
const back: Plan = { ...plan, writes: plan.writes.map((w) => ({ ...w, before: w.after, after: w.before })) };

const marks: MarkRecord = { sheet: '第一季度', cells: [{ cell: 'B2', fill: null, note: true }] };

const run = (state: PaneState, ...actions: PaneAction[]) => actions.reduce(paneReducer, state);
/** A pane that has read the sheet, with a preview and a message. */
const previewing = () =>
  run(
    initialPane,
    { type: 'read', read: sheetRead() },
    { type: 'preview', plan },
    { type: 'message', message: { intent: 'info', text: '…', at: 'pane' } },
  );

describe('the pane state', () => {
  it('starts with nothing read, the scheme left to the app, on the check tab', () => {
    expect(initialPane).toMatchObject({ sheet: null, choice: { kind: 'auto' }, columns: null, tab: 'check', busy: false, message: null });
  });

  it('takes the write mode and this sheet’s marks from the workbook read, and is no longer stale', () => {
    const read = sheetRead({ settings: settings({ formulas: true, marks }) });
    const state = run(initialPane, { type: 'stale' }, { type: 'read', read });
    expect(state.sheet).toEqual({ read, formulas: true, marks, preview: null });
    expect(state.stale).toBe(false);
    // Marks made on another sheet are not this sheet's to clear.
    const other = run(initialPane, { type: 'read', read: sheetRead({ settings: settings({ marks: { ...marks, sheet: '第二季度' } }) }) });
    expect(other.sheet!.marks).toBeNull();
  });

  it('drops the message and the preview when a check starts, and keeps the sheet read until the new one comes', () => {
    const before = previewing();
    const state = run(before, { type: 'checking' });
    expect(state.message).toBeNull();
    expect(state.sheet).toEqual({ ...before.sheet, preview: null });
    expect(run(initialPane, { type: 'checking' }).sheet).toBeNull();
  });

  it('keeps the settings saved with the sheet read, which are readable again', () => {
    const saved = settings({ scheme: 'five-dims' });
    const state = run(initialPane, { type: 'read', read: sheetRead({ settingsBroken: true }) }, { type: 'saved', settings: saved });
    expect(state.sheet!.read).toMatchObject({ settings: saved, settingsBroken: false });
    expect(run(initialPane, { type: 'saved', settings: saved }).sheet).toBeNull();
  });

  it('forgets the corrections and the preview when another scheme is chosen, and keeps the write mode and marks', () => {
    const state = run(
      previewing(),
      { type: 'formulas', formulas: true },
      { type: 'marks', marks },
      { type: 'columns', columns: { 3: { kind: 'ignored' } } },
      { type: 'preview', plan },
    );
    const picked = run(state, { type: 'scheme', choice: { kind: 'preset', id: 'five-dims' } });
    expect(picked.choice).toEqual({ kind: 'preset', id: 'five-dims' });
    expect(picked.columns).toBeNull();
    expect(picked.sheet).toEqual({ ...state.sheet, formulas: true, marks, preview: null });
  });

  it('drops the preview when a column is corrected or all are reset, but not when they are saved', () => {
    const corrected = run(previewing(), { type: 'columns', columns: { 3: { kind: 'ignored' } } });
    expect([corrected.columns, corrected.sheet!.preview]).toEqual([{ 3: { kind: 'ignored' } }, null]);
    const saved = run(corrected, { type: 'preview', plan }, { type: 'columns-saved' });
    expect([saved.columns, saved.sheet!.preview]).toEqual([null, plan]);
    const reset = run(saved, { type: 'columns', columns: {} });
    expect([reset.columns, reset.sheet!.preview]).toEqual([{}, null]);
  });

  it('drops the preview when the write mode changes, and the message when a preview is made', () => {
    const state = run(previewing(), { type: 'formulas', formulas: true });
    expect(state.sheet).toMatchObject({ formulas: true, preview: null });
    expect(state.message).not.toBeNull();
    expect(run(state, { type: 'preview', plan }).message).toBeNull();
  });

  it('writes the plan applied into the sheet read, keeps it to undo, and undoes it into the sheet again', () => {
    const before = previewing();
    const applied = run(before, { type: 'applied', plan });
    expect(applied.applied).toBe(plan);
    expect(applied.sheet!.preview).toBeNull();
    expect(applied.sheet!.read.grid.values[1]).toEqual(['张伟', 90]);
    // The grid read is a new one: the check is made again, and the state before is untouched.
    expect(before.sheet!.read.grid.values[1]).toEqual(['张伟', null]);
    // A check in between keeps what can be undone.
    const undone = run(applied, { type: 'checking' }, { type: 'undone', back });
    expect(run(applied, { type: 'checking' }).applied).toBe(plan);
    expect(undone.applied).toBeNull();
    expect(undone.sheet!.read.grid.values[1]).toEqual(['张伟', null]);
  });

  it('keeps and clears the marks with the sheet read', () => {
    const state = run(previewing(), { type: 'marks', marks });
    expect(state.sheet!.marks).toBe(marks);
    expect(run(state, { type: 'marks', marks: null }).sheet!.marks).toBeNull();
  });

  it('rolls the year up, previews its forms, adds and removes them; another scheme drops the roll-up but not the forms added', () => {
    const year = { kind: 'no-periods' } as const;
    const added = { names: ['年度考核登记汇总表'], ids: ['7'] };
    const rolled = run(previewing(), { type: 'forms-preview' }, { type: 'rolling-up' });
    expect([rolled.message, rolled.formsPreview]).toEqual([null, false]);
    const shown = run(rolled, { type: 'year', year }, { type: 'forms-preview' });
    expect([shown.year, shown.formsPreview]).toEqual([year, true]);
    const withForms = run(shown, { type: 'forms-added', added }, { type: 'forms-preview' });
    expect([withForms.addedForms, withForms.formsPreview]).toEqual([added, true]);
    expect(run(shown, { type: 'forms-added', added }).formsPreview).toBe(false);
    const other = run(withForms, { type: 'scheme-changed' });
    expect([other.year, other.formsPreview, other.addedForms]).toEqual([null, false, added]);
    expect(run(other, { type: 'forms-removed' }).addedForms).toBeNull();
    // Nothing to drop: the same state, so the pane is not drawn again.
    expect(run(other, { type: 'scheme-changed' })).toBe(other);
  });

  it('sets the busy flag, the tab, the staleness and the message, and nothing else', () => {
    const before = previewing();
    const message = { intent: 'error', text: '工作表受保护', at: 'compute-apply' } as const;
    const state = run(
      before,
      { type: 'busy', busy: true },
      { type: 'tab', tab: 'compute' },
      { type: 'stale' },
      { type: 'message', message },
    );
    expect(state).toEqual({ ...before, busy: true, tab: 'compute', stale: true, message });
    expect(run(state, { type: 'busy', busy: false }, { type: 'message', message: null })).toEqual({ ...state, busy: false, message: null });
  });

  it('keeps one message, shown where it was caused, and ends a tab’s message when another tab is opened (issue #17)', () => {
    const written = { intent: 'success', text: '已写入 20 格', at: 'compute' } as const;
    const onCompute = run(previewing(), { type: 'tab', tab: 'compute' }, { type: 'message', message: written });
    expect(onCompute.message).toBe(written);
    // One replaces the last.
    const refused = { intent: 'error', text: '工作表受保护', at: 'compute-apply' } as const;
    expect(run(onCompute, { type: 'message', message: refused }).message).toBe(refused);
    // The same tab chosen again keeps it; another tab ends it, and coming back does not bring it back.
    expect(run(onCompute, { type: 'tab', tab: 'compute' }).message).toBe(written);
    const away = run(onCompute, { type: 'tab', tab: 'quota' });
    expect(away.message).toBeNull();
    expect(run(away, { type: 'tab', tab: 'compute' }).message).toBeNull();
    // A column's notice belongs to 列对应, the forms' to 年度汇总.
    for (const [at, tab] of [
      ['column-16', 'columns'],
      ['year-forms', 'annual'],
      ['check', 'check'],
    ] as const) {
      const said = run(previewing(), { type: 'tab', tab }, { type: 'message', message: { intent: 'info', text: '…', at } });
      expect([at, run(said, { type: 'tab', tab: 'people' }).message]).toEqual([at, null]);
    }
    // The pane's own messages (reading the sheet, the scheme) are about every tab: they stay.
    for (const at of ['pane', 'scheme'] as const) {
      const message = { intent: 'error', text: '无法读取', at } as const;
      expect(run(previewing(), { type: 'message', message }, { type: 'tab', tab: 'annual' }).message).toBe(message);
    }
  });

  describe('follows the workbook (issue #17)', () => {
    const q2 = sheetRead({
      sheet: '第二季度',
      grid: {
        ...sheetRead().grid,
        sheet: '第二季度',
        values: [
          ['姓名', '合计'],
          ['李娜', 88],
        ],
      },
    });

    it('follows another sheet activated until a check starts, which keeps the message when it only follows', () => {
      const state = run(previewing(), { type: 'workbook', event: { kind: 'activated', sheet: '第二季度' } });
      expect(state.follow).toEqual({ sheet: '第二季度', why: 'activated' });
      expect(state.stale).toBe(false);
      const quiet = run(state, { type: 'checking', quiet: true });
      expect([quiet.follow, quiet.message, quiet.sheet!.preview]).toEqual([null, state.message, null]);
      expect(run(state, { type: 'checking' }).message).toBeNull();
    });

    it('is stale when someone edits the sheet read, not when they edit another', () => {
      const edited = (sheet: string) => run(previewing(), { type: 'workbook', event: { kind: 'edited', sheet } });
      expect([edited('第一季度').stale, edited('第一季度').follow]).toEqual([true, null]);
      expect(edited('第二季度').stale).toBe(false);
    });

    it('checks the sheet read again when the ribbon command wrote it, but goes first to another sheet activated meanwhile', () => {
      const computed = run(previewing(), { type: 'workbook', event: { kind: 'computed', sheet: '第一季度' } });
      expect([computed.stale, computed.follow]).toEqual([true, { sheet: '第一季度', why: 'computed' }]);
      const elsewhere = run(previewing(), { type: 'workbook', event: { kind: 'computed', sheet: '第二季度' } });
      expect([elsewhere.stale, elsewhere.follow]).toEqual([false, null]);
      const away = run(
        previewing(),
        { type: 'workbook', event: { kind: 'activated', sheet: '第二季度' } },
        { type: 'workbook', event: { kind: 'computed', sheet: '第一季度' } },
      );
      expect([away.stale, away.follow]).toEqual([true, { sheet: '第二季度', why: 'activated' }]);
    });

    it('drops the column corrections not saved when another sheet is read, and keeps them for the same sheet', () => {
      const corrected = run(previewing(), { type: 'columns', columns: { 3: { kind: 'ignored' } } });
      expect(run(corrected, { type: 'read', read: sheetRead() }).columns).toEqual({ 3: { kind: 'ignored' } });
      expect(run(corrected, { type: 'read', read: q2 }).columns).toBeNull();
    });

    it('undoes a write into the sheet read only when it was written there: another sheet read stays as read', () => {
      const moved = run(previewing(), { type: 'applied', plan }, { type: 'read', read: q2 });
      expect(moved.applied).toBe(plan);
      const undone = run(moved, { type: 'undone', back });
      expect(undone.applied).toBeNull();
      expect(undone.sheet!.read).toBe(q2);
      // And a write of another sheet's plan leaves the sheet read alone too.
      expect(run(moved, { type: 'applied', plan }).sheet!.read).toBe(q2);
    });

    it('knows the last write can no longer be undone once its sheet was changed by someone or by the ribbon command', () => {
      const applied = run(previewing(), { type: 'applied', plan }, { type: 'read', read: q2 });
      for (const kind of ['edited', 'computed'] as const) {
        const changed = run(applied, { type: 'workbook', event: { kind, sheet: '第一季度' } }, { type: 'read', read: q2 });
        expect([kind, changed.undoStale]).toEqual([kind, true]);
        expect(run(changed, { type: 'applied', plan }).undoStale).toBe(false);
      }
      expect(run(applied, { type: 'workbook', event: { kind: 'edited', sheet: '第二季度' } }).undoStale).toBe(false);
      expect(run(applied, { type: 'workbook', event: { kind: 'activated', sheet: '第一季度' } }).undoStale).toBe(false);
    });
  });
});

describe('sheets kaohe added', () => {
  it('are not followed when Excel shows them, whether their activation is heard before or after the add returns', () => {
    const added = { names: ['平时考核结果汇总表'], ids: ['s2'] };
    const before = [
      { type: 'workbook', event: { kind: 'activated', sheet: '平时考核结果汇总表' } },
      { type: 'forms-added', added },
    ] as PaneAction[];
    expect(before.reduce(paneReducer, initialPane).follow).toBeNull();
    const after = [
      { type: 'own-sheets', names: ['方案说明表'] },
      { type: 'workbook', event: { kind: 'activated', sheet: '方案说明表' } },
    ] as PaneAction[];
    expect(after.reduce(paneReducer, initialPane).follow).toBeNull();
    // Another sheet is still followed.
    const other = [...after, { type: 'workbook', event: { kind: 'activated', sheet: '第二季度' } }] as PaneAction[];
    expect(other.reduce(paneReducer, initialPane).follow).toEqual({ sheet: '第二季度', why: 'activated' });
  });
});
