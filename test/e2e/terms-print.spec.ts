import { execFileSync } from 'node:child_process';
import { globSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { loadCatalog, type Catalog } from '../../packages/starlight-charter/data/load';
import { SAMPLE, WEE } from '../support/sites';
import { catalog as sample, routesOf, SAMPLE_OUT, serve, weeSite, wordsOf } from './support';

/**
 * The terms as a contract: every commercial page and every JSON file states the version and
 * effective date of the terms, the JSON files follow the schemas the site publishes, and the
 * SLA exhibit and the pricing sheet print with a running header and footer on every sheet.
 */

const companies = [
  { name: 'the sample', catalog: sample, out: () => SAMPLE_OUT, terms: SAMPLE.terms },
  { name: 'WEE', catalog: loadCatalog(WEE.terms), out: weeSite, terms: WEE.terms },
];

/** The effective date as the company's locale writes it in full, worked out here from the date. */
function effectiveDay(c: Catalog): string {
  const [year, month, day] = c.company.effective_date.split('-').map(Number) as number[];
  return new Intl.DateTimeFormat(c.company.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    Date.UTC(year!, month! - 1, day!),
  );
}

/** The base path the site is served under: the path of its site_url. */
const basePath = (c: Catalog) => new URL(c.company.site_url).pathname.replace(/\/?$/, '/');

/**
 * The text of each printed sheet: as pdftotext lays it out (lines as on paper), and in reading
 * order (a table cell's words together).
 */
async function printedSheets(page: Page): Promise<{ layout: string; raw: string }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'charter-print-'));
  try {
    const file = join(dir, 'printed.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    // pdftotext ends every page with a form feed.
    const pages = (mode: string) =>
      execFileSync('pdftotext', [mode, file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    const raw = pages('-raw');
    return pages('-layout').map((layout, i) => ({ layout, raw: raw[i] ?? '' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

for (const company of companies) {
  const { catalog: c } = company;
  const t = wordsOf(c);
  const terms = t('charter.terms.versionEffective', {
    version: c.company.terms_version,
    date: effectiveDay(c),
  });

  test.describe(`${company.name}`, () => {
    let site: { url: string; close: () => void };
    test.beforeAll(async () => {
      site = await serve(company.out(), basePath(c));
    });
    test.afterAll(() => site.close());

    test('every JSON file states the terms and follows the schema the site publishes', async ({
      request,
    }) => {
      const files = globSync('api/*.json', { cwd: company.out() });
      expect(files.length).toBeGreaterThanOrEqual(5);
      const siteRoot = new URL(basePath(c), c.company.site_url);
      for (const file of files) {
        const response = await request.get(`${site.url}/${file}`);
        expect(response.ok(), file).toBe(true);
        const json = await response.json();
        expect(json, file).toMatchObject({
          $schema: new URL(`schemas/${file}`, siteRoot).href,
          terms_version: c.company.terms_version,
          effective_date: c.company.effective_date,
          currency: c.company.currency,
        });
        // The schema as the site publishes it, at the address the file names, on this server.
        const published = await request.get(new URL(new URL(json.$schema).pathname, site.url).href);
        expect(published.ok(), json.$schema).toBe(true);
        const validate = new Ajv2020({ strict: false, allErrors: true }).compile(
          await published.json(),
        );
        validate(json);
        expect(validate.errors ?? [], file).toEqual([]);
      }
    });

    test('every commercial and reference page states the terms version and effective date', async ({
      page,
    }) => {
      // The change log and the release pages tell every version, each with its own date.
      const commercial = routesOf(company.out()).filter(
        (r) =>
          /^\/(?:commercial|reference)\//.test(r) && !/^\/commercial\/(?:changes|terms)\//.test(r),
      );
      expect(commercial.length).toBeGreaterThan(5);
      for (const route of commercial) {
        await page.goto(`${site.url}${route}`);
        await expect(page.locator('main [data-terms-version]'), route).toHaveText(terms);
        await expect(page.locator('main [data-terms-version] time')).toHaveAttribute(
          'datetime',
          c.company.effective_date,
        );
        await expect(page.locator('main .charter-terms-version a'), route).toHaveAttribute(
          'href',
          `${basePath(c)}commercial/changes/`,
        );
      }
      // What each version changed is one click away.
      await page.locator('main .charter-terms-version a').click();
      await expect(page).toHaveURL(`${site.url}/commercial/changes/`);
      await expect(page.locator('main h2').first()).toContainText(c.company.terms_version);
    });

    /**
     * Prints a page; checks the running header and footer of every sheet; returns what each
     * sheet holds between them: its lines, and its words in reading order.
     */
    async function print(page: Page, path: string) {
      await page.goto(`${site.url}${path}`);
      const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
      await page.emulateMedia({ media: 'print' });
      const sheets = await printedSheets(page);
      return sheets.map((sheet, i) => {
        const lines = sheet.layout.split('\n').filter((l) => l.trim() !== '');
        const header = squeeze(lines[0] ?? '');
        const footer = squeeze(lines.at(-1) ?? '');
        expect(header, `sheet ${i + 1} header`).toContain(`${c.company.name} — ${title}`);
        expect(header, `sheet ${i + 1} header`).toContain(terms);
        expect(footer, `sheet ${i + 1} footer`).toBe(
          t('charter.termsLog.pageOf', { page: i + 1, pages: sheets.length }),
        );
        return { lines: lines.length - 2, text: squeeze(sheet.raw) };
      });
    }

    /** The last sheet holds a fair share of what a full one does, never a line or two. */
    function lastSheetNotNearEmpty(sheets: { lines: number }[]) {
      const lines = sheets.map((s) => s.lines);
      expect(lines.at(-1)!, `lines per sheet: ${lines.join(', ')}`).toBeGreaterThanOrEqual(
        Math.max(...lines) / 4,
      );
    }

    test('the SLA exhibit prints each tier on a sheet of its own, with its targets and credits', async ({
      page,
    }) => {
      const sheets = await print(page, '/commercial/sla-exhibit/');
      const { tiers } = c.tiers;
      expect(sheets).toHaveLength(tiers.length);
      tiers.forEach((tier, i) => {
        const body = sheets[i]!.text;
        const targets = (name: string) => t('charter.slaExhibit.targets', { tier: name });
        expect(body).toContain(targets(tier.name));
        // No other tier's tables on its sheet.
        for (const other of tiers.filter((x) => x.id !== tier.id))
          expect(body).not.toContain(targets(other.name));
        const sla = c.sla.tiers.find((s) => s.tier === tier.id)!;
        const schedule = c.credits.schedules.find((s) => s.id === sla.credit_schedule);
        if (schedule)
          expect(body).toContain(
            t('charter.slaExhibit.credits', { tier: tier.name, schedule: schedule.name }),
          );
        expect(body).toContain(t('charter.slaExhibit.escalation', { tier: tier.name }));
        for (const exclusion of c.sla.exclusions) expect(body).toContain(exclusion);
        for (const severity of c.severities.severities) expect(body).toContain(severity.name);
      });
      lastSheetNotNearEmpty(sheets);
    });

    test('the pricing sheet prints every plan, meter and add-on, ending on a full sheet', async ({
      page,
    }) => {
      const sheets = await print(page, '/commercial/pricing-sheet/');
      const text = sheets.map((s) => s.text).join(' ');
      for (const plan of c.pricing.plans)
        expect(text).toContain(c.tiers.tiers.find((t) => t.id === plan.tier)!.name);
      for (const meter of c.pricing.meters) expect(text).toContain(meter.name);
      for (const addOn of c.pricing.add_ons) expect(text).toContain(addOn.name);
      lastSheetNotNearEmpty(sheets);
    });
  });
}
