import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse, parseDocument } from 'yaml';
import { copyProject } from '../../scripts/bench/projects';
import { securePage } from '../../src/integrations/security-headers';

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

/** Builds the copy; returns the built pages Astro copied from the last build. */
function build(): Set<string> {
  const log = execFileSync(resolve('node_modules/.bin/astro'), ['build'], {
    cwd: dir,
    env: { ...process.env, CHARTER_CACHE_DIR: join(dir, '.cache') },
    encoding: 'utf8',
    stdio: 'pipe',
  });
  // Astro's log, without colours: each page it copied is followed by "(restored)".
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  return new Set(
    [...plain.matchAll(/(\/\S+\/index\.html) \((?:restored|cached)\)/g)].map((m) => m[1]!),
  );
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
  const first = build();
  expect(first.size, 'a first build has nothing to copy').toBe(0);
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

  const copied = build();
  expect(copied.has(pageOf(edited.id))).toBe(false);
  for (const b of listing) {
    expect(copied.has(pageOf(b.id)), `${b.id} lists the edited article`).toBe(false);
    expect(html(b.id)).toMatch(new RegExp(`href="/kb/${edited.id}/"[^>]*>[^<]*\\(revised\\)</a>`));
  }
  for (const a of untouched) expect(copied.has(pageOf(a.id)), `${a.id} is unchanged`).toBe(true);
  expect(html(edited.id)).toMatch(/<h1 id="_top"[^>]*>[^<]*\(revised\)<\/h1>/);

  // A copied page keeps exactly one policy, still the one its inline scripts need.
  const page = html(untouched[0]!.id);
  expect(page.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
  expect(securePage(page).html).toBe(page);
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

  const copied = build();
  expect([...copied].filter((p) => p.startsWith('/kb/'))).toEqual([]);
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

  const copied = build();
  expect([...copied].filter((p) => p.startsWith('/kb/'))).toEqual([]);
  expect(html(articles[0]!.id)).toContain('href="/commercial/holiday-cover/"');
});
