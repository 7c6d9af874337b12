import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { DATA_FILES } from '../../../packages/starlight-charter/schemas/index';
import { runChecks, type Check } from '../../../packages/starlight-charter/cli/lib/check';
import { commercialLintCheck } from '../../../packages/starlight-charter/cli/lib/commercial-lint';
import { contentCheck } from '../../../packages/starlight-charter/cli/lib/content-check';
import { dataCheck } from '../../../packages/starlight-charter/cli/lib/data-check';
import { DEFAULT_NAME, newSite, NewSiteError } from '../../../packages/starlight-charter/cli/new';
import { buildSite, SITES_DIR } from '../../support/sites';

const OWN = JSON.parse(readFileSync('packages/starlight-charter/package.json', 'utf8')) as {
  name: string;
  version: string;
  peerDependencies: Record<string, string>;
};
/** The starter as `charter new` writes it, kept in the repository. */
const STARTER = 'examples/starter';
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function newFolder(parent = tmpdir()): string {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'charter-new-'));
  temps.push(dir);
  return dir;
}

async function run(checks: Check[]) {
  let out = '';
  let err = '';
  const code = await runChecks(
    checks,
    { write: (s: string) => ((out += s), true) } as never,
    {
      write: (s: string) => ((err += s), true),
    } as never,
  );
  return { code, out, err };
}

describe('charter new: the starter site', () => {
  const dir = join(newFolder(), 'acme-support');
  const name = 'Acme & Sons';
  const written = newSite(dir, { name });

  test('writes every terms file the loader needs, and the site around them', () => {
    for (const file of Object.keys(DATA_FILES)) expect(written).toContain(`terms/${file}.yaml`);
    for (const file of [
      'package.json',
      'astro.config.mjs',
      'src/content.config.ts',
      'src/content/docs/index.mdx',
      'public/favicon.svg',
      '.gitignore',
    ])
      expect(written).toContain(file);
    const articles = written.filter((f) => f.startsWith('src/content/kb/'));
    expect(articles.length).toBeGreaterThanOrEqual(2);
    expect(articles.length).toBeLessThanOrEqual(3);
  });

  test('its terms load without a problem, with the company named as asked', () => {
    const catalog = loadCatalog(join(dir, 'terms'));
    expect(catalog.company.name).toBe(name);
    expect(catalog.pricing.meters).toHaveLength(1);
    expect(catalog.tiers.tiers.length).toBeGreaterThanOrEqual(1);
    expect(catalog.tiers.tiers.length).toBeLessThanOrEqual(2);
    for (const file of written.filter((f) => !f.endsWith('.svg')))
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toContain('{{');
  });

  test('passes the data check, the commercial lint without a warning, and the content check', async () => {
    const { code, out, err } = await run([
      dataCheck(join(dir, 'terms')),
      commercialLintCheck(join(dir, 'terms')),
      contentCheck([join(dir, 'src/content/docs'), join(dir, 'src/content/kb')]),
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^✓ All checks passed \(.*\)\n$/);
    expect(out).not.toContain('warning');
  });

  test('its package.json asks for the Astro and Starlight this Charter supports, and for Charter', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('acme-support');
    expect(pkg.dependencies).toEqual({ ...OWN.peerDependencies, [OWN.name]: `^${OWN.version}` });
    expect(Object.keys(pkg.scripts)).toEqual(
      expect.arrayContaining(['dev', 'build', 'preview', 'check']),
    );
    expect(pkg.scripts.check).toBe('charter check');
  });

  test('refuses a folder that is not empty, and a name it cannot write safely', () => {
    expect(() => newSite(dir)).toThrow(NewSiteError);
    expect(() => newSite(dir)).toThrow(/is not empty/);
    expect(() => newSite(join(newFolder(), 'x'), { name: '{oops}' })).toThrow(/--name "\{oops\}"/);
    // An empty folder is fine.
    const empty = newFolder();
    expect(newSite(empty)).toContain('terms/company.yaml');
    expect(loadCatalog(join(empty, 'terms')).company.name).toBe(DEFAULT_NAME);
  });
});

describe('charter new, the command', () => {
  test('writes the site and prints the two commands to run next', () => {
    const dir = join(newFolder(), 'support');
    const run = spawnSync('node_modules/.bin/charter', ['new', dir, '--name', 'Globex'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `Wrote a starter site to ${dir}. Next:\n\n  cd ${dir} && npm install\n  npm run dev\n`,
    );
    expect(loadCatalog(join(dir, 'terms')).company.name).toBe('Globex');
  });

  test('stops with one line, and writes nothing, for a folder that is not empty', () => {
    const dir = newFolder();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const run = spawnSync('node_modules/.bin/charter', ['new', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `charter new: ${dir} is not empty; give a new or empty folder, so nothing is overwritten\n`,
    );
    expect(existsSync(join(dir, 'terms'))).toBe(false);
  });
});

describe('examples/starter', () => {
  test('is what `charter new` writes today, file for file', () => {
    const dir = join(newFolder(), 'starter');
    const written = newSite(dir).sort();
    const kept = readdirSync(STARTER, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(STARTER, join(entry.parentPath, entry.name)))
      .filter((file) => !/^(dist|node_modules|\.astro)\//.test(file))
      .sort();
    expect(kept).toEqual(written);
    for (const file of written)
      expect(readFileSync(join(STARTER, file), 'utf8'), file).toBe(
        readFileSync(join(dir, file), 'utf8'),
      );
  });

  test('builds, and charter check compares the tables of its build', () => {
    // It lives in the repository, so it finds astro, Starlight and Charter in node_modules.
    const dist = buildSite(STARTER, { outDir: join(newFolder(SITES_DIR), 'dist') });
    for (const page of [
      'index.html',
      'commercial/pricing/index.html',
      'commercial/sla/index.html',
      'kb/getting-started/contact-support/index.html',
      'kb/getting-started/severity-levels/index.html',
      'kb/account/change-your-plan/index.html',
    ])
      expect(existsSync(join(dist, page)), page).toBe(true);
    const check = spawnSync('node_modules/.bin/charter', ['check', '--root', STARTER], {
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 600_000);
});
