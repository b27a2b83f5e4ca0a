/** Every local link and image in the README resolves to a file in the repository. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(__dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Targets of Markdown links and images, `[text](target)` and `![alt](target)`. */
const targets = [...README.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
const local = targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'));

test('the README has local images and links to check', () => {
  expect(local.filter((t) => t.endsWith('.png')).length).toBeGreaterThanOrEqual(2);
});

test.each(local)('%s exists', (target) => {
  const path = decodeURIComponent(target.split('#')[0]!);
  expect(existsSync(join(dirname(join(ROOT, 'README.md')), path)), target).toBe(true);
});
