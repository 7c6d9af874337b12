import { describe, expect, test } from 'vitest';
import {
  checkKbArticles,
  componentPosition,
  kbIssueLines,
} from '../../../packages/starlight-charter/lib/kb-check';

const ids = { categories: ['api', 'billing'], tiers: ['basic', 'pro'] };

const article = (front: string) => `---\n${front}\n---\n\nBody.\n`;
const GOOD = [
  'title: Rate limits',
  'description: What a 429 means.',
  'summary: Back off and retry.',
  'category: api',
  'tiers: [basic, pro]',
  'updated: 2026-01-01',
  'type: article',
].join('\n');

const check = (files: { rel: string; text: string }[]) =>
  kbIssueLines(
    checkKbArticles(
      files.map((f) => ({ ...f, file: `kb/${f.rel}` })),
      ids,
      'kb',
    ),
  );

describe('checkKbArticles', () => {
  test('a correct article has no problems', () => {
    expect(check([{ rel: 'api/limits.md', text: article(GOOD) }])).toEqual([]);
  });

  test('an unknown category names its line in the frontmatter', () => {
    const text = article(GOOD.replace('category: api', 'category: nope'));
    expect(check([{ rel: 'api/limits.md', text }])).toEqual([
      'kb/api/limits.md:5:11 category: "nope" is not a KB category of kb.yaml; expected one of: api, billing',
    ]);
  });

  test('a category that is not the folder says where to move the article', () => {
    const text = article(GOOD.replace('category: api', 'category: billing'));
    expect(check([{ rel: 'api/limits.md', text }])).toEqual([
      'kb/api/limits.md:5:11 category: "billing" but the article is in kb/api/; move it to kb/billing/',
    ]);
  });

  test('a related slug that names no article points at the slug', () => {
    const text = article(`${GOOD}\nrelated:\n  - api/other\n  - api/missing`);
    expect(
      check([
        { rel: 'api/limits.md', text },
        { rel: 'api/other.mdx', text: article(GOOD) },
      ]),
    ).toEqual([
      'kb/api/limits.md:11:5 related[1]: no article "api/missing" (a slug is the path under kb/ without extension)',
    ]);
  });

  test('unknown tiers, types and keys, and missing keys', () => {
    const text = article(
      GOOD.replace('tiers: [basic, pro]', 'tiers: [basic, gold]')
        .replace('type: article', 'type: essay')
        .replace('summary: Back off and retry.', 'colour: red'),
    );
    expect(check([{ rel: 'api/limits.md', text }])).toEqual([
      'kb/api/limits.md:2:1 summary: missing summary',
      'kb/api/limits.md:4:1 colour: unknown key; expected one of: title, description, summary, category, tiers, updated, type, tags, related',
      'kb/api/limits.md:6:16 tiers[1]: "gold" is not a tier of tiers.yaml; expected one of: basic, pro',
      'kb/api/limits.md:8:7 type: "essay" is not an article type; expected one of: article, runbook, template, decision-tree',
    ]);
  });

  test('articles nested deeper than a category folder, or outside one, say where articles go', () => {
    expect(
      check([
        { rel: 'api/deep/x.md', text: article(GOOD) },
        { rel: 'top.md', text: article(GOOD) },
      ]),
    ).toEqual([
      'kb/api/deep/x.md:1:1 (file): articles go in kb/<category>/<slug>.md or .mdx, one folder deep; nested folders are not supported',
      'kb/top.md:1:1 (file): articles go in kb/<category>/<slug>.md or .mdx, one folder deep; this one is not in a category folder',
    ]);
  });
});

describe('componentPosition', () => {
  const text =
    'intro\n\n<SlaTarget tier="pro" severity="sev1" target="resolution" />\n\nand <SlaTarget tier="nope" severity="sev1" target="resolution" />\n';
  test('finds the occurrence carrying the unknown value', () => {
    expect(componentPosition(text, 'SlaTarget', 'tier "nope" is not defined')).toEqual({
      line: 5,
      col: 5,
    });
  });
  test('falls back to the first occurrence, then to the top of the file', () => {
    expect(componentPosition(text, 'SlaTarget', 'something else')).toEqual({ line: 3, col: 1 });
    expect(componentPosition(text, 'Quota', 'x')).toEqual({ line: 1, col: 1 });
  });
});
