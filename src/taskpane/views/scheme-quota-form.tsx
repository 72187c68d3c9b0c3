/**
 * A list of quotas in the 方案 view's form — the period's (等次名额) and the year's (年度名额) alike:
 * the grades counted, the bound (a share or a number of people, at most or at least), how a share
 * becomes people, where it is counted and how hard it is, each problem beside its field.
 */
import { Body1, Button, Checkbox, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { OptionSelect } from './OptionSelect';
import { describeWords, fmt, type Locale } from '../../engine';
import { type Draft, getIn, type Path, setIn, withList } from '../scheme-draft';
import { QUOTA_BOUNDS, type QuotaBound, quotaBound, setQuotaBound } from '../scheme-rules';
import { CARD } from './card';
import { numberOf, wordsOf } from './scheme-typed';
import type { SchemeWords } from './scheme-words';

const useStyles = makeStyles({
  card: CARD,
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, flexBasis: '8em', minWidth: '0' },
  narrow: { flexBasis: '6em', flexGrow: 0, minWidth: '0' },
  input: { width: '100%', minWidth: '0', '& input': { minWidth: '0', width: '100%' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

export interface QuotaListProps {
  draft: Draft;
  onChange: (d: Draft) => void;
  problem: (path: Path) => string | undefined;
  w: SchemeWords;
  locale: Locale;
  /** Where the list is: quotas, or annual.quotas. */
  at: Path;
  title: string;
  /** The grades a new quota counts (the first), and whether one may be added (a list of grades to count). */
  onAdd: (() => void) | null;
}

const shown = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** A quota list with its own card: its heading, a group of fields a quota, an add button. */
export function QuotaList({ draft, onChange, problem, w, locale, at, title, onAdd }: QuotaListProps) {
  const st = useStyles();
  const set = (path: Path, value: unknown) => onChange(setIn(draft, path, value));
  const quotas = (getIn(draft, at) as { grades?: string[] }[] | undefined) ?? [];

  const quota = (q: { grades?: string[] }, i: number) => {
    const qa = [...at, i];
    const bound = quotaBound(draft, qa);
    const share = bound === 'max' || bound === 'min';
    const value = getIn(draft, [...qa, bound]);
    const grades = q.grades ?? [];
    // Grades named one by one (unknown-grade at grades.N): said once, beside the list.
    const gradeProblems = [problem([...qa, 'grades']), ...grades.map((_g, j) => problem([...qa, 'grades', j]))].filter(
      (x): x is string => x !== undefined,
    );
    const name = grades.join('、');
    return (
      <div key={`${at.join('.')}${i}`} className={st.section} role="group" aria-label={w.quotaOf(name)}>
        <div className={st.row}>
          <Field
            className={st.grow}
            label={w.quotaGrades}
            validationMessage={gradeProblems.length > 0 ? gradeProblems.join('；') : undefined}
          >
            <Input className={st.input} value={name} onChange={(_e, d) => set([...qa, 'grades'], wordsOf(d.value))} />
          </Field>
          <Field className={st.narrow} label={w.quotaValue[bound]} validationMessage={problem([...qa, bound])}>
            <Input
              className={st.input}
              inputMode="decimal"
              value={share && typeof value === 'number' ? fmt(value * 100) : shown(value)}
              onChange={(_e, d) => {
                const v = numberOf(d.value);
                set([...qa, bound], share && typeof v === 'number' ? v / 100 : v);
              }}
            />
          </Field>
        </div>
        <div className={st.row}>
          <Field className={st.grow} label={w.quotaKind}>
            <OptionSelect
              className={st.input}
              value={bound}
              onChange={(value) => onChange(setQuotaBound(draft, qa, value as QuotaBound))}
              options={QUOTA_BOUNDS}
              label={(k) => w.quotaKinds[k]}
            />
          </Field>
          {share && (
            <Field className={st.grow} label={w.quotaRounding}>
              <OptionSelect
                className={st.input}
                value={shown(getIn(draft, [...qa, 'rounding']) ?? (bound === 'max' ? 'floor' : 'ceil'))}
                onChange={(value) => set([...qa, 'rounding'], value)}
                options={['floor', 'round', 'ceil'] as const}
                label={(k) => describeWords(locale).rounding[k]}
              />
            </Field>
          )}
        </div>
        <div className={st.row}>
          <Field className={st.grow} label={w.quotaScope}>
            <OptionSelect
              className={st.input}
              value={shown(getIn(draft, [...qa, 'scope']) ?? 'all')}
              onChange={(value) => set([...qa, 'scope'], value)}
              options={['all', 'unit'] as const}
              label={(k) => (k === 'all' ? w.scopeAll : w.scopeUnit)}
            />
          </Field>
          <Field className={st.grow} label={w.quotaSeverity}>
            <OptionSelect
              className={st.input}
              value={shown(getIn(draft, [...qa, 'severity']) ?? 'error')}
              onChange={(value) => set([...qa, 'severity'], value)}
              options={['error', 'warning'] as const}
              label={(k) => (k === 'error' ? w.hard : w.soft)}
            />
          </Field>
          <Button
            size="small"
            aria-label={w.remove(name)}
            onClick={() => onChange(withList(draft, at, (l) => l.filter((_x, k) => k !== i)))}
          >
            ×
          </Button>
        </div>
        {share && (
          <Checkbox
            label={w.atLeastOne}
            checked={getIn(draft, [...qa, 'atLeastOne']) === true}
            // Unticked is the default: the key removed, so an untouched quota stays as it was.
            onChange={(_e, d) => set([...qa, 'atLeastOne'], d.checked === true ? true : undefined)}
          />
        )}
        {problem(qa) && (
          <Body1 role="alert" className={st.problem}>
            {problem(qa)}
          </Body1>
        )}
      </div>
    );
  };

  return (
    <section className={st.card} aria-label={title}>
      <Text weight="semibold">{title}</Text>
      {quotas.map(quota)}
      {onAdd && (
        <div className={st.actions}>
          <Button size="small" onClick={onAdd}>
            {w.addQuota}
          </Button>
        </div>
      )}
    </section>
  );
}
