/**
 * How many workers a folder check gets unless --jobs says (src/cli/pool.ts): measured on 2 cores, two
 * workers take longer than one (docs/performance.md), so one there; one per core, at most 8, from 3 cores.
 */
import { jobsFor } from '../../src/cli/pool';

describe('the default number of workers', () => {
  it('is one on 2 cores or fewer', () => {
    expect([jobsFor(200, 1), jobsFor(200, 2)]).toEqual([1, 1]);
  });

  it('is one per core from 3 cores, at most 8 and at most one per file', () => {
    expect([jobsFor(200, 3), jobsFor(200, 4), jobsFor(200, 16), jobsFor(2, 4), jobsFor(0, 4)]).toEqual([3, 4, 8, 2, 1]);
  });
});
