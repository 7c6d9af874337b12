import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SAMPLE, WEE } from '../../support/sites';

/**
 * Astro imports astro.config.mjs with Node first and falls back to starting a Vite server,
 * which adds about half a second to every build, dev start and check. Node (22.18+, 24)
 * runs the config's TypeScript modules directly as long as they name the files they import
 * (`./load.ts`) and use only syntax that type stripping can erase.
 */
describe.each([SAMPLE.root, WEE.root])('%s/astro.config.mjs', (root) => {
  // npm scripts run the bundled Node 24, which runs TypeScript; an older Node fails here.
  // The config imports the plugin, and with it every module of the package the plugin loads.
  it('loads in Node without a bundler, the plugin with it', () => {
    expect(
      process.features.typescript,
      `Node ${process.version} does not run TypeScript (22.18+ and 24 do)`,
    ).toBeTruthy();
    const config = pathToFileURL(resolve(root, 'astro.config.mjs')).href;
    const script = `const config = (await import(${JSON.stringify(config)})).default;
      console.log(JSON.stringify({ integrations: config.integrations.map((i) => i.name) }));`;
    let output = '';
    try {
      output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      const stderr = String((error as { stderr?: string }).stderr ?? error);
      throw new Error(
        `Node could not load astro.config.mjs; Astro would fall back to Vite. Give relative ` +
          `imports their .ts extension and avoid parameter properties and enums.\n${stderr}`,
      );
    }
    const loaded = JSON.parse(output.trim().split('\n').at(-1)!) as { integrations: string[] };
    expect(loaded.integrations).toContain('@astrojs/starlight');
  });
});
