/** Entry point of the bundled command (dist/kaohe.cjs). */
import { main } from './kaohe';
import { runAsWorker } from './pool';

// A reader that stops early (`kaohe check … | head`) closes the pipe: what is left to print has
// nowhere to go, and the command still finishes what it does (a copy being written is completed,
// never left half-done) instead of dying with Node's EPIPE trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
});

// The folder check's workers run this same bundle (./pool): they check the files they are given.
if (!runAsWorker())
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`kaohe: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
