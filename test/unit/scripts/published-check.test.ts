import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalog, type Catalog } from '../../../packages/starlight-charter/data/load';
import {
  planCells,
  TARGET_FIELDS,
  targetCells,
} from '../../../packages/starlight-charter/lib/published';
import { markedRows, textOf } from '../../../packages/starlight-charter/cli/lib/html-rows';
import { languageOf, translator } from '../../../packages/starlight-charter/lib/i18n';
import {
  comparePublished,
  PRICING_PAGE,
  publishedCheck,
  SLA_PAGE,
} from '../../../packages/starlight-charter/cli/lib/published-check';
import { copyTerms, makeSite, SAMPLE, WEE } from '../../support/sites';

const catalog = loadCatalog(SAMPLE.terms);
const [cheap, dear] = catalog.pricing.plans.filter((p) => p.price.model !== 'contact-us').slice(-2);
/** A cell the table must carry for every declared meter: what the last one costs above its allowance. */
const meterField = `overage-${catalog.pricing.meters.at(-1)!.id}`;
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\u00a0/g, '&nbsp;');

/** Pricing rows as the pricing table renders them, with a header cell and nested markup. */
function pricingHtml(
  override: (planId: string, field: string, text: string) => string | null = (_p, _f, t) => t,
  data: Catalog = catalog,
  // The pages speak the site's language.
  t = translator(languageOf(data.company.locale)),
) {
  const rows = data.pricing.plans.map((plan) => {
    const cells = planCells(data, plan, t);
    const tds = Object.entries(cells)
      .map(([f, cell]) => {
        const text = override(plan.id, f, cell);
        return text === null ? '' : `<td data-field="${f}">\n  <span>${escape(text)}</span>\n</td>`;
      })
      .join('');
    return `<tr data-plan="${plan.id}"><th scope="row">${plan.id}</th>${tds}</tr>`;
  });
  return `<!doctype html><table><caption>Plans</caption>\n<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function slaHtml(
  skip?: { tier: string; severity: string },
  data: Catalog = catalog,
  t = translator(languageOf(data.company.locale)),
) {
  const rows = data.sla.tiers.flatMap((entry) =>
    data.severities.severities
      .filter((sev) => !(skip && skip.tier === entry.tier && skip.severity === sev.id))
      .map((sev) => {
        const cells = targetCells(data, entry.tier, sev.id, t);
        const tds = TARGET_FIELDS.map((f) => `<td data-field=${f}>${escape(cells[f])}</td>`).join(
          '',
        );
        return (
          `<tr data-tier="${entry.tier}" data-severity="${sev.id}"><th ` +
          `scope="row">${sev.name}</th>${tds}</tr>`
        );
      }),
  );
  return `<table>${rows.join('\n')}</table>`;
}

/** The line a row starts on, found by its marker rather than counted by hand. */
function lineOf(html: string, planId: string): number {
  return html.slice(0, html.indexOf(`<tr data-plan="${planId}"`)).split('\n').length;
}

function buildDir(pages: Partial<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-dist-'));
  temps.push(dir);
  for (const [page, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, page)), { recursive: true });
    writeFileSync(join(dir, page), html!);
  }
  return dir;
}

describe('markedRows', () => {
  test('reads the marked cells with entities decoded and spaces collapsed', () => {
    const rows = markedRows(
      '<tr data-plan="a" class=x>\n<td data-field=\'price\'> <b>$1&nbsp;&amp;&#36;2</b> </td></tr>',
      'data-plan',
    );
    expect(rows).toEqual([
      { line: 1, attrs: { 'data-plan': 'a', class: 'x' }, cells: { price: '$1 &$2' } },
    ]);
  });

  test('skips rows without the marker', () => {
    expect(markedRows('<tr><td data-field="price">x</td></tr>', 'data-plan')).toEqual([]);
  });

  test('strips tags from text', () => {
    expect(textOf('<a href="/x">Contact <em>us</em></a>')).toBe('Contact us');
  });
});

describe('comparePublished', () => {
  test('accepts pages generated from the Catalog', () => {
    const dist = buildDir({ [PRICING_PAGE]: pricingHtml(), [SLA_PAGE]: slaHtml() });
    expect(comparePublished(catalog, dist)).toEqual([]);
  });

  test('accepts the pages of a company whose prices carry no-break spaces', () => {
    const wee = loadCatalog(WEE.terms);
    expect(
      wee.pricing.plans.some((p) =>
        Object.values(planCells(wee, p)).some((t) => t.includes('\u00a0')),
      ),
    ).toBe(true);
    const dist = buildDir({
      [PRICING_PAGE]: pricingHtml(undefined, wee),
      [SLA_PAGE]: slaHtml(undefined, wee),
    });
    expect(comparePublished(wee, dist)).toEqual([]);
  });

  test("compares in the site's language: English cells on a German site are reported", () => {
    const wee = loadCatalog(WEE.terms);
    expect(languageOf(wee.company.locale)).toBe('de');
    // WEE's figures as its locale writes them, in English words.
    const dist = buildDir({
      [PRICING_PAGE]: pricingHtml(undefined, wee, translator('en')),
      [SLA_PAGE]: slaHtml(undefined, wee, translator('en')),
    });
    const findings = comparePublished(wee, dist);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.level === 'error')).toBe(true);
  });

  test('asks for the cells of every meter the data declares', () => {
    const dist = buildDir({ [PRICING_PAGE]: pricingHtml(), [SLA_PAGE]: slaHtml() });
    const [first] = catalog.pricing.meters;
    const added = { ...first!, id: `${first!.id}-more` };
    const more: Catalog = {
      ...catalog,
      pricing: {
        ...catalog.pricing,
        meters: [...catalog.pricing.meters, added],
        plans: catalog.pricing.plans.map((p) => ({
          ...p,
          usage: { ...p.usage, [added.id]: p.usage[first!.id]! },
        })),
      },
    };
    const html = pricingHtml();
    const missing = comparePublished(more, dist).map((f) => f.text);
    expect(missing).toEqual(
      more.pricing.plans.flatMap((plan) =>
        ['included', 'overage'].map(
          (kind) =>
            `${join(dist, PRICING_PAGE)}:${lineOf(html, plan.id)}: plan "${plan.id}" has no ` +
            `${kind}-${added.id} cell (<td data-field="${kind}-${added.id}">)`,
        ),
      ),
    );
  });

  test('reports a cell typed by hand, naming page, row, field, shown and data', () => {
    const shown = planCells(catalog, dear!).price!;
    const pricing = pricingHtml((plan, field, text) =>
      plan === cheap!.id && field === 'price' ? shown : text,
    );
    const dist = buildDir({ [PRICING_PAGE]: pricing, [SLA_PAGE]: slaHtml() });
    const line = lineOf(pricing, cheap!.id);
    expect(comparePublished(catalog, dist).map((f) => f.text)).toEqual([
      `${join(dist, PRICING_PAGE)}:${line}: plan "${cheap!.id}" price shows "${shown}", ` +
        `the data says "${planCells(catalog, cheap!).price}"`,
    ]);
  });

  test('reports a missing cell and a missing row', () => {
    const [entry] = catalog.sla.tiers;
    const [sev] = catalog.severities.severities;
    const pricing = pricingHtml((plan, field, text) =>
      plan === cheap!.id && field === meterField ? null : text,
    );
    const dist = buildDir({
      [PRICING_PAGE]: pricing,
      [SLA_PAGE]: slaHtml({ tier: entry!.tier, severity: sev!.id }),
    });
    const line = lineOf(pricing, cheap!.id);
    expect(comparePublished(catalog, dist).map((f) => f.text)).toEqual([
      `${join(dist, PRICING_PAGE)}:${line}: plan "${cheap!.id}" has no ${meterField} cell ` +
        `(<td data-field="${meterField}">)`,
      `${join(dist, SLA_PAGE)}: no row for tier "${entry!.tier}" severity "${sev!.id}" ` +
        `(<tr data-tier="${entry!.tier}" data-severity="${sev!.id}">)`,
    ]);
  });

  test('reports a page without marked rows and a page missing from the build', () => {
    const dist = buildDir({ [PRICING_PAGE]: '<table><tr><td>Plans</td></tr></table>' });
    expect(comparePublished(catalog, dist).map((f) => f.text)).toEqual([
      `${join(dist, PRICING_PAGE)}: no plan rows (<tr data-plan>); mark the table's rows so its ` +
        `figures can be checked`,
      `${join(dist, SLA_PAGE)}: page not found in the build`,
    ]);
  });
});

describe('publishedCheck', () => {
  /** Collects the notes a check writes. */
  const notes = () => {
    const written: string[] = [];
    const out = { write: (s: string) => written.push(s) } as unknown as NodeJS.WritableStream;
    return { out, text: () => written.join('') };
  };

  test('skips with a note when there is no build', async () => {
    const { out, text } = notes();
    expect(
      await publishedCheck(SAMPLE.terms, join(tmpdir(), 'charter-no-build'), out).run(),
    ).toEqual([]);
    expect(text()).toMatch(/not found; build the site/);
  });

  describe('a build older than the terms', () => {
    /** A copy of the terms whose sla.yaml changed last, and a build that types one price by hand. */
    function stale() {
      const terms = copyTerms(SAMPLE);
      temps.push(terms);
      const shown = planCells(catalog, dear!).price!;
      const dist = buildDir({
        [PRICING_PAGE]: pricingHtml((plan, field, text) =>
          plan === cheap!.id && field === 'price' ? shown : text,
        ),
        [SLA_PAGE]: slaHtml(),
      });
      const t0 = Date.now() / 1000 - 3600;
      for (const file of readdirSync(terms).filter((f) => f.endsWith('.yaml')))
        utimesSync(join(terms, file), t0, t0);
      utimesSync(join(terms, 'sla.yaml'), t0 + 60, t0 + 60);
      const built = (at: number) => {
        for (const page of [PRICING_PAGE, SLA_PAGE]) utimesSync(join(dist, page), at, at);
      };
      return { terms, dist, built, t0 };
    }

    test('is not compared: a note asks for a build, and the check passes', async () => {
      const { terms, dist, built, t0 } = stale();
      built(t0 + 30);
      const { out, text } = notes();
      expect(await publishedCheck(terms, dist, out).run()).toEqual([]);
      expect(text()).toBe(
        `note: published tables not compared (skipped: ${dist} is older than ` +
          `${join(terms, 'sla.yaml')}; run the build first)\n`,
      );
    });

    test('is compared once it is newer than every terms file, and fails on the typed price', async () => {
      const { terms, dist, built, t0 } = stale();
      built(t0 + 90);
      const { out, text } = notes();
      const findings = await publishedCheck(terms, dist, out).run();
      expect(findings.map((f) => f.text)).toEqual([
        expect.stringMatching(
          new RegExp(`^${join(dist, PRICING_PAGE)}:\\d+: plan "${cheap!.id}" price shows `),
        ),
      ]);
      expect(text()).toBe('');
    });
  });

  test("looks for the tables under the site's prefix", async () => {
    const dist = buildDir({
      [join('support', PRICING_PAGE)]: pricingHtml(),
      [join('support', SLA_PAGE)]: slaHtml(),
    });
    const { out } = notes();
    expect(await publishedCheck(SAMPLE.terms, dist, out, { prefix: '/support/' }).run()).toEqual(
      [],
    );
    expect((await publishedCheck(SAMPLE.terms, dist, out).run()).map((f) => f.text)).toEqual([
      `${join(dist, PRICING_PAGE)}: page not found in the build`,
      `${join(dist, SLA_PAGE)}: page not found in the build`,
    ]);
  });
});

describe('charter check and a stale build', () => {
  test("passes with a note while the site's build is older than its terms, and fails once it is not", () => {
    const terms = copyTerms(SAMPLE);
    temps.push(terms);
    const site = makeSite({ terms });
    temps.push(site);
    const dist = join(site, 'dist');
    const shown = planCells(catalog, dear!).price!;
    for (const [page, html] of Object.entries({
      [PRICING_PAGE]: pricingHtml((plan, field, text) =>
        plan === cheap!.id && field === 'price' ? shown : text,
      ),
      [SLA_PAGE]: slaHtml(),
    })) {
      mkdirSync(dirname(join(dist, page)), { recursive: true });
      writeFileSync(join(dist, page), html);
      utimesSync(join(dist, page), 1_000_000, 1_000_000);
    }
    const check = () =>
      spawnSync('node_modules/.bin/charter', ['check', '--root', site], { encoding: 'utf8' });
    const skipped = check();
    expect(skipped.stderr).toBe('');
    expect(skipped.status).toBe(0);
    expect(skipped.stdout).toMatch(
      new RegExp(
        `^note: published tables not compared \\(skipped: ${relative('.', dist)} is older than \\S+\\.yaml; run the build first\\)$`,
        'm',
      ),
    );

    const later = Date.now() / 1000 + 3600;
    for (const page of [PRICING_PAGE, SLA_PAGE]) utimesSync(join(dist, page), later, later);
    const compared = check();
    expect(compared.status).toBe(1);
    expect(compared.stderr).toMatch(
      new RegExp(
        `^${relative('.', join(dist, PRICING_PAGE))}:\\d+: plan "${cheap!.id}" price shows `,
        'm',
      ),
    );
    // The site's own terms and build, and nothing else.
    expect(compared.stderr).toContain(
      `(data (${terms}), lint (${terms}), content, releases, site, published (${relative('.', dist)}))`,
    );
    expect(`${compared.stdout}${compared.stderr}`).not.toMatch(/examples\//);
  });
});
