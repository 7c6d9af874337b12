import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Catalog } from './data/load.ts';
import { translator, type CharterKey, type Translate } from './lib/i18n.ts';
import type { SectionId } from './options.ts';
import { PAGE_FOLDERS, sectionOfPage, type PageFolder } from './pages/index.ts';

const PAGES_DIR = new URL('./pages/', import.meta.url);

/** The sidebar label of each folder of Charter's pages. */
const FOLDER_LABELS: Record<PageFolder, CharterKey> = {
  commercial: 'charter.sidebar.commercial',
  calculators: 'charter.sidebar.calculators',
  sales: 'charter.sidebar.sales',
  playbook: 'charter.sidebar.playbook',
  reference: 'charter.sidebar.reference',
};

/** The sidebar label of the terms' change log, in a language's words. */
export const changeLogLabel = (t: Translate) => t('charter.sidebar.changeLog');

export interface SidebarLink {
  label: string;
  link: string;
  /** The label in the site's other languages, by language tag (Starlight's option). */
  translations?: Record<string, string>;
}
export interface SidebarGroup {
  label: string;
  items: SidebarLink[];
  translations?: Record<string, string>;
}

/**
 * Charter's sidebar groups (in the site's default language) with their labels in the site's
 * other languages: each of `versions` is the same groups built in one language (`lang`, the
 * locale's tag). Groups match by place, links by address.
 */
export function withTranslations(
  groups: readonly SidebarGroup[],
  versions: readonly { lang: string; groups: readonly SidebarGroup[] }[],
): SidebarGroup[] {
  if (versions.length === 0) return [...groups];
  return groups.map((group, i) => ({
    ...group,
    translations: Object.fromEntries(versions.map((v) => [v.lang, v.groups[i]!.label])),
    items: group.items.map((item) => ({
      ...item,
      translations: Object.fromEntries(
        versions.flatMap((v) => {
          const label = v.groups[i]!.items.find((other) => other.link === item.link)?.label;
          return label ? [[v.lang, label]] : [];
        }),
      ),
    })),
  }));
}

/** A page's sidebar label and order, from its frontmatter: of its version in `language` if any. */
function pageEntry(folder: PageFolder, file: string, language: string) {
  const name = file.replace(/\.mdx$/, '');
  const own = new URL(`${folder}/${name}.${language}.mdx`, PAGES_DIR);
  const source =
    language !== 'en' && existsSync(own) ? own : new URL(`${folder}/${file}`, PAGES_DIR);
  const text = readFileSync(source, 'utf8');
  const front = (parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') ?? {}) as {
    title: string;
    sidebar?: { label?: string; order?: number };
  };
  return {
    slug: name === 'index' ? folder : `${folder}/${name}`,
    label: front.sidebar?.label ?? front.title,
    order: front.sidebar?.order ?? Number.MAX_SAFE_INTEGER,
  };
}

/**
 * Charter's sidebar groups for the sections the site publishes, in the order prospects and
 * customers read them, labelled in the site's `language`. KB articles stay out (Starlight
 * embeds the sidebar in every page): the KB home, its categories and search only.
 */
export function charterSidebar(
  catalog: Catalog,
  sections: Record<SectionId, boolean>,
  prefix: string,
  language = 'en',
): SidebarGroup[] {
  const t = translator(language);
  const groups: SidebarGroup[] = [];
  const folderGroup = (folder: PageFolder): SidebarGroup | undefined => {
    const items = readdirSync(new URL(`${folder}/`, PAGES_DIR))
      // A page's versions in other languages (`sla.de.mdx`) share its English one's entry.
      .filter((f) => /^[^.]+\.mdx$/.test(f))
      .map((f) => pageEntry(folder, f, language))
      .filter((p) => sections[sectionOfPage(p.slug)])
      .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
      .map((p) => ({ label: p.label, link: `${prefix}${p.slug}/` }));
    return items.length ? { label: t(FOLDER_LABELS[folder]), items } : undefined;
  };
  for (const folder of PAGE_FOLDERS) {
    const group = folderGroup(folder);
    // The terms' change log (routes/terms/) ends the commercial pages.
    if (group && folder === 'commercial' && sections.commercial)
      group.items.push({ label: changeLogLabel(t), link: `${prefix}commercial/changes/` });
    if (group) groups.push(group);
    if (folder === 'commercial' && sections.kb) {
      groups.push({
        label: t('charter.kb.title'),
        items: [
          { label: t('charter.sidebar.kbHome'), link: `${prefix}kb/` },
          ...catalog.kb.categories.map((c) => ({ label: c.name, link: `${prefix}kb/${c.id}/` })),
          { label: t('charter.sidebar.search'), link: `${prefix}kb/search/` },
        ],
      });
    }
  }
  return groups;
}

/** A top-level item of the site's own sidebar, as Starlight's sidebar option takes it. */
export type OwnSidebarItem =
  { slug: string } | { label: string; items: [{ autogenerate: { directory: string } }] };

/**
 * The site's own sidebar when it sets none, as Starlight would draw it: a link for each page at
 * the top of its docs folder (the home page aside, as the site's title links to it), and a
 * group for each folder. Charter's groups follow, so Starlight's default cannot be left as it is.
 */
export function siteSidebar(
  docsDir: string,
  /** The folders of the site's other languages (`en`), whose pages Starlight pairs by path. */
  localeFolders: readonly string[] = [],
): OwnSidebarItem[] {
  if (!existsSync(docsDir)) return [];
  const entries = readdirSync(docsDir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('_') && !e.name.startsWith('.'))
    .filter((e) => !(e.isDirectory() && localeFolders.includes(e.name)))
    .sort((a, b) => a.name.localeCompare(b.name));
  const pages = entries
    .filter((e) => e.isFile() && /\.(?:mdx?|markdown|mdoc)$/.test(e.name))
    .map((e) => e.name.replace(/\.[^.]+$/, ''))
    .filter((slug) => slug !== 'index' && slug !== '404')
    .map((slug) => ({ slug }));
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => ({
      label: e.name,
      items: [{ autogenerate: { directory: e.name } }] as [{ autogenerate: { directory: string } }],
    }));
  return [...pages, ...folders];
}
