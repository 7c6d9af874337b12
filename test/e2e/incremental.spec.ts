import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse, parseDocument } from 'yaml';
import {
  allowlistOf,
  securePage,
} from '../../packages/starlight-charter/integrations/security-headers';
import { copyTerms, makeSite, runBuild } from '../support/sites';

/**
 * A warm build copies a KB article page from the last build when nothing it shows has changed,
 * and renders it again when anything has: its own file, a related article's title, the terms,
 * or the sidebar. The builds are of a site of its own, from a copy of the sample's terms and
 * articles, so its edits and caches touch nothing else.
 */

interface Article {
  id: string;
  file: string;
  title: string;
  tiers: string[];
  related: string[];
}

let terms = '';
let site = '';
let out = '';
let articles: Article[] = [];

/** What a build did with each page, as Astro's log says. */
interface Built {
  /** Pages rendered in this build. */
  rendered: Set<string>;
  /** Pages copied from the last build. */
  copied: Set<string>;
}

/** Builds the site; returns which built pages Astro rendered and which it copied. */
function build(): Built {
  // Into the same folder every time, as a company's site builds into its dist/.
  const { status, stdout, stderr } = runBuild(site, { outDir: out });
  expect(status, stderr || stdout).toBe(0);
  // Astro's log, without colours, lists each page it writes as "├─ /path/index.html", followed
  // by "(restored)" or "(cached)" when it copied the page from the last build.
  const plain = stdout.replace(/\x1b\[[0-9;]*m/g, '');
  const listed = [...plain.matchAll(/├─ (\/\S+\/index\.html)( \((?:restored|cached)\))?/g)];
  const built: Built = {
    rendered: new Set(listed.filter((m) => !m[2]).map((m) => m[1]!)),
    copied: new Set(listed.filter((m) => m[2]).map((m) => m[1]!)),
  };
  // The log was read, not guessed at: it lists every article's page exactly once.
  const pages = listed.map((m) => m[1]!);
  for (const a of articles) {
    expect(
      pages.filter((p) => p === pageOf(a.id)),
      `${pageOf(a.id)} in Astro's log`,
    ).toHaveLength(1);
  }
  return built;
}

const pageOf = (id: string) => `/kb/${id}/index.html`;
const html = (id: string) => readFileSync(join(out, pageOf(id)), 'utf8');

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  test.setTimeout(240_000);
  terms = copyTerms();
  // The site's own pages, with a sidebar group of its own that a new page joins.
  site = makeSite({
    terms,
    docs: {
      'index.mdx': '---\ntitle: Home\ndescription: Support terms.\n---\n\nOur support terms.\n',
      'guides/welcome.md':
        '---\ntitle: Welcome\ndescription: Where to start.\n---\n\nStart here.\n',
    },
    starlight: {
      sidebar: [{ label: 'Guides', items: [{ autogenerate: { directory: 'guides' } }] }],
    },
  });
  out = join(site, 'dist');
  const kb = join(terms, 'kb');
  articles = readdirSync(kb, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/.test(f) && !f.split('/').pop()!.startsWith('_'))
    .map((f) => {
      const front = parse(readFileSync(join(kb, f), 'utf8').split(/^---$/m)[1]!);
      return { id: f.replace(/\.mdx?$/, ''), file: join(kb, f), related: [], ...front };
    });
  expect(articles.length).toBeGreaterThan(1);
  const first = build();
  expect(first.copied.size, 'a first build has nothing to copy').toBe(0);
  // And a build with nothing changed copies every article: the log says "copied" as read above.
  const again = build();
  for (const a of articles) expect(again.copied.has(pageOf(a.id)), a.id).toBe(true);
});

test('an edited article is rendered again with the articles that list it; the rest are copied', () => {
  test.setTimeout(120_000);
  const edited = articles.find((a) => articles.some((b) => b.related.includes(a.id)))!;
  const listing = articles.filter((b) => b.related.includes(edited.id));
  const untouched = articles.filter((a) => a !== edited && !listing.includes(a));
  const title = `${edited.title} (revised)`;
  const text = readFileSync(edited.file, 'utf8');
  writeFileSync(edited.file, text.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`));

  const { rendered, copied } = build();
  expect(rendered.has(pageOf(edited.id))).toBe(true);
  expect(listing.length).toBeGreaterThan(0);
  for (const b of listing) {
    expect(rendered.has(pageOf(b.id)), `${b.id} lists the edited article`).toBe(true);
    expect(html(b.id)).toMatch(new RegExp(`href="/kb/${edited.id}/"[^>]*>[^<]*\\(revised\\)</a>`));
  }
  expect(untouched.length).toBeGreaterThan(0);
  for (const a of untouched) expect(copied.has(pageOf(a.id)), `${a.id} is unchanged`).toBe(true);
  expect(html(edited.id)).toMatch(/<h1 id="_top"[^>]*>[^<]*\(revised\)<\/h1>/);

  // A copied page keeps exactly one policy, still the one its inline scripts need.
  const page = html(untouched[0]!.id);
  expect(page.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
  const headers = readFileSync(join(out, '_headers'), 'utf8');
  const sitePolicy = /Content-Security-Policy: (.*)/.exec(headers)![1]!;
  expect(securePage(page, allowlistOf(sitePolicy)).html).toBe(page);
});

test('a change to the terms renders every article again, and the tier pages show it', () => {
  test.setTimeout(120_000);
  const tiersFile = join(terms, 'tiers.yaml');
  const doc = parseDocument(readFileSync(tiersFile, 'utf8'));
  const tiers = doc.get('tiers') as { items: { get(key: string): string }[] };
  const index = tiers.items.findIndex((t) => articles[0]!.tiers.includes(t.get('id')));
  const renamed = `${tiers.items[index]!.get('name')} Plus`;
  doc.setIn(['tiers', index, 'name'], renamed);
  writeFileSync(tiersFile, doc.toString());

  const { rendered } = build();
  for (const a of articles) expect(rendered.has(pageOf(a.id)), a.id).toBe(true);
  // "Still stuck?" names each tier the article applies to.
  expect(html(articles[0]!.id)).toContain(`>${renamed}</h3>`);
  expect(readFileSync(join(out, 'commercial/tiers/index.html'), 'utf8')).toContain(
    `<th scope="row">${renamed}</th>`,
  );
});

test('a new page in the sidebar renders every article again', () => {
  test.setTimeout(120_000);
  const title = 'Holiday cover';
  writeFileSync(
    join(site, 'src/content/docs/guides/holiday-cover.md'),
    `---\ntitle: ${title}\ndescription: Who answers over public holidays.\n---\n\nThe on-call rota covers public holidays.\n`,
  );

  const { rendered } = build();
  for (const a of articles) expect(rendered.has(pageOf(a.id)), a.id).toBe(true);
  expect(html(articles[0]!.id)).toContain('href="/guides/holiday-cover/"');
});
