import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SECTIONS,
  SECTION_IDS,
  type SectionId,
} from '../../../packages/starlight-charter/options';
import {
  PAGE_FOLDERS,
  pagePaths,
  sectionOfPage,
  untranslatedPages,
} from '../../../packages/starlight-charter/pages/index';
import { PRINTED_PAGES, printedDocuments } from '../../../packages/starlight-charter/pages/printed';

const PAGES_DIR = 'packages/starlight-charter/pages';
const only = (...on: SectionId[]) =>
  Object.fromEntries(SECTION_IDS.map((id) => [id, on.includes(id)])) as Record<SectionId, boolean>;

describe('PAGE_FOLDERS', () => {
  test("are the folders of Charter's pages", () => {
    const folders = readdirSync(PAGES_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect([...PAGE_FOLDERS].sort()).toEqual(folders.sort());
  });
});

describe('sectionOfPage', () => {
  test('a page goes with its folder unless it belongs elsewhere', () => {
    expect(sectionOfPage('commercial')).toBe('commercial');
    expect(sectionOfPage('commercial/pricing')).toBe('commercial');
    expect(sectionOfPage('reference/api')).toBe('commercial');
    expect(sectionOfPage('commercial/custom-development')).toBe('customDevelopment');
    expect(sectionOfPage('commercial/engagement-process')).toBe('customDevelopment');
    expect(sectionOfPage('calculators/downtime')).toBe('calculators');
    expect(sectionOfPage('calculators/roi')).toBe('roi');
    expect(sectionOfPage('sales/sow-generator')).toBe('sow');
    expect(sectionOfPage('playbook/launch-checklist')).toBe('playbook');
    // The ROI method explains internal defaults: internal material, with the playbook.
    expect(sectionOfPage('playbook/roi-methodology')).toBe('playbook');
  });

  test('every page belongs to a section, and every section but the KB (routes of its own) has a page', () => {
    const slugs = PAGE_FOLDERS.flatMap((folder) =>
      readdirSync(join(PAGES_DIR, folder))
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => (f === 'index.mdx' ? folder : `${folder}/${f.replace(/\.mdx$/, '')}`)),
    );
    const sections = new Set(slugs.map(sectionOfPage));
    for (const section of sections) expect(SECTION_IDS).toContain(section);
    expect([...sections].sort()).toEqual(SECTION_IDS.filter((id) => id !== 'kb').sort());
  });
});

describe('pagePaths', () => {
  // As import.meta.glob('../pages/*/*.mdx', { eager: true }) gives them.
  const module = (name: string) => ({
    frontmatter: { title: name },
    getHeadings: () => [],
    Content: name,
  });
  const files = [
    'commercial/index',
    'commercial/pricing',
    'commercial/custom-development',
    'calculators/roi',
  ];
  const modules = Object.fromEntries(files.map((f) => [`../pages/${f}.mdx`, module(f)]));
  const slugs = (paths: ReturnType<typeof pagePaths>) =>
    paths.map((p) => [p.params.folder, p.params.page].filter(Boolean).join('/'));

  test("a folder's index is the folder's own address; every page keeps its module", () => {
    const paths = pagePaths(modules, DEFAULT_SECTIONS);
    expect(paths.map((p) => p.params)).toEqual([
      { folder: 'commercial', page: undefined },
      { folder: 'commercial', page: 'pricing' },
      { folder: 'commercial', page: 'custom-development' },
      { folder: 'calculators', page: 'roi' },
    ]);
    expect(paths.map((p) => p.props.page)).toEqual(Object.values(modules));
  });

  test('leaves out the pages of sections the site does not publish', () => {
    expect(slugs(pagePaths(modules, only('commercial')))).toEqual([
      'commercial',
      'commercial/pricing',
    ]);
    expect(slugs(pagePaths(modules, only('customDevelopment', 'roi')))).toEqual([
      'commercial/custom-development',
      'calculators/roi',
    ]);
    expect(pagePaths(modules, only('calculators', 'kb'))).toEqual([]);
  });

  test('leaves out the pages the site writes itself', () => {
    expect(
      slugs(pagePaths(modules, DEFAULT_SECTIONS, ['commercial/pricing', 'commercial'])),
    ).toEqual(['commercial/custom-development', 'calculators/roi']);
  });

  test('a file outside the folders of pages is not a page', () => {
    expect(pagePaths({ '../pages/drafts/x.mdx': module('x') }, DEFAULT_SECTIONS)).toEqual([]);
  });
});

describe('printedDocuments', () => {
  test('are pages that exist, each wrapped as the document its id names, titled as its page', () => {
    const documents = printedDocuments();
    expect(documents.map((d) => d.id)).toEqual(PRINTED_PAGES.map((slug) => slug.split('/')[1]));
    for (const [i, slug] of PRINTED_PAGES.entries()) {
      const text = readFileSync(join(PAGES_DIR, `${slug}.mdx`), 'utf8');
      expect(text).toContain(`<PrintedDocument id="${documents[i]!.id}">`);
      expect(text).toMatch(new RegExp(`^title: ${documents[i]!.title}$`, 'm'));
    }
  });

  test("are titled as the page in the site's language, or the English page where it has none", () => {
    const german = printedDocuments('de');
    for (const [i, slug] of PRINTED_PAGES.entries()) {
      const text = readFileSync(join(PAGES_DIR, `${slug}.de.mdx`), 'utf8');
      expect(text).toContain(`<PrintedDocument id="${german[i]!.id}">`);
      expect(text).toMatch(new RegExp(`^title: ${german[i]!.title}$`, 'm'));
    }
    expect(german.map((d) => d.title)).not.toEqual(printedDocuments().map((d) => d.title));
    expect(printedDocuments('fr')).toEqual(printedDocuments());
  });
});

describe('pages in the site’s language', () => {
  const sections = Object.fromEntries(
    ['commercial', 'calculators', 'sow', 'playbook', 'roi', 'customDevelopment', 'kb'].map((s) => [
      s,
      true,
    ]),
  ) as never;
  const modules = {
    '../pages/commercial/sla.mdx': 'sla-en',
    '../pages/commercial/sla.de.mdx': 'sla-de',
    '../pages/commercial/index.mdx': 'index-en',
    '../pages/commercial/index.ja.mdx': 'index-ja',
    '../pages/commercial/tiers.mdx': 'tiers-en',
  };
  const chosen = (language: string) =>
    Object.fromEntries(
      pagePaths(modules, sections, [], language).map((p) => [
        `${p.params.folder}/${p.params.page ?? ''}`,
        p.props.page as unknown,
      ]),
    );
  test('take the page written in it, else the English one, at the same address', () => {
    expect(chosen('de')).toEqual({
      'commercial/sla': 'sla-de',
      'commercial/': 'index-en',
      'commercial/tiers': 'tiers-en',
    });
    expect(chosen('ja')).toEqual({
      'commercial/sla': 'sla-en',
      'commercial/': 'index-ja',
      'commercial/tiers': 'tiers-en',
    });
    expect(chosen('en')).toEqual({
      'commercial/sla': 'sla-en',
      'commercial/': 'index-en',
      'commercial/tiers': 'tiers-en',
    });
  });
  test('lists the pages a language lacks', () => {
    expect(untranslatedPages(Object.keys(modules), 'de')).toEqual([
      'commercial',
      'commercial/tiers',
    ]);
    expect(untranslatedPages(Object.keys(modules), 'en')).toEqual([]);
  });
});
