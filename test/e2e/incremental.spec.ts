import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse, parseDocument } from 'yaml';
import { copyProject } from '../../scripts/bench/projects';
import { allowlistOf, securePage } from '../../packages/starlight-charter/integrations/security-headers';

/**
 * A warm build copies a KB article page from the last build when nothing it shows has changed,
 * and renders it again when anything has: its own file, a related article's title, the catalog,
 * or the sidebar. Each build runs in a throwaway copy of the project, so its edits and caches
 * touch nothing else.
 */

interface Article {
  id: string;
  file: string;
  title: string;
  tiers: string[];
  related: string[];
}

let dir = '';
let articles: Article[] = [];

/** What a build did with each page, as Astro's log says. */
interface Built {
  /** Pages rendered in this build. */
  rendered: Set<string>;
  /** Pages copied from the last build. */
  copied: Set<string>;
}

/** Builds the copy; returns which built pages Astro rendered and which it copied. */
function build(): Built {
  const log = execFileSync(resolve('node_modules/.bin/astro'), ['build'], {
    cwd: dir,
    // Into the copy's own dist/, whatever out dir the run under test was given.
    env: {
      ...process.env,
      CHARTER_OUT_DIR: join(dir, 'dist'),
      CHARTER_CACHE_DIR: join(dir, '.cache'),
    },
    encoding: 'utf8',
    stdio: 'pipe',
  });
  // Astro's log, without colours, lists each page it writes as "├─ /path/index.html", followed
  // by "(restored)" or "(cached)" when it copied the page from the last build.
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
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
const html = (id: string) => readFileSync(join(dir, 'dist', pageOf(id)), 'utf8');

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  test.setTimeout(240_000);
  dir = copyProject();
  const kb = join(dir, 'content/kb');
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

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
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
  const headers = readFileSync(join(dir, 'dist/_headers'), 'utf8');
  const sitePolicy = /Content-Security-Policy: (.*)/.exec(headers)![1]!;
  expect(securePage(page, allowlistOf(sitePolicy)).html).toBe(page);
});

test('a change to the catalog renders every article again', () => {
  test.setTimeout(120_000);
  const tiersFile = join(dir, 'data/tiers.yaml');
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
});

test('a new page in the sidebar renders every article again', () => {
  test.setTimeout(120_000);
  const title = 'Holiday cover';
  writeFileSync(
    join(dir, 'content/docs/commercial/holiday-cover.md'),
    `---\ntitle: ${title}\ndescription: Who answers over public holidays.\n---\n\nThe on-call rota covers public holidays.\n`,
  );

  const { rendered } = build();
  for (const a of articles) expect(rendered.has(pageOf(a.id)), a.id).toBe(true);
  expect(html(articles[0]!.id)).toContain('href="/commercial/holiday-cover/"');
});
