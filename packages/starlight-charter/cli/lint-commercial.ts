// `charter lint [--dist DIR]`: what the terms mean, beyond their schema (a higher tier never
// slower, cheaper or with less), and that the built pricing and SLA tables show the terms'
// figures. Each finding names its rule and how to record an intended exception.
import { runChecks } from './lib/check';
import { commercialLintCheck } from './lib/commercial-lint';
import type { Site } from './lib/site';
import { publishedChecks } from './check';
import { optionalFiles } from '../data/absent';

export async function lint(site: Site, dist?: string): Promise<number> {
  return runChecks([
    commercialLintCheck(site.terms, { optional: optionalFiles(site.options.sections) }),
    ...publishedChecks(site, dist ?? site.outDir),
  ]);
}
