import type { APIRoute } from 'astro';
import { getCatalog } from '../../data/site';
import { slaPayload } from '../../lib/api';
import { SlaApiSchema } from '../../schemas/api';

/** GET /api/sla.json — built once from the Catalog; shape in schemas/api.ts. */
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(SlaApiSchema.parse(slaPayload(getCatalog())), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
