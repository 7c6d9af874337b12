import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { releaseCheck } from '../../../packages/starlight-charter/cli/lib/release-check';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { loadReleases } from '../../../packages/starlight-charter/data/releases';
import { moneyFormat } from '../../../packages/starlight-charter/lib/catalog';
import { MICROS_PER_UNIT } from '../../../packages/starlight-charter/lib/money';
import { priceText } from '../../../packages/starlight-charter/lib/pricing-text';
import { SAMPLE, copyTerms } from '../../support/sites';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function terms(): string {
  const dir = copyTerms();
  temps.push(dir);
  return dir;
}

const sample = loadCatalog(SAMPLE.terms);
const last = loadReleases(SAMPLE.terms).at(-1)!;

/** Raises the first paid flat price in pricing.yaml; returns the line and column of that price. */
function raisePrice(dir: string) {
  const plan = sample.pricing.plans.find((p) => p.price.model === 'flat' && p.price.monthly > 0)!;
  const units = (plan.price as { monthly: number }).monthly / MICROS_PER_UNIT;
  const file = join(dir, 'pricing.yaml');
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(`monthly: ${units} }`));
  lines[line] = lines[line]!.replace(`monthly: ${units} }`, `monthly: ${units + 1} }`);
  writeFileSync(file, lines.join('\n'));
  const tier = sample.tiers.tiers.find((t) => t.id === plan.tier)!;
  return {
    line: line + 1,
    col: lines[line]!.indexOf('{') + 1,
    index: sample.pricing.plans.indexOf(plan),
    sentence: `${tier.name} plan price: ${priceText(plan.price, moneyFormat(sample))} → ${priceText({ model: 'flat', monthly: (units + 1) * MICROS_PER_UNIT }, moneyFormat(sample))}`,
  };
}

describe('releaseCheck', () => {
  test('the sample: its terms are its last release', async () => {
    expect(sample.company.terms_version).toBe(last.version);
    expect(await releaseCheck(SAMPLE.terms).run()).toEqual([]);
  });

  test('a figure changed under the released version: the changed figure, located, and how to release', async () => {
    const dir = terms();
    const price = raisePrice(dir);
    const findings = await releaseCheck(dir).run();
    expect(findings).toHaveLength(1);
    expect(findings[0]!.level).toBe('error');
    expect(findings[0]!.text).toMatch(
      new RegExp(`pricing\\.yaml:${price.line}:${price.col} plans\\[${price.index}\\]\\.price: `),
    );
    expect(findings[0]!.text).toContain(
      `changed since release ${last.version}, and terms_version is still ${last.version}: ${price.sentence}`,
    );
    expect(findings[0]!.hint).toMatch(/npm run terms:release -- \d+\.\d+ </);
  });

  test('the same change under a new version passes: it is on its way to release', async () => {
    const dir = terms();
    raisePrice(dir);
    const file = join(dir, 'company.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        /^terms_version: .*$/m,
        `terms_version: "${last.version}.1"`,
      ),
    );
    expect(await releaseCheck(dir).run()).toEqual([]);
  });

  test('a version older than the last release: located at terms_version', async () => {
    const dir = terms();
    const file = join(dir, 'company.yaml');
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('terms_version:')) + 1;
    writeFileSync(file, text.replace(/^terms_version: .*$/m, 'terms_version: "0.1"'));
    const findings = await releaseCheck(dir).run();
    expect(findings.map((f) => f.text)).toEqual([
      expect.stringMatching(
        new RegExp(
          `company\\.yaml:${line}:16 terms_version: version 0\\.1 is older than ${last.version.replace('.', '\\.')}`,
        ),
      ),
    ]);
  });

  test('no releases kept (a new site): nothing to compare, the check passes', async () => {
    const dir = terms();
    rmSync(join(dir, 'versions'), { recursive: true });
    raisePrice(dir);
    expect(await releaseCheck(dir).run()).toEqual([]);
  });

  test('a broken release folder: its problems, located', async () => {
    const dir = terms();
    writeFileSync(join(dir, 'versions', last.version, 'release.yaml'), 'when: today\n');
    const findings = await releaseCheck(dir).run();
    expect(findings.map((f) => f.text)).toEqual([
      expect.stringMatching(
        /release\.yaml:1:1 effective_date: missing required field "effective_date"$/,
      ),
      expect.stringMatching(
        new RegExp(
          `versions/${last.version.replace('.', '\\.')}/release\\.yaml:1:1 when: unknown key "when"$`,
        ),
      ),
    ]);
  });
});
