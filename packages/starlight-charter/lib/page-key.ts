import { createHash } from 'node:crypto';

/**
 * Keys for Astro's incremental builds. A page returned from getStaticPaths with a `cacheKey` is
 * copied from the previous build, not rendered again, while its key and the code it imports
 * are unchanged; Astro tracks the code, the key must cover everything else the page shows.
 * Build-time only (node:crypto).
 */

/**
 * JSON with every object's keys in order, so equal data always reads the same. Dates count by
 * their instant, Maps and Sets by their entries; undefined is written as null so that an
 * absent value still takes a place.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === undefined) return null;
    if (v instanceof Map) return { map: [...v.entries()] };
    if (v instanceof Set) return { set: [...v.values()] };
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/** A short digest of the parts, in order: the same parts give the same key. */
export function pageKey(...parts: unknown[]): string {
  return createHash('sha256').update(stableJson(parts)).digest('base64url');
}
