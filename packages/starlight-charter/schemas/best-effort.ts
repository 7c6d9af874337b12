/**
 * How the terms write a target a tier does not promise: `availability: best_effort`. A module
 * of its own, without zod, because browser scripts read it too.
 */
export const BEST_EFFORT = 'best_effort';
