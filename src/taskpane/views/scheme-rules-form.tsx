/**
 * The 方案 view's form for the scheme's rules beyond items, bands and quotas: 直接定等次与否决 (the
 * conditions that give or cap a grade, the rated items' words and what 否决 means), 不定等次、不参加
 *与在外考核 (their keywords and the words that cancel them), and the year's roll-up rules — each
 * rule with what kaohe applies said in words beside it, every problem beside its field.
 */
import { Body1, Button, Checkbox, Field, Input, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { OptionSelect } from './OptionSelect';
import { ANNUAL_EFFECTS, ANNUAL_OPS, describeWords, fmt, type Locale, periodDays, RATING_EFFECTS } from '../../engine';
import { type Draft, getIn, type Path, setIn, withList } from '../scheme-draft';
import {
  addAnnualQuota,
  addAnnualRule,
  addCondition,
  addLeaveCondition,
  addRated,
  annualTest,
  type AnnualTest,
  type ConditionEffect,
  DIRECT_EFFECTS,
  hasLeaveRule,
  type LeaveLimit,
  leaveKindsOf,
  needsGrade,
  ratedWords,
  setAnnualEffect,
  setAnnualTest,
  setConditionEffect,
  setLeaveKind,
  setLeaveLimit,
  STATUS_EFFECTS,
  withRatedWords,
} from '../scheme-rules';
import { CARD } from './card';
import { QuotaList } from './scheme-quota-form';
import { numberOf, wordsOf } from './scheme-typed';
import type { SchemeWords } from './scheme-words';

/** The rules' forms' classes (this one's and ./scheme-deductions-form's). */
export const useRulesStyles = makeStyles({
  card: CARD,
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, flexBasis: '8em', minWidth: '0' },
  narrow: { flexBasis: '6em', flexGrow: 1, minWidth: '0' },
  input: { width: '100%', minWidth: '0', '& input': { minWidth: '0', width: '100%' } },
  // A word of a rated item a line: the word (short: 合格), what it means (longer: 不能评为最高等次), its remove button.
  words: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 6em) minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'center',
  },
  icon: { minWidth: '28px', paddingLeft: '0', paddingRight: '0' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  applied: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  problem: { color: tokens.colorPaletteRedForeground1 },
  full: { gridColumn: '1 / -1' },
  // The leave kinds a rule may count: ticked boxes, as many on a line as fit.
  kinds: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  line: { flexBasis: '100%' },
});

export interface RulesFormProps {
  draft: Draft;
  onChange: (d: Draft) => void;
  /** The loader's problem with the field at this path, in words, if any. */
  problem: (path: Path) => string | undefined;
  w: SchemeWords;
  locale: Locale;
  /** The draft's description by line key (condition:probation, annual:all-hao), while the draft loads. */
  said: Map<string, string>;
}

interface ConditionDraft {
  id: string;
  effect: ConditionEffect;
  grade?: string;
  reason: string;
  match: { keywords?: string[]; unless?: string[]; leave?: { kinds?: string[]; over?: unknown } };
}
interface RatedDraft {
  id: string;
  label: string;
  veto?: string;
}
interface AnnualRuleDraft {
  id: string;
  text: string;
  effect: string;
  grade?: string;
  scoreBelow?: number;
  when?: { grades: string[]; op?: string; value?: number | 'half' | 'all'; consecutive?: number };
}

const shown = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
export function RulesForm({ draft, onChange, problem, w, locale, said }: RulesFormProps) {
  const st = useRulesStyles();
  const sections = describeWords(locale).sections;
  const set = (path: Path, value: unknown) => onChange(setIn(draft, path, value));
  const labels = ((getIn(draft, ['grading', 'labels']) as { label: string }[] | undefined) ?? []).map((l) => l.label);
  const conditions = (getIn(draft, ['conditions']) as ConditionDraft[] | undefined) ?? [];
  const rated = (getIn(draft, ['rated']) as RatedDraft[] | undefined) ?? [];
  const graded = getIn(draft, ['grading', 'mode']) !== 'none';
  // The period's days, as the engine counts them where the scheme gives none: what 考核期的一半 is half of.
  const period = getIn(draft, ['period']) as { unit: 'month' | 'quarter' | 'half-year' | 'year'; days?: unknown };
  const unitDays = periodDays({ period: { unit: period.unit } });
  const days = typeof period.days === 'number' && period.days > 0 ? period.days : unitDays;

  // In a row, a field shares the width (className grow); alone in the entry's column it takes the line.
  const textField = (path: Path, label: string, value: string, onText: (t: string) => void, className?: string) => (
    <Field className={className} label={label} validationMessage={problem(path)}>
      <Input className={st.input} value={value} onChange={(_e, d) => onText(d.value)} />
    </Field>
  );
  const removeButton = (what: string, remove: () => void) => (
    <Button size="small" className={st.icon} aria-label={w.remove(what)} onClick={remove}>
      ×
    </Button>
  );
  const applied = (key: string) => said.has(key) && <Body1 className={st.applied}>{w.appliedAs(said.get(key)!)}</Body1>;

  const condition = (c: ConditionDraft, i: number, effects: readonly ConditionEffect[]) => {
    const at = ['conditions', i];
    const name = w.condition(c.reason);
    // A condition without keywords (nor leave) matches no one: said beside its keywords, in the pane's words.
    const needWords = problem([...at, 'match']) !== undefined;
    return (
      <div key={`${c.id}-${i}`} className={st.entry} role="group" aria-label={name}>
        <div className={st.row}>
          <Field className={st.grow} label={w.effect}>
            <OptionSelect
              className={st.input}
              value={c.effect}
              onChange={(value) => onChange(setConditionEffect(draft, i, value as ConditionEffect, labels))}
              options={effects}
              label={(e) => w.effects[e]}
            />
          </Field>
          {needsGrade(c.effect) && (
            <Field className={st.narrow} label={w.grade} validationMessage={problem([...at, 'grade'])}>
              <OptionSelect
                className={st.input}
                value={shown(c.grade)}
                onChange={(value) => set([...at, 'grade'], value)}
                options={labels}
              />
            </Field>
          )}
          {removeButton(name, () => onChange(withList(draft, ['conditions'], (l) => l.filter((_x, k) => k !== i))))}
        </div>
        {textField([...at, 'reason'], w.reason, c.reason, (t) => set([...at, 'reason'], t))}
        <Field label={w.keywords} validationMessage={needWords ? w.needKeywords : problem([...at, 'match', 'keywords'])}>
          <Input
            className={st.input}
            value={(c.match.keywords ?? []).join('、')}
            onChange={(_e, d) => set([...at, 'match', 'keywords'], wordsOf(d.value))}
          />
        </Field>
        <Field label={w.unless} validationMessage={problem([...at, 'match', 'unless'])}>
          <Input
            className={st.input}
            value={(c.match.unless ?? []).join('、')}
            onChange={(_e, d) => set([...at, 'match', 'unless'], wordsOf(d.value))}
          />
        </Field>
        {c.match.leave !== undefined && leaveFields(c.match.leave, i)}
        {applied(`condition:${c.id}`)}
      </div>
    );
  };

  // A leave rule: the kinds whose days add up, and the limit (half the period, or a number of days) they must exceed.
  const leaveFields = (leave: NonNullable<ConditionDraft['match']['leave']>, i: number) => {
    const at = ['conditions', i, 'match', 'leave'];
    const limit: LeaveLimit = leave.over === 'half-period' ? 'half-period' : 'days';
    const kinds = leave.kinds ?? [];
    const groupId = `leave-kinds-${i}`;
    return (
      <>
        <div role="group" aria-labelledby={groupId} className={st.kinds}>
          <Body1 id={groupId} className={st.line}>
            {w.leaveKinds}
          </Body1>
          {leaveKindsOf(draft, i).map((k) => (
            <Checkbox
              key={k}
              label={k}
              checked={kinds.includes(k)}
              onChange={(_e, d) => onChange(setLeaveKind(draft, i, k, d.checked === true))}
            />
          ))}
        </div>
        {problem([...at, 'kinds']) !== undefined && (
          <Body1 role="alert" className={st.problem}>
            {w.needKinds}
          </Body1>
        )}
        <div className={st.row}>
          <Field className={st.grow} label={w.leaveLimit}>
            <OptionSelect
              className={st.input}
              value={limit}
              onChange={(value) => onChange(setLeaveLimit(draft, i, value as LeaveLimit, days))}
              options={['half-period', 'days'] as const}
              label={(k) => (k === 'half-period' ? `${w.leaveLimits[k]}（${fmt(days / 2)}）` : w.leaveLimits[k])}
            />
          </Field>
          {limit === 'days' && (
            <Field className={st.narrow} label={w.leaveDays} validationMessage={problem([...at, 'over']) && w.needDays}>
              <Input
                className={st.input}
                inputMode="decimal"
                value={shown(leave.over)}
                onChange={(_e, d) => set([...at, 'over'], numberOf(d.value))}
              />
            </Field>
          )}
        </div>
      </>
    );
  };

  const ratedItem = (r: RatedDraft, i: number) => {
    const at = ['rated', i];
    const words = ratedWords(draft, i);
    const change = (f: Parameters<typeof withRatedWords>[2]) => onChange(withRatedWords(draft, i, f));
    return (
      <div key={`${r.id}-${i}`} className={st.entry} role="group" aria-label={w.ratedItem(r.label)}>
        <div className={st.row}>
          {textField([...at, 'label'], w.label, r.label, (t) => set([...at, 'label'], t), st.grow)}
          {removeButton(r.label, () => onChange(withList(draft, ['rated'], (l) => l.filter((_x, k) => k !== i))))}
        </div>
        <Field label={w.veto}>
          <OptionSelect
            className={st.input}
            value={r.veto ?? 'lowest'}
            onChange={(value) => set([...at, 'veto'], value)}
            options={['lowest', 'not-top'] as const}
            label={(k) => w.vetoKinds[k]}
          />
        </Field>
        <div className={st.words}>
          <Body1>{w.ratedWord}</Body1>
          <Body1>{w.ratedEffect}</Body1>
          <span />
          {words.flatMap((x, j) => [
            <Input
              key={`w${j}`}
              className={st.input}
              aria-label={`${r.label} ${w.ratedWord} ${j + 1}`}
              aria-invalid={problem([...at, 'words', j, 'word']) !== undefined}
              value={x.word}
              onChange={(_e, d) => change((l) => l.map((y, k) => (k === j ? { ...y, word: d.value } : y)))}
            />,
            <OptionSelect
              key={`e${j}`}
              className={st.input}
              aria-label={`${r.label} ${x.word} ${w.ratedEffect}`}
              value={x.effect}
              onChange={(value) => change((l) => l.map((y, k) => (k === j ? { ...y, effect: value } : y)))}
              options={RATING_EFFECTS}
              label={(k) => w.ratedEffects[k]}
            />,
            <span key={`x${j}`}>{removeButton(x.word, () => change((l) => l.filter((_y, k) => k !== j)))}</span>,
            ...[problem([...at, 'words', j]) ?? problem([...at, 'words', j, 'word'])].flatMap((m) =>
              m === undefined
                ? []
                : [
                    <Body1 key={`p${j}`} role="alert" className={mergeClasses(st.full, st.problem)}>
                      {m}
                    </Body1>,
                  ],
            ),
          ])}
        </div>
        {problem([...at, 'words']) !== undefined && (
          <Body1 role="alert" className={st.problem}>
            {problem([...at, 'words'])}
          </Body1>
        )}
        <div className={st.actions}>
          <Button size="small" onClick={() => change((l) => [...l, { word: '', synonyms: [], effect: 'none' }])}>
            {w.addWord}
          </Button>
        </div>
        {applied(`rated:${r.id}`)}
      </div>
    );
  };

  const direct = conditions.flatMap((c, i) => (needsGrade(c.effect) ? [condition(c, i, DIRECT_EFFECTS)] : []));
  const status = conditions.flatMap((c, i) => (needsGrade(c.effect) ? [] : [condition(c, i, STATUS_EFFECTS)]));

  return (
    <>
      {graded && (
        <section className={st.card} aria-label={sections.direct}>
          <Text weight="semibold">{sections.direct}</Text>
          {direct}
          {rated.map(ratedItem)}
          {problem(['rated']) !== undefined && (
            <Body1 role="alert" className={st.problem}>
              {problem(['rated'])}
            </Body1>
          )}
          <div className={st.actions}>
            <Button size="small" onClick={() => onChange(addCondition(draft, 'direct-grade', labels.at(-1)))}>
              {w.addDirect}
            </Button>
            <Button size="small" onClick={() => onChange(addLeaveCondition(draft, 'max-grade', labels[1] ?? labels[0]))}>
              {w.addLeaveDirect}
            </Button>
            <Button size="small" onClick={() => onChange(addRated(draft, w.newRated))}>
              {w.addRated}
            </Button>
          </div>
        </section>
      )}
      <section className={st.card} aria-label={sections.status}>
        <Text weight="semibold">{sections.status}</Text>
        {status}
        {hasLeaveRule(draft) && (
          <Field label={w.periodDays(fmt(unitDays))} validationMessage={problem(['period', 'days']) && w.needDays}>
            <Input
              className={st.input}
              inputMode="decimal"
              value={shown(getIn(draft, ['period', 'days']))}
              onChange={(_e, d) => set(['period', 'days'], numberOf(d.value))}
            />
          </Field>
        )}
        <div className={st.actions}>
          <Button size="small" onClick={() => onChange(addCondition(draft, 'no-grade', undefined))}>
            {w.addStatus}
          </Button>
          <Button size="small" onClick={() => onChange(addLeaveCondition(draft, 'no-grade', undefined))}>
            {w.addLeaveStatus}
          </Button>
        </div>
      </section>
      {getIn(draft, ['annual']) !== undefined && (
        <AnnualRules draft={draft} onChange={onChange} problem={problem} w={w} locale={locale} said={said} periodGrades={labels} />
      )}
    </>
  );
}

function AnnualRules({ draft, onChange, problem, w, locale, said, periodGrades }: RulesFormProps & { periodGrades: string[] }) {
  const st = useRulesStyles();
  const dw = describeWords(locale);
  const set = (path: Path, value: unknown) => onChange(setIn(draft, path, value));
  const rules = (getIn(draft, ['annual', 'rules']) as AnnualRuleDraft[] | undefined) ?? [];
  const annualGrades = ((getIn(draft, ['annual', 'grades']) as { label: string }[] | undefined) ?? []).map((g) => g.label);

  const rule = (r: AnnualRuleDraft, i: number) => {
    const at = ['annual', 'rules', i];
    const test = annualTest(draft, i);
    const value = r.when?.value;
    const valueKind = value === 'half' || value === 'all' ? value : 'number';
    const name = r.text || w.newAnnualRule;
    const number = (path: Path, label: string, whole = true) => (
      <Field className={st.narrow} label={label} validationMessage={problem(path)}>
        <Input
          className={st.input}
          inputMode={whole ? 'numeric' : 'decimal'}
          value={shown(getIn(draft, path))}
          onChange={(_e, d) => set(path, numberOf(d.value))}
        />
      </Field>
    );
    return (
      <div key={`${r.id}-${i}`} className={st.entry} role="group" aria-label={name}>
        <Field label={w.ruleText} validationMessage={problem([...at, 'text'])}>
          <Input className={st.input} value={r.text} onChange={(_e, d) => set([...at, 'text'], d.value)} />
        </Field>
        <div className={st.row}>
          <Field className={st.grow} label={w.annualTest}>
            <OptionSelect
              className={st.input}
              value={test}
              onChange={(value) => onChange(setAnnualTest(draft, i, value as AnnualTest, periodGrades))}
              options={['count', 'run', 'score'] as const}
              label={(k) => w.annualTests[k]}
            />
          </Field>
          {removeRule(name, () => onChange(withList(draft, ['annual', 'rules'], (l) => l.filter((_x, k) => k !== i))))}
        </div>
        {test !== 'score' && (
          <Field label={w.periodGrades} validationMessage={problem([...at, 'when', 'grades']) ?? gradeProblem(at)}>
            <Input
              className={st.input}
              value={(r.when?.grades ?? []).join('、')}
              onChange={(_e, d) => set([...at, 'when', 'grades'], wordsOf(d.value))}
            />
          </Field>
        )}
        {test === 'count' && (
          <div className={st.row}>
            <Field className={st.grow} label={w.annualOp}>
              <OptionSelect
                className={st.input}
                value={r.when?.op ?? '>'}
                onChange={(value) => set([...at, 'when', 'op'], value)}
                options={ANNUAL_OPS}
                label={(k) => dw.annualOp[k]}
              />
            </Field>
            <Field className={st.grow} label={w.annualValue}>
              <OptionSelect
                className={st.input}
                value={valueKind}
                onChange={(value) => set([...at, 'when', 'value'], value === 'number' ? 1 : value)}
                options={['number', 'half', 'all'] as const}
                label={(k) => w.annualValues[k]}
              />
            </Field>
            {valueKind === 'number' && number([...at, 'when', 'value'], w.annualTimes)}
          </div>
        )}
        {test === 'run' && <div className={st.row}>{number([...at, 'when', 'consecutive'], w.annualRun)}</div>}
        {test === 'score' && <div className={st.row}>{number([...at, 'scoreBelow'], w.scoreBelow, false)}</div>}
        <div className={st.row}>
          <Field className={st.grow} label={w.annualEffect}>
            <OptionSelect
              className={st.input}
              value={r.effect}
              onChange={(value) => onChange(setAnnualEffect(draft, i, value))}
              options={ANNUAL_EFFECTS}
              label={(k) => w.annualEffects[k]}
            />
          </Field>
          {r.effect !== 'flag' && (
            <Field className={st.narrow} label={w.annualGrade} validationMessage={problem([...at, 'grade'])}>
              <OptionSelect
                className={st.input}
                value={shown(r.grade)}
                onChange={(value) => set([...at, 'grade'], value)}
                options={annualGrades}
              />
            </Field>
          )}
        </div>
        {said.has(`annual:${r.id}`) && <Body1 className={st.applied}>{w.appliedAs(said.get(`annual:${r.id}`)!)}</Body1>}
      </div>
    );
  };
  // Grades of the list named one by one (unknown-grade at when.grades.N): said once, beside the list.
  const gradeProblem = (at: Path): string | undefined => {
    const grades = (getIn(draft, [...at, 'when', 'grades']) as string[] | undefined) ?? [];
    const said = grades.map((_g, j) => problem([...at, 'when', 'grades', j])).filter((x): x is string => x !== undefined);
    return said.length > 0 ? said.join('；') : undefined;
  };
  const removeRule = (what: string, remove: () => void) => (
    <Button size="small" className={st.icon} aria-label={w.remove(what)} onClick={remove}>
      ×
    </Button>
  );

  // A share typed as a percentage (60) and kept as a fraction (0.6); what is not a number is kept for the check to name.
  const shareField = (path: Path, label: string) => {
    const v = getIn(draft, path);
    return (
      <Field className={st.grow} label={label} validationMessage={problem(path) && w.needShare}>
        <Input
          className={st.input}
          inputMode="decimal"
          value={typeof v === 'number' ? fmt(v * 100) : shown(v)}
          onChange={(_e, d) => {
            const x = numberOf(d.value);
            set(path, typeof x === 'number' ? x / 100 : x);
          }}
        />
      </Field>
    );
  };
  const periodScore = getIn(draft, ['annual', 'periodScore']) as { from: string } | undefined;
  const parts = (getIn(draft, ['annual', 'annualParts']) as { id: string; label: string }[] | undefined) ?? [];

  return (
    <>
      <section className={st.card} aria-label={dw.sections.annual}>
        <Text weight="semibold">{dw.sections.annual}</Text>
        {/* What the year rolls up: how many periods, and what its total takes from them. */}
        <div className={st.row}>
          <Field className={st.narrow} label={w.annualPeriods} validationMessage={problem(['annual', 'periods']) && w.needPeriods}>
            <Input
              className={st.input}
              inputMode="numeric"
              value={shown(getIn(draft, ['annual', 'periods']))}
              onChange={(_e, d) => set(['annual', 'periods'], numberOf(d.value))}
            />
          </Field>
        </div>
        {periodScore && (
          <div className={st.row}>
            <Field className={st.grow} label={w.periodScoreFrom}>
              <OptionSelect
                className={st.input}
                value={periodScore.from}
                onChange={(value) => set(['annual', 'periodScore', 'from'], value)}
                options={['grade-values', 'totals'] as const}
                label={(k) => w.periodScoreFroms[k]}
              />
            </Field>
            {shareField(['annual', 'periodScore', 'weight'], w.periodScoreWeight)}
          </div>
        )}
        {parts.map((p, i) => (
          <div key={`${p.id}-${i}`} className={st.row}>
            {shareField(['annual', 'annualParts', i, 'weight'], w.annualPartWeight(p.label))}
          </div>
        ))}
        {said.has('annual-score') && <Body1 className={st.applied}>{w.appliedAs(said.get('annual-score')!)}</Body1>}
        {rules.map(rule)}
        <div className={st.actions}>
          <Button size="small" onClick={() => onChange(addAnnualRule(draft, w.newAnnualRule, periodGrades))}>
            {w.addAnnualRule}
          </Button>
        </div>
      </section>
      <QuotaList
        draft={draft}
        onChange={onChange}
        problem={problem}
        w={w}
        locale={locale}
        at={['annual', 'quotas']}
        title={w.annualQuotas}
        onAdd={annualGrades.length > 0 ? () => onChange(addAnnualQuota(draft)) : null}
      />
    </>
  );
}
