import type { APIRoute } from 'astro';
import { getCatalog } from '../../data/site';
import { plansPayload } from '../../lib/api';
import { PlansApiSchema } from '../../schemas/api';

/** GET /api/plans.json — built once from the Catalog; shape in schemas/api.ts. */
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(PlansApiSchema.parse(plansPayload(getCatalog())), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
