/**
 * The scoring scheme: what an appraisal sheet should contain and how it is scored, as data.
 * Presets (src/schemes/presets/*.json) and users' scheme files are checked against this
 * model when loaded; `npm run schema` publishes it as src/schemes/scheme.schema.json.
 */
import { z } from 'zod';
import { exprRefs, parseExpr, ExprError } from '../expr/parse';
import type { ProblemCode, ProblemData, SchemePath } from './problems';
import { countId, ID_PATTERN, LADDERS, RATING_EFFECTS, SCHEME_ID_PATTERN, voteId, VOTERS_ID } from './ids';

export { countId, ID_PATTERN, LADDERS, RATING_EFFECTS, SCHEME_ID_PATTERN, voteId, VOTERS_ID };

/**
 * A problem found by a check of ours, as the code and data its words need (./problems); the
 * loader reads it from `params`, and the message is only the code, for developers.
 */
function problemParams<C extends ProblemCode>(code: C, data: ProblemData[C]): { message: string; params: Record<string, unknown> } {
  return { message: code, params: { problem: { code, data } } };
}

/**
 * The schemas, made at their first use (schemeModel): zod builds them in about 10 ms, which a command
 * given a preset (`grade --scheme gwy-2020`) never needs, the presets being checked when built.
 */
function build() {
  const Id = z
    .string()
    .regex(ID_PATTERN, 'an id is letters, digits and _, and starts with a letter')
    .describe('Identifier used in expressions and references (e.g. "de", "思想政治素质").');

  const Synonyms = z
    .array(z.string().min(1))
    .default([])
    .describe('Other header texts that mean the same column (compared without spaces, brackets and maxima).');

  const Note = z.string().optional().describe('Why the scheme says this: the source rule, or the choice made where it is silent.');

  /** A numeric range with explicit bounds; open ends are omitted. */
  const RangeShape = {
    min: z.number().optional().describe('Lower bound; omitted = no lower bound.'),
    minInclusive: z.boolean().default(true).describe('Whether a score equal to min belongs to the range (default true).'),
    max: z.number().optional().describe('Upper bound; omitted = no upper bound.'),
    maxInclusive: z
      .boolean()
      .default(false)
      .describe('Whether a score equal to max belongs to the range (default false: bands are [min, max)).'),
  };

  const GradeBand = z
    .object({ grade: z.string().min(1).describe('The grade label this range gives.'), ...RangeShape, note: Note })
    .describe('A range of totals that gives one grade.');

  const LevelBand = z
    .object({ level: z.string().min(1).describe('Level name, e.g. 优秀 or 超量.'), ...RangeShape })
    .describe("A range of one item's score that names a level (per-item level bands).");

  const GradeLabel = z.object({
    label: z.string().min(1).describe('The grade as written in the sheet, e.g. 好, 优秀, A.'),
    en: z.string().optional().describe('English name for messages.'),
    synonyms: Synonyms,
    value: z.number().optional().describe('Score the grade counts for in roll-ups (hebei-abcd: A = 90, B = 80 …).'),
  });

  const ColumnShape = {
    id: Id,
    label: z.string().min(1).describe('Header text as offices write it, without the maximum (德, 思想政治素质).'),
    en: z.string().optional().describe('English name for messages.'),
    synonyms: Synonyms,
    note: Note,
  };

  const Group = z
    .object({
      ...ColumnShape,
      max: z.number().describe('Maximum of the dimension (德 20).'),
      combine: z
        .enum(['sum', 'weighted'])
        .default('sum')
        .describe('sum: the items add up; weighted: Σ item × item.weight (each item scored on the group scale).'),
      required: z.boolean().default(true),
      group: Id.optional().describe('The dimension this one belongs to (基层组织建设 within 责任目标).'),
      capped: z
        .boolean()
        .default(false)
        .describe('The items may add up to more than max, which is reported (out-of-range) and counts as max (业绩加分 at most 50).'),
    })
    .describe('A dimension (德、能、勤、绩、廉) grouping items; the sheet may hold its items, its subtotal, or both.');

  const Item = z
    .object({
      ...ColumnShape,
      group: Id.optional().describe('The dimension this item belongs to.'),
      max: z.number().describe('Highest score allowed.'),
      min: z
        .number()
        .nullable()
        .default(0)
        .describe('Lowest score allowed; may be negative where the rules allow minus points; null: no lower bound (每项均可计负分).'),
      required: z.boolean().default(true).describe('An empty cell is an error (missing-value) when true.'),
      weight: z.number().positive().optional().describe('Weight inside a weighted group.'),
      levels: z.array(LevelBand).optional().describe('Named levels of this item (ju-5items: 优秀 27–30 …).'),
      content: z
        .string()
        .min(1)
        .optional()
        .describe('Items of one dimension with the same content count once, the highest (同一内容按最高项计，不重复加分).'),
    })
    .describe('A scored item: one numeric column per person.');

  const RatingWord = z
    .object({
      word: z.string().min(1).describe('The word as offices write it (合格, 不合格, 否决).'),
      synonyms: Synonyms,
      effect: z
        .enum(RATING_EFFECTS)
        .describe("none: counts nothing; not-top: cannot be rated the top grade; lowest: the lowest grade; veto: as the item's veto says."),
    })
    .describe('One word of a rated column and what it means for the grade.');

  /** The default ladders (./ids, from ./ladders.json), checked when the schemas are built. */
  const LADDER_IDS = Object.keys(z.record(z.string().regex(/^[a-z]+$/), z.array(RatingWord).min(1)).parse(LADDERS)) as [
    string,
    ...string[],
  ];

  const Rated = z
    .object({
      ...ColumnShape,
      required: z.boolean().default(false).describe('An empty cell is an error (missing-value) when true; by default it counts nothing.'),
      ladder: z
        .enum(LADDER_IDS)
        .default('hege')
        .describe('The built-in words: hege 合格/基本合格/不合格/否决, shifou 是/否, youwu 无/有 (有 = 否决).'),
      words: z.array(RatingWord).min(1).optional().describe('The words of this item and what each means, replacing the built-in ladder.'),
      veto: z
        .enum(['lowest', 'not-top'])
        .default('lowest')
        .describe('What 否决 (一票否决) means here: the lowest grade of the scheme, or that the top grade cannot be given.'),
    })
    .describe(
      'A rated item (德（合格/不合格）, 廉（一票否决）): its cells are words, not scores; they count nothing towards the total and may set or bar a grade.',
    );

  const Adjustment = z
    .object({
      ...ColumnShape,
      kind: z.enum(['bonus', 'penalty']).describe('bonus adds to the total, penalty subtracts (entered as a positive number).'),
      cap: z.number().positive().describe('At most this much counts; more is reported as out-of-range and capped.'),
    })
    .describe('加分 / 减分 (弹性指标), capped.');

  const Input = z
    .object({
      ...ColumnShape,
      max: z.number().optional(),
      min: z.number().default(0),
      required: z.boolean().default(true),
    })
    .describe('Any other numeric column an expression uses: a democratic-appraisal score, a rater score, a vote count.');

  const Deduction = z
    .object({
      ...ColumnShape,
      points: z
        .union([z.number(), z.object({ min: z.number(), max: z.number() })])
        .describe('Points per occurrence: a fixed number, or a range the appraiser chooses within (1–3 per case).'),
      direction: z.enum(['deduct', 'add']).default('deduct'),
      cap: z.number().positive().optional().describe('At most this many points in all (多组建1家加1分，3家以上加3分: points 1, cap 3).'),
      item: Id.optional().describe(
        'The item the points are taken from: its score is its max less its deductions (never below its min), read from the sheet only where no case is counted.',
      ),
      pointsColumn: z
        .object({ label: z.string().min(1), synonyms: Synonyms })
        .optional()
        .describe('Column holding the points actually taken, checked against count × range.'),
    })
    .describe('A per-occurrence rule: the sheet holds a count (迟到早退次数), each occurrence costs points.');

  const Computed = z
    .object({
      ...ColumnShape,
      expr: z.string().min(1).describe('Expression over field ids, e.g. "0.7*lingdao + 0.3*minzhu".'),
      decimals: z.number().int().min(0).max(6).optional().describe('Round the result to this many decimals.'),
    })
    .describe('A field computed from others; a sheet column with this label is checked (subtotal-mismatch).');

  const MatchIn = z.enum(['remark', 'status', 'name', 'post']);

  const Match = z
    .object({
      keywords: z.array(z.string().min(1)).default([]).describe('Any of these words in the searched columns matches.'),
      unless: z
        .array(z.string().min(1))
        .default([])
        .describe('Texts that cancel a match (处分期满, 已转正). Words preceded by 无/未/非/不/没有 never match.'),
      leave: z
        .object({
          kinds: z
            .array(z.string().min(1))
            .min(1)
            .describe(
              'Leave kinds that count (病假, 事假, 病事假); others (产假…) do not. At least one: a rule counting none never applies.',
            ),
          over: z
            .union([z.literal('half-period'), z.number().positive()])
            .describe('Matches when the days of these kinds exceed half the period, or this many days.'),
        })
        .optional()
        .describe(
          'Leave read from texts: days ("病假30天，事假20天", "病假两个月", "病假累计达46天") or a statement that it is over half a period ("病事假累计超过本季度一半", "事假累计超过半个季度"); the phrasings are data in src/engine/grade/leave.json.',
        ),
      in: z.array(MatchIn).default(['remark', 'status', 'name']).describe('Which columns are searched.'),
    })
    .describe('When a condition applies to a row.');

  const Condition = z
    .object({
      id: z.string().min(1),
      effect: z
        .enum(['exclude', 'elsewhere', 'no-grade', 'direct-grade', 'max-grade', 'flag'])
        .describe(
          'exclude: does not take part (left the unit); elsewhere: appraised by another unit, listed apart; ' +
            'no-grade: takes part, no grade this period; direct-grade: this grade whatever the score; ' +
            'max-grade: at best this grade; flag: a note only.',
        ),
      grade: z.string().optional().describe('The grade for direct-grade, or the best allowed for max-grade.'),
      label: z.string().optional().describe('A short name for the grade cell (试用期); default: the keyword that matched.'),
      match: Match,
      reason: z.string().min(1).describe('Why, in Chinese, as the report shows it.'),
      reasonEn: z.string().optional(),
      note: Note,
    })
    .describe(
      'A rule that decides status or grade before or after the bands. Precedence: exclude, elsewhere, no-grade, ' +
        'direct-grade, then bands, then max-grade caps; within one effect, the first listed wins.',
    );

  const Quota = z
    .object({
      id: z.string().optional(),
      grades: z.array(z.string().min(1)).min(1).describe('The grade(s) counted together.'),
      max: z.number().min(0).max(1).optional().describe('Largest share allowed (0.4 = 40%).'),
      min: z.number().min(0).max(1).optional().describe('Smallest share required.'),
      maxPlaces: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe('A stated number of places (优秀名额3名): at most this many people, whatever the base.'),
      minPlaces: z.number().int().min(0).optional().describe('A stated number of people required, whatever the base.'),
      severity: z.enum(['error', 'warning']).default('error').describe('error for a hard limit, warning for a soft one.'),
      scope: z.enum(['all', 'unit']).default('all').describe('all: the whole sheet; unit: each unit (科室/考核单元) on its own.'),
      rounding: z
        .enum(['floor', 'round', 'ceil'])
        .optional()
        .describe('How share × people becomes a count. Default: floor for max, ceil for min.'),
      atLeastOne: z.boolean().default(false).describe('A maximum is never below 1, and a minimum never below 1.'),
      note: Note,
    })
    .refine(
      (q) => q.max !== undefined || q.min !== undefined || q.maxPlaces !== undefined || q.minPlaces !== undefined,
      problemParams('quota-needs-bound', {}),
    )
    .describe('A limit on the share of people in some grades; base = graded people in the scope.');

  const AnnualWhen = z
    .object({
      grades: z.array(z.string().min(1)).min(1).describe('Period grades counted.'),
      op: z.enum(['>', '>=', '<', '<=', '=']).optional(),
      value: z
        .union([z.number(), z.enum(['half', 'all'])])
        .optional()
        .describe('Compared with the count: a number, half of the periods, or all of them.'),
      consecutive: z.number().int().min(2).optional().describe('Matches a run of at least this many periods in a row.'),
    })
    .describe('A test on the grades a person got over the periods.');

  const AnnualRule = z.object({
    id: z.string().min(1),
    when: AnnualWhen.optional(),
    scoreBelow: z.number().optional().describe('Matches when the period score is below this.'),
    effect: z.enum(['max-grade', 'grade', 'flag', 'priority']),
    grade: z.string().optional(),
    text: z.string().min(1).describe('What the rule means, as a secretary reads it.'),
    textEn: z.string().optional(),
  });

  const Annual = z
    .object({
      periods: z.number().int().min(1).describe('Periods in a year that count (4 quarters, or 3 where Q4 merges).'),
      grades: z
        .array(GradeLabel)
        .default([])
        .describe('Annual grades, best first (优秀, 称职, 基本称职, 不称职); none where the annual rules give a score only.'),
      periodScore: z
        .object({
          from: z.enum(['grade-values', 'totals']).describe('Mean of the grade values (A = 90 …) or of the period totals.'),
          weight: z.number().min(0).max(1).describe('Share of the annual total (0.6).'),
        })
        .optional(),
      annualParts: z
        .array(
          z.object({
            id: Id,
            label: z.string(),
            weight: z.number(),
            synonyms: Synonyms,
            min: z.number().optional().describe('Lowest value that counts (奖惩分 −20); below it is reported and counts as min.'),
            max: z.number().optional().describe('Highest value that counts (奖惩分 20); above it is reported and counts as max.'),
            required: z.boolean().default(true).describe('false: a part the annual sheet may leave out (奖惩分); it then counts 0.'),
          }),
        )
        .optional()
        .describe('Other parts of the annual total (年度量化评价得分 50%).'),
      raters: z
        .array(
          z.object({
            id: z.string().min(1),
            label: z.string().min(1),
            when: Match.optional().describe('Who this weighting applies to (keywords in 职务); the one without "when" is the default.'),
            weights: z.array(z.object({ label: z.string().min(1), synonyms: Synonyms, weight: z.number().min(0).max(1) })).min(1),
          }),
        )
        .optional()
        .describe('Annual quantitative score from raters, weighted by role (xicheng-sifa: 科级领导 40/30/30, others 60/40).'),
      excellentRate: z
        .object({
          periodWeight: z.number().min(0).max(1),
          voteWeight: z.number().min(0).max(1),
          votes: z.object({ label: z.string(), synonyms: Synonyms }),
          voters: z.object({ label: z.string(), synonyms: Synonyms }),
        })
        .optional()
        .describe('xinjiang-2015: 年度优秀率 = 平时优秀率 × 40% + 测评优秀率 × 60%.'),
      rules: z.array(AnnualRule).default([]),
      quotas: z.array(Quota).default([]),
    })
    .describe('How period results roll up into the annual appraisal.');

  const Variant = z
    .object({
      id: z.string().min(1),
      label: z.string().min(1),
      when: Match.describe('Usually keywords in the 职务 column (in: ["post"]).'),
      computed: z.record(z.string(), z.string()).default({}).describe('Expressions that replace computed fields for these people.'),
      total: z.string().optional().describe('Expression that replaces the total for these people.'),
    })
    .describe('Role-specific rules (科级干部 / 一般工作人员) chosen per row.');

  const Ballot = z
    .object({
      options: z
        .array(z.object({ label: z.string(), synonyms: Synonyms }))
        .min(2)
        .describe('优秀 / 良好 / 一般 / 较差.'),
      voters: z.object({ label: z.string(), synonyms: Synonyms }).describe('Column with the number of voters.'),
      subjects: z
        .array(z.object({ id: Id, label: z.string(), synonyms: Synonyms }))
        .min(1)
        .describe('What is voted on: 总体评价 and sub-items.'),
      rates: z
        .array(z.object({ id: Id, label: z.string(), options: z.array(z.string()).min(1) }))
        .default([])
        .describe('Shares computed per person: 优秀率 = 优秀; 好评率 = 优秀 + 良好.'),
    })
    .describe('Democratic-appraisal ballots: votes per option, for each subject.');

  const Screen = z
    .object({
      id: z.string().min(1),
      label: z.string().min(1).describe('What is screened for (后备干部).'),
      maxAge: z.number().optional().describe('Oldest age allowed, inclusive (不超过45周岁).'),
      minEducation: z.string().optional().describe('Lowest education allowed: a label of educationOrder.'),
      educationOrder: z
        .array(z.object({ label: z.string().min(1), synonyms: Synonyms }))
        .default([])
        .describe('Education levels, lowest first; a cell is at the highest level whose label or synonym it contains.'),
      exception: z
        .object({
          maxAge: z.number(),
          minEducation: z.string(),
          text: z.string().optional().describe('What else the exception needs (推荐得票较高).'),
        })
        .optional()
        .describe('Where the rules allow an exception (破格): younger and better educated.'),
      remind: z.string().optional().describe('What the sheet cannot show and must be checked by a person (干部身份).'),
    })
    .describe('A screen that flags people (reserve cadres) from the 年龄 and 学历 columns; it never decides.');

  const Organisation = z
    .object({
      rankWithin: z
        .boolean()
        .default(true)
        .describe('Rank high to low within each group of the category column (街道 / 区直单位; columns.category names it).'),
      bars: z
        .array(z.string().min(1))
        .default([])
        .describe('Ids of conditions (flags) that bar a unit from being rated advanced (否决性过错), shown with its place.'),
      alerts: z
        .object({
          lastPlaces: z.number().int().min(1),
          consecutive: z.number().int().min(2),
          consecutiveText: z.string().min(1).describe('What follows a run in the last places (约谈).'),
          consecutiveTextEn: z.string().optional(),
          total: z.number().int().min(2),
          totalText: z.string().min(1).describe('What follows the given number of times in all (书面报告).'),
          totalTextEn: z.string().optional(),
        })
        .optional()
        .describe('Monthly alerts: the last places several months in a row, or several times in all.'),
    })
    .describe('When the subjects are organisations, not people.');

  const Columns = z
    .object({
      seq: Synonyms,
      name: Synonyms,
      unit: Synonyms,
      post: Synonyms,
      remark: Synonyms,
      status: Synonyms,
      total: Synonyms,
      grade: Synonyms,
      age: Synonyms,
      education: Synonyms,
      category: Synonyms,
      rank: Synonyms,
    })
    .partial()
    .describe('Extra header texts for the identity, total and grade columns, added to the built-in ones.');

  const SchemeObject = z.object({
    $schema: z.string().optional(),
    id: z.string().regex(SCHEME_ID_PATTERN, 'a scheme id is lower-case letters, digits and -').describe('Stable id (gwy-2020).'),
    name: z.string().min(1).describe('Name in Chinese.'),
    nameEn: z.string().optional(),
    source: z.string().optional().describe('Where the rules come from.'),
    basedOn: z
      .string()
      .regex(SCHEME_ID_PATTERN, 'a scheme id is lower-case letters, digits and -')
      .optional()
      .describe("The preset this scheme is an office's changed copy of (基于 gwy-2020 修改); its changes are shown against it."),
    note: Note,
    subject: z.enum(['person', 'organisation']).default('person'),
    period: z
      .object({
        unit: z.enum(['month', 'quarter', 'half-year', 'year']),
        days: z.number().positive().optional().describe('Calendar days of a period, for leave rules (quarter: 91).'),
      })
      .describe('The appraisal period.'),
    scale: z
      .object({
        max: z.number().describe('The stated total (100).'),
        min: z.number().optional().describe('Lowest possible total, if items may go negative.'),
      })
      .optional()
      .describe('The points scale of the total before bonus and penalty; item maxima must add up to it.'),
    groups: z.array(Group).default([]),
    items: z.array(Item).default([]),
    rated: z.array(Rated).default([]).describe('Items written as words (合格/不合格/否决) that decide or bar a grade.'),
    adjustments: z.array(Adjustment).default([]),
    inputs: z.array(Input).default([]),
    deductions: z.array(Deduction).default([]),
    computed: z.array(Computed).default([]),
    total: z
      .object({
        expr: z
          .string()
          .optional()
          .describe('Expression for the total; default: Σ dimensions and ungrouped items + capped bonus − capped penalty.'),
        decimals: z.number().int().min(0).max(4).default(2).describe('The total is rounded to this many decimals before grading.'),
      })
      .default({ decimals: 2 }),
    grading: z
      .object({
        mode: z
          .enum(['bands', 'entered', 'none'])
          .default('bands')
          .describe('bands: from the total; entered: the sheet holds the grades; none: the rules give a score only (百分制), no grade.'),
        labels: z.array(GradeLabel).default([]).describe('Grades, best first (none for mode "none").'),
        bands: z.array(GradeBand).default([]),
      })
      // Checked with the object, not after the whole scheme: a file with other errors still hears of it.
      .refine((g) => g.mode === 'none' || g.labels.length > 0, { path: ['labels'], ...problemParams('needs-grades', {}) })
      .describe('Grades and how they are given.'),
    conditions: z.array(Condition).default([]),
    scoreNotes: z
      .array(z.object({ ...RangeShape, text: z.string().min(1), textEn: z.string().optional() }))
      .default([])
      .describe('Consequences that follow from the total but are not grades (津贴减发 below 60).'),
    quotas: z.array(Quota).default([]),
    columns: Columns.default({}),
    variants: z.array(Variant).default([]),
    annual: Annual.optional(),
    ballot: Ballot.optional(),
    screens: z.array(Screen).default([]),
    organisation: Organisation.optional(),
  });

  /** The scheme with its cross-field checks: references resolve, expressions parse, grades exist. */
  const SchemeSchema = SchemeObject.superRefine((s, ctx) => {
    const complain = <C extends ProblemCode>(path: SchemePath, code: C, data: ProblemData[C]): void =>
      ctx.addIssue({ code: 'custom', path, ...problemParams(code, data) });
    const ids = new Map<string, SchemePath>();
    const add = (id: string, where: SchemePath): void => {
      const also = ids.get(id);
      if (also) complain(where, 'duplicate-id', { id, also });
      else ids.set(id, where);
    };
    s.groups.forEach((g, i) => add(g.id, ['groups', i, 'id']));
    s.items.forEach((it, i) => add(it.id, ['items', i, 'id']));
    s.adjustments.forEach((a, i) => add(a.id, ['adjustments', i, 'id']));
    s.inputs.forEach((a, i) => add(a.id, ['inputs', i, 'id']));
    s.deductions.forEach((a, i) => {
      add(a.id, ['deductions', i, 'id']);
      add(countId(a.id), ['deductions', i, 'id']);
      if (typeof a.points !== 'number' && a.pointsColumn === undefined) {
        complain(['deductions', i, 'pointsColumn'], 'points-need-column', {});
      }
      if (typeof a.points !== 'number' && a.points.min > a.points.max) {
        complain(['deductions', i, 'points'], 'range-reversed', {});
      }
    });
    s.computed.forEach((c, i) => add(c.id, ['computed', i, 'id']));
    if (s.ballot) {
      const b = s.ballot;
      add(VOTERS_ID, ['ballot', 'voters']);
      b.subjects.forEach((sub, i) => {
        add(sub.id, ['ballot', 'subjects', i, 'id']);
        b.options.forEach((_o, k) => add(voteId(sub.id, k), ['ballot', 'subjects', i, 'id']));
      });
      b.rates.forEach((r, i) => {
        add(r.id, ['ballot', 'rates', i, 'id']);
        r.options.forEach((o, j) => {
          if (!b.options.some((x) => x.label === o)) complain(['ballot', 'rates', i, 'options', j], 'no-ballot-option', { option: o });
        });
      });
    }

    // Rated items are never in an expression: their ids may not clash with fields, but are not refs.
    const ratedIds = new Map<string, SchemePath>();
    s.rated.forEach((r, i) => {
      const also = ids.get(r.id) ?? ratedIds.get(r.id);
      if (also) complain(['rated', i, 'id'], 'duplicate-id', { id: r.id, also });
      else ratedIds.set(r.id, ['rated', i, 'id']);
      const seen = new Set<string>();
      (r.words ?? []).forEach((w, j) => {
        for (const t of [w.word, ...w.synonyms]) {
          if (seen.has(t)) complain(['rated', i, 'words', j], 'duplicate-word', { word: t });
          seen.add(t);
        }
      });
    });
    if (s.rated.length > 0 && s.grading.mode === 'none') complain(['rated'], 'rated-needs-grades', {});

    const groupIds = new Set(s.groups.map((g) => g.id));
    const itemIds = new Set(s.items.map((it) => it.id));
    s.deductions.forEach((d, i) => {
      if (d.item !== undefined && !itemIds.has(d.item)) complain(['deductions', i, 'item'], 'no-item', { id: d.item });
    });
    s.groups.forEach((g, i) => {
      if (g.group === undefined) return;
      if (!groupIds.has(g.group)) complain(['groups', i, 'group'], 'no-group', { id: g.group });
      // A dimension inside itself, directly or through others, has no value.
      const seen = new Set([g.id]);
      for (let up = s.groups.find((x) => x.id === g.group); up; up = s.groups.find((x) => x.id === up!.group)) {
        if (seen.has(up.id)) {
          complain(['groups', i, 'group'], 'group-loop', { ids: [...seen] });
          break;
        }
        seen.add(up.id);
      }
    });
    s.items.forEach((it, i) => {
      if (it.group !== undefined && !groupIds.has(it.group)) {
        complain(['items', i, 'group'], 'no-group', { id: it.group });
      }
      if (it.min !== null && it.min > it.max) complain(['items', i], 'min-above-max', {});
    });
    s.groups.forEach((g, i) => {
      const members = s.items.filter((it) => it.group === g.id);
      if (g.combine === 'weighted' && s.groups.some((x) => x.group === g.id)) {
        complain(['groups', i], 'weighted-holds-groups', {});
      }
      if (members.length === 0 && g.combine === 'weighted') {
        complain(['groups', i], 'weighted-needs-items', {});
      }
      if (g.combine === 'weighted' && members.some((m) => m.weight === undefined)) {
        complain(['groups', i], 'weighted-needs-weights', {});
      }
    });

    const checkExpr = (src: string, path: SchemePath): void => {
      try {
        for (const ref of exprRefs(parseExpr(src))) {
          if (!ids.has(ref)) complain(path, 'unknown-field', { ref, expr: src });
        }
      } catch (e) {
        if (!(e instanceof ExprError)) throw e;
        complain(path, 'bad-expr', { expr: src, at: e.at, problem: e.problem });
      }
    };
    s.computed.forEach((c, i) => checkExpr(c.expr, ['computed', i, 'expr']));
    const loop = computedLoop(s.computed);
    if (loop) complain(['computed'], 'computed-loop', { ids: loop });
    if (s.total.expr !== undefined) checkExpr(s.total.expr, ['total', 'expr']);
    s.variants.forEach((v, i) => {
      for (const [id, e] of Object.entries(v.computed)) {
        if (!s.computed.some((c) => c.id === id)) {
          complain(['variants', i, 'computed', id], 'no-computed', { id });
        }
        checkExpr(e, ['variants', i, 'computed', id]);
      }
      if (v.total !== undefined) checkExpr(v.total, ['variants', i, 'total']);
    });

    const grades = new Set<string>();
    s.grading.labels.forEach((l, i) => {
      if (grades.has(l.label)) complain(['grading', 'labels', i], 'duplicate-grade', { grade: l.label });
      grades.add(l.label);
    });
    const knownGrade = (g: string | undefined, path: SchemePath): void => {
      if (g !== undefined && !grades.has(g)) complain(path, 'unknown-grade', { grade: g, annual: false });
    };
    s.grading.bands.forEach((b, i) => knownGrade(b.grade, ['grading', 'bands', i, 'grade']));
    s.conditions.forEach((c, i) => {
      knownGrade(c.grade, ['conditions', i, 'grade']);
      if ((c.effect === 'direct-grade' || c.effect === 'max-grade') && c.grade === undefined) {
        complain(['conditions', i, 'grade'], 'needs-grade', { effect: c.effect });
      }
      if (c.match.keywords.length === 0 && c.match.leave === undefined) {
        complain(['conditions', i, 'match'], 'condition-needs-match', {});
      }
    });
    s.quotas.forEach((q, i) => q.grades.forEach((g, j) => knownGrade(g, ['quotas', i, 'grades', j])));
    if (s.organisation) {
      const flags = new Set(s.conditions.map((c) => c.id));
      s.organisation.bars.forEach((id, i) => {
        if (!flags.has(id)) complain(['organisation', 'bars', i], 'no-condition', { id });
      });
    }
    s.screens.forEach((sc, i) => {
      const levels = new Set(sc.educationOrder.map((e) => e.label));
      for (const [what, level] of [
        ['minEducation', sc.minEducation],
        ['exception', sc.exception?.minEducation],
      ] as const) {
        if (level !== undefined && !levels.has(level)) complain(['screens', i, what], 'no-education-level', { level });
      }
    });
    if (s.grading.mode === 'bands' && s.grading.bands.length === 0) {
      complain(['grading', 'bands'], 'needs-bands', {});
    }
    if (s.annual) {
      const annualGrades = new Set(s.annual.grades.map((g) => g.label));
      s.annual.rules.forEach((r, i) => {
        if (r.grade !== undefined && !annualGrades.has(r.grade)) {
          complain(['annual', 'rules', i, 'grade'], 'unknown-grade', { grade: r.grade, annual: true });
        }
        r.when?.grades.forEach((g, j) => knownGrade(g, ['annual', 'rules', i, 'when', 'grades', j]));
      });
      s.annual.quotas.forEach((q, i) =>
        q.grades.forEach((g, j) => {
          if (!annualGrades.has(g)) {
            complain(['annual', 'quotas', i, 'grades', j], 'unknown-grade', { grade: g, annual: true });
          }
        }),
      );
    }
  });
  return {
    SchemeObject,
    GradeBand,
    LevelBand,
    GradeLabel,
    Group,
    Item,
    RatingWord,
    Rated,
    Adjustment,
    Input,
    Deduction,
    Computed,
    Match,
    Condition,
    Quota,
    AnnualRule,
    Annual,
    Variant,
    Ballot,
    Screen,
    Organisation,
    Columns,
    SchemeSchema,
  };
}

type Model = ReturnType<typeof build>;
let built: Model | undefined;

/** The scheme model's schemas (SchemeSchema, and each part of it), built once, at the first call. */
export function schemeModel(): Model {
  return (built ??= build());
}

/** A loop among computed fields' references, or null. */
function computedLoop(computed: { id: string; expr: string }[]): string[] | null {
  const deps = new Map<string, string[]>();
  for (const c of computed) {
    try {
      deps.set(c.id, [...exprRefs(parseExpr(c.expr))]);
    } catch {
      deps.set(c.id, []);
    }
  }
  const state = new Map<string, number>();
  const visit = (id: string, path: string[]): string[] | null => {
    if (state.get(id) === 2 || !deps.has(id)) return null;
    if (state.get(id) === 1) return [...path, id];
    state.set(id, 1);
    for (const d of deps.get(id)!) {
      const found = visit(d, [...path, id]);
      if (found) return found;
    }
    state.set(id, 2);
    return null;
  };
  for (const id of deps.keys()) {
    const found = visit(id, []);
    if (found) return found;
  }
  return null;
}

export type Scheme = z.output<Model['SchemeSchema']>;
export type SchemeInput = z.input<Model['SchemeSchema']>;
export type SchemeItem = z.output<Model['Item']>;
export type SchemeGroup = z.output<Model['Group']>;
export type SchemeRated = z.output<Model['Rated']>;
export type SchemeRatingWord = z.output<Model['RatingWord']>;
export type RatingEffect = SchemeRatingWord['effect'];
export type SchemeAdjustment = z.output<Model['Adjustment']>;
export type SchemeInputField = z.output<Model['Input']>;
export type SchemeComputed = z.output<Model['Computed']>;
export type SchemeCondition = z.output<Model['Condition']>;
export type SchemeMatch = z.output<Model['Match']>;
export type SchemeQuota = z.output<Model['Quota']>;
export type SchemeAnnualRule = z.output<Model['AnnualRule']>;
export type SchemeBand = z.output<Model['GradeBand']>;
export type SchemeLevelBand = z.output<Model['LevelBand']>;
export type SchemeGradeLabel = z.output<Model['GradeLabel']>;

/** The JSON Schema that editors use to complete scheme files (published by `npm run schema`). */
export function schemeJsonSchema(): Record<string, unknown> {
  const js = z.toJSONSchema(schemeModel().SchemeObject, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & {
    properties: Record<string, unknown>;
    required?: string[];
  };
  const { $schema, ...rest } = js;
  // A scheme that extends a preset inherits period and grading; only id and name are always required.
  const required = (rest.required ?? []).filter((k) => k === 'id' || k === 'name');
  const inherited = (rest.required ?? []).filter((k) => k !== 'id' && k !== 'name');
  return {
    $schema,
    $id: 'https://kaohe.local/scheme.schema.json',
    title: '考核助手 scoring scheme',
    description: 'A kaohe scoring scheme: items, bonus/penalty, grade bands, conditions and quotas.',
    ...rest,
    properties: {
      ...rest.properties,
      extends: { type: 'string', description: 'Id of a preset to start from; the fields given here replace its fields.' },
    },
    required,
    if: { not: { required: ['extends'] } },
    then: { required: inherited },
  };
}
