/** Entry point of the bundled command (dist/kaohe.cjs). */
import { main } from './kaohe';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`kaohe: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
