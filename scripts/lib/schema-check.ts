import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Check, Finding } from './check';
import { dataJsonSchemas, SCHEMA_DIR } from './json-schema';

/** Writes public/schemas/*.json from the zod schemas (so editors stay in step). */
export function writeSchemas(dir = SCHEMA_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of Object.entries(dataJsonSchemas())) {
    const path = join(dir, `${name}.json`);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      writeFileSync(path, text);
      written.push(path);
    }
  }
  return written;
}

/** Regenerates the JSON Schemas; reports which files changed so a stale commit is visible. */
export function schemaCheck(dir = SCHEMA_DIR): Check {
  return {
    name: 'json-schema',
    run(): Finding[] {
      for (const path of writeSchemas(dir)) process.stdout.write(`updated ${path}\n`);
      return [];
    },
  };
}
