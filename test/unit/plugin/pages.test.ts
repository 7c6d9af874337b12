import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SECTIONS, SECTION_IDS, type SectionId } from '../../../packages/starlight-charter/options';
import { PAGE_FOLDERS, pagePaths, sectionOfPage } from '../../../packages/starlight-charter/pages/index';

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
  // As import.meta.glob('../../pages/commercial/*.mdx', { eager: true }) gives them.
  const module = (name: string) => ({ frontmatter: { title: name }, getHeadings: () => [], Content: name });
  const modules = Object.fromEntries(
    ['index', 'pricing', 'custom-development'].map((name) => [`../../pages/commercial/${name}.mdx`, module(name)]),
  );
  const names = (paths: ReturnType<typeof pagePaths>) => paths.map((p) => p.params.page);

  test("a folder's index is the folder's own address; every page keeps its module", () => {
    const paths = pagePaths(modules, 'commercial', DEFAULT_SECTIONS);
    expect(names(paths)).toEqual([undefined, 'pricing', 'custom-development']);
    expect(paths.map((p) => p.props.page)).toEqual(Object.values(modules));
  });

  test('leaves out the pages of sections the site does not publish', () => {
    expect(names(pagePaths(modules, 'commercial', only('commercial')))).toEqual([undefined, 'pricing']);
    expect(names(pagePaths(modules, 'commercial', only('customDevelopment')))).toEqual(['custom-development']);
    expect(pagePaths(modules, 'commercial', only('calculators', 'kb'))).toEqual([]);
  });

  test('leaves out the pages the site writes itself', () => {
    expect(names(pagePaths(modules, 'commercial', DEFAULT_SECTIONS, ['commercial/pricing']))).toEqual([
      undefined,
      'custom-development',
    ]);
    expect(names(pagePaths(modules, 'commercial', DEFAULT_SECTIONS, ['commercial']))).toEqual([
      'pricing',
      'custom-development',
    ]);
  });
});
