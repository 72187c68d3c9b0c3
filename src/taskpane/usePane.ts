/**
 * The task pane's session: its state (pane-state.ts) and the actions, which talk to Excel only
 * through the Host given, leave the checking to the use cases (through ./session) and say how it
 * went in a message. Pane.tsx shows it.
 */
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import {
  a1,
  buildSheetPlan,
  columnLetters,
  columnOf,
  type ColumnOverrides,
  emptySettings,
  type FormLayout,
  type Issue,
  type Locale,
  type Results,
  type Scheme,
  SchemeError,
  schemeErrorText,
  undoPlan,
  type WorkbookSettings,
} from '../engine';
import { type AddedSheets, HostError, type Host, type WorkbookSheets } from '../hosts/host';
import { problemText } from '../app/words';
import { initialPane, type MessageAt, paneReducer, type TabKey } from './pane-state';
import {
  analyseActive,
  formsNote,
  loadSchemeValidator,
  readyToCheck,
  roleKey,
  type RoleOption,
  roleOptions,
  runYear,
  schemeFile,
  schemeInUse,
  schemeNote,
  schemeTitle,
} from './session';
import { strings } from './strings';

/** `downloads`: whether the pane's webview saves a file downloaded from it (a browser does; desktop Office's webviews do not). */
export function usePane(host: Host, locale: Locale, downloads = true) {
  const s = strings(locale);
  const [state, dispatch] = useReducer(paneReducer, initialPane);
  const { sheet, choice, columns, year } = state;
  const read = sheet?.read;

  // 检查: the same scheme choice, corrections and check as the ribbon command and the command line (src/app).
  const outcome = useMemo(() => (read ? analyseActive(read, choice, columns, locale) : null), [read, choice, columns, locale]);
  const resolved = outcome ? schemeInUse(outcome) : null;
  const note = outcome ? schemeNote(outcome, locale) : null;
  const forms = outcome ? formsNote(outcome, locale) : null;
  // Presets read the sheet but none fits it clearly: the user is to choose.
  const noFit = outcome?.ok === false && outcome.problem === 'no-fit';
  const analysis = outcome?.ok ? outcome.analysis : null;
  const overrides = analysis?.overrides ?? {};
  const results = analysis?.results ?? null;
  // The sheet read and the results of its check, where it holds a roster: they exist only together.
  const checked = sheet && results ? { sheet, results } : null;

  /** Runs a host action with the busy flag and turns every failure into a message, shown `at` the control that ran it. */
  const act = useCallback(
    async (fn: () => Promise<void>, at: MessageAt = 'pane'): Promise<boolean> => {
      dispatch({ type: 'busy', busy: true });
      try {
        await fn();
        return true;
      } catch (e) {
        dispatch({ type: 'message', message: { intent: 'error', text: problemText(e, locale), at } });
        return false;
      } finally {
        dispatch({ type: 'busy', busy: false });
      }
    },
    [locale],
  );
  /** A host action on something the pane holds (the sheet read, a preview, marks…): the pane offers it only then. */
  const actOn = <T>(at: MessageAt, it: T | null | undefined, fn: (it: T) => Promise<void>) => {
    if (it) void act(() => fn(it), at);
  };
  const say = (text: string, at: MessageAt) => dispatch({ type: 'message', message: { intent: 'success', text, at } });

  const check = useCallback(
    () =>
      void act(async () => {
        dispatch({ type: 'checking' });
        dispatch({ type: 'read', read: await readyToCheck(await host.readSheet(), locale) });
      }),
    [act, host, locale],
  );

  // A roll-up made under another scheme is no answer for this one (forms already added stay undoable).
  const schemeId = resolved?.scheme.id;
  useEffect(() => dispatch({ type: 'scheme-changed' }), [schemeId]);

  useEffect(() => {
    // Listening first: the host sets its watch on the workbook up with the first read.
    const stop = host.onWorkbookEvent((event) => dispatch({ type: 'workbook', event }));
    check();
    return stop;
  }, [check, host]);

  // The pane follows the workbook: another sheet activated, or this one written by the ribbon command, is checked
  // again as soon as the pane is free — unless column corrections not saved yet would be lost: then it says so.
  const shown = sheet?.read.sheet ?? null;
  const { follow, busy } = state;
  const due = follow !== null && (follow.why === 'computed' || follow.sheet !== shown);
  const held = due && state.columns !== null;
  useEffect(() => {
    if (!follow || !due || held || busy) return;
    void act(async () => {
      dispatch({ type: 'checking', quiet: true });
      const read = await readyToCheck(await host.readSheet(), locale);
      dispatch({ type: 'read', read });
      if (follow.why === 'computed' && read.sheet === follow.sheet)
        dispatch({ type: 'message', message: { intent: 'info', text: s.ribbonWrote, at: 'pane' } });
    });
  }, [follow, due, held, busy, act, host, s, locale]);
  /** Another sheet is active and the pane still shows the one read: the notice names both. */
  const elsewhere = held && follow?.why === 'activated' ? follow.sheet : null;

  /** Saves kaohe's settings, changing only the fields given. */
  const save = async (patch: Partial<WorkbookSettings>) => {
    if (!sheet) return;
    const settings: WorkbookSettings = { ...emptySettings(), ...sheet.read.settings, ...patch };
    await host.saveSettings(settings);
    dispatch({ type: 'saved', settings });
  };

  // A preset picked is tried on the sheet; nothing is saved until the user confirms it (saveScheme).
  const pickScheme = (id: string) => dispatch({ type: 'scheme', choice: { kind: 'preset', id } });

  /** Keeps the scheme being tried: saved in the workbook, then used as the workbook's scheme. */
  const saveScheme = () =>
    void act(async () => {
      if (choice.kind === 'auto') return;
      // A whole scheme stored in the workbook is checked with the validator from then on: loaded before it is needed.
      if (choice.kind !== 'preset') await loadSchemeValidator();
      await save({ scheme: choice.kind === 'preset' ? choice.id : choice.raw });
      dispatch({ type: 'scheme', choice: { kind: 'auto' } });
      say(choice.kind === 'preset' ? s.schemeSaved : s.schemeImported(schemeTitle(choice.scheme, locale)), 'scheme');
    }, 'scheme');

  /** The sheet checked with another scheme, as 检查 would check it: what the 方案 view tries a change on. */
  const tryScheme = useCallback(
    (scheme: Scheme): Results | null => {
      if (!read) return null;
      const tried = analyseActive(read, { kind: 'edited', scheme, raw: {} }, columns, locale);
      return tried.ok ? tried.analysis.results : null;
    },
    [read, columns, locale],
  );

  /** A scheme changed in the 方案 view, saved to the workbook and used from now on; false when it could not be saved. */
  const saveEdited = (scheme: Scheme): Promise<boolean> =>
    act(async () => {
      // A whole scheme stored in the workbook is checked with the validator from then on: loaded before it is needed.
      await loadSchemeValidator();
      await save({ scheme: JSON.parse(JSON.stringify(scheme)) as Record<string, unknown> });
      dispatch({ type: 'scheme', choice: { kind: 'auto' } });
    }, 'scheme');

  /** What a host action gives, or null when it failed (the pane's message says why, at `at`). */
  const result = async <T>(fn: () => Promise<T>, at: MessageAt = 'scheme'): Promise<T | null> => {
    let out: T | null = null;
    // The 方案 view's sheet actions answer under the scheme bar, its own place in the pane.
    const ok = await act(async () => {
      out = await fn();
    }, at);
    return ok ? out : null;
  };

  // For the 方案 view's 方案说明表, which lays the sheet out and reads it itself (that code loads with the view).
  // And for 检查全部工作表 (its view checks the sheets itself), answering beside its button (`at`).
  const addSheets = (forms: FormLayout[], at?: MessageAt): Promise<AddedSheets | null> =>
    result(async () => {
      const added = await host.addForms(forms);
      dispatch({ type: 'own-sheets', names: added.names });
      return added;
    }, at);
  const removeAdded = (added: AddedSheets, at?: MessageAt): Promise<number | null> => result(() => host.removeSheets(added), at);
  const readSheets = (pick: (names: string[]) => string[], at?: MessageAt): Promise<WorkbookSheets | null> =>
    result(() => host.readSheets(pick), at);
  /** Shows a sheet the user picked from 检查全部工作表 (its cell selected); the pane then follows it. */
  const goToSheet = (other: string, cell: string) => actOn('check-all', other, () => host.select(other, cell));

  /** A scheme pasted in the 方案 view: tried on the sheet like a preset picked, saved only when confirmed. */
  const pasteScheme = (scheme: Scheme) =>
    dispatch({ type: 'scheme', choice: { kind: 'edited', scheme, raw: JSON.parse(JSON.stringify(scheme)) as Record<string, unknown> } });

  const importScheme = (file: File) =>
    void act(async () => {
      const text = await file.text();
      // Outside the try: a chunk that fails to load is no fault of the file.
      const { schemeFromText } = await loadSchemeValidator();
      let scheme;
      try {
        scheme = schemeFromText(text, locale);
      } catch (e) {
        // In words, never the parser's own text: what is wrong, or that the file is no scheme kaohe can read.
        const why = e instanceof SchemeError ? schemeErrorText(e, locale, 2) : s.schemeUnreadable;
        dispatch({ type: 'message', message: { intent: 'error', text: s.schemeBad(why), at: 'scheme' } });
        return;
      }
      dispatch({ type: 'scheme', choice: { kind: 'file', scheme, file: file.name, raw: JSON.parse(text) as Record<string, unknown> } });
      say(s.schemeLoaded(schemeTitle(scheme, locale)), 'scheme');
    }, 'scheme');

  /**
   * 导出方案: a JSON file where a download works (a browser: Excel on the web, the preview). Desktop Office's webviews
   * (WebView2, WKWebView) ignore a download, so there the scheme view opens with its 复制方案 and 生成方案说明表, and
   * says so (#20 defect 9).
   */
  const exportScheme = () => {
    if (!downloads) {
      dispatch({ type: 'tab', tab: 'scheme' });
      say(s.exportHere, 'scheme');
      return;
    }
    actOn('scheme', resolved, async ({ scheme }) => {
      const raw = await schemeFile(scheme);
      const blob = new Blob([`${JSON.stringify(raw, null, 2)}\n`], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${scheme.id}.json`;
      a.click();
      URL.revokeObjectURL(a.href);
    });
  };

  /** An issue's cell, or a person's name cell in the year (on its own sheet); an issue without a cell selects nothing. */
  const select = ({ sheet: other, cell }: Pick<Issue, 'sheet' | 'cell'>) => {
    if (cell) actOn('pane', sheet, ({ read }) => host.select(other ?? read.sheet, cell));
  };
  /** `shift`: the columns of the person's block, where the roster is printed as blocks side by side. */
  const selectRow = (row: number, shift = 0) =>
    actOn('pane', checked, ({ sheet, results }) => {
      const nameCol = columnOf(results.table, 'name') ?? 1;
      return host.select(sheet.read.sheet, a1(row, nameCol + shift));
    });

  const rollUp = () =>
    actOn('year', sheet, async ({ read }) => {
      dispatch({ type: 'rolling-up' });
      // Every visible sheet: the period sheets, and the others, one of which may be the annual sheet.
      const book = await host.readSheets((names) => names);
      dispatch({ type: 'year', year: await runYear(book, read, choice, locale) });
    });

  const addForms = () =>
    void act(async () => {
      if (year?.kind !== 'ok') return;
      const added = await host.addForms(year.forms);
      dispatch({ type: 'forms-added', added });
      // The preview and its button go: the message stands beside 删除生成的汇总表, which takes their place.
      say(s.formsAdded(added.names.join('、')), 'year-forms');
    }, 'year-add');

  const removeForms = () =>
    actOn('year-forms', state.addedForms, async (added) => {
      const n = await host.removeSheets(added);
      dispatch({ type: 'forms-removed' });
      say(s.formsRemoved(n), 'year-forms');
    });

  const mark = () =>
    actOn('check', checked, async ({ sheet, results }) => {
      const marks = await host.mark(sheet.read.sheet, results.issues, locale);
      dispatch({ type: 'marks', marks });
      await save({ marks });
      const noted = marks.cells.some((c) => c.note);
      say(s.marked(marks.cells.length, noted), 'check');
    });

  const clearMarks = () =>
    actOn('check', sheet?.marks, async (marks) => {
      await host.clearMarks(marks);
      dispatch({ type: 'marks', marks: null });
      await save({ marks: undefined });
      say(s.marksCleared, 'check');
    });

  const changeMode = (formulas: boolean) =>
    void act(async () => {
      dispatch({ type: 'formulas', formulas });
      await save({ formulas });
    }, 'compute');

  const makePreview = () => {
    if (!checked) return;
    const { sheet, results } = checked;
    dispatch({ type: 'preview', plan: buildSheetPlan(results, sheet.read.grid, { formulas: sheet.formulas }) });
  };

  const apply = () =>
    actOn('compute-apply', sheet?.preview, async (plan) => {
      const r = await host.apply(plan);
      dispatch({ type: 'applied', plan });
      // The preview and 写入表格 go: the message stands under 预览 and 撤销, where the next step is.
      say(s.applied(plan.writes.length, r.undoGroup, r.asValues), 'compute');
    });

  /** Undoes the last write in the sheet it was written on, whichever is active now. */
  const undo = () =>
    actOn('compute', state.applied, async (applied) => {
      // The sheet changed after the write, even if it has been read since: an undo would overwrite that.
      if (state.undoStale) throw new HostError('changed-after-apply');
      const back = undoPlan(applied);
      try {
        await host.apply(back);
      } catch (e) {
        if (e instanceof HostError && e.problem === 'stale') throw new HostError('changed-after-apply');
        throw e;
      }
      dispatch({ type: 'undone', back });
      say(back.sheet === shown ? s.undone : s.undoneOn(back.sheet), 'compute');
    });

  const options = useMemo(() => (resolved ? roleOptions(resolved.scheme, s.roleNames, locale) : []), [resolved, s, locale]);
  /**
   * A column given a role another column had: that one is set to 不使用 (a role belongs to one column), said under
   * the role just chosen. Set explicitly, so the latest choice wins even over an earlier correction of the other column.
   */
  const changeColumn = (col: number, o: RoleOption) => {
    const others =
      o.role.kind === 'ignored' ? [] : (results?.table.columns ?? []).filter((c) => c.col !== col && roleKey(c.role) === o.key);
    const columns: ColumnOverrides = { ...overrides, [col]: o.role };
    for (const c of others) columns[c.col] = { kind: 'ignored' };
    dispatch({ type: 'columns', columns });
    const letters = others.map((c) => columnLetters(c.col)).join(locale === 'en' ? ', ' : '、');
    dispatch({
      type: 'message',
      message: others.length > 0 ? { intent: 'info', text: s.columnMoved(o.label, letters), at: `column-${col}` } : null,
    });
  };
  const saveColumns = () =>
    actOn('columns', sheet, async ({ read }) => {
      const entries = Object.entries(overrides).map(([c, role]) => [c, role] as const);
      await save({ columns: { ...read.settings?.columns, [read.sheet]: Object.fromEntries(entries) } });
      dispatch({ type: 'columns-saved' });
      say(s.columnsSaved, 'columns');
    });
  const resetColumns = () =>
    actOn('columns', sheet, async ({ read }) => {
      const rest = { ...read.settings?.columns };
      delete rest[read.sheet];
      await save({ columns: rest });
      dispatch({ type: 'columns', columns: {} });
    });

  const dismiss = useCallback(() => dispatch({ type: 'message', message: null }), []);

  const counts = results
    ? {
        errors: results.issues.filter((i) => i.severity === 'error').length,
        warnings: results.issues.filter((i) => i.severity === 'warning').length,
      }
    : null;

  return {
    forms,
    state,
    elsewhere,
    resolved,
    note,
    noFit,
    counts,
    results,
    options,
    on: {
      check,
      pickScheme,
      saveScheme,
      tryScheme,
      saveEdited,
      pasteScheme,
      addSheets,
      removeAdded,
      readSheets,
      goToSheet,
      sayAllSheets: (text: string) => say(text, 'check-all'),
      importScheme,
      exportScheme,
      dismiss,
      tab: (tab: TabKey) => dispatch({ type: 'tab', tab }),
      select,
      selectRow,
      mark,
      clearMarks,
      changeMode,
      makePreview,
      apply,
      undo,
      changeColumn,
      saveColumns,
      resetColumns,
      rollUp,
      previewForms: () => dispatch({ type: 'forms-preview' }),
      addForms,
      removeForms,
    },
  };
}
