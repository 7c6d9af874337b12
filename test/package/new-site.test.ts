import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { markedRows } from '../../packages/starlight-charter/cli/lib/html-rows';
import { loadCatalog } from '../../packages/starlight-charter/data/load';
import { planCells, targetCells } from '../../packages/starlight-charter/lib/published';
import { page, run } from './support';

/**
 * A site started with `charter new`, from the installed tarball: it builds as written, and
 * `charter check` passes in it. The site lives in a folder of the installed project (see
 * global-setup.ts) and uses that project's node_modules, in place of an install of its own.
 */

const installed = inject('packageSite');
const root = join(installed, 'new-site');
/** A command the installed packages provide, as `npx <name>` in the new site runs it. */
const bin = (name: string) => join(installed, 'node_modules/.bin', name);

describe('a site made by `charter new`', () => {
  let dist: string;
  let checked: string;

  beforeAll(() => {
    const written = run('npx', ['charter', 'new', 'new-site'], installed);
    expect(written).toContain('new-site');
    let started = performance.now();
    run(bin('astro'), ['build'], root);
    console.log(
      `astro build of the new site: ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    dist = join(root, 'dist');
    started = performance.now();
    checked = run(bin('charter'), ['check'], root);
    console.log(
      `charter check of the new site: ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  });

  it('asks for the versions of Astro, Starlight and Charter that are installed', () => {
    const wanted = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      }
    ).dependencies;
    for (const name of ['astro', '@astrojs/starlight', 'starlight-charter']) {
      const { version } = JSON.parse(
        readFileSync(join(installed, 'node_modules', name, 'package.json'), 'utf8'),
      ) as {
        version: string;
      };
      expect(
        semver.satisfies(version, wanted[name]!),
        `${name} ${version} against ${wanted[name]}`,
      ).toBe(true);
    }
  });

  it('passes charter check', () => {
    // run() throws on a non-zero exit; the summary says what was checked.
    expect(checked).toMatch(/passed/);
  });

  it("builds Charter's pages with the figures of its own terms", () => {
    const catalog = loadCatalog(join(root, 'terms'));
    const plans = markedRows(page(dist, '/commercial/pricing/'), 'data-plan');
    expect(plans.map((r) => r.attrs['data-plan'])).toEqual(catalog.pricing.plans.map((p) => p.id));
    for (const plan of catalog.pricing.plans)
      expect(plans.find((r) => r.attrs['data-plan'] === plan.id)!.cells, plan.id).toEqual(
        planCells(catalog, plan),
      );
    const targets = markedRows(page(dist, '/commercial/sla/'), 'data-tier').filter(
      (r) => 'data-severity' in r.attrs,
    );
    expect(targets.length).toBe(catalog.tiers.tiers.length * catalog.severities.severities.length);
    for (const row of targets)
      expect(row.cells).toEqual(
        targetCells(catalog, row.attrs['data-tier']!, row.attrs['data-severity']!),
      );
    expect(page(dist, '/')).toContain(`<title>${catalog.company.name}`);
  });
});
