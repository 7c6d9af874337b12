import { contentFiles, contentProblems } from '../../integrations/content-guard';
import type { Check } from './check';

/**
 * Content that would run code (lib/content-guard.ts), checked without a build: the site's own
 * pages and its knowledge-base articles, the same files and the same lines the build stops on.
 */
export function contentCheck(folders: readonly string[]): Check {
  return {
    name: 'content',
    run() {
      return contentProblems(contentFiles([...new Set(folders)])).map((text) => ({
        level: 'error' as const,
        text,
      }));
    },
  };
}
