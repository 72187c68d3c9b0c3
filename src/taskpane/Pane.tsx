/**
 * The task pane: the scheme, then 检查 / 计算 / 名额 / 列对应 / 年度汇总. The session's state and
 * actions are in usePane, which talks to Excel only through the Host given; this shows them.
 */
import { Button, Text } from '@fluentui/react-components';
import { Suspense, useLayoutEffect, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import type { Locale } from '../engine';
import type { Host, WorkbookSheets } from '../hosts/host';
import type { TabKey } from './pane-state';
import { InPlaceMessage, MessageContext } from './InPlaceMessage';
import { Busy } from './Busy';
import { Notice } from './Notice';
import { SchemeBar } from './SchemeBar';
import { strings } from './strings';
import { usePaneStyles } from './styles';
import { usePane } from './usePane';
import { TabPanel } from './TabPanel';
import { Tabs, type TabItem } from './Tabs';
import { FirstRunGuide, GuideToggle, useFirstRunGuide } from './FirstRunGuide';
import { CheckView } from './views/CheckView';
import { AllSheets, AnnualView, ColumnsView, ComputeView, PeopleView, QuotaView, RankView, SchemeView } from './lazy-views';

/** How long after a click a message is taken as its answer (a roll-up on an old PC takes seconds). */
const ANSWER_MS = 30_000;

export interface PaneProps {
  host: Host;
  locale: Locale;
  /** Whether a file downloaded from the pane is saved: in a browser (Excel on the web), not in desktop Office's webviews. */
  downloads?: boolean;
}

export function Pane({ host, locale, downloads = true }: PaneProps) {
  const s = strings(locale);
  const st = usePaneStyles();
  const { state, elsewhere, resolved, note, noFit, forms, counts, results, options, on } = usePane(host, locale, downloads);
  const { sheet, busy, stale, message, tab } = state;
  const guide = useFirstRunGuide();
  // 检查全部工作表: every sheet as read by its first press; its view, a chunk of its own, loads with that press.
  const [allSheets, setAllSheets] = useState<WorkbookSheets | null>(null);

  // The sheet's tabs need a roster with people on the active sheet; 年度汇总 reads the other sheets and is always there.
  const hasPeople = !!results && results.people.length > 0;
  // Organisations are ranked, not held to quotas: 排名 takes the place of 名额.
  const ranked = !!results?.compiled.scheme.organisation?.rankWithin;
  const sideTab: TabKey = ranked ? 'rank' : 'quota';
  const units = results?.compiled.scheme.subject === 'organisation';
  // 方案 is opened from the scheme bar, with or without people on the sheet.
  const shown: TabKey =
    tab === 'scheme' && resolved
      ? 'scheme'
      : !hasPeople
        ? 'annual'
        : tab === 'quota' || tab === 'rank'
          ? sideTab
          : tab === 'scheme'
            ? 'check'
            : tab;
  // One primary button in sight: 计算, 列对应, 年度汇总 and 方案 have their own next step (预览 or 写入, 保存, 汇总 or 生成, 修改);
  // elsewhere — 检查, 人员, 名额 — checking again is what there is to do, and before the first read it is all there is.
  const tabs: TabItem<TabKey>[] = [
    ...(hasPeople
      ? [
          { value: 'check' as const, label: s.tabs.check },
          { value: 'people' as const, label: units ? s.unitsTab : s.tabs.people },
          { value: 'compute' as const, label: s.tabs.compute },
          { value: sideTab, label: s.tabs[sideTab] },
          { value: 'columns' as const, label: s.tabs.columns },
        ]
      : []),
    { value: 'annual', label: s.tabs.annual },
  ];
  const leads = !!sheet && (shown === 'compute' || shown === 'columns' || shown === 'annual' || shown === 'scheme');
  // Nothing moves under the cursor: a message that comes (or goes) above the control just used would push it; the
  // pane scrolls by as much, so the control stays where it was clicked. Then the message is scrolled into view if
  // it is not (InPlaceMessage), which moves the page only when it has to.
  const used = useRef<{ el: Element; at: number; when: number } | null>(null);
  const remember = (e: SyntheticEvent) => {
    const el = e.target instanceof Element ? e.target.closest('button, select, input, [role="tab"]') : null;
    used.current = el ? { el, at: el.getBoundingClientRect().top, when: Date.now() } : null;
  };
  useLayoutEffect(() => {
    // Where it is in the window against where it was clicked (Chromium's own scroll anchoring may have kept it
    // already: then there is nothing to do). Once: a later message is not this click's answer.
    const u = used.current;
    used.current = null;
    if (!u?.el.isConnected || Date.now() - u.when > ANSWER_MS) return;
    const moved = u.el.getBoundingClientRect().top - u.at;
    if (moved !== 0) window.scrollBy(0, moved);
  }, [message]);
  const said = useMemo(() => ({ message, dismiss: on.dismiss, close: s.close }), [message, on.dismiss, s.close]);

  const pane = (
    <main className={st.root} lang={s.language} onPointerDownCapture={remember} onKeyDownCapture={remember}>
      <SchemeBar
        s={s}
        locale={locale}
        sheet={sheet?.read.sheet ?? null}
        resolved={resolved}
        note={note}
        choice={state.choice}
        counts={counts}
        busy={busy}
        onPick={on.pickScheme}
        onSave={on.saveScheme}
        onImport={on.importScheme}
        onExport={on.exportScheme}
        onShow={() => on.tab('scheme')}
      />

      {elsewhere && sheet && (
        <Notice
          intent="warning"
          role="status"
          actions={
            <Button size="small" onClick={on.check}>
              {s.checkSheet(elsewhere)}
            </Button>
          }
        >
          {s.otherSheet(elsewhere, sheet.read.sheet)}
        </Notice>
      )}
      {stale && (
        <Notice
          intent="warning"
          role="status"
          actions={
            <Button size="small" onClick={on.check}>
              {s.recheck}
            </Button>
          }
        >
          {s.stale}
        </Notice>
      )}

      <div className={st.links}>
        <Button appearance={leads ? 'secondary' : 'primary'} onClick={on.check} disabled={busy}>
          {sheet ? s.recheck : s.check}
        </Button>
        <GuideToggle guide={guide} s={s} />
        {busy && <Busy label={s.reading} />}
      </div>
      {/* The pane's own messages (reading the sheet, following the workbook): under 重新检查, which never moves for them. */}
      <InPlaceMessage at="pane" />
      <FirstRunGuide guide={guide} s={s} />

      {sheet && !results && (
        <Notice intent="warning" role="status">
          {noFit ? s.chooseScheme : (forms ?? s.noRoster(sheet.read.sheet))}
        </Notice>
      )}
      {results && results.people.length === 0 && <Text>{s.noPeople}</Text>}

      {sheet && (
        <>
          <Tabs items={tabs} selected={tabs.some((t) => t.value === shown) ? shown : null} more={s.moreTabs} onSelect={on.tab} />
          <TabPanel label={shown === 'people' && units ? s.unitsTab : s.tabs[shown]} loading={s.reading}>
            {shown === 'check' && results && (
              <CheckView
                results={results}
                s={s}
                locale={locale}
                marked={sheet.marks !== null}
                busy={busy}
                onSelect={on.select}
                onMark={on.mark}
                onClearMarks={on.clearMarks}
                allSheets={
                  !allSheets ? (
                    <Button
                      className={st.allSheets}
                      disabled={busy}
                      onClick={() => void on.readSheets((names) => names, 'check-all').then((book) => book && setAllSheets(book))}
                    >
                      {s.allSheets}
                    </Button>
                  ) : (
                    <Suspense fallback={<Busy label={s.reading} />}>
                      <AllSheets
                        locale={locale}
                        busy={busy}
                        settings={sheet.read.settings}
                        settingsBroken={sheet.read.settingsBroken}
                        scheme={state.choice.kind === 'auto' ? undefined : resolved?.scheme}
                        readSheets={on.readSheets}
                        addSheets={on.addSheets}
                        removeAdded={on.removeAdded}
                        goToSheet={on.goToSheet}
                        say={on.sayAllSheets}
                        first={allSheets}
                      />
                    </Suspense>
                  )
                }
              />
            )}
            {shown === 'people' && results && (
              <PeopleView results={results} s={s} locale={locale} onSelect={(p) => on.selectRow(p.row, p.shift)} />
            )}
            {shown === 'compute' && (
              <ComputeView
                s={s}
                locale={locale}
                results={results}
                formulas={sheet.formulas}
                preview={sheet.preview}
                canUndo={state.applied !== null}
                undoSheet={state.applied && state.applied.sheet !== sheet.read.sheet ? state.applied.sheet : null}
                busy={busy}
                stale={stale}
                onMode={on.changeMode}
                onPreview={on.makePreview}
                onApply={on.apply}
                onUndo={on.undo}
              />
            )}
            {shown === 'quota' && results && <QuotaView quotas={results.quotas} s={s} locale={locale} />}
            {shown === 'rank' && results && <RankView people={results.people} s={s} onSelect={(p) => on.selectRow(p.row, p.shift)} />}
            {shown === 'columns' && results && (
              <ColumnsView
                columns={results.table.columns}
                options={options}
                s={s}
                dirty={state.columns !== null}
                busy={busy}
                onChange={on.changeColumn}
                onSave={on.saveColumns}
                onReset={on.resetColumns}
              />
            )}
            {shown === 'scheme' && resolved && (
              <SchemeView
                scheme={resolved.scheme}
                results={results}
                locale={locale}
                busy={busy}
                tryOn={on.tryScheme}
                onSave={on.saveEdited}
                onUse={on.pasteScheme}
                addSheets={on.addSheets}
                removeAdded={on.removeAdded}
                readSheets={on.readSheets}
              />
            )}
            {shown === 'annual' && (
              <AnnualView
                run={state.year}
                previewing={state.formsPreview}
                added={state.addedForms}
                s={s}
                locale={locale}
                busy={busy}
                onRollUp={on.rollUp}
                onSelect={on.select}
                onPreview={on.previewForms}
                onAdd={on.addForms}
                onRemove={on.removeForms}
              />
            )}
          </TabPanel>
        </>
      )}
    </main>
  );
  return <MessageContext.Provider value={said}>{pane}</MessageContext.Provider>;
}
