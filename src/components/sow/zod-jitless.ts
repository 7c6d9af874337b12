// Imported first by the SOW generator's script, before any schema is defined: zod decides at
// definition time whether to compile parsers with `new Function`, which the site's Content
// Security Policy forbids (the probe alone is reported as a violation). zod/mini comes without
// its English messages, which the generator shows for checks that have none of their own.
import * as z from 'zod/mini';

z.config({ jitless: true, ...z.locales.en() });
