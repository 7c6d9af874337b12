import type { CardInput } from '../lib/og/card.ts';

/**
 * The link between the pages and the card renderer while `astro build` runs: each page's head
 * hands over its card as it is rendered, so cards are drawn while pages are still being
 * generated instead of all at the end. Outside a build nobody listens and this does nothing.
 * A global, because the pages run from Astro's bundle and the integration from the config:
 * two copies of every module, one process.
 */

type Listener = (input: CardInput) => void;
const KEY = Symbol.for('charter.social-cards.prefetch');
const slot = globalThis as { [KEY]?: Listener };

/** Called by the page head with the card it names. */
export function prefetchCard(input: CardInput): void {
  slot[KEY]?.(input);
}

/** Called by the build: start listening, or stop with `undefined`. */
export function listenForCards(listener: Listener | undefined): void {
  slot[KEY] = listener;
}
