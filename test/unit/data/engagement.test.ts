import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readEngagement } from '../../../packages/starlight-charter/cli/lib/engagement';
import { formatIssue } from '../../../packages/starlight-charter/data/issues';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { sowCatalog } from '../../../packages/starlight-charter/lib/sow';
import { SAMPLE } from '../../support/sites';

const cat = sowCatalog(loadCatalog(SAMPLE.terms));
const FIXTURES = 'test/fixtures/engagements';

const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((fixture) => {
    const file = join(FIXTURES, fixture);
    return {
      fixture,
      file,
      expected: readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('# expect: '))
        .map((line) =>
          line
            .slice('# expect: '.length)
            .replace('{file}', file)
            .replace('{roles}', cat.services.rate_card.map((r) => r.id).join(', ')),
        ),
    };
  });

describe('readEngagement', () => {
  test('reads the example engagement without problems', () => {
    const file = SAMPLE.engagement;
    const { draft, issues } = readEngagement(file, readFileSync(file, 'utf8'), cat);
    expect(issues).toEqual([]);
    expect(draft.phases).toHaveLength(3);
    expect(draft.pricing.model).toBe('time-and-materials');
  });

  test('has broken fixtures, each stating its messages', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const c of cases) expect(c.expected.length, c.fixture).toBeGreaterThan(0);
  });

  test.each(cases)('reports exactly what $fixture says', ({ file, expected }) => {
    const { issues } = readEngagement(file, readFileSync(file, 'utf8'), cat);
    expect(issues.map(formatIssue)).toEqual(expected);
  });
});

test('checks without a message of their own read in English with only the engagement schema loaded', () => {
  // A process of its own: here, the loader has already brought in the full zod API and its messages.
  const schema = pathToFileURL(resolve('packages/starlight-charter/schemas/engagement.ts')).href;
  const script = `
    const { SowDraftSchema } = await import(${JSON.stringify(schema)});
    const result = SowDraftSchema.safeParse({ stray: 1 });
    console.log(JSON.stringify(result.error.issues.map((issue) => issue.message)));
  `;
  const messages = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
  ) as string[];
  expect(messages).toContain('Unrecognized key: "stray"');
});
