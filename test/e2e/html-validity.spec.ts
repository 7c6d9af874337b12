import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { nuErrors } from '../../scripts/lib/nu-check';
import { internalSite, SAMPLE_OUT, weeSite } from './support';

/**
 * Every built page is valid HTML by the W3C Nu checker, for the sample company and for WEE, and
 * the playbook pages of the sample's internal site: one checker run per site, every error listed as `file:line:col message`. Without Java the tests
 * fail and say so. No browser is needed.
 */

// One Java process checks a whole site; on a busy machine that takes a while.
const CHECK_TIMEOUT = 5 * 60_000;

test('the checker reports each fault with its file, line and column', () => {
  const dir = mkdtempSync(join(tmpdir(), 'charter-nu-'));
  try {
    mkdirSync(join(dir, 'bad'));
    writeFileSync(
      join(dir, 'good.html'),
      '<!doctype html><html lang="en"><title>Good</title><h1>One</h1><h2>Two</h2>\n',
    );
    writeFileSync(
      join(dir, 'bad', 'index.html'),
      '<!doctype html><html lang="en"><title>Bad</title>\n<h1>One</h1>\n<h3>Three</h3>\n<script aria-hidden="true"></script>\n',
    );
    writeFileSync(join(dir, '_headers'), 'not HTML, not checked\n');
    const errors = nuErrors(dir);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      /bad\/index\.html:3:1 The heading “h3” .* skipping 1 heading level\.$/,
    );
    expect(errors[1]).toMatch(
      /bad\/index\.html:4:1 The “aria-hidden” attribute must not be specified on the “script” element\.$/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every page of the sample site is valid HTML', () => {
  test.setTimeout(CHECK_TIMEOUT);
  expect(nuErrors(SAMPLE_OUT)).toEqual([]);
});

test('every page of the WEE site is valid HTML', () => {
  test.setTimeout(CHECK_TIMEOUT);
  expect(nuErrors(weeSite())).toEqual([]);
});

test("every playbook page of the sample's internal site is valid HTML", () => {
  test.setTimeout(CHECK_TIMEOUT);
  // The rest of that site is the public site's pages, checked above.
  expect(nuErrors(join(internalSite(), 'playbook'))).toEqual([]);
});
