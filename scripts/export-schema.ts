// Writes JSON Schema for every data file into public/schemas/ (editor autocomplete).
import { writeSchemas } from '../packages/starlight-charter/cli/lib/schema-check';

const written = writeSchemas();
console.log(written.length ? `Wrote ${written.join(', ')}` : 'JSON Schemas are up to date.');
