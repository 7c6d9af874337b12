import type { APIRoute } from 'astro';
import { apiResponse } from './file';

/** GET /api/escalation.json — shape in schemas/api.ts. */
export const GET: APIRoute = () => apiResponse('escalation');
