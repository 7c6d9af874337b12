import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { childEnv } from './support';

/**
 * Packs starlight-charter as npm would publish it and installs the tarball, once for every
 * test in test/package, into a folder outside the repository, so nothing resolves through
 * the workspace link or the repository's node_modules. The folder is the ordinary site's
 * (tarball.test.ts); the site made by `charter new` (new-site.test.ts) lives inside it and
 * finds the same node_modules, as a site in a company's own repository would.
 */
export default function setup(project: TestProject) {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'charter-package-'));
  const packed = JSON.parse(
    execFileSync(
      'npm',
      ['pack', '--json', '--pack-destination', dir, resolve('packages/starlight-charter')],
      {
        encoding: 'utf8',
        env: childEnv(),
      },
    ),
  ) as { filename: string }[];
  const tarball = join(dir, packed[0]!.filename);

  // The versions this repository is built and tested with, so the install is the one the
  // package's peer ranges were checked against.
  const version = (name: string) =>
    (
      JSON.parse(readFileSync(resolve('node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  const site = join(dir, 'site');
  mkdirSync(site);
  writeFileSync(
    join(site, 'package.json'),
    `${JSON.stringify(
      {
        name: 'acme-docs',
        private: true,
        type: 'module',
        dependencies: {
          astro: version('astro'),
          '@astrojs/starlight': version('@astrojs/starlight'),
          'starlight-charter': `file:${tarball}`,
        },
        // esbuild's install script checks its binary; npm 11 runs only the scripts listed here.
        allowScripts: { esbuild: true },
      },
      null,
      2,
    )}\n`,
  );
  try {
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: site,
      env: childEnv(),
      stdio: 'pipe',
      encoding: 'utf8',
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`npm install of ${tarball} failed:\n${stderr || stdout || String(error)}`);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`starlight-charter packed and installed in ${seconds.toFixed(1)} s (${site})`);
  project.provide('packageSite', site);
  // Removed without blocking: Vitest is still stopping its workers when this runs.
  return () => rm(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder outside the repository with the packed starlight-charter installed. */
    packageSite: string;
  }
}
