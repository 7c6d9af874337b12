import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Check, Finding } from './check';
import { apiJsonSchemas, dataJsonSchemas, SCHEMA_DIR } from './json-schema';

/**
 * Writes json-schemas/*.json (terms files, so editors stay in step) and json-schemas/api/*.json
 * (the JSON endpoints) from the zod schemas.
 */
export function writeSchemas(dir = SCHEMA_DIR): string[] {
  const written: string[] = [];
  const write = (folder: string, texts: Record<string, string>) => {
    mkdirSync(folder, { recursive: true });
    for (const [name, text] of Object.entries(texts)) {
      const path = join(folder, `${name}.json`);
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
        writeFileSync(path, text);
        written.push(path);
      }
    }
  };
  write(dir, dataJsonSchemas());
  write(join(dir, 'api'), apiJsonSchemas());
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
