// `charter release <version> <date>`: keep the current terms as a release and make it current.
import { join } from 'node:path';
import { optionalFiles } from '../data/absent';
import { ReleaseError, releaseTerms } from './lib/release';
import { shown, type Site } from './lib/site';

export function release(site: Site, version: string, date: string): number {
  try {
    const { dir, files } = releaseTerms(
      site.terms,
      version,
      date,
      optionalFiles(site.options.sections),
    );
    process.stdout.write(
      `Released the terms as version ${version}, effective ${date}: kept ${files.join(', ')} in ${shown(dir)}, ` +
        `and set terms_version and effective_date in ${shown(join(site.terms, 'company.yaml'))}.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ReleaseError) {
      const [first, ...rest] = error.lines;
      process.stderr.write(`charter release: ${first}\n`);
      for (const line of rest) process.stderr.write(`${line}\n`);
      return 1;
    }
    throw error;
  }
}
