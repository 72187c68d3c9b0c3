/**
 * The 方案 view's form for points taken or given per case (迟到早退每次扣 1 分, 每组建 1 家加 1 分，
 * 最多 3 分): the column that counts the cases, the points a case (one number or the range the
 * appraiser chooses within), the cap, and the item they come from (the total where none) — each
 * with what kaohe applies said beside it, every problem beside its field.
 */
import { Body1, Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { OptionSelect } from './OptionSelect';
import { getIn, type Path, setIn, withList } from '../scheme-draft';
import { addDeduction } from '../scheme-rules';
import { type RulesFormProps, useRulesStyles } from './scheme-rules-form';
import { numberOf, pointsOf, pointsText } from './scheme-typed';

interface DeductionDraft {
  id: string;
  label: string;
  points: unknown;
  direction?: 'deduct' | 'add';
  cap?: unknown;
  item?: string;
  pointsColumn?: { label: string; synonyms?: string[] };
}

const shown = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

export function DeductionsForm({ draft, onChange, problem, w, said }: RulesFormProps) {
  const st = useRulesStyles();
  const set = (path: Path, value: unknown) => onChange(setIn(draft, path, value));
  const list = (getIn(draft, ['deductions']) as DeductionDraft[] | undefined) ?? [];
  const items = (getIn(draft, ['items']) as { id: string; label: string }[] | undefined) ?? [];

  const entry = (x: DeductionDraft, i: number) => {
    const at = ['deductions', i];
    return (
      <div key={`${x.id}-${i}`} className={st.entry} role="group" aria-label={x.label}>
        <div className={st.row}>
          <Field className={st.grow} label={w.deductionLabel} validationMessage={problem([...at, 'label'])}>
            <Input className={st.input} value={x.label} onChange={(_e, d) => set([...at, 'label'], d.value)} />
          </Field>
          <Button
            size="small"
            className={st.icon}
            aria-label={w.remove(x.label)}
            onClick={() => onChange(withList(draft, ['deductions'], (l) => l.filter((_y, k) => k !== i)))}
          >
            ×
          </Button>
        </div>
        <div className={st.row}>
          <Field className={st.grow} label={w.deductionDirection}>
            <OptionSelect
              className={st.input}
              value={x.direction ?? 'deduct'}
              onChange={(value) => set([...at, 'direction'], value)}
              options={['deduct', 'add'] as const}
              label={(k) => w.deductionDirections[k]}
            />
          </Field>
          <Field className={st.grow} label={w.deductionPoints} validationMessage={problem([...at, 'points'])}>
            <Input className={st.input} value={pointsText(x.points)} onChange={(_e, d) => set([...at, 'points'], pointsOf(d.value))} />
          </Field>
        </div>
        {/* Points within a range are chosen case by case: the sheet must say how many were taken. */}
        {x.points !== null && typeof x.points === 'object' && (
          <Field label={w.deductionPointsColumn} validationMessage={problem([...at, 'pointsColumn'])}>
            <Input
              className={st.input}
              value={x.pointsColumn?.label ?? ''}
              onChange={(_e, d) =>
                set(
                  [...at, 'pointsColumn'],
                  d.value.trim() === '' ? undefined : { label: d.value.trim(), synonyms: x.pointsColumn?.synonyms ?? [] },
                )
              }
            />
          </Field>
        )}
        <div className={st.row}>
          <Field className={st.grow} label={w.deductionCap} validationMessage={problem([...at, 'cap'])}>
            <Input
              className={st.input}
              inputMode="decimal"
              value={shown(x.cap)}
              onChange={(_e, d) => set([...at, 'cap'], numberOf(d.value))}
            />
          </Field>
          <Field className={st.grow} label={w.deductionFrom} validationMessage={problem([...at, 'item'])}>
            <Select className={st.input} value={x.item ?? ''} onChange={(_e, d) => set([...at, 'item'], d.value || undefined)}>
              <option value="">{w.deductionFromTotal}</option>
              {items.map((it) => (
                <option key={it.id} value={it.id}>
                  {it.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {said.has(`deduction:${x.id}`) && <Body1 className={st.applied}>{w.appliedAs(said.get(`deduction:${x.id}`)!)}</Body1>}
      </div>
    );
  };

  return (
    <section className={st.card} aria-label={w.deductions}>
      <Text weight="semibold">{w.deductions}</Text>
      {list.length === 0 && <Body1>{w.deductionsNone}</Body1>}
      {list.map(entry)}
      <div>
        <Button size="small" onClick={() => onChange(addDeduction(draft, w.newDeduction))}>
          {w.addDeduction}
        </Button>
      </div>
    </section>
  );
}
