import { charterHref, kbDir } from '../../../data/site';

/**
 * Figures in KB articles fail the build with the article's file named, so a writer knows
 * where the unknown tier or severity is.
 */
export function articleFile(url: URL): string {
  const home = charterHref('/kb/');
  const rest = url.pathname.startsWith(home) ? url.pathname.slice(home.length).replace(/\/$/, '') : '';
  return rest ? `${kbDir()}/${rest}.mdx` : url.pathname;
}

/** Runs a lookup for a figure component and rewrites its error to name the article. */
export function inArticle<T>(url: URL, component: string, lookup: () => T): T {
  try {
    return lookup();
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Charter: /, '') : String(error);
    throw new Error(`Charter: ${articleFile(url)} uses <${component}>: ${reason}`);
  }
}
