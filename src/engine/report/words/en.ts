/** English: the words of every rule, note, scheme problem and expression problem, by code (see ./language.ts). */
import type { Note, QuotaScope } from '../../results';
import { fmt, pct } from '../format';
import type { FieldRef, Span } from '../issue';
import { say, type Language } from './language';

const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];

const period: Language['period'] = (index, unit) => (unit === 'month' ? `Month ${index}` : (QUARTERS[index - 1] ?? `${index}`));

const ALL = 'Whole office';
const scope = (s: QuotaScope): string => (s.kind === 'unit' ? s.unit : ALL);
/** How a quota's limit was made: a share of those graded, or the places the rules state. */
const basis = (d: { base: number; share: number | null; limit: number }): string =>
  d.share === null ? `${d.limit} places as stated` : `${d.base} graded × ${pct(d.share)}`;

/** A field's English name where the scheme gives one. */
const label = (f: FieldRef): string => f.en || f.label;

function span(s: Span): string {
  if (s.from !== null && s.to !== null && s.from === s.to) return `exactly ${fmt(s.from)}`;
  const lo = s.from === null ? '' : `${s.fromInclusive ? 'from' : 'above'} ${fmt(s.from)}`;
  const hi = s.to === null ? '' : `${s.toInclusive ? 'up to and including' : 'below'} ${fmt(s.to)}`;
  return lo && hi ? `${lo} ${hi}` : lo || hi || 'any score';
}

function range(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `between ${fmt(min)} and ${fmt(max)}`;
  if (max !== null) return `at most ${fmt(max)}`;
  return `at least ${fmt(min ?? 0)}`;
}

const notes: Language['notes'] = {
  scheme: (n) => n.en ?? n.text,
  variant: (n) => `Scored by the rules for ${n.label}`,
  'screen-unknown': (n) => `${n.screen}: the ${n.missing} is missing, so it cannot be told`,
  'screen-met': (n) => `${n.screen}: age and education meet the conditions${n.exception ? ' (and those for an exception)' : ''}`,
  'screen-exception': (n) => `${n.screen}: only the conditions for an exception are met`,
  'screen-not-met': (n) => {
    const why = [n.over ? `aged ${n.over.age}, over ${n.over.max}` : null, n.below ? `education below ${n.below}` : null];
    return `${n.screen}: conditions not met (${why.filter(Boolean).join(', ')})`;
  },
  'no-grade-all-year': () => 'No quarterly grade from this unit all year: the annual grade cannot follow from them; decide it separately',
  'place-alert': (n) => n.en ?? `${n.text} (${n.periods.map((i) => period(i, n.unit)).join(', ')})`,
  rating: (n) => `${n.itemEn ?? n.item}: ${n.word} → ${n.effect === 'lowest' ? n.grade : `at best ${n.grade}`}`,
  'sheet-no-grade': (n) => `The sheet says "${n.sheet}"`,
};

const note = (n: Note): string => say(notes, n);

const expr: Language['expr'] = {
  'bad-number': () => 'bad number',
  'unterminated-text': () => 'unterminated text',
  'unexpected-character': (p) => `unexpected "${p.char}"`,
  'too-long': (p) => `longer than ${p.max} characters`,
  'too-deep': (p) => `nested more than ${p.max} levels`,
  expected: (p) => `expected "${p.token}"`,
  'unknown-function': (p) => `unknown function ${p.name}`,
  'argument-count': (p) => `${p.fn} takes ${p.min === p.max ? p.min : `${p.min}–${p.max}`} arguments`,
  'unexpected-end': () => 'unexpected end',
  'unexpected-token': () => 'unexpected token',
  'trailing-text': () => 'unexpected text after the expression',
};

const exprError: Language['exprError'] = (problem, source, at) =>
  `${problem} (at ${at + 1} in "${source.length > 80 ? `${source.slice(0, 80)}…` : source}")`;

const TYPES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list ([…])',
  object: 'an object ({…})',
};

export const en: Language = {
  rules: {
    'missing-value': {
      name: 'Missing value',
      words: (d) =>
        d.field.id === 'name'
          ? { message: 'This row has scores but no name', fix: 'Enter the name, or delete the row' }
          : { message: `${label(d.field)} is empty`, fix: `Enter the score for ${label(d.field)}` },
    },
    'not-a-number': {
      name: 'Not a number',
      words: (d) => {
        const what = {
          text: `holds "${d.text}", which is not a number`,
          error: `holds the error ${d.text}`,
          boolean: `holds the logical value ${d.text}`,
          date: `is formatted as a date (${d.text})`,
          formula: 'has a formula with no saved result',
        }[d.kind];
        const fix = {
          text: 'Enter a numeric score',
          error: "Check the cell's formula, or enter the score",
          boolean: 'Enter a numeric score',
          date: 'Format the cell as General or Number and enter the score',
          formula: 'Open and save the workbook in Excel, then check again, or enter the score',
        }[d.kind];
        return { message: `${label(d.field)} ${what}`, fix };
      },
    },
    'number-as-text': {
      name: 'Number stored as text',
      words: (d) => ({
        message: `${label(d.field)} "${d.text}" is a number stored as text; counted as ${fmt(d.value)}`,
        fix: 'Store it as a number (no apostrophe, full-width digits or unit word), or SUM formulas will skip it',
      }),
    },
    'out-of-range': {
      name: 'Out of range',
      words: (d) => {
        if (d.cap) {
          return {
            message: `${label(d.field)} ${fmt(d.value)} is over the cap of ${fmt(d.max)}; ${fmt(d.max)} counts in the total`,
            fix: d.summed
              ? `The items add up to more than the cap; by the rules ${fmt(d.max)} counts, nothing to change`
              : `Enter at most ${fmt(d.max)}`,
          };
        }
        return {
          message:
            d.max !== null && d.value > d.max
              ? `${label(d.field)} ${fmt(d.value)} is over the maximum of ${fmt(d.max)}`
              : `${label(d.field)} ${fmt(d.value)} is under the minimum of ${fmt(d.min ?? 0)}`,
          fix: `Enter a score ${range(d.min, d.max)}`,
        };
      },
    },
    'subtotal-mismatch': {
      name: 'Subtotal differs',
      words: (d) => ({
        message: `${label(d.field)} ${fmt(d.sheet)} differs from ${fmt(d.computed)} computed from its items`,
        fix: `Change it to ${fmt(d.computed)}, or check the item scores`,
      }),
    },
    'deduction-out-of-range': {
      name: 'Deduction out of its range',
      words: (d) =>
        d.count === 0
          ? {
              message: `${label(d.field)} is ${fmt(d.points)}, but no cases are counted`,
              fix: 'Enter the number of cases, or remove the points',
            }
          : {
              message: `${label(d.field)} is ${fmt(d.points)}, but ${fmt(d.count)} cases at ${fmt(d.each[0])}–${fmt(d.each[1])} points each make ${fmt(d.min)}–${fmt(d.max)}`,
              fix: `Check the count and the points; the points must be between ${fmt(d.min)} and ${fmt(d.max)}`,
            },
    },
    'ballot-mismatch': {
      name: 'Votes do not match the voters',
      words: (d) => ({
        message: `The votes for ${label(d.subject)} add up to ${fmt(d.votes)}, not the ${fmt(d.voters)} voters`,
        fix: 'Check the votes in each column and the number of voters',
      }),
    },
    'total-mismatch': {
      name: 'Total differs',
      words: (d) => ({
        message: `The total in the sheet, ${typeof d.sheet === 'number' ? fmt(d.sheet) : `"${d.sheet}"`}, differs from ${fmt(d.computed)} computed by the scheme`,
        fix: `Change it to ${fmt(d.computed)} (Compute fills it in)`,
      }),
    },
    'grade-mismatch': {
      name: 'Grade differs',
      words: (d) => ({
        message: `The grade in the sheet, "${d.sheet}", differs from ${d.computed === null ? 'no grade' : `"${d.computed}"`} given by the scheme${d.why ? `: ${note(d.why)}` : ''}`,
        fix: d.computed === null ? 'Clear the grade and give the reason in the remarks' : `Change it to "${d.computed}"`,
      }),
    },
    'unknown-grade': {
      name: 'Unknown grade',
      words: (d) => ({ message: `"${d.text}" is not a grade of this scheme (${d.known.join(', ')})`, fix: 'Use one of them' }),
    },
    'grade-stage-differs': {
      name: 'Grades of the stages differ',
      words: (d) => ({
        message: `${d.stage} says "${d.text}", ${d.decided} "${d.grade}"`,
        fix: `The grade in ${d.decided} stands; if it is wrong, correct it and check again`,
      }),
    },
    'unknown-rating': {
      name: 'Unknown rating word',
      words: (d) => ({
        message: `${label(d.field)} holds "${d.text}", which is not one of its words (${d.known.join(', ')}); no grade can be derived from it`,
        fix: 'Use one of them',
      }),
    },
    'duplicate-person': {
      name: 'Duplicate person',
      words: (d) => ({
        message: `${d.name}${d.unit ? ` (${d.unit})` : ''} also appears ${d.firstSheet ? `on sheet "${d.firstSheet}"` : `in row ${d.firstRow}`}`,
        fix: 'Check for a duplicate entry; if they are two people, tell the names apart',
      }),
    },
    'hidden-row': {
      name: 'Row hidden or filtered',
      words: (d) => ({
        message: `The row of ${d.name}${d.unit ? ` (${d.unit})` : ''} is hidden or filtered out: it is checked and counted in the quotas and places, but kaohe does not write into it`,
        fix: 'Clear the filter or unhide the row, then check again before writing totals and grades',
      }),
    },
    'rank-mismatch': {
      name: 'Rank differs',
      words: (d) => ({
        message: `${d.name} is ranked ${typeof d.sheet === 'number' ? d.sheet : `"${d.sheet}"`} in the sheet; by total, high to low${d.group ? ` within ${d.group}` : ''}, the place is ${d.computed}`,
        fix: `Change it to ${d.computed} (Compute fills it in), or check the totals`,
      }),
    },
    'quota-exceeded': {
      name: 'Over the quota',
      words: (d) => ({
        message: `${scope(d.scope)}: ${d.count} people graded ${d.grades.join('/')}, over the ${d.hard ? '' : 'usual '}limit of ${d.limit} (${basis(d)})`,
        fix: `Reduce by ${d.count - d.limit}: rank by total; the appraisal group decides ties at the cut line`,
      }),
    },
    'quota-below-minimum': {
      name: 'Below the minimum share',
      words: (d) => ({
        message: `${scope(d.scope)}: ${d.count} people graded ${d.grades.join('/')}, fewer than the required ${d.limit} (${basis(d)})`,
        fix: 'Check the grades against the required shares',
      }),
    },
    'quota-per-organisation': {
      name: 'Quotas per organisation',
      words: (d) => ({
        message: `The sheet compiles ${d.units.length} organisations (${d.units.slice(0, 5).join(', ')}${d.units.length > 5 ? ' …' : ''}): each quota applies to each of them`,
        fix: 'If these organisations share one quota, say so in the scheme',
      }),
    },
    'scheme-gap': {
      name: 'Scheme bands',
      words: (d) => {
        if (d.kind === 'max-sum') {
          return {
            message: `The maxima of ${d.subject ? `"${label(d.subject)}"` : 'the items'} add up to ${fmt(d.actual)}, not the stated ${fmt(d.expected)}`,
            fix: "Check the items' maxima in the scheme",
          };
        }
        if (d.kind === 'total-in-gap') {
          return { message: `The total ${fmt(d.value)} falls in no grade band`, fix: "Close the gaps between the scheme's grade bands" };
        }
        if (d.kind === 'total-not-a-number') {
          return {
            message: "Every score is there, but the scheme's total formula gives no number (a division by 0?)",
            fix: 'Check the total formula in the scheme file',
          };
        }
        const what = d.subject ? `A score of "${label(d.subject)}"` : 'A total';
        if (d.kind === 'gap') {
          return {
            message: `${what} ${span(d)} gets no ${d.subject ? 'level' : 'grade'}`,
            fix: 'Edit the bands so that each boundary score belongs to one band (e.g. 90 and above)',
          };
        }
        return { message: `${what} ${span(d)} belongs to both ${d.grades.join(' and ')}`, fix: 'Edit the bands so they do not overlap' };
      },
    },
    'missing-column': {
      name: 'Missing column',
      words: (d) => ({
        message: `The sheet has no "${label(d.field)}" column`,
        fix: 'Add the column, map it by hand, or choose a scheme that fits the sheet',
      }),
    },
    'header-max-mismatch': {
      name: 'Header maximum differs',
      words: (d) => ({
        message: `The header gives "${label(d.field)}" a maximum of ${fmt(d.header)}; the scheme says ${fmt(d.scheme)}`,
        fix: `Check the header or the scheme; this check uses the scheme's ${fmt(d.scheme)}`,
      }),
    },
    'condition-conflict': {
      name: 'Conditions conflict',
      words: (d) => ({ message: `Both "${d.chosen}" and "${d.ignored}" apply; the first is used`, fix: 'Check the remarks' }),
    },
    'no-grade-unexplained': {
      name: 'No grade, no reason',
      words: (d) => {
        const such = d.reasons.length > 0 ? ` (such as ${d.reasons.join(', ')})` : '';
        const done = { ungraded: 'taken part without a grade', excluded: 'not taken part', elsewhere: 'appraised elsewhere, listed apart' }[
          d.stated
        ];
        const what = { ungraded: 'why', excluded: 'why the person does not take part', elsewhere: 'where the person is appraised' }[
          d.stated
        ];
        return {
          message: d.given
            ? `The sheet says "${d.sheet}", but "${d.given}" is not among the scheme's reasons`
            : `The sheet says "${d.sheet}", but the remarks do not say ${what}`,
          fix: `Taken as the sheet says (${done}), outside the quota base; write ${what} in the remarks${such}, or enter the grade if one is due`,
        };
      },
    },
    'annual-missing-period': {
      name: 'Missing from a period',
      words: (d) => {
        const periods = d.periods.map((i) => period(i, d.unit)).join(', ');
        return d.name === null
          ? {
              message: `The workbook has no sheet for ${periods}: the year cannot be decided from ${(d.held ?? []).map((i) => period(i, d.unit)).join(', ') || 'the periods held'} alone`,
              fix: 'Annual rules ("in every quarter", "more than half") look at the whole year: nothing is assumed for the missing periods, only the limits the periods held already settle are given; add the missing sheets and roll the year up again',
            }
          : {
              message: `${d.name} is not on the sheet(s) for ${periods}`,
              fix: 'Check for a missing row, a name spelt differently, or someone who joined or left during the year',
            };
      },
    },
    'annual-ungraded-period': {
      name: 'Quarter without a grade',
      words: (d) => ({
        message: `${d.name} has no grade in ${d.periods.map((p) => `${period(p.index, d.unit)} (${p.reason ?? 'no grade'})`).join(', ')}`,
        fix: 'The annual rules count over all the quarters ("the top grade in more than half"); these count as no grade: check this is right',
      }),
    },
    'annual-grade-not-allowed': {
      name: 'Annual grade not allowed',
      words: (d) => ({
        message: `${d.name} is proposed as ${d.grade}, but the quarterly results allow at most ${d.maxGrade}`,
        fix: `Change the annual grade to ${d.maxGrade} or lower`,
      }),
    },
  },

  notes,

  problems: {
    'not-json': (d) => `the scheme file is not valid JSON${d.line === null ? '' : ` (near line ${d.line})`}`,
    'too-large': (d) =>
      `the scheme file is too large (${d.kb} KB, at most ${d.maxKb} KB): it does not look like a scheme; check the file chosen`,
    'not-object': () => 'the scheme file does not hold a JSON object',
    'too-many': (d, s) => `${s} has ${d.count} entries, at most ${d.max}`,
    'too-long': (d, s) => `${s} has ${d.count} characters, at most ${d.max}`,
    'too-nested': (d, s) => `${s} is nested more than ${d.max} levels deep`,
    'not-finite': (d, s) => `${s} is ${d.value}, not a finite number: write an ordinary number`,
    'unknown-parent': (d) => `extends names an unknown scheme "${d.id}"`,
    'extends-too-deep': () => 'extends is nested too deeply or loops',
    missing: (_d, s) => `${s} is missing (required)`,
    'wrong-type': (d, s) => `${s} must be ${TYPES[d.expected] ?? d.expected}`,
    'too-small': (d, s) => {
      if (d.of === 'number') return `${s} must be ${d.inclusive ? 'at least' : 'more than'} ${d.min}`;
      if (d.of === 'list') return `${s} needs at least ${d.min} entries`;
      return d.min === 1 ? `${s} must not be empty` : `${s} needs at least ${d.min} characters`;
    },
    'too-big': (d, s) => {
      if (d.of === 'number') return `${s} must be ${d.inclusive ? 'at most' : 'less than'} ${d.max}`;
      return `${s} may have at most ${d.max} ${d.of === 'list' ? 'entries' : 'characters'}`;
    },
    'not-one-of': (d, s) => `${s} must be one of ${d.values.map((v) => JSON.stringify(v)).join(', ')}`,
    'bad-id': (_d, s) => `${s} must be letters, digits and _, and start with a letter`,
    'bad-scheme-id': (_d, s) => `${s} must be lower-case letters, digits and -`,
    'bad-form': (_d, s) => `${s} is not in a form the scheme allows`,
    'duplicate-id': (d, s, place) => `${s} "${d.id}" is used twice (also ${place(d.also)})`,
    'points-need-column': () => 'points given as a range need a column on the sheet saying how many points were taken (pointsColumn)',
    'min-above-max': () => 'min is above max',
    'range-reversed': (_d, s) => `the min of ${s} is above its max`,
    'no-ballot-option': (d) => `no ballot option "${d.option}"`,
    'no-item': (d) => `no item "${d.id}"`,
    'no-group': (d) => `no group "${d.id}"`,
    'group-loop': (d) => `dimensions inside each other in a loop: ${d.ids.join(' → ')}`,
    'weighted-holds-groups': () => 'a weighted group cannot hold other groups',
    'weighted-needs-items': () => 'a weighted group needs items',
    'weighted-needs-weights': () => 'every item of a weighted group needs a weight',
    'unknown-field': (d) => `unknown field "${d.ref}" in "${d.expr}"`,
    'bad-expr': (d) => exprError(say(expr, d.problem), d.expr, d.at),
    'computed-loop': (d) => `computed fields refer to each other in a loop: ${d.ids.join(' → ')}`,
    'no-computed': (d) => `no computed field "${d.id}"`,
    'duplicate-grade': (d) => `duplicate grade "${d.grade}"`,
    'unknown-grade': (d) => `unknown ${d.annual ? 'annual ' : ''}grade "${d.grade}"`,
    'needs-grade': (d) => `${d.effect} needs a grade`,
    'condition-needs-match': () => 'a condition needs keywords or leave',
    'no-condition': (d) => `no condition "${d.id}"`,
    'no-education-level': (d) => `no education level "${d.level}"`,
    'needs-bands': () => 'bands mode needs bands',
    'needs-grades': () => 'grades are needed unless the mode is "none"',
    'quota-needs-bound': () => 'a quota needs max or min (a share), or maxPlaces or minPlaces (a number of people)',
    'duplicate-word': (d) => `the word "${d.word}" is listed twice`,
    'rated-needs-grades': () => 'the scheme gives no grades (mode "none"): rated items cannot affect one',
  },

  expr,
  exprError,

  path: {
    nouns: {
      groups: 'dimension',
      items: 'item',
      adjustments: 'adjustment',
      inputs: 'input',
      deductions: 'deduction',
      computed: 'computed field',
      conditions: 'condition',
      quotas: 'quota',
      variants: 'variant',
      screens: 'screen',
      scoreNotes: 'score note',
      synonyms: 'synonym',
      levels: 'level',
      keywords: 'keyword',
      unless: 'exception word',
      kinds: 'leave kind',
      in: 'column searched',
      grades: 'grade',
      weights: 'weight',
      options: 'option',
      educationOrder: 'education level',
      'grading.labels': 'grade',
      'grading.bands': 'band',
      'annual.grades': 'annual grade',
      'annual.rules': 'annual rule',
      'annual.quotas': 'annual quota',
      'annual.annualParts': 'annual part',
      'annual.raters': 'rater weighting',
      'ballot.options': 'ballot option',
      'ballot.subjects': 'ballot subject',
      'ballot.rates': 'rate',
      rated: 'rated item',
      words: 'rating word',
      'organisation.bars': 'bar',
      'columns.seq': 'number column header',
      'columns.name': 'name column header',
      'columns.unit': 'unit column header',
      'columns.post': 'post column header',
      'columns.remark': 'remarks column header',
      'columns.status': 'status column header',
      'columns.total': 'total column header',
      'columns.grade': 'grade column header',
      'columns.age': 'age column header',
      'columns.education': 'education column header',
      'columns.category': 'category column header',
      'columns.rank': 'rank column header',
    },
    entry: (n, noun, key) => (noun ? `${noun} ${n}` : `${key} entry ${n}`),
    within: ', ',
    at: (where, text) => `${where}: ${text}`,
    keyOf: (where, key) => `${key} of ${where}`,
    file: 'the scheme file',
    it: 'it',
  },

  fit: {
    reasons: {
      columns: (r) =>
        r.accounted === r.of
          ? `all ${r.of} score and grade columns recognised`
          : `only ${r.accounted} of the sheet's ${r.of} score and grade columns recognised${r.others.length > 0 ? ` (not: ${r.others.slice(0, 5).join(', ')}${r.others.length > 5 ? `, ${r.others.length} in all` : ''})` : ''}`,
      maxima: (r) =>
        r.differ.length === 0
          ? `${r.equal} maxima stated in the headers equal the scheme's`
          : `${r.differ.length} maxima stated in the headers differ from the scheme's (${r.differ.map((d) => `${d.column}: header ${fmt(d.header)}, scheme ${fmt(d.scheme)}`).join(', ')})${r.equal > 0 ? `, ${r.equal} equal` : ''}`,
      totals: (r) =>
        r.reproduced === r.of
          ? `all ${r.of} totals in the sheet reproduced by the scheme`
          : `only ${r.reproduced} of ${r.of} totals in the sheet reproduced by the scheme`,
      grades: (r) =>
        r.unknown.length === 0
          ? `the grade words (${r.known.join(', ')}) are all the scheme's`
          : `the grade words ${r.unknown.join(', ')} are not the scheme's${r.known.length > 0 ? ` (${r.known.join(', ')} are)` : ''}`,
      graded: (r) =>
        r.agree === r.of
          ? `all ${r.of} grades in the sheet agree with the scheme's bands`
          : `only ${r.agree} of ${r.of} grades in the sheet agree with the scheme's bands`,
      missing: (r) => `the sheet lacks columns the scheme needs: ${r.columns.join(', ')}`,
      unconfirmed: () => 'only the column names are alike: no maximum, total or grade confirms it',
    },
    matched: (f) => {
      const cols = f.reasons.find((r) => r.code === 'columns');
      const totals = f.reasons.find((r) => r.code === 'totals');
      const allTotals = totals?.code === 'totals' && totals.reproduced === totals.of;
      if (cols?.code === 'columns' && cols.items > 1) {
        const what = `${cols.items} items${allTotals ? ' and the totals' : ''}`;
        return cols.accounted === cols.of ? `${what} all match` : `${what} match (${cols.accounted} of ${cols.of} columns)`;
      }
      if (cols?.code === 'columns' && cols.accounted === cols.of && cols.of > 1)
        return `${cols.of} score and grade columns${allTotals ? ' and the totals' : ''} all match`;
      return allTotals ? 'the totals all match' : "the grade words are all the scheme's";
    },
    unclear: (why) => `does not quite fit this sheet: ${why}`,
    basedOn: (preset) => ` (changed from ${preset})`,
    chosen: {
      argument: (id, d) => `Scheme given: ${id}${d ? `; ${d}` : ''}`,
      workbook: (id, d) => `Scheme saved in the workbook: ${id}${d ? `; ${d}` : ''}`,
      preset: (id, d) => `Recognised from the headers: ${id}${d ? `, ${d}` : ''}`,
      inferred: () => 'No built-in scheme fits: inferred from this sheet',
    },
    none: (id, why) =>
      id ? `No built-in scheme fits: the closest is ${id}, but ${why ?? 'it fits too little'}` : 'No built-in scheme fits',
    tie: (ids) => `${ids.length} built-in schemes fit equally well (${ids.join(', ')}): none is chosen for you`,
  },

  scopeAll: ALL,
  period,
  listSep: '; ',
  inAll: (n) => ` (${n} in all)`,
};
