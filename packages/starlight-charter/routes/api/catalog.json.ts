import type { APIRoute } from 'astro';
import { getCatalog } from '../../data/site';
import { catalogPayload } from '../../lib/api';
import { CatalogApiSchema } from '../../schemas/api';

/** GET /api/catalog.json — built once from the Catalog; shape in schemas/api.ts. */
export const GET: APIRoute = () =>
  new Response(
    `${JSON.stringify(CatalogApiSchema.parse(catalogPayload(getCatalog())), null, 2)}\n`,
    {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    },
  );
