import type { APIRoute } from 'astro';
import { apiResponse } from './file';

/** GET /api/plans.json — shape in schemas/api.ts. */
export const GET: APIRoute = () => apiResponse('plans');
