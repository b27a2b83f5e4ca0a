#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so the scanner is the very code the extension ships.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./scan.ts');
const code = await main(process.argv.slice(2), {
  write: (s) => process.stdout.write(s),
  error: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
});
process.exitCode = code;
