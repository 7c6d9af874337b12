import type { APIRoute } from 'astro';
import { getCatalog } from '../../data/site';
import { escalationPayload } from '../../lib/api';
import { EscalationApiSchema } from '../../schemas/api';

/** GET /api/escalation.json — built once from the Catalog; shape in schemas/api.ts. */
export const GET: APIRoute = () =>
  new Response(
    `${JSON.stringify(EscalationApiSchema.parse(escalationPayload(getCatalog())), null, 2)}\n`,
    {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    },
  );
