// `charter check`: every check of one site, one line per finding, exit 1 on any error.
import { optionalFiles } from '../data/absent';
import { routeCollisions, versionProblems } from '../site-checks';
import { runChecks, type Check } from './lib/check';
import { commercialLintCheck } from './lib/commercial-lint';
import { contentCheck } from './lib/content-check';
import { dataCheck } from './lib/data-check';
import { publishedCheck } from './lib/published-check';
import { releaseCheck } from './lib/release-check';
import type { Site } from './lib/site';

/** What the plugin would stop the build for besides the terms: versions, pages at Charter's addresses. */
export function siteCheck(site: Site): Check {
  return {
    name: 'site',
    run: () =>
      [...versionProblems(site.root), ...routeCollisions(site.docs, site.options)].map((text) => ({
        level: 'error' as const,
        text,
      })),
  };
}

/**
 * The built tables against the terms, for a site that publishes them; `dist` is the build
 * (the site's outDir unless given).
 */
export function publishedChecks(site: Site, dist = site.outDir, out = process.stdout): Check[] {
  if (!site.options.sections.commercial) {
    out.write('note: the site does not publish the commercial section: no tables to compare\n');
    return [];
  }
  return [
    publishedCheck(site.terms, dist, out, {
      prefix: site.options.prefix,
      optional: optionalFiles(site.options.sections),
    }),
  ];
}

/** The checks of `charter check`: the terms, what they mean, the content, the site and its build. */
export function siteChecks(site: Site, out = process.stdout): Check[] {
  return [
    dataCheck(site.terms, optionalFiles(site.options.sections)),
    commercialLintCheck(site.terms, {
      quietOnDataErrors: true,
      optional: optionalFiles(site.options.sections),
    }),
    contentCheck(
      [site.docs, site.kb],
      site.options.sections.kb || site.options.sections.playbook
        ? { dir: site.kb, terms: site.terms, optional: optionalFiles(site.options.sections) }
        : undefined,
    ),
    releaseCheck(site.terms, optionalFiles(site.options.sections)),
    siteCheck(site),
    ...publishedChecks(site, site.outDir, out),
  ];
}

export async function check(site: Site): Promise<number> {
  return runChecks(siteChecks(site));
}
