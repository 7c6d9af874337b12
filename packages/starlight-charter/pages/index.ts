import type { SectionId } from '../options.ts';

/** The folders of Charter's own pages, in sidebar order, with the section each belongs to. */
export const PAGE_FOLDERS = [
  'commercial',
  'calculators',
  'sales',
  'playbook',
  'reference',
] as const;
export type PageFolder = (typeof PAGE_FOLDERS)[number];

/** Pages whose section differs from their folder's. */
const PAGE_SECTIONS: Record<string, SectionId> = {
  'commercial/custom-development': 'customDevelopment',
  'commercial/engagement-process': 'customDevelopment',
  'calculators/roi': 'roi',
  'playbook/roi-methodology': 'playbook',
};
const FOLDER_SECTIONS: Record<PageFolder, SectionId> = {
  commercial: 'commercial',
  calculators: 'calculators',
  sales: 'sow',
  playbook: 'playbook',
  reference: 'commercial',
};

/** The section a page (`commercial/pricing`) belongs to. */
export function sectionOfPage(slug: string): SectionId {
  return PAGE_SECTIONS[slug] ?? FOLDER_SECTIONS[slug.split('/')[0] as PageFolder];
}

/** An MDX module as `import.meta.glob(…, { eager: true })` gives it. */
export interface PageModule {
  frontmatter: Record<string, unknown>;
  getHeadings: () => { depth: number; slug: string; text: string }[];
  Content: unknown;
}

/**
 * The static paths of Charter's pages (pages/<folder>/<name>.mdx, eagerly globbed): each under
 * its folder (`index.mdx` is the folder's own address), keeping only the pages of sections the
 * site publishes and leaving out those it writes itself. A page written in the site's language
 * (`<name>.<language>.mdx`, as `sla.de.mdx`) stands in for the English one.
 */
export function pagePaths(
  modules: Record<string, unknown>,
  sections: Record<SectionId, boolean>,
  replaced: readonly string[] = [],
  language = 'en',
) {
  const pages = new Map<string, { folder: string; name: string; module: unknown }>();
  for (const [file, module] of Object.entries(modules)) {
    const [folder = '', base = ''] = file
      .replace(/\.mdx$/, '')
      .split('/')
      .slice(-2);
    const [, name = '', written = 'en'] = /^(.*?)(?:\.([a-z]{2,3}))?$/.exec(base) ?? [];
    const slug = name === 'index' ? folder : `${folder}/${name}`;
    if (!(PAGE_FOLDERS as readonly string[]).includes(folder)) continue;
    if (!sections[sectionOfPage(slug)] || replaced.includes(slug)) continue;
    if (written === language || (written === 'en' && !pages.has(slug)))
      pages.set(slug, { folder, name, module });
  }
  return [...pages.values()].map(({ folder, name, module }) => ({
    params: { folder, page: name === 'index' ? undefined : name },
    props: { page: module as PageModule },
  }));
}

/** Charter's pages that have no version in a language, by slug (`commercial/sla`). */
export function untranslatedPages(files: readonly string[], language: string): string[] {
  if (language === 'en') return [];
  const slugs = (lang: string) =>
    files
      .map((file) => /([^/]+\/[^/.]+)(?:\.([a-z]{2,3}))?\.mdx$/.exec(file))
      .filter((m): m is RegExpExecArray => !!m && (m[2] ?? 'en') === lang)
      .map((m) => m[1]!.replace(/\/index$/, ''));
  const translated = new Set(slugs(language));
  return slugs('en').filter((slug) => !translated.has(slug));
}
