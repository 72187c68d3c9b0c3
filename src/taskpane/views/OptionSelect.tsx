/**
 * A Select of a fixed list of options, each shown in words: what the 方案 view's forms choose from (a rule's
 * effect, a quota's bound, a rounding…). `options` are the values, `label` gives each one's words (the value
 * itself when there is none), `onChange` the value chosen. Inside a Field, it is labelled as a Select is.
 */
import { Select, type SelectProps } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export function OptionSelect<T extends string | number>({
  options,
  label,
  onChange,
  ...rest
}: Omit<SelectProps, 'onChange' | 'children'> & {
  options: readonly T[];
  label?: (option: T) => ReactNode;
  onChange: (value: string) => void;
}) {
  return (
    <Select {...rest} onChange={(_e, d) => onChange(d.value)}>
      {options.map((o) => (
        <option key={o} value={o}>
          {label ? label(o) : o}
        </option>
      ))}
    </Select>
  );
}
