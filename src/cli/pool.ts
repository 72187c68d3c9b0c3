/**
 * The folder check spread over the machine's cores: worker threads, each running the same bundle
 * (dist/kaohe.cjs) as a worker, each given the next file as it finishes one; results kept in
 * file order. Without the bundle (the TypeScript run by the tests) or with one job, files are
 * checked one after another in this thread. Node's own worker_threads do the job: a pool library
 * would add a dependency for forty lines.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { registerEnglish } from '../app/english';
import type { Locale, Scheme } from '../engine';
import { registerSchemeValidator } from '../schemes';
import { checkFile, type FileCheck } from './batch';

interface WorkerSetup {
  kaoheBatch: { scheme: Scheme | undefined; locale: Locale };
}
type Job = { index: number; file: string };
type Done = { index: number; result: FileCheck };

/** This file is the bundle, which a worker can run; the tests run the TypeScript, which it cannot. */
const bundled = typeof __filename === 'string' && __filename.endsWith('.cjs');

export function defaultJobs(files: number): number {
  return bundled ? jobsFor(files, availableParallelism()) : 1;
}

/**
 * The workers a folder gets unless --jobs says: one per core (at most 8) from 3 cores up; on 2 cores or
 * one, a single one in the main thread. Measured on 2 cores (docs/performance.md, issue #21), two workers
 * take longer than one: each is a V8 isolate of its own, which compiles the checking code again, and the
 * main thread's alone loads the bundle with its code cache.
 */
export function jobsFor(files: number, cores: number): number {
  return cores > 2 ? Math.max(1, Math.min(files, cores, 8)) : 1;
}

export interface PoolRun {
  /** In file order; null for a file not checked because the run was stopped. */
  results: (FileCheck | null)[];
  stopped: boolean;
}

/**
 * Checks the files with `jobs` workers. `onDone` is told after each file; `stop` (Ctrl-C) ends the
 * run: no new file is started, workers are ended, and what was done is returned.
 */
export async function checkFiles(
  files: string[],
  opts: { scheme: Scheme | undefined; locale: Locale; jobs: number; onDone?: (done: number, file: string) => void },
  stop: { requested: boolean; onStop?: () => void },
): Promise<PoolRun> {
  const results: (FileCheck | null)[] = files.map(() => null);
  let done = 0;
  const jobs = bundled ? Math.max(1, Math.min(opts.jobs, files.length)) : 1;
  if (jobs === 1) {
    for (let i = 0; i < files.length && !stop.requested; i++) {
      results[i] = await checkFile(files[i]!, opts.scheme, opts.locale);
      opts.onDone?.(++done, files[i]!);
    }
    return { results, stopped: stop.requested };
  }
  return new Promise<PoolRun>((resolve) => {
    let next = 0;
    let live = 0;
    const workers: Worker[] = [];
    const current = new Map<Worker, Job>();
    const finish = () => {
      for (const wk of workers) void wk.terminate();
      resolve({ results, stopped: stop.requested });
    };
    stop.onStop = finish;
    const give = (wk: Worker) => {
      if (stop.requested || next >= files.length) {
        live--;
        void wk.terminate();
        if (live === 0) finish();
        return;
      }
      const job: Job = { index: next, file: files[next]! };
      next++;
      current.set(wk, job);
      wk.postMessage(job);
    };
    const setup: WorkerSetup = { kaoheBatch: { scheme: opts.scheme, locale: opts.locale } };
    for (let k = 0; k < jobs; k++) {
      const wk = new Worker(__filename, { workerData: setup });
      workers.push(wk);
      live++;
      wk.on('message', (m: Done) => {
        results[m.index] = m.result;
        opts.onDone?.(++done, files[m.index]!);
        current.delete(wk);
        give(wk);
      });
      // A worker that dies (out of memory on one file) costs that file, not the run.
      wk.on('error', (e) => {
        const job = current.get(wk);
        current.delete(wk);
        if (job) {
          results[job.index] = {
            file: job.file,
            error: e instanceof Error ? e.message : String(e),
            sheets: [],
            unchecked: [],
            summaries: [],
          };
          opts.onDone?.(++done, job.file);
        }
        live--;
        if (live === 0) finish();
      });
      give(wk);
    }
  });
}

/** In a worker: checks each file it is given and sends its result back. True when this thread is such a worker. */
export function runAsWorker(): boolean {
  const setup = workerData as WorkerSetup | null;
  if (isMainThread || !setup?.kaoheBatch || !parentPort) return false;
  registerSchemeValidator();
  registerEnglish();
  const port = parentPort;
  port.on('message', (job: Job) => {
    void checkFile(job.file, setup.kaoheBatch.scheme, setup.kaoheBatch.locale).then((result) => {
      const done: Done = { index: job.index, result };
      port.postMessage(done);
    });
  });
  return true;
}
