/**
 * Ranking of the subjects (organisations) from high to low, separately per category
 * (街道 / 区直单位) where the sheet has a category column. Equal totals share a place and the
 * next place is skipped (1, 2, 2, 4), as offices publish them. Only subjects with a total and
 * taking part are ranked; a unit barred by a veto (否决) keeps its place and is marked.
 */
import { a1, type CellValue } from '../grid';
import { issue, type Issue } from '../report/issue';
import type { Person, Rank } from '../results';
import type { Scheme } from '../scheme/model';
import { cellText } from '../table/cells';
import { compact } from '../text';

const SAME = 0.005;

/** Places per category; returns each ranked person's place (two blocks side by side may put two on one row). */
export function rankPeople(s: Scheme, people: Person[]): Map<Person, Rank> {
  const out = new Map<Person, Rank>();
  const org = s.organisation;
  if (!org?.rankWithin) return out;
  const bars = new Set(org.bars);
  const groups = new Map<string, Person[]>();
  for (const p of people) {
    if (p.status !== 'graded' || p.total === null) continue;
    const key = p.category ?? '';
    const list = groups.get(key) ?? [];
    list.push(p);
    groups.set(key, list);
  }
  for (const [key, list] of groups) {
    const totals = list.map((p) => p.total!).sort((a, b) => b - a);
    for (const p of list) {
      // Place = 1 + how many in the group score higher (ties share it): a binary search in the totals, high to low.
      let higher = 0;
      for (let hi = totals.length; higher < hi;) {
        const mid = (higher + hi) >> 1;
        if (totals[mid]! > p.total! + SAME) higher = mid + 1;
        else hi = mid;
      }
      out.set(p, {
        group: key === '' ? null : key,
        place: higher + 1,
        of: list.length,
        barred: p.conditions.some((c) => bars.has(c)),
      });
    }
  }
  return out;
}

/** A place written in the sheet's 排名 column that differs from the computed one. */
export function rankIssues(people: Person[], rankCol: number | undefined, sheetValue: (row: number, col: number) => CellValue): Issue[] {
  if (rankCol === undefined) return [];
  const out: Issue[] = [];
  for (const p of people) {
    if (!p.rank) continue;
    const text = cellText(sheetValue(p.row, rankCol + p.shift));
    if (text === '') continue;
    // 第3名, 3 and ３ are all place 3.
    const m = /(\d+)/.exec(compact(text));
    const sheet = m ? Number(m[1]) : null;
    if (sheet !== p.rank.place) {
      out.push(
        issue(
          { rule: 'rank-mismatch', name: p.name, sheet: sheet ?? text, computed: p.rank.place, group: p.rank.group },
          a1(p.row, rankCol + p.shift),
          p.row,
        ),
      );
    }
  }
  return out;
}
