import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { starterPackageJson } from '../../../packages/starlight-charter/cli/new';

/** The GitHub Pages workflow a company copies into its site made by `charter new`. */
const workflow = parse(readFileSync('examples/deploy/github-pages.yml', 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<
    string,
    { needs?: string; steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }
  >;
};
const scripts = (
  JSON.parse(starterPackageJson('my-support')) as { scripts: Record<string, string> }
).scripts;

describe('the GitHub Pages workflow', () => {
  const steps = workflow.jobs.build!.steps;
  const runs = steps.flatMap((s) => (s.run ? [s.run] : []));

  test('runs only npm scripts that a new site has, checking before it builds', () => {
    expect(runs[0]).toBe('npm ci');
    for (const run of runs.slice(1)) {
      const script = /^npm run (\S+)$/.exec(run)?.[1];
      expect(script && scripts[script], run).toBeTruthy();
    }
    expect(runs.indexOf('npm run check')).toBeGreaterThan(0);
    expect(runs.indexOf('npm run check')).toBeLessThan(runs.indexOf('npm run build'));
  });

  test("publishes the build's output folder with the permissions Pages needs, after the build", () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.path).toBe('dist');
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(workflow.jobs.deploy!.needs).toBe('build');
    expect(
      workflow.jobs.deploy!.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')),
    ).toBe(true);
  });

  test('uses a Node that Charter supports', () => {
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.[
      'node-version'
    ];
    const engines = JSON.parse(readFileSync('packages/starlight-charter/package.json', 'utf8'))
      .engines.node as string;
    expect(Number(node)).toBeGreaterThanOrEqual(Number(/\d+/.exec(engines)![0]));
  });
});
