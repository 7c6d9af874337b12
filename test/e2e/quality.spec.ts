import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { htmlFiles, routeOf } from '../../packages/starlight-charter/integrations/html-files';
import { SAMPLE } from '../support/sites';
import { SAMPLE_OUT } from './support';

/** One page of every kind a person meets. Routes are the site's public contract. */
const firstKbArticle = (() => {
  const category = readdirSync(SAMPLE.kb).sort()[0]!;
  const slug = readdirSync(join(SAMPLE.kb, category))
    .sort()[0]!
    .replace(/\.mdx?$/, '');
  return `/kb/${category}/${slug}/`;
})();

const CALCULATORS = ['service-credit', 'downtime', 'response-deadline', 'monthly-cost', 'roi'].map(
  (name) => `/calculators/${name}/`,
);

const CONTENT_PAGES = [
  '/',
  '/commercial/tiers/',
  '/commercial/pricing/',
  '/commercial/sla/',
  '/commercial/escalation/',
  '/kb/',
  firstKbArticle,
];

/**
 * Puts a value no calculator accepts into its first field, so an error shows: text into a
 * number-like field, or an empty date where the form has only dates and choices.
 */
async function showAnError(page: Page) {
  const typed = page.locator('main input:is([type=text], [type=number], :not([type]))');
  const field =
    (await typed.count()) > 0 ? typed.first() : page.locator('main input[type=date]').first();
  await field.fill((await typed.count()) > 0 ? 'abc' : '');
  await field.press('Tab');
  await expect(page.locator('main [aria-invalid="true"]').first()).toBeVisible();
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

test.describe('accessibility: zero axe violations', () => {
  for (const route of [...CONTENT_PAGES, '/sales/sow-generator/', '/no-such-page/']) {
    test(`on ${route}`, async ({ page }) => {
      await page.goto(route);
      await expectNoAxeViolations(page);
    });
  }

  for (const route of CALCULATORS) {
    test(`on ${route} with a result and with an error`, async ({ page }) => {
      await page.goto(route);
      await expect(page.locator('main [aria-live]').first()).not.toBeEmpty();
      await expectNoAxeViolations(page);
      await showAnError(page);
      await expectNoAxeViolations(page);
    });
  }

  test('on KB search with results', async ({ page }) => {
    await page.goto('/kb/search/');
    await page.getByRole('main').getByRole('searchbox').first().fill('rate limit');
    await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
    await expect(
      page
        .getByRole('main')
        .getByRole('link')
        .filter({ hasText: /429|rate/i })
        .first(),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the SOW print view', async ({ page }) => {
    await page.goto('/sales/sow-generator/');
    await page.emulateMedia({ media: 'print' });
    await expectNoAxeViolations(page);
  });
});

test.describe('privacy and security', () => {
  for (const route of [...CONTENT_PAGES, ...CALCULATORS, '/sales/sow-generator/', '/kb/search/']) {
    test(`${route} talks to no other host and breaks no CSP rule`, async ({ page, baseURL }) => {
      const foreign: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL!).origin)
          foreign.push(request.url());
      });
      // Violations are reported as events (a blocked eval never reaches the console).
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          console.log(
            `CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
          ),
        );
      });
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|CSP violation/i.test(message.text()))
          violations.push(message.text());
      });
      await page.goto(route);
      await page.waitForLoadState('networkidle');
      // Open the search dialog too: Pagefind loads on demand and must stay on this host.
      await page
        .getByRole('button', { name: /search/i })
        .first()
        .click();
      await page
        .getByRole('dialog')
        .getByRole('textbox')
        .or(page.getByRole('dialog').getByRole('searchbox'))
        .first()
        .fill('credit');
      await page.waitForLoadState('networkidle');
      expect(foreign).toEqual([]);
      expect(violations).toEqual([]);
    });
  }

  test('every page carries a script policy without unsafe-inline', () => {
    for (const file of htmlFiles(SAMPLE_OUT)) {
      const html = readFileSync(join(SAMPLE_OUT, file), 'utf8');
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
      expect(policy, file).toBeDefined();
      const scriptSrc = policy!.split(';').find((d) => d.trim().startsWith('script-src'))!;
      expect(scriptSrc, file).not.toContain('unsafe-inline');
    }
    expect(readFileSync(join(SAMPLE_OUT, '_headers'), 'utf8')).toContain(
      'Content-Security-Policy:',
    );
  });
});

test('every built page is valid HTML', async () => {
  const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
  const errors: string[] = [];
  for (const file of htmlFiles(SAMPLE_OUT)) {
    const report = await validator.validateFile(join(SAMPLE_OUT, file));
    for (const result of report.results) {
      for (const m of result.messages)
        errors.push(`${routeOf(file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  expect(errors).toEqual([]);
});

test('content pages load only Starlight’s own scripts', () => {
  // Starlight's own: its page script, Expressive Code's, and the bundles of its components
  // (including components Charter overrides, such as Search).
  const starlightComponents = readdirSync('node_modules/@astrojs/starlight/dist/components')
    .filter((f) => f.endsWith('.astro'))
    .map((f) => f.replace('.astro', ''));
  const isStarlights = (src: string) => {
    const name = src.split('/').pop()!;
    return (
      /^(page|ec)\./.test(name) ||
      starlightComponents.some((c) => name.startsWith(`${c}.astro_astro_type_script`))
    );
  };
  const extra: Record<string, string[]> = {};
  for (const route of CONTENT_PAGES) {
    const file = join(SAMPLE_OUT, route === '/' ? 'index.html' : `${route.slice(1)}index.html`);
    const scripts = [...readFileSync(file, 'utf8').matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    extra[route] = scripts.filter((src) => !isStarlights(src));
  }
  console.log(`Scripts beyond Starlight's own, per content page: ${JSON.stringify(extra)}`);
  for (const route of CONTENT_PAGES) expect(extra[route], route).toEqual([]);
});
