import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { readKbFiles } from '../../../packages/starlight-charter/integrations/kb-check';
import {
  checkKb,
  checkKbArticles,
  checkKbFigures,
  componentPosition,
  isIsoDay,
  kbIssueLines,
} from '../../../packages/starlight-charter/lib/kb-check';
import { figureProblem } from '../../../packages/starlight-charter/lib/kb-figures';
import { SAMPLE, WEE } from '../../support/sites';

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

describe('checkKbArticles: values of the right kind', () => {
  test('a blank or non-text title, description or summary', () => {
    const text = article(
      GOOD.replace('title: Rate limits', 'title: "  "').replace(
        'summary: Back off and retry.',
        'summary: [a, b]',
      ),
    );
    expect(check([{ rel: 'api/limits.md', text }])).toEqual([
      'kb/api/limits.md:2:8 title: must not be empty',
      'kb/api/limits.md:4:10 summary: expected a line of text',
    ]);
  });

  test.each(['last week', '2026-02-30', '2026-1-5', '26-01-01', '[2026-01-01]'])(
    'updated: %s is not a day written YYYY-MM-DD',
    (value) => {
      const text = article(GOOD.replace('updated: 2026-01-01', `updated: ${value}`));
      const [line] = check([{ rel: 'api/limits.md', text }]);
      expect(check([{ rel: 'api/limits.md', text }])).toHaveLength(1);
      expect(line).toMatch(/^kb\/api\/limits\.md:7:10 updated: expected a date as YYYY-MM-DD/);
    },
  );

  test('isIsoDay accepts days of the calendar only', () => {
    expect(['2026-01-01', '2024-02-29', '2026-12-31'].map(isIsoDay)).toEqual([true, true, true]);
    expect(
      ['2025-02-29', '2026-13-01', '2026-00-10', '2026-1-1', ' 2026-01-01'].map(isIsoDay),
    ).toEqual([false, false, false, false, false]);
  });

  test('tags that are not a list of words', () => {
    expect(
      check([{ rel: 'api/limits.md', text: article(`${GOOD}\ntags: 429, throttling`) }]),
    ).toEqual(['kb/api/limits.md:9:7 tags: expected a list of words people search for: [word, …]']);
    expect(
      check([{ rel: 'api/limits.md', text: article(`${GOOD}\ntags: [throttling, ""]`) }]),
    ).toEqual(['kb/api/limits.md:9:20 tags[1]: expected a word or phrase people search for']);
    expect(
      check([{ rel: 'api/limits.md', text: article(`${GOOD}\ntags: [throttling, "429"]`) }]),
    ).toEqual([]);
  });

  test('a key written twice is named at its second line, once', () => {
    const text = article(`${GOOD}\nsummary: Again.`);
    expect(check([{ rel: 'api/limits.md', text }])).toEqual([
      'kb/api/limits.md:9:1 summary: this key is written twice; keep one',
    ]);
  });

  test("other YAML errors keep the file's line and drop yaml's own count", () => {
    const text = article(GOOD.replace('title: Rate limits', 'title: "Rate limits'));
    const lines = check([{ rel: 'api/limits.md', text }]);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/^kb\/api\/limits\.md:\d+:\d+ \(frontmatter\): /);
      expect(line).not.toMatch(/at line \d+, column \d+/);
    }
  });
});

describe('checkKbFigures', () => {
  const catalog = loadCatalog(SAMPLE.terms);
  const tier = catalog.sla.tiers[0]!.tier;
  const severity = catalog.severities.severities[0]!.id;
  const good = `<SlaTarget tier="${tier}" severity="${severity}" target="first_response" />`;
  const bad = good.replace(`tier="${tier}"`, 'tier="nope"');
  const reason = figureProblem(catalog, 'SlaTarget', {
    tier: 'nope',
    severity,
    target: 'first_response',
  })!;
  const figures = (rel: string, body: string) =>
    kbIssueLines(checkKbFigures([{ rel, file: `kb/${rel}`, text: article(GOOD) + body }], catalog));

  test('names each figure with an unknown id at its <, with what its component says', () => {
    expect(reason).toMatch(/"nope"/);
    expect(figures('api/x.mdx', `\n${good} and ${bad}\n\n- ${bad}\n`)).toEqual([
      `kb/api/x.mdx:13:${good.length + 6} <SlaTarget>: ${reason}`,
      `kb/api/x.mdx:15:3 <SlaTarget>: ${reason}`,
    ]);
  });

  test('reads attributes written as {"literal"}, and a bare attribute as true', () => {
    expect(figures('api/x.mdx', `\n${bad.replace('tier="nope"', 'tier={"nope"}')}\n`)).toEqual([
      `kb/api/x.mdx:13:1 <SlaTarget>: ${reason}`,
    ]);
    expect(figures('api/x.mdx', `\n<Price tier />\n`)).toEqual([
      `kb/api/x.mdx:13:1 <Price>: ${figureProblem(catalog, 'Price', { tier: 'true' })}`,
    ]);
  });

  test('leaves code blocks, Markdown, attributes that are code and unparsable MDX alone', () => {
    expect(figures('api/x.mdx', `\n\`\`\`mdx\n${bad}\n\`\`\`\n`)).toEqual([]);
    expect(figures('api/x.md', `\n${bad}\n`)).toEqual([]);
    expect(figures('api/x.mdx', `\n${bad.replace('tier="nope"', 'tier={tiers[0]}')}\n`)).toEqual(
      [],
    );
    expect(figures('api/x.mdx', `\n${bad.replace('tier="nope"', '{...props}')}\n`)).toEqual([]);
    expect(figures('api/x.mdx', `\n<SlaTarget tier="nope"\n`)).toEqual([]);
  });
});

describe('checkKb', () => {
  const kbCatalog = {
    ...loadCatalog(SAMPLE.terms),
  };
  kbCatalog.kb = { ...kbCatalog.kb, categories: [{ id: 'api', name: 'API', description: 'x' }] };
  const tier = kbCatalog.tiers.tiers[0]!.id;
  const files = (...list: [string, string][]) =>
    list.map(([rel, text]) => ({
      rel,
      text: text.replace('tiers: [basic, pro]', `tiers: [${tier}]`),
      file: `kb/${rel}`,
    }));

  test("a language's folder holds a KB of its own: category folders inside it", () => {
    expect(
      kbIssueLines(
        checkKb(
          files(
            ['api/limits.md', article(GOOD)],
            ['en/api/limits.md', article(GOOD)],
            ['en/limits.md', article(GOOD)],
          ),
          kbCatalog,
          'kb',
          ['en'],
        ),
      ),
    ).toEqual([
      'kb/en/limits.md:1:1 (file): articles go in kb/en/<category>/<slug>.md or .mdx, one folder deep; this one is not in a category folder',
    ]);
  });

  test('a translation may name a related article only the default language has; one that neither has is a problem', () => {
    const related = article(`${GOOD}\nrelated:\n  - api/other\n  - api/nowhere`);
    expect(
      kbIssueLines(
        checkKb(
          files(['api/other.md', article(GOOD)], ['en/api/limits.md', related]),
          kbCatalog,
          'kb',
          ['en'],
        ),
      ),
    ).toEqual([
      'kb/en/api/limits.md:11:5 related[1]: no article "api/nowhere" (a slug is the path under kb/en/ without extension)',
    ]);
  });

  test('without the language named, its folder is a folder too deep', () => {
    const lines = kbIssueLines(
      checkKb(files(['en/api/limits.md', article(GOOD)]), kbCatalog, 'kb'),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('nested folders are not supported');
  });

  // WEE publishes in English too, its articles under en/ (examples/wee/astro.config.mjs).
  test.each([
    { company: SAMPLE, languages: [] },
    { company: WEE, languages: ['en'] },
  ])('passes on the articles of $company.root', ({ company, languages }) => {
    const files = readKbFiles(company.kb);
    expect(files.length).toBeGreaterThan(0);
    const catalog = loadCatalog(company.terms);
    expect(kbIssueLines(checkKb(files, catalog, company.kb, languages))).toEqual([]);
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
