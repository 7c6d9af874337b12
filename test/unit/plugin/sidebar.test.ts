import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  DEFAULT_SECTIONS,
  SECTION_IDS,
  type SectionId,
} from '../../../packages/starlight-charter/options';
import { PAGE_FOLDERS, sectionOfPage } from '../../../packages/starlight-charter/pages/index';
import { english } from '../../../packages/starlight-charter/lib/i18n';
import de from '../../../packages/starlight-charter/translations/de.json';
import en from '../../../packages/starlight-charter/translations/en.json';
import ja from '../../../packages/starlight-charter/translations/ja.json';
import {
  changeLogLabel,
  charterSidebar,
  siteSidebar,
  withTranslations,
  type SidebarGroup,
} from '../../../packages/starlight-charter/sidebar';
import { charterPageRoutes } from '../../../packages/starlight-charter/site-checks';
import { SAMPLE, WEE } from '../../support/sites';

const PAGES_DIR = 'packages/starlight-charter/pages';
const sample = loadCatalog(SAMPLE.terms);
const wee = loadCatalog(WEE.terms);

const links = (groups: SidebarGroup[]) => groups.flatMap((g) => g.items.map((i) => i.link));
const group = (groups: SidebarGroup[], label: string) => groups.find((g) => g.label === label);
const only = (...on: SectionId[]) =>
  Object.fromEntries(SECTION_IDS.map((id) => [id, on.includes(id)])) as Record<SectionId, boolean>;
const all = only(...SECTION_IDS);

/** A page's sidebar label and order as its frontmatter gives them. */
function frontmatter(folder: string, file: string) {
  const text = readFileSync(join(PAGES_DIR, folder, file), 'utf8');
  const data = parse(text.split(/^---$/m)[1]!) as {
    title: string;
    sidebar?: { label?: string; order?: number };
  };
  return { label: data.sidebar?.label ?? data.title, order: data.sidebar?.order ?? Infinity };
}

/** The links of one folder's pages in a section set, in the order their frontmatter sets. */
function folderLinks(folder: string, sections: Record<SectionId, boolean>, prefix = '/') {
  return readdirSync(join(PAGES_DIR, folder))
    .filter((f) => /^[^.]+\.mdx$/.test(f))
    .map((f) => ({
      slug: f === 'index.mdx' ? folder : `${folder}/${f.replace(/\.mdx$/, '')}`,
      ...frontmatter(folder, f),
    }))
    .filter((p) => sections[sectionOfPage(p.slug)])
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
    .map((p) => ({ label: p.label, link: `${prefix}${p.slug}/` }));
}

describe('charterSidebar', () => {
  test('a group per folder of pages, in the order of the folders, with the KB after the commercial pages', () => {
    const groups = charterSidebar(sample, all, '/');
    const kb = groups.findIndex((g) => g.label === 'Knowledge base');
    expect(kb).toBe(1);
    const folders = groups.filter((_, i) => i !== kb);
    expect(folders).toHaveLength(PAGE_FOLDERS.length);
    folders.forEach((g, i) =>
      expect(g.items, g.label).toEqual([
        ...folderLinks(PAGE_FOLDERS[i]!, all),
        // The change log follows the commercial pages.
        ...(PAGE_FOLDERS[i] === 'commercial'
          ? [{ label: changeLogLabel(english), link: '/commercial/changes/' }]
          : []),
      ]),
    );
  });

  test.each([
    ['de', de],
    ['ja', ja],
  ])(
    'in %s, the group and item labels are that language’s words from its locale file',
    (language, words) => {
      const english = charterSidebar(sample, all, '/');
      const translated = charterSidebar(sample, all, '/', language);
      const word = (key: keyof typeof de) => (words as Record<string, string>)[key];
      // The same links, group by group; Charter's own labels replaced by the language's words.
      expect(translated.map((g) => g.items.map((i) => i.link))).toEqual(
        english.map((g) => g.items.map((i) => i.link)),
      );
      const labels = translated.map((g) => g.label);
      for (const key of [
        'charter.sidebar.commercial',
        'charter.sidebar.calculators',
        'charter.sidebar.sales',
        'charter.sidebar.playbook',
        'charter.sidebar.reference',
        'charter.kb.title',
      ] as const) {
        expect(word(key)).toBeTruthy();
        expect(labels).toContain(word(key));
      }
      const kb = translated.find((g) => g.label === word('charter.kb.title'))!;
      expect(kb.items[0]!.label).toBe(word('charter.sidebar.kbHome'));
      expect(kb.items.at(-1)!.label).toBe(word('charter.sidebar.search'));
      const commercial = translated.find((g) => g.label === word('charter.sidebar.commercial'))!;
      expect(commercial.items.at(-1)).toEqual({
        label: word('charter.sidebar.changeLog'),
        link: '/commercial/changes/',
      });
      // Where a language's word differs, no English label of Charter's is left.
      for (const key of ['charter.sidebar.commercial', 'charter.sidebar.changeLog'] as const)
        if (word(key) !== en[key])
          expect(labels.concat(commercial.items.map((i) => i.label))).not.toContain(en[key]);
    },
  );

  test('the playbook, internal material, is not in the sidebar unless the site turns it on', () => {
    const groups = charterSidebar(sample, DEFAULT_SECTIONS, '/');
    expect(links(groups).filter((l) => l.startsWith('/playbook/'))).toEqual([]);
    expect(group(groups, 'Playbook')).toBeUndefined();
    const withPlaybook = charterSidebar(sample, { ...DEFAULT_SECTIONS, playbook: true }, '/');
    expect(group(withPlaybook, 'Playbook')?.items).toEqual(folderLinks('playbook', all));
  });

  test.each([
    ['the sample', sample],
    ['WEE', wee],
  ])("the knowledge-base group lists %s's categories, in the order of kb.yaml", (_, catalog) => {
    const items = group(charterSidebar(catalog, DEFAULT_SECTIONS, '/'), 'Knowledge base')!.items;
    expect(catalog.kb.categories.length).toBeGreaterThan(0);
    expect(items.slice(1, -1)).toEqual(
      catalog.kb.categories.map((c) => ({ label: c.name, link: `/kb/${c.id}/` })),
    );
    expect(items[0]!.link).toBe('/kb/');
    expect(items.at(-1)!.link).toBe('/kb/search/');
  });

  test('the two companies share the page groups and differ in their categories only', () => {
    const a = charterSidebar(sample, DEFAULT_SECTIONS, '/');
    const b = charterSidebar(wee, DEFAULT_SECTIONS, '/');
    const withoutKb = (groups: SidebarGroup[]) =>
      groups.filter((g) => g.label !== 'Knowledge base');
    expect(withoutKb(a)).toEqual(withoutKb(b));
  });

  test('no KB group, and no KB link, when the site turns the KB off', () => {
    const groups = charterSidebar(sample, { ...DEFAULT_SECTIONS, kb: false }, '/');
    expect(group(groups, 'Knowledge base')).toBeUndefined();
    expect(links(groups).filter((l) => l.startsWith('/kb/'))).toEqual([]);
  });

  test('a page is listed by its own section: with commercial off, the custom development pages stay', () => {
    const groups = charterSidebar(sample, only('customDevelopment'), '/');
    const commercial = folderLinks('commercial', only('customDevelopment'));
    expect(commercial.length).toBeGreaterThan(0);
    expect(groups).toEqual([{ label: 'Commercial', items: commercial }]);
  });

  test('nothing at all when every section is off', () => {
    expect(charterSidebar(sample, only(), '/')).toEqual([]);
  });

  test('the prefix is put before every link, and changes nothing else', () => {
    const root = charterSidebar(sample, all, '/');
    const prefixed = charterSidebar(sample, all, '/support/');
    expect(links(prefixed).every((l) => l.startsWith('/support/'))).toBe(true);
    expect(links(prefixed)).toEqual(links(root).map((l) => `/support${l}`));
    expect(prefixed.map((g) => g.items.map((i) => i.label))).toEqual(
      root.map((g) => g.items.map((i) => i.label)),
    );
  });

  test.each([
    ['default sections', DEFAULT_SECTIONS],
    ['every section', all],
    ['only the calculators', only('calculators')],
    ['only ROI', only('roi')],
  ])("with %s, every link but a KB category's is a page Charter publishes", (_, sections) => {
    const prefix = '/help/';
    const categories = new Set(sample.kb.categories.map((c) => `${prefix}kb/${c.id}/`));
    const published = charterPageRoutes({ prefix, sections, replace: [] }).map((r) => `/${r}/`);
    expect(
      links(charterSidebar(sample, sections, prefix))
        .filter((l) => !categories.has(l))
        .sort(),
    ).toEqual(published.sort());
  });
});

describe('siteSidebar', () => {
  test("is Starlight's own sidebar for a site that sets none: top-level pages, then a group per folder", () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-site-sidebar-'));
    for (const file of [
      'index.mdx',
      '404.md',
      'about.md',
      'pricing-faq.mdx',
      '_draft.md',
      'guides/setup.md',
      '_parts/x.md',
    ]) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), '---\ntitle: x\n---\n');
    }
    expect(siteSidebar(dir)).toEqual([
      { slug: 'about' },
      { slug: 'pricing-faq' },
      { label: 'guides', items: [{ autogenerate: { directory: 'guides' } }] },
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  test("leaves out the folders of the site's other languages, which Starlight pairs with the root's pages", () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-site-sidebar-'));
    for (const file of ['about.md', 'en/about.md', 'guides/setup.md']) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), '---\ntitle: x\n---\n');
    }
    expect(siteSidebar(dir, ['en'])).toEqual([
      { slug: 'about' },
      { label: 'guides', items: [{ autogenerate: { directory: 'guides' } }] },
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('is empty for a site without a docs folder', () => {
    expect(siteSidebar(join(tmpdir(), 'charter-no-such-docs'))).toEqual([]);
  });
});

describe('withTranslations', () => {
  test("each group and link carries its label in the site's other languages", () => {
    const groups = (lang: 'de' | 'ja') =>
      charterSidebar(wee, DEFAULT_SECTIONS, '/', lang).map((g) => ({ ...g }));
    const english = charterSidebar(wee, DEFAULT_SECTIONS, '/', 'en');
    const both = withTranslations(english, [
      { lang: 'de', groups: groups('de') },
      { lang: 'ja-JP', groups: groups('ja') },
    ]);
    const commercial = both.find((g) => g.label === en['charter.sidebar.commercial'])!;
    expect(commercial.translations).toEqual({
      de: de['charter.sidebar.commercial'],
      'ja-JP': ja['charter.sidebar.commercial'],
    });
    const changes = commercial.items.find((i) => i.link === '/commercial/changes/')!;
    expect(changes.label).toBe(en['charter.sidebar.changeLog']);
    expect(changes.translations).toEqual({
      de: de['charter.sidebar.changeLog'],
      'ja-JP': ja['charter.sidebar.changeLog'],
    });
  });

  test('a site in one language gets its groups as they are', () => {
    const english = charterSidebar(wee, DEFAULT_SECTIONS, '/', 'en');
    expect(withTranslations(english, [])).toEqual(english);
  });
});
