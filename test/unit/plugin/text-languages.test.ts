import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import charter from '../../../packages/starlight-charter/index';
import { SAMPLE, SITES_DIR } from '../../support/sites';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A site folder with the sample's terms, its first KB category's name given as `name`. */
function siteWith(name: unknown): string {
  mkdirSync(SITES_DIR, { recursive: true });
  const root = mkdtempSync(join(SITES_DIR, 'text-languages-'));
  made.push(root);
  cpSync(SAMPLE.terms, join(root, 'terms'), { recursive: true });
  mkdirSync(join(root, 'src/content/docs'), { recursive: true });
  mkdirSync(join(root, 'public'), { recursive: true });
  const file = join(root, 'terms/kb.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.setIn(['categories', 0, 'name'], doc.createNode(name));
  writeFileSync(file, doc.toString());
  return root;
}

/** Runs the plugin's config:setup as Starlight would; returns what it warned. */
function setup(root: string, locales?: Record<string, { label: string; lang?: string }>) {
  const warnings: string[] = [];
  const hook = charter({ terms: './terms' }).hooks['config:setup'] as unknown as (
    options: unknown,
  ) => void;
  const url = (path: string) => pathToFileURL(`${resolve(root, path)}/`);
  hook({
    config: { plugins: [], ...(locales ? { locales } : {}) },
    updateConfig: () => {},
    addIntegration: () => {},
    addRouteMiddleware: () => {},
    astroConfig: {
      // Inside the repository, whose node_modules have the versions Charter needs.
      root: url('.'),
      srcDir: url('src'),
      publicDir: url('public'),
      integrations: [],
    },
    logger: { warn: (line: string) => warnings.push(line), info: () => {} },
  });
  return warnings.filter((line) => line.includes('kb.yaml'));
}

describe("the build's word on partial translations", () => {
  test("against the site's locales: a text that lacks one of them, at its line", () => {
    const root = siteWith({ en: 'Start', de: 'Anfang' });
    const line = readFileSync(join(root, 'terms/kb.yaml'), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('Start'));
    const locales = {
      root: { label: 'English', lang: 'en' },
      de: { label: 'Deutsch', lang: 'de' },
      ja: { label: '日本語', lang: 'ja' },
    };
    expect(setup(root, locales)).toEqual([
      expect.stringMatching(
        new RegExp(`kb\\.yaml:${line + 1}:\\d+ categories\\[0\\]\\.name: has en, de but not ja`),
      ),
    ]);
    expect(setup(root, { root: locales.root, de: locales.de })).toEqual([]);
  });

  test('without locales: against every language a text is written in', () => {
    expect(setup(siteWith({ en: 'Start', de: 'Anfang' }))).toEqual([]);
    const root = siteWith({ en: 'Start', de: 'Anfang' });
    const file = join(root, 'terms/kb.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.setIn(['categories', 1, 'name'], doc.createNode({ en: 'API', ja: 'API' }));
    writeFileSync(file, doc.toString());
    expect(setup(root).map((w) => w.replace(/^.*? (categories\S+)/, '$1'))).toEqual([
      "categories[0].name: has en, de but not ja (pages in those languages show the company's text)",
      "categories[1].name: has en, ja but not de (pages in those languages show the company's text)",
    ]);
  });
});
