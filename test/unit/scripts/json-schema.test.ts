import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DATA_FILES } from '../../../packages/starlight-charter/schemas/index';
import { API_ENDPOINTS } from '../../../packages/starlight-charter/schemas/api';
import {
  API_SCHEMA_DIR,
  apiJsonSchemas,
  dataJsonSchemas,
  SCHEMA_DIR,
} from '../../../packages/starlight-charter/cli/lib/json-schema';

describe('JSON Schema export', () => {
  const generated = dataJsonSchemas();

  test.each(Object.keys(DATA_FILES))(
    'public/schemas/%s.json is up to date (run npm run schema)',
    (name) => {
      const committed = readFileSync(join(SCHEMA_DIR, `${name}.json`), 'utf8');
      expect(committed).toBe(generated[name as keyof typeof generated]);
    },
  );

  const api = apiJsonSchemas();
  test.each(Object.keys(API_ENDPOINTS))(
    'public/schemas/api/%s.json is up to date (run npm run schema)',
    (name) => {
      const committed = readFileSync(join(API_SCHEMA_DIR, `${name}.json`), 'utf8');
      expect(committed).toBe(api[name as keyof typeof api]);
    },
  );

  test('rejects unknown keys, as the loader does', () => {
    const tiers = JSON.parse(generated.tiers);
    expect(tiers.additionalProperties).toBe(false);
  });

  test.each(readdirSync('data').filter((f) => f.endsWith('.yaml')))(
    'data/%s points editors at its schema',
    (file) => {
      const first = readFileSync(join('data', file), 'utf8').split('\n')[0];
      expect(first).toBe(
        `# yaml-language-server: $schema=../public/schemas/${file.replace('.yaml', '.json')}`,
      );
    },
  );

  test.each(readdirSync('examples/wee').filter((f) => f.endsWith('.yaml')))(
    'examples/wee/%s points editors at its schema',
    (file) => {
      const first = readFileSync(join('examples/wee', file), 'utf8').split('\n')[0];
      expect(first).toBe(
        `# yaml-language-server: $schema=../../public/schemas/${file.replace('.yaml', '.json')}`,
      );
    },
  );
});
