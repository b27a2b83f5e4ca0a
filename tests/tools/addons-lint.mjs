// Mozilla's addons-linter on the Firefox build: fails on any error or warning. One warning is
// known and documented: UNSAFE_VAR_ASSIGNMENT inside Preact's own innerHTML handling, in a
// popup/options chunk (Basira never renders page text as HTML; a test checks it).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const dir = '.output/firefox-mv3';
if (!existsSync(dir)) {
  console.error(`addons-lint: ${dir} is missing; run npm run build first`);
  process.exit(1);
}
let raw;
try {
  raw = execFileSync('npx', ['--no-install', 'addons-linter', '--output', 'json', dir], { encoding: 'utf8' });
} catch (e) {
  raw = e.stdout; // exits non-zero when it finds errors
}
const report = JSON.parse(raw);
const known = (m) => m.code === 'UNSAFE_VAR_ASSIGNMENT' && /^chunks\//.test(m.file ?? '');
const problems = [...report.errors, ...report.warnings].filter((m) => !known(m));
const knownCount = report.warnings.length - report.warnings.filter((m) => !known(m)).length;
for (const m of problems) console.error(`${m._type}: ${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`);
console.log(
  `addons-linter: ${report.errors.length} errors, ${report.warnings.length} warnings (${knownCount} known Preact innerHTML), ${report.notices.length} notices`,
);
process.exit(problems.length === 0 ? 0 : 1);
