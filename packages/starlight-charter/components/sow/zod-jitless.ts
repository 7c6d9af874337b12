// Imported first by the SOW generator's script, before any schema is defined: zod decides at
// definition time whether to compile parsers with `new Function`, which the site's Content
// Security Policy forbids (the probe alone is reported as a violation).
import * as z from 'zod/mini';

z.config({ jitless: true });
