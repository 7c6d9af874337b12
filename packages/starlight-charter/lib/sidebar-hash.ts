/**
 * The identity of a sidebar that Starlight stores with its open groups and scroll position in
 * session storage: a page restores that state only when its sidebar has the same hash. This is
 * Starlight's own hash (getSidebarHash, not exported by the package), so state saved by either
 * carries over; Charter needs it because it renders the sidebar's state persister itself
 * (components/starlight/Sidebar.astro).
 */

/** Just what the hash reads of Starlight's sidebar entries. */
export type HashedEntry =
  | { type: 'link'; label: string; href: string }
  | { type: 'group'; label: string; entries: HashedEntry[] };

/** Labels and link targets in order: which page is current does not change the identity. */
function identity(entries: HashedEntry[]): string {
  return entries
    .map((e) => (e.type === 'group' ? e.label + identity(e.entries) : e.label + e.href))
    .join('');
}

/**
 * A string hash in base 36, padded to 7 characters, computed step for step as Starlight does
 * (the running value is not truncated to 32 bits between steps, which matters for very long
 * sidebars).
 */
export function sidebarHash(entries: HashedEntry[]): string {
  const text = identity(entries);
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash << 5) - hash + text.charCodeAt(i);
  return (hash >>> 0).toString(36).padStart(7, '0');
}
