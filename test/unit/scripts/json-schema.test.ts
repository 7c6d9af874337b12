import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DATA_FILES } from '../../../packages/starlight-charter/schemas/index';
import { API_ENDPOINTS } from '../../../packages/starlight-charter/schemas/api';
import {
  API_SCHEMA_DIR,
  apiJsonSchemas,
  dataJsonSchemas,
  SCHEMA_DIR,
} from '../../../packages/starlight-charter/cli/lib/json-schema';
import { STARTER_DIR } from '../../../packages/starlight-charter/cli/new';
import { SAMPLE, WEE } from '../../support/sites';

describe('JSON Schema export', () => {
  const generated = dataJsonSchemas();

  test.each(Object.keys(DATA_FILES))(
    'json-schemas/%s.json is up to date (run npm run schema)',
    (name) => {
      const committed = readFileSync(join(SCHEMA_DIR, `${name}.json`), 'utf8');
      expect(committed).toBe(generated[name as keyof typeof generated]);
    },
  );

  const api = apiJsonSchemas();
  test.each(Object.keys(API_ENDPOINTS))(
    'json-schemas/api/%s.json is up to date (run npm run schema)',
    (name) => {
      const committed = readFileSync(join(API_SCHEMA_DIR, `${name}.json`), 'utf8');
      expect(committed).toBe(api[name as keyof typeof api]);
    },
  );

  test('rejects unknown keys, as the loader does', () => {
    const tiers = JSON.parse(generated.tiers);
    expect(tiers.additionalProperties).toBe(false);
  });

  const STARTER_TERMS = join(STARTER_DIR, 'terms');
  /** Every terms folder: each file's first line names its schema, from where the file is. */
  const TERMS = [
    { dir: SAMPLE.terms, schemas: '../../../node_modules/starlight-charter/json-schemas' },
    { dir: WEE.terms, schemas: '../../../node_modules/starlight-charter/json-schemas' },
    // The starter's folder is a template: the site written from it has node_modules beside terms/.
    { dir: STARTER_TERMS, schemas: '../node_modules/starlight-charter/json-schemas' },
  ];
  test.each(
    TERMS.flatMap(({ dir, schemas }) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .map((file) => ({ shown: join(relative('.', dir), file), dir, file, schemas })),
    ),
  )('$shown points editors at its schema', ({ dir, file, schemas }) => {
    const first = readFileSync(join(dir, file), 'utf8').split('\n')[0];
    const name = file.replace('.yaml', '.json');
    expect(first).toBe(`# yaml-language-server: $schema=${schemas}/${name}`);
    // The package has that schema, and (in the repository's examples) the path reaches it
    // through node_modules as it will in a site of its own.
    expect(existsSync(join(SCHEMA_DIR, name))).toBe(true);
    if (dir !== STARTER_TERMS) expect(existsSync(join(dir, schemas, name))).toBe(true);
  });
});
