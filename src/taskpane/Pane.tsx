/**
 * The task pane: the scheme, then 检查 / 计算 / 名额 / 列对应. It holds the session's state and
 * talks to Excel only through the Host it is given.
 */
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Component, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { a1 } from '../engine/grid';
import type { Issue } from '../engine/report/issue';
import type { Locale } from '../engine/report/locale';
import { applyToGrid, buildPlan, undoPlan, type Plan } from '../engine/plan/plan';
import type { Results } from '../engine/results';
import { SchemeError } from '../engine/scheme/load';
import { emptySettings, type MarkRecord, type WorkbookSettings } from '../engine/settings';
import type { ColumnOverrides } from '../engine/table/read';
import { allPresets, rawPreset, schemeFromText } from '../schemes';
import { HostError, type AddedSheets, type Host, type SheetRead } from '../hosts/host';
import { analyseActive, roleOptions, runYear, schemeInUse, type PaneYear, type SchemeChoice } from './session';
import { problemText } from '../app/words';
import { strings } from './strings';
import { AnnualView } from './views/AnnualView';
import { CheckView } from './views/CheckView';
import { ColumnsView } from './views/ColumnsView';
import { ComputeView } from './views/ComputeView';
import { QuotaView } from './views/QuotaView';
import { RankView } from './views/RankView';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: '0',
    boxSizing: 'border-box',
  },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  schemeRow: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  field: { flexGrow: 1, minWidth: '0', maxWidth: '100%' },
  // A native select is as wide as its longest option: keep it within the pane.
  select: { width: '100%', minWidth: '0', '& select': { minWidth: '0', textOverflow: 'ellipsis' } },
  links: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hidden: { display: 'none' },
  tabs: { flexWrap: 'wrap' },
});

type Message = { intent: 'success' | 'warning' | 'error' | 'info'; text: string } | null;
type TabKey = 'check' | 'compute' | 'quota' | 'rank' | 'columns' | 'annual';

export interface PaneProps {
  host: Host;
  locale: Locale;
}

export function Pane({ host, locale }: PaneProps) {
  const s = strings(locale);
  const st = useStyles();
  const [read, setRead] = useState<SheetRead | null>(null);
  const [choice, setChoice] = useState<SchemeChoice>({ kind: 'auto' });
  const [sessionColumns, setSessionColumns] = useState<ColumnOverrides | null>(null);
  const [formulas, setFormulas] = useState(false);
  const [preview, setPreview] = useState<Plan | null>(null);
  const [applied, setApplied] = useState<Plan | null>(null);
  const [marks, setMarks] = useState<MarkRecord | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [tab, setTab] = useState<TabKey>('check');
  const [year, setYear] = useState<PaneYear | null>(null);
  const [formsPreview, setFormsPreview] = useState(false);
  const [addedForms, setAddedForms] = useState<AddedSheets | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // 检查: the same scheme choice, corrections and check as the ribbon command and the command line (src/app).
  const outcome = useMemo(
    () => (read ? analyseActive(read, choice, sessionColumns, locale) : null),
    [read, choice, sessionColumns, locale],
  );
  const resolved = outcome ? schemeInUse(outcome) : null;
  const analysis = outcome?.ok ? outcome.analysis : null;
  const overrides = useMemo(() => analysis?.overrides ?? {}, [analysis]);
  const results: Results | null = analysis?.results ?? null;

  /** Runs a host action with the busy flag and turns every failure into a message. */
  const act = useCallback(
    async (fn: () => Promise<void>) => {
      setBusy(true);
      try {
        await fn();
      } catch (e) {
        setMessage({ intent: 'error', text: problemText(e, locale) });
      } finally {
        setBusy(false);
      }
    },
    [locale],
  );

  const check = useCallback(
    () =>
      act(async () => {
        setMessage(null);
        setPreview(null);
        const r = await host.readSheet();
        setRead(r);
        setStale(false);
        setFormulas(r.settings?.formulas ?? false);
        setMarks(r.settings?.marks && r.settings.marks.sheet === r.sheet ? r.settings.marks : null);
      }),
    [act, host],
  );

  // A roll-up made under another scheme is no answer for this one (forms already added stay undoable).
  const schemeId = resolved?.scheme.id;
  useEffect(() => {
    setYear(null);
    setFormsPreview(false);
  }, [schemeId]);

  useEffect(() => {
    void check();
    return host.onExternalChange(() => setStale(true));
  }, [check, host]);

  /** Saves kaohe's settings, changing only the fields given. */
  const save = useCallback(
    async (patch: Partial<WorkbookSettings>) => {
      if (!read) return;
      const next: WorkbookSettings = { ...emptySettings(), ...read.settings, ...patch };
      await host.saveSettings(next);
      setRead({ ...read, settings: next, settingsBroken: false });
    },
    [host, read],
  );

  const pickScheme = (value: string) =>
    act(async () => {
      setChoice({ kind: 'preset', id: value });
      setSessionColumns(null);
      setPreview(null);
      await save({ scheme: value });
      setMessage({ intent: 'success', text: s.schemeSaved });
    });

  const importScheme = (file: File) =>
    act(async () => {
      const text = await file.text();
      let scheme;
      try {
        scheme = schemeFromText(text, locale);
      } catch (e) {
        if (e instanceof SchemeError) {
          setMessage({ intent: 'error', text: s.schemeBad(e.problems.slice(0, 2).join('；') || e.message) });
          return;
        }
        throw e;
      }
      setChoice({ kind: 'file', scheme, file: file.name });
      setSessionColumns(null);
      setPreview(null);
      await save({ scheme: JSON.parse(text) as Record<string, unknown> });
      setMessage({ intent: 'success', text: s.schemeImported(scheme.id) });
    });

  const exportScheme = () => {
    if (!resolved) return;
    const raw = rawPreset(resolved.scheme.id) ?? resolved.scheme;
    const blob = new Blob([`${JSON.stringify(raw, null, 2)}\n`], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${resolved.scheme.id}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  const select = (i: Issue) => act(() => host.select(i.sheet ?? read!.sheet, i.cell!));
  const selectRow = (row: number) => {
    const nameCol = results?.table.columns.find((c) => c.role.kind === 'name')?.col ?? 1;
    return act(() => host.select(read!.sheet, a1(row, nameCol)));
  };

  const rollUpTheYear = () =>
    act(async () => {
      setMessage(null);
      setFormsPreview(false);
      // Every visible sheet: the period sheets, and the others, one of which may be the annual sheet.
      const book = await host.readSheets((names) => names);
      setYear(runYear(book, read!, choice, locale));
    });

  const addForms = () =>
    act(async () => {
      if (year?.kind !== 'ok') return;
      const added = await host.addForms(year.forms);
      setAddedForms(added);
      setFormsPreview(false);
      setMessage({ intent: 'success', text: s.formsAdded(added.names.join('、')) });
    });

  const removeForms = () =>
    act(async () => {
      const n = await host.removeSheets(addedForms!);
      setAddedForms(null);
      setMessage({ intent: 'success', text: s.formsRemoved(n) });
    });

  const mark = () =>
    act(async () => {
      const record = await host.mark(read!.sheet, results!.issues, locale);
      setMarks(record);
      await save({ marks: record });
      setMessage({ intent: 'success', text: s.marked(record.cells.length) });
    });

  const clearMarks = () =>
    act(async () => {
      await host.clearMarks(marks!);
      setMarks(null);
      await save({ marks: undefined });
      setMessage({ intent: 'success', text: s.marksCleared });
    });

  const changeMode = (f: boolean) =>
    act(async () => {
      setFormulas(f);
      setPreview(null);
      await save({ formulas: f });
    });

  const makePreview = () => {
    if (!results || !read) return;
    setMessage(null);
    setPreview(buildPlan(results, read.grid, { formulas }));
  };

  const apply = () =>
    act(async () => {
      const plan = preview!;
      const r = await host.apply(plan);
      // The sheet now holds what the plan wrote: check it again without another round trip.
      setRead({ ...read!, grid: applyToGrid(read!.grid, plan) });
      setApplied(plan);
      setPreview(null);
      setMessage({ intent: 'success', text: s.applied(plan.writes.length, r.undoGroup) });
    });

  const undo = () =>
    act(async () => {
      const back = undoPlan(applied!);
      try {
        await host.apply(back);
      } catch (e) {
        if (e instanceof HostError && e.problem === 'stale') throw new HostError('changed-after-apply');
        throw e;
      }
      setRead({ ...read!, grid: applyToGrid(read!.grid, back) });
      setApplied(null);
      setMessage({ intent: 'success', text: s.undone });
    });

  const options = useMemo(() => (resolved ? roleOptions(resolved.scheme, s.roleNames, locale) : []), [resolved, s, locale]);
  const changeColumn = (col: number, o: { role: ColumnOverrides[number] }) => {
    setSessionColumns({ ...overrides, [col]: o.role });
    setPreview(null);
  };
  const saveColumns = () =>
    act(async () => {
      const entries = Object.entries(overrides).map(([c, role]) => [c, role] as const);
      await save({ columns: { ...read!.settings?.columns, [read!.sheet]: Object.fromEntries(entries) } });
      setSessionColumns(null);
      setMessage({ intent: 'success', text: s.columnsSaved });
    });
  const resetColumns = () =>
    act(async () => {
      const rest = { ...read!.settings?.columns };
      delete rest[read!.sheet];
      await save({ columns: rest });
      setSessionColumns({});
      setPreview(null);
    });

  // The sheet's tabs need a roster with people on the active sheet; 年度汇总 reads the other sheets and is always there.
  const hasPeople = !!results && results.people.length > 0;
  // Organisations are ranked, not held to quotas: 排名 takes the place of 名额.
  const ranked = !!results?.compiled.scheme.organisation?.rankWithin;
  const sideTab: TabKey = ranked ? 'rank' : 'quota';
  const shown: TabKey = !hasPeople ? 'annual' : tab === 'quota' || tab === 'rank' ? sideTab : tab;

  const schemeName = (id: string) => {
    const p = allPresets().find((x) => x.id === id);
    return p ? `${p.id} ${locale === 'en' ? (p.nameEn ?? p.name) : p.name}` : id;
  };
  const current = resolved?.scheme;
  const currentText = current ? `${current.id} ${locale === 'en' ? (current.nameEn ?? current.name) : current.name}` : '';
  const fromNote =
    resolved?.from === 'detected'
      ? s.schemeAuto(current!.id)
      : resolved?.from === 'workbook'
        ? s.schemeFromWorkbook
        : resolved?.from === 'given' && choice.kind === 'file'
          ? s.schemeFromFile(choice.file)
          : null;

  return (
    <main className={st.root} lang={s.language}>
      <header className={st.head}>
        <Subtitle2 as="h1">{s.appName}</Subtitle2>
        {read && <Caption1>{s.sheet(read.sheet)}</Caption1>}
      </header>

      <div className={st.schemeRow}>
        <Field className={st.field} label={s.scheme}>
          <Select className={st.select} value={current?.id ?? ''} onChange={(_e, d) => void pickScheme(d.value)} disabled={busy || !read}>
            {!current && (
              <option value="" disabled>
                {s.schemeNone}
              </option>
            )}
            {current && !allPresets().some((p) => p.id === current.id) && <option value={current.id}>{currentText}</option>}
            {allPresets().map((p) => (
              <option key={p.id} value={p.id}>
                {schemeName(p.id)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={st.links}>
        {fromNote && <Caption1>{fromNote}</Caption1>}
        <Button size="small" appearance="transparent" onClick={() => fileInput.current?.click()} disabled={busy || !read}>
          {s.importScheme}
        </Button>
        <Button size="small" appearance="transparent" onClick={exportScheme} disabled={!current}>
          {s.exportScheme}
        </Button>
      </div>
      <input
        ref={fileInput}
        className={st.hidden}
        type="file"
        accept=".json,application/json"
        aria-label={s.importScheme}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void importScheme(f);
          e.target.value = '';
        }}
      />

      {stale && (
        <MessageBar intent="warning">
          <MessageBarBody>{s.stale}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void check()}>
              {s.recheck}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={() => setMessage(null)}>
              {s.close}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      <div className={st.links}>
        <Button appearance="primary" onClick={() => void check()} disabled={busy}>
          {read ? s.recheck : s.check}
        </Button>
        {busy && <Spinner size="tiny" label={s.reading} />}
      </div>

      {read && !results && (
        <MessageBar intent="warning">
          <MessageBarBody>{s.noRoster(read.sheet)}</MessageBarBody>
        </MessageBar>
      )}
      {results && results.people.length === 0 && <Text>{s.noPeople}</Text>}

      {read && (
        <>
          <TabList className={st.tabs} selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as TabKey)}>
            {hasPeople && <Tab value="check">{s.tabs.check}</Tab>}
            {hasPeople && <Tab value="compute">{s.tabs.compute}</Tab>}
            {hasPeople && <Tab value={sideTab}>{s.tabs[sideTab]}</Tab>}
            {hasPeople && <Tab value="columns">{s.tabs.columns}</Tab>}
            <Tab value="annual">{s.tabs.annual}</Tab>
          </TabList>
          <div role="tabpanel" aria-label={s.tabs[shown]}>
            {shown === 'check' && results && (
              <CheckView
                results={results}
                s={s}
                locale={locale}
                marked={marks !== null}
                busy={busy}
                onSelect={(i) => void select(i)}
                onMark={() => void mark()}
                onClearMarks={() => void clearMarks()}
              />
            )}
            {shown === 'compute' && (
              <ComputeView
                s={s}
                formulas={formulas}
                preview={preview}
                canUndo={applied !== null}
                busy={busy}
                stale={stale}
                onMode={(f) => void changeMode(f)}
                onPreview={makePreview}
                onApply={() => void apply()}
                onUndo={() => void undo()}
              />
            )}
            {shown === 'quota' && results && <QuotaView quotas={results.quotas} s={s} locale={locale} />}
            {shown === 'rank' && results && <RankView people={results.people} s={s} onSelect={(p) => void selectRow(p.row)} />}
            {shown === 'columns' && results && (
              <ColumnsView
                columns={results.table.columns}
                options={options}
                s={s}
                dirty={sessionColumns !== null}
                busy={busy}
                onChange={changeColumn}
                onSave={() => void saveColumns()}
                onReset={() => void resetColumns()}
              />
            )}
            {shown === 'annual' && (
              <AnnualView
                run={year}
                previewing={formsPreview}
                added={addedForms}
                s={s}
                locale={locale}
                busy={busy}
                onRollUp={() => void rollUpTheYear()}
                onSelect={(i) => void select(i)}
                onPreview={() => setFormsPreview(true)}
                onAdd={() => void addForms()}
                onRemove={() => void removeForms()}
              />
            )}
          </div>
        </>
      )}
    </main>
  );
}

/** Never a blank pane: whatever fails while drawing is shown, in words. */
export class PaneErrorBoundary extends Component<{ locale: Locale; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{strings(this.props.locale).unexpected + this.state.error.message}</MessageBarBody>
        </MessageBar>
      );
    }
    return this.props.children;
  }
}
