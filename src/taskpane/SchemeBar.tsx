/**
 * The pane's head: its name, the sheet read, the sentence that says how the scheme was chosen and
 * how well it fits, and the scheme in use, which can be picked from the presets, imported or
 * exported. A scheme picked or imported is tried on the sheet (its fit and issues shown) and saved
 * to the workbook only when the user confirms it.
 */
import { Body1, Button, Caption1, Select, Subtitle2 } from '@fluentui/react-components';
import { useRef } from 'react';
import { type Locale, pct, type Scheme } from '../engine';
import { allPresets } from '../schemes';
import { type schemeInUse, type SchemeChoice, schemeTitle } from './session';
import type { Strings } from './strings';
import { FormField } from './FormField';
import { InPlaceMessage } from './InPlaceMessage';
import { usePaneStyles } from './styles';

export interface SchemeBarProps {
  s: Strings;
  locale: Locale;
  /** The name of the sheet read; null before the first read. */
  sheet: string | null;
  resolved: ReturnType<typeof schemeInUse>;
  /** How the scheme was chosen and how well it fits, or that none fits (session.schemeNote). */
  note: string | null;
  choice: SchemeChoice;
  /** The issues the scheme being tried finds on the sheet. */
  counts: { errors: number; warnings: number } | null;
  busy: boolean;
  onPick: (id: string) => void;
  /** Saves the scheme being tried to the workbook. */
  onSave: () => void;
  onImport: (file: File) => void;
  onExport: () => void;
  /** Opens the 方案 view: the scheme in words, changed, copied or pasted. */
  onShow: () => void;
}

export function SchemeBar({
  s,
  locale,
  sheet,
  resolved,
  note,
  choice,
  counts,
  busy,
  onPick,
  onSave,
  onImport,
  onExport,
  onShow,
}: SchemeBarProps) {
  const st = usePaneStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  // Names first, ids after: 公务员平时考核（全国模板：…）（gwy-2020）.
  const name = (x: Scheme) => schemeTitle(x, locale);
  const current = resolved?.scheme;
  // A scheme picked or imported and not saved yet: tried on the sheet, kept only once confirmed.
  const trying = choice.kind !== 'auto' && resolved?.source === 'argument' ? resolved : null;

  return (
    <>
      <header className={st.head}>
        <Subtitle2 as="h1">{s.appName}</Subtitle2>
        {sheet !== null && <Caption1>{s.sheet(sheet)}</Caption1>}
      </header>
      {note && (
        <Body1 role="status">
          {note}
          {choice.kind === 'file' && s.schemeFromFile(choice.file)}
        </Body1>
      )}

      <div className={st.schemeRow}>
        <FormField className={st.field} label={s.scheme}>
          {(control) => (
            <Select
              {...control}
              className={st.select}
              value={current?.id ?? ''}
              onChange={(_e, d) => onPick(d.value)}
              disabled={busy || sheet === null}
            >
              {!current && (
                <option value="" disabled>
                  {s.schemeNone}
                </option>
              )}
              {current && !allPresets().some((p) => p.id === current.id) && <option value={current.id}>{name(current)}</option>}
              {allPresets().map((p) => (
                <option key={p.id} value={p.id}>
                  {name(p)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      </div>
      <div className={st.links}>
        <Button size="small" appearance="transparent" onClick={onShow} disabled={!current}>
          {s.showScheme}
        </Button>
        <Button size="small" appearance="transparent" onClick={() => fileInput.current?.click()} disabled={busy || sheet === null}>
          {s.importScheme}
        </Button>
        <Button size="small" appearance="transparent" onClick={onExport} disabled={!current}>
          {s.exportScheme}
        </Button>
      </div>
      {/* Under the list and the import, so that neither moves when a scheme is tried, saved or refused. */}
      {trying && (
        <div className={st.links}>
          <Caption1>
            {s.trying(
              schemeTitle(trying.scheme, locale),
              trying.fit ? pct(trying.fit.score) : '—',
              counts?.errors ?? 0,
              counts?.warnings ?? 0,
            )}
          </Caption1>
          {/* Not primary: the view below has its own next step (one primary button in sight). */}
          <Button size="small" onClick={onSave} disabled={busy}>
            {s.saveScheme}
          </Button>
        </div>
      )}
      <InPlaceMessage at="scheme" />
      <input
        ref={fileInput}
        className={st.hidden}
        type="file"
        accept=".json,application/json"
        aria-label={s.importScheme}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onImport(f);
          e.target.value = '';
        }}
      />
    </>
  );
}
