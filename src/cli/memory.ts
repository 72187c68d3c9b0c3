/**
 * A full garbage collection between the steps of a large grade. V8 lets its heap grow well past
 * what is alive before it collects the old generation (the sheet's XML, the engine's tables and
 * the plan's strings are large objects it frees only then), so at 100,000 rows the process
 * peaked at 1.25–1.3 GB with far less alive. Collecting where a step has just let go of its data
 * keeps the peak near what is alive. Only for large sheets: at 10,000 rows it is not worth the time.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/** Collects now, when `rows` (the sheet's) make it worth it. */
export function collectBetweenSteps(rows: number): void {
  if (rows < 20_000) return;
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
