import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { API_ENDPOINTS, type ApiEndpointName } from '../../schemas/api';
import { DATA_FILES, type DataFileName } from '../../schemas/index';

/** JSON Schema text for each data file, generated from the zod schemas (input side). */
export function dataJsonSchemas(): Record<DataFileName, string> {
  const out = {} as Record<DataFileName, string>;
  for (const [name, schema] of Object.entries(DATA_FILES) as [DataFileName, z.ZodType][]) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    const withId = { ...json, $id: `${name}.json`, title: `Charter data/${name}.yaml` };
    out[name] = `${JSON.stringify(withId, null, 2)}\n`;
  }
  return out;
}

/** JSON Schema text for each /api/NAME.json endpoint (output side), written to schemas/api/. */
export function apiJsonSchemas(): Record<ApiEndpointName, string> {
  const out = {} as Record<ApiEndpointName, string>;
  for (const [name, schema] of Object.entries(API_ENDPOINTS) as [ApiEndpointName, z.ZodType][]) {
    const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
    const withId = { ...json, $id: `api/${name}.json`, title: `Charter /api/${name}.json` };
    out[name] = `${JSON.stringify(withId, null, 2)}\n`;
  }
  return out;
}

/** The package's JSON Schemas, served at /schemas/ and named by each terms file's first line. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../json-schemas', import.meta.url));
export const API_SCHEMA_DIR = join(SCHEMA_DIR, 'api');
