import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { benchCalculatorJs, formatCalculatorJs } from '../../../scripts/bench/calculator-js';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-bench-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const widget = 'import{a}from"./shared.js";a(1);'.repeat(5);
const shared = 'export function a(n){return n+1}';
const dist = site({
  'index.html':
    '<script type="module" src="/_astro/starlight.js"></script><script>theme()</script>',
  'calculators/x/index.html':
    '<script type="module" src="/_astro/starlight.js"></script><script>theme()</script>' +
    '<script type="application/json" id="d">{"a":1}</script><script type="module" src="/_astro/widget.js"></script>',
  '_astro/starlight.js': 'console.log("starlight")',
  '_astro/widget.js': widget,
  '_astro/shared.js': shared,
});

test('counts the page script and its imports but not Starlight scripts or JSON data', async () => {
  const [row] = await benchCalculatorJs(dist);
  const gzip = gzipSync(widget, { level: 9 }).length + gzipSync(shared, { level: 9 }).length;
  expect(row).toEqual({
    page: '/calculators/x/',
    scripts: 2,
    bytes: widget.length + shared.length,
    gzipBytes: gzip,
    withinBudget: true,
  });
});

test('formats a table with a budget column', async () => {
  expect(formatCalculatorJs(await benchCalculatorJs(dist))).toMatch(
    /^page\s+scripts\s+raw\s+gzip\s+< 10\.0 KB\n\/calculators\/x\/\s+2\s.*yes$/,
  );
});

test('errors if the build has no calculators', async () => {
  await expect(benchCalculatorJs(site({ 'index.html': '' }))).rejects.toThrow('no calculators');
});
