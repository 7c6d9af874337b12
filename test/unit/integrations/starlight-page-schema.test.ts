import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import {
  memoiseSchemaFactory,
  starlightPageSchemaOnce,
} from '../../../packages/starlight-charter/integrations/starlight-page-schema';

// The package's exports hide its files; this is where npm installs it for this project.
const MODULE_PATH = fileURLToPath(
  new URL('../../../node_modules/@astrojs/starlight/dist/utils/starlight-page.js', import.meta.url),
);

type Hook = {
  filter: { id: RegExp };
  handler: (code: string, id: string) => { code: string } | null;
};

/** The plugin's transform hook, called as Vite would: only for ids its filter lets through. */
function transform(code: string, id: string, warn = vi.fn()) {
  const hook = starlightPageSchemaOnce(warn).transform as Hook;
  return { result: hook.filter.id.test(id) ? hook.handler.call({}, code, id) : null, warn };
}

describe('memoiseSchemaFactory', () => {
  test('applies to the installed Starlight', () => {
    // When this fails after a Starlight upgrade, KB articles still build, only slower: look at
    // the new starlight-page.js and update the pattern (or drop the plugin if Starlight caches).
    const memoised = memoiseSchemaFactory(readFileSync(MODULE_PATH, 'utf8'));
    expect(memoised).toContain(
      'charterPageSchema ??= buildStarlightPageFrontmatterSchema(context)',
    );
  });

  test('builds the schema once however many pages ask for it', async () => {
    const code =
      'let built = 0;\nconst StarlightPageFrontmatterSchema = async (context) => { built++; return { schema: context.n }; };\n' +
      'return async () => [await StarlightPageFrontmatterSchema({ n: 1 }), await StarlightPageFrontmatterSchema({ n: 1 }), built];';
    const run = new Function(memoiseSchemaFactory(code)!)() as () => Promise<
      [object, object, number]
    >;
    const [first, second, built] = await run();
    expect(built).toBe(1);
    expect(second).toBe(first);
  });

  test('leaves code it does not recognise alone', () => {
    expect(memoiseSchemaFactory('const somethingElse = 1;')).toBeNull();
  });
});

describe('starlightPageSchemaOnce', () => {
  test('rewrites only Starlight’s page module', () => {
    const code = readFileSync(MODULE_PATH, 'utf8');
    expect(transform(code, MODULE_PATH).result?.code).toContain('charterPageSchema');
    expect(transform(code, `${MODULE_PATH}?v=1`).result?.code).toContain('charterPageSchema');
    expect(transform(code, '/project/src/other.js').result).toBeNull();
  });

  test('asks the bundler for Starlight’s page module alone, not every module', () => {
    const { filter } = starlightPageSchemaOnce().transform as Hook;
    expect(filter.id.test(MODULE_PATH)).toBe(true);
    expect(filter.id.test(MODULE_PATH.replace('starlight-page.js', 'starlight-page.jsx'))).toBe(
      false,
    );
    expect(
      filter.id.test('/project/node_modules/@astrojs/starlight/dist/utils/navigation.js'),
    ).toBe(false);
  });

  test('says so when Starlight’s code has changed, and changes nothing', () => {
    const { result, warn } = transform('export const x = 1;', MODULE_PATH);
    expect(result).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('schema cache'));
  });
});
