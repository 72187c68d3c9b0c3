/** The pane's head: its name, the sheet read, and the scheme in use, which can be picked from the presets, imported or exported. */
import { Button, Caption1, Field, Select, Subtitle2 } from '@fluentui/react-components';
import { useRef } from 'react';
import type { Locale, Scheme } from '../engine';
import { allPresets } from '../schemes';
import type { schemeInUse, SchemeChoice } from './session';
import type { Strings } from './strings';
import { usePaneStyles } from './styles';

export interface SchemeBarProps {
  s: Strings;
  locale: Locale;
  /** The name of the sheet read; null before the first read. */
  sheet: string | null;
  resolved: ReturnType<typeof schemeInUse>;
  choice: SchemeChoice;
  busy: boolean;
  onPick: (id: string) => void;
  onImport: (file: File) => void;
  onExport: () => void;
}

export function SchemeBar({ s, locale, sheet, resolved, choice, busy, onPick, onImport, onExport }: SchemeBarProps) {
  const st = usePaneStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const name = (x: Scheme) => `${x.id} ${locale === 'en' ? (x.nameEn ?? x.name) : x.name}`;
  const current = resolved?.scheme;
  const fromNote =
    resolved?.from === 'detected'
      ? s.schemeAuto(resolved.scheme.id)
      : resolved?.from === 'workbook'
        ? s.schemeFromWorkbook
        : resolved?.from === 'given' && choice.kind === 'file'
          ? s.schemeFromFile(choice.file)
          : null;

  return (
    <>
      <header className={st.head}>
        <Subtitle2 as="h1">{s.appName}</Subtitle2>
        {sheet !== null && <Caption1>{s.sheet(sheet)}</Caption1>}
      </header>

      <div className={st.schemeRow}>
        <Field className={st.field} label={s.scheme}>
          <Select className={st.select} value={current?.id ?? ''} onChange={(_e, d) => onPick(d.value)} disabled={busy || sheet === null}>
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
        </Field>
      </div>
      <div className={st.links}>
        {fromNote && <Caption1>{fromNote}</Caption1>}
        <Button size="small" appearance="transparent" onClick={() => fileInput.current?.click()} disabled={busy || sheet === null}>
          {s.importScheme}
        </Button>
        <Button size="small" appearance="transparent" onClick={onExport} disabled={!current}>
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
          if (f) onImport(f);
          e.target.value = '';
        }}
      />
    </>
  );
}
