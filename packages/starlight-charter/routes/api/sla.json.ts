import type { APIRoute } from 'astro';
import { apiResponse } from './file';

/** GET /api/sla.json — shape in schemas/api.ts. */
export const GET: APIRoute = () => apiResponse('sla');
