/** Entry point of the bundled command (dist/kaohe.cjs). */
import { main } from './kaohe';
import { runAsWorker } from './pool';

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
