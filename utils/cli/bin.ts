/** `basira-scan`'s entry point; `npm run build` bundles it to .output/cli/basira-scan.mjs. */
import { main } from './scan';

process.exitCode = await main(process.argv.slice(2), {
  write: (s) => process.stdout.write(s),
  error: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
});
