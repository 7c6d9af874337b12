import type { APIRoute } from 'astro';
import { getCatalog } from '../../data/site';
import { creditsPayload } from '../../lib/api';
import { CreditsApiSchema } from '../../schemas/api';

/** GET /api/credits.json — built once from the Catalog; shape in schemas/api.ts. */
export const GET: APIRoute = () =>
  new Response(
    `${JSON.stringify(CreditsApiSchema.parse(creditsPayload(getCatalog())), null, 2)}\n`,
    {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    },
  );
