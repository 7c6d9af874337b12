import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import charter, { configuredSites } from '../../../packages/starlight-charter/index';
import { CharterOptionsError, parseOptions } from '../../../packages/starlight-charter/options';
import { USAGE } from '../../../packages/starlight-charter/cli/main';
import { loadSite, SiteError } from '../../../packages/starlight-charter/cli/lib/site';
import { SAMPLE, SITES_DIR } from '../../support/sites';

const OWN = JSON.parse(readFileSync('packages/starlight-charter/package.json', 'utf8')) as {
  version: string;
};
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs the installed `charter` command, as npm scripts and people run it. */
export function charterCli(...args: string[]) {
  return spawnSync('node_modules/.bin/charter', args, { encoding: 'utf8' });
}

/** A folder of files under .sites/, where `starlight-charter` resolves as in a company's site. */
function folder(files: Record<string, string>): string {
  mkdirSync(SITES_DIR, { recursive: true });
  const dir = mkdtempSync(join(SITES_DIR, 'cli-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** An Astro config that calls charter() and sets folders, without loading Astro itself. */
const config = (options: string, astro = '{}') => `import charter from 'starlight-charter';
charter(${options});
export default ${astro};
`;

describe('charter: how it is called', () => {
  test('--help prints the usage and exits 0', () => {
    const run = charterCli('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(USAGE);
    for (const command of ['check', 'lint', 'roadmap', 'sow', 'preview', 'new'])
      expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  test('a command with --help prints the usage too', () => {
    const run = charterCli('check', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(USAGE);
  });

  test('an unknown command is one line of error, then the usage, and exit 2', () => {
    const run = charterCli('frobnicate');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const [first, blank, ...rest] = run.stderr.split('\n');
    expect(first).toBe(
      'charter: unknown command "frobnicate"; expected one of: check, lint, roadmap, sow, preview, new, release',
    );
    expect(blank).toBe('');
    expect(rest.join('\n')).toBe(USAGE);
  });

  test('an unknown option or a missing folder is a usage error too', () => {
    const option = charterCli('check', '--frobnicate');
    expect(option.status).toBe(2);
    expect(option.stderr.split('\n')[0]).toBe("charter: check: Unknown option '--frobnicate'");
    const root = charterCli('check', '--root', 'no/such/site');
    expect(root.status).toBe(2);
    expect(root.stderr.split('\n')[0]).toBe('charter: check: --root no/such/site: no such folder');
  });

  test('without a command it prints the usage and exits 2', () => {
    const run = charterCli();
    expect(run.status).toBe(2);
    expect(run.stdout).toBe(USAGE);
  });

  test('--version prints the version of the package', () => {
    expect(charterCli('--version').stdout).toBe(`${OWN.version}\n`);
  });
});

describe("the options registry: charter() records each call's options", () => {
  test('a call adds its options, in call order, to a list kept for the whole process', () => {
    const before = configuredSites.length;
    charter({ terms: './first' });
    charter();
    expect(configuredSites.slice(before)).toEqual([{ terms: './first' }, {}]);
    // A second copy of the module (a config loaded on its own, another install of the
    // package) adds to the same list.
    const store = (globalThis as Record<symbol, unknown>)[
      Symbol.for('starlight-charter.configured-sites')
    ];
    expect(store).toBe(configuredSites);
    configuredSites.splice(before);
  });
});

describe('finding a site: its astro.config, its options and its folders', () => {
  test("reads charter()'s options and the config's outDir and srcDir, resolved against the root", async () => {
    const root = folder({
      'astro.config.mjs': config(
        "{ terms: './company-terms', kb: './articles', prefix: '/support/', sections: { calculators: false } }",
        "{ outDir: './public-build', srcDir: './source' }",
      ),
    });
    const site = await loadSite(root);
    expect(site.config).toBe(join(resolve(root), 'astro.config.mjs'));
    expect(site.terms).toBe(join(resolve(root), 'company-terms'));
    expect(site.kb).toBe(join(resolve(root), 'articles'));
    expect(site.docs).toBe(join(resolve(root), 'source/content/docs'));
    expect(site.outDir).toBe(join(resolve(root), 'public-build'));
    expect(site.options.prefix).toBe('/support/');
    expect(site.options.sections).toEqual(
      parseOptions({ sections: { calculators: false } }).sections,
    );
    expect(site.notes).toEqual([]);
  });

  test("finds the base path in Astro's base, else in the path of company.yaml's site_url", async () => {
    const fromUrl = folder({
      'astro.config.mjs': config('{}'),
      'terms/company.yaml': 'site_url: https://example.com/help/\n',
    });
    expect((await loadSite(fromUrl)).base).toBe('/help/');
    const fromConfig = folder({
      'astro.config.mjs': config('{}', "{ base: '/docs' }"),
      'terms/company.yaml': 'site_url: https://docs.example.com\n',
    });
    expect((await loadSite(fromConfig)).base).toBe('/docs/');
    expect((await loadSite(folder({ 'astro.config.mjs': config('{}') }))).base).toBe('/');
  });

  test("reads a TypeScript config, with Astro's defaults for what it leaves out", async () => {
    const root = folder({
      'astro.config.ts': `import charter from 'starlight-charter';
const terms: string = './ts-terms';
charter({ terms });
export default {};
`,
    });
    const site = await loadSite(root);
    expect(site.terms).toBe(join(resolve(root), 'ts-terms'));
    expect(site.kb).toBe(join(resolve(root), 'src/content/kb'));
    expect(site.outDir).toBe(join(resolve(root), 'dist'));
  });

  test('reads the config named with --config, relative to the root (the internal sample site)', async () => {
    const site = await loadSite(SAMPLE.root, 'astro.internal.config.mjs');
    expect(site.options.sections.playbook).toBe(true);
    expect(relative('.', site.outDir)).toBe(`${SAMPLE.root}/dist-internal`);
    expect(relative('.', site.terms)).toBe(SAMPLE.terms);
  });

  test("without a config, Charter's defaults, and a note that says so", async () => {
    const root = folder({ 'README.md': 'no config here' });
    const site = await loadSite(root);
    expect(site.config).toBeNull();
    expect(site.terms).toBe(join(resolve(root), 'terms'));
    expect(site.kb).toBe(join(resolve(root), 'src/content/kb'));
    expect(site.notes).toEqual([
      `no astro.config.mjs in ${relative('.', root)}: using Charter's defaults, ./terms and ./src/content/kb`,
    ]);
  });

  test('a config that does not call charter() gets the defaults and a note', async () => {
    const root = folder({ 'astro.config.mjs': 'export default {};\n' });
    const site = await loadSite(root);
    expect(site.terms).toBe(join(resolve(root), 'terms'));
    expect(site.notes).toEqual([
      `${relative('.', root)}/astro.config.mjs does not call charter(): using Charter's defaults, ./terms and ./src/content/kb`,
    ]);
  });

  test("bad options stop with the plugin's own lines, and the command exits 1 with them", async () => {
    const options = "{ terms: '', prefix: 'support', colour: 'blue' }";
    const root = folder({ 'astro.config.mjs': config(options) });
    let expected: string[] = [];
    try {
      parseOptions({ terms: '', prefix: 'support', colour: 'blue' });
    } catch (error) {
      expected = (error as CharterOptionsError).problems;
    }
    expect(expected.length).toBeGreaterThan(2);
    await expect(loadSite(root)).rejects.toEqual(new SiteError(expected));
    const run = charterCli('check', '--root', root);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${expected.join('\n')}\n`);
  });

  test('a config that cannot be loaded is one line naming it', async () => {
    const root = folder({
      'astro.config.mjs': "import 'no-such-package-anywhere';\nexport default {};\n",
    });
    await expect(loadSite(root)).rejects.toThrow(
      new RegExp(
        `^${relative('.', root)}/astro\\.config\\.mjs: cannot load the config: Cannot find package 'no-such-package-anywhere'`,
      ),
    );
  });
});

describe('charter preview', () => {
  test('serves the build with the headers of its _headers file, on the port it prints', async () => {
    const dist = folder({
      'index.html': '<!doctype html><title>Home</title>',
      'kb/index.html': '<!doctype html><title>KB</title>',
      _headers: '/*\n  X-Frame-Options: DENY\n/kb/*\n  X-Robots-Tag: noindex\n',
    });
    const child = spawn('node_modules/.bin/charter', ['preview', '--dir', dist, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
          const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (found) done(found[0]);
        });
        child.once('exit', (code) => fail(new Error(`preview exited with ${code}`)));
      });
      const home = await fetch(url);
      expect(home.status).toBe(200);
      expect(home.headers.get('x-frame-options')).toBe('DENY');
      expect(home.headers.get('x-robots-tag')).toBeNull();
      const kb = await fetch(new URL('kb/', url));
      expect(kb.headers.get('x-robots-tag')).toBe('noindex');
      const redirect = await fetch(new URL('kb', url), { redirect: 'manual' });
      expect(redirect.status).toBe(301);
      expect(redirect.headers.get('location')).toBe('/kb/');
    } finally {
      child.kill();
    }
  });

  test('serves a site built under a base path under it, and nothing outside it', async () => {
    const dist = folder({
      'index.html': '<!doctype html><title>Home</title>',
      'kb/index.html': '<!doctype html><title>KB</title>',
      '404.html': '<!doctype html><title>Not found</title>',
      _headers: '/*\n  X-Frame-Options: DENY\n',
    });
    const child = spawn(
      'node_modules/.bin/charter',
      ['preview', '--dir', dist, '--port', '0', '--base', '/support'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
          const found = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out);
          if (found) done(found[0]);
        });
        child.once('exit', (code) => fail(new Error(`preview exited with ${code}`)));
      });
      expect(new URL(url).pathname).toBe('/support/');
      expect((await fetch(new URL('kb/', url))).status).toBe(200);
      const outside = await fetch(new URL('/kb/', url));
      expect(outside.status).toBe(404);
      expect(await outside.text()).toContain('Not found');
      const root = await fetch(new URL('/', url), { redirect: 'manual' });
      expect(root.headers.get('location')).toBe('/support/');
      const redirect = await fetch(new URL('kb', url), { redirect: 'manual' });
      expect(redirect.headers.get('location')).toBe('/support/kb/');
    } finally {
      child.kill();
    }
  });

  test('says what is missing when there is no build', () => {
    const empty = folder({ 'README.md': '' });
    const run = charterCli('preview', '--dir', empty);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `Nothing to serve: ${relative('.', empty)}/index.html is missing. Build the site first.\n`,
    );
  });
});
