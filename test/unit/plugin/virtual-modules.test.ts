import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { parseDocument } from 'yaml';
import { optionalFiles } from '../../../packages/starlight-charter/data/absent';
import { loadCatalog, type Catalog } from '../../../packages/starlight-charter/data/load';
import { releaseTerms } from '../../../packages/starlight-charter/cli/lib/release';
import { keptReleases } from '../../../packages/starlight-charter/data/releases';
import {
  charterVirtualModules,
  type CharterSiteConfig,
  type KeptRelease,
} from '../../../packages/starlight-charter/integrations/virtual-modules';
import { parseOptions, type CharterUserOptions } from '../../../packages/starlight-charter/options';
import { copyTerms, SAMPLE, SITES_DIR } from '../../support/sites';

const CATALOG = 'virtual:starlight-charter/catalog';
const CONFIG = 'virtual:starlight-charter/config';
const RELEASES = 'virtual:starlight-charter/releases';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A writable copy of the sample's terms, the site config naming it and its Catalog. */
function site(options: CharterUserOptions = {}) {
  const termsDir = copyTerms(SAMPLE);
  made.push(termsDir);
  const config: CharterSiteConfig = {
    ...parseOptions({ terms: './terms', ...options }),
    termsDir,
    kbDir: join(termsDir, 'kb'),
    language: 'en',
    locales: [{ path: '', lang: 'en' }],
  };
  const catalog = loadCatalog(termsDir, { optional: optionalFiles(config.sections) });
  return { termsDir, config, catalog };
}

/**
 * The plugin with a fake of the part of Rollup's context `load` uses: `addWatchFile`, whose
 * calls are recorded.
 */
function plugin(config: CharterSiteConfig, first: Catalog, releases: KeptRelease[] = []) {
  const hooks = charterVirtualModules(config, first, releases);
  const context = { addWatchFile: vi.fn() };
  // The plugin's hooks are plain functions; Vite's types also allow objects.
  const resolveId = (id: string) =>
    (hooks.resolveId as unknown as (id: string) => string | undefined)(id);
  const load = (id: string) =>
    (hooks.load as unknown as (this: typeof context, id: string) => string | undefined).call(
      context,
      id,
    );
  return { hooks, context, resolveId, load };
}

/** Runs a generated module as Vite would, from a file, and returns its exports. */
async function run(code: string): Promise<Record<string, any>> {
  mkdirSync(SITES_DIR, { recursive: true });
  const dir = mkdtempSync(join(SITES_DIR, 'virtual-'));
  made.push(dir);
  const file = join(dir, 'module.mjs');
  writeFileSync(file, code);
  return import(/* @vite-ignore */ pathToFileURL(file).href);
}

const catalogOf = async (code: string | undefined) => (await run(code!)).catalog as Catalog;

describe('the virtual modules', () => {
  test("resolve Charter's two ids to Vite's virtual ids, and nothing else", () => {
    const { config, catalog } = site();
    const { resolveId } = plugin(config, catalog);
    expect(resolveId(CATALOG)).toBe(`\0${CATALOG}`);
    expect(resolveId(CONFIG)).toBe(`\0${CONFIG}`);
    expect(resolveId('virtual:starlight-charter/other')).toBeUndefined();
    expect(resolveId('./catalog')).toBeUndefined();
  });

  test('the config module exports the site config the plugin was given', async () => {
    const { config, catalog } = site({ prefix: '/support/', sections: { playbook: true } });
    const { load } = plugin(config, catalog);
    expect((await run(load(`\0${CONFIG}`)!)).config).toEqual(config);
  });

  test('leave other modules to other plugins', () => {
    const { config, catalog } = site();
    const { load, context } = plugin(config, catalog);
    expect(load('/src/page.ts')).toBeUndefined();
    expect(load(CATALOG)).toBeUndefined();
    expect(context.addWatchFile).not.toHaveBeenCalled();
  });
});

describe('the catalog module', () => {
  test('carries the Catalog in each language the site publishes, the default in the company language', async () => {
    const { termsDir, config } = site();
    const file = join(termsDir, 'kb.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.setIn(['categories', 0, 'name'], doc.createNode({ en: 'Start', de: 'Anfang' }));
    writeFileSync(file, doc.toString());
    const catalog = loadCatalog(termsDir, { optional: optionalFiles(config.sections) });
    const { load } = plugin({ ...config, textLanguages: ['en', 'de'] }, catalog);
    const module = await run(load(`\0${CATALOG}`)!);
    const names = (c: Catalog) => c.kb.categories[0]!.name;
    expect(names(module.catalog)).toBe('Start');
    expect(Object.keys(module.catalogs)).toEqual(['en', 'de']);
    expect(names(module.catalogs.en)).toBe('Start');
    expect(names(module.catalogs.de)).toBe('Anfang');
    // A German page writes numbers, money and dates as German does, on the company's (US) paper;
    // the rest of the terms are the same in each.
    expect(module.catalogs.de.company.locale).toBe('de-u-rg-uszzzz');
    expect(module.catalogs.en.company.locale).toBe(catalog.company.locale);
    const apart = (c: Catalog) => ({ ...c, kb: null, company: { ...c.company, locale: null } });
    expect(apart(module.catalogs.de)).toEqual(apart(module.catalog));
  });

  test('first gives the Catalog the plugin loaded at start-up, without reading the folder again', async () => {
    const { config, catalog } = site();
    // A Catalog that differs from the folder's, so the module can only have it from the plugin.
    const given = structuredClone(catalog);
    given.company.name = `${catalog.company.name} (as loaded at start-up)`;
    const { load } = plugin(config, given);
    const first = await catalogOf(load(`\0${CATALOG}`));
    expect(first.company.name).toBe(given.company.name);
    expect(first).toEqual(JSON.parse(JSON.stringify(given)));
  });

  test('later reads the terms folder again, so an edited price is the new one', async () => {
    const { termsDir, config, catalog } = site();
    const { load } = plugin(config, catalog);
    await catalogOf(load(`\0${CATALOG}`));

    const file = join(termsDir, 'pricing.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const plans = doc.toJS().plans as { id: string; price: unknown }[];
    const index = plans.findIndex(
      (p) =>
        typeof p.price === 'object' &&
        typeof (p.price as { monthly?: unknown }).monthly === 'number',
    );
    expect(index).toBeGreaterThanOrEqual(0);
    const before = (plans[index]!.price as { monthly: number }).monthly;
    doc.setIn(['plans', index, 'price', 'monthly'], before + 1);
    writeFileSync(file, doc.toString());

    const id = plans[index]!.id;
    const reread = await catalogOf(load(`\0${CATALOG}`));
    const price = (c: Catalog) => c.pricing.plans.find((p) => p.id === id)!.price;
    expect(price(reread)).not.toEqual(price(catalog));
    expect(price(reread)).toEqual(price(loadCatalog(termsDir)));
    expect(reread).toEqual(JSON.parse(JSON.stringify(loadCatalog(termsDir))));
  });

  test('a broken terms file throws its problems as file:line:col lines, until it is fixed', async () => {
    const { termsDir, config, catalog } = site();
    const { load } = plugin(config, catalog);
    await catalogOf(load(`\0${CATALOG}`));

    const fixture = 'test/fixtures/data/invalid/company.yaml-syntax-error.yaml';
    const [, place, rest] = /^# expect: data\/company\.yaml:(\d+:\d+) (.*)$/m.exec(
      readFileSync(fixture, 'utf8'),
    )!;
    const file = join(termsDir, 'company.yaml');
    const good = readFileSync(file, 'utf8');
    copyFileSync(fixture, file);

    let message = '';
    try {
      load(`\0${CATALOG}`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`${relative(process.cwd(), file)}:${place} ${rest}`);
    expect(message.split('\n')[0]).toMatch(/^the terms have 1 problem/);
    expect(message).not.toMatch(/^\s+at /m);

    writeFileSync(file, good);
    expect((await catalogOf(load(`\0${CATALOG}`))).company).toEqual(
      JSON.parse(JSON.stringify(catalog.company)),
    );
  });

  test('every load registers every terms file with the dev server, a failing one too', () => {
    const { termsDir, config, catalog } = site();
    const { load, context } = plugin(config, catalog);
    const files = readdirSync(termsDir)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => join(termsDir, name))
      .sort();
    expect(files.length).toBeGreaterThan(1);
    const watched = () => context.addWatchFile.mock.calls.map(([file]) => file as string).sort();

    load(`\0${CATALOG}`);
    expect(watched()).toEqual(files);

    context.addWatchFile.mockClear();
    load(`\0${CATALOG}`);
    expect(watched()).toEqual(files);

    // A broken file is watched, so fixing it reloads the page.
    context.addWatchFile.mockClear();
    writeFileSync(join(termsDir, 'sla.yaml'), 'tiers: [\n');
    expect(() => load(`\0${CATALOG}`)).toThrow(/sla\.yaml:\d+:\d+ /);
    expect(watched()).toEqual(files);
  });

  test('a file a site left out stops the page that reads it, naming the file', async () => {
    const off = { kb: false, playbook: false };
    const { termsDir, config } = site({ sections: off });
    rmSync(join(termsDir, 'playbook.yaml'));
    const catalog = loadCatalog(termsDir, { optional: optionalFiles(config.sections) });
    const { load } = plugin(config, catalog);
    for (const code of [load(`\0${CATALOG}`), load(`\0${CATALOG}`)]) {
      const module = await catalogOf(code);
      expect(module.company.name).toBe(catalog.company.name);
      expect(() => module.playbook.channels).toThrow(/playbook\.yaml is missing/);
    }
  });
});

describe('the releases module', () => {
  const releasesOf = async (code: string | undefined) =>
    (await run(code!)).releases as KeptRelease[];

  test('first gives the releases loaded at start-up, then reads versions/ again: a new release appears', async () => {
    const { termsDir, config, catalog } = site();
    const kept = keptReleases(termsDir);
    const { load, context } = plugin(config, catalog, kept.slice(0, 1));
    expect(await releasesOf(load(`\0${RELEASES}`))).toEqual(
      JSON.parse(JSON.stringify(kept.slice(0, 1))),
    );
    // company.yaml and every kept file are watched: a release writes both.
    const watched = context.addWatchFile.mock.calls.map(([file]) => file as string);
    expect(watched).toContain(join(termsDir, 'company.yaml'));
    expect(watched).toContain(join(termsDir, 'versions', kept[0]!.version, 'release.yaml'));

    releaseTerms(termsDir, '99.0', '2099-01-01', optionalFiles(config.sections));
    const now = await releasesOf(load(`\0${RELEASES}`));
    expect(now.map((r) => r.version)).toEqual([...kept.map((r) => r.version), '99.0']);
  });

  test('a broken kept file throws its problems as file:line:col lines', () => {
    const { termsDir, config, catalog } = site();
    const { load } = plugin(config, catalog, keptReleases(termsDir));
    load(`\0${RELEASES}`);
    const [first] = keptReleases(termsDir);
    writeFileSync(join(termsDir, 'versions', first!.version, 'sla.yaml'), 'tiers: [\n');
    expect(() => load(`\0${RELEASES}`)).toThrow(
      /^the kept releases have \d+ problem\(s\):\n.*sla\.yaml:\d+:\d+ /,
    );
  });
});
