import { kbDir } from '../../data/index';
import {
  contentFiles,
  contentFolders,
  contentProblems,
} from '../../integrations/content-guard';
import type { Check } from './check';

/**
 * Content that would run code (src/lib/content-guard.ts), checked without a build: the site's
 * pages and each company's articles, the same files and the same lines the build stops on.
 */
export function contentCheck(dataDirs: readonly string[], root = process.cwd()): Check {
  return {
    name: 'content',
    run() {
      const folders = [...new Set(dataDirs.flatMap((dir) => contentFolders(root, kbDir(dir))))];
      return contentProblems(contentFiles(folders)).map((text) => ({
        level: 'error' as const,
        text,
      }));
    },
  };
}
