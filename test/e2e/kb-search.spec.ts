import { buildSync } from 'esbuild';
import { expect, test, type Page } from '@playwright/test';
import { searchHelpFrom } from '../../packages/starlight-charter/lib/search-query';
import { catalog } from './support';

/**
 * Search relevance: questions written the way customers type them, each with the article
 * that must be among the first three results. Runs the built Pagefind index in Chromium
 * through the same query helper (lib/search-query.ts) the search dialog and the KB
 * search page use.
 */
const CASES: [query: string, slug: string][] = [
  ['how do I fix 429 too many requests', 'api/rate-limit-429'],
  ['getting throttled by the api', 'api/rate-limit-429'],
  ['credit for outage last week', 'sla-support/claim-service-credit'],
  ['sev 1 who do I call', 'sla-support/which-channel'],
  ['api says 401 unauthorized even with my key', 'api/authentication-401'],
  ['403 forbidden when deleting a dataset', 'api/forbidden-403'],
  ['invalid json error when posting documents', 'api/malformed-json-400'],
  ['my data is not showing up in search', 'data/missing-or-delayed-data'],
  ['we were charged twice this month', 'billing-plans/billing-dispute'],
  ['what happens when we go over our query quota', 'billing-plans/how-overage-works'],
  ['got an email saying we hit 80% of quota', 'billing-plans/quota-overage-alerts'],
  ['nobody answered my ticket, how do I escalate', 'sla-support/escalate-a-ticket'],
  ['how to open a support ticket', 'sla-support/raise-a-ticket'],
  ['is my problem severity 2 or 3', 'sla-support/severity-classification'],
  ['when will support reply to me', 'sla-support/when-will-i-hear-back'],
  ['set up okta single sign-on', 'account-access/sso-saml'],
  ['rotate a leaked api key', 'account-access/rotate-api-keys'],
  ['add more users to our account', 'account-access/manage-seats'],
  ['remove an employee who left the company', 'account-access/offboard-user'],
  ['lost my 2fa phone', 'account-access/mfa'],
  ['where can I download my invoice', 'billing-plans/invoices'],
  ['change credit card on file', 'billing-plans/payment-methods'],
  ['upgrade from professional to enterprise', 'billing-plans/upgrade-downgrade'],
  ['is ABI down right now', 'monitoring/status-page'],
  ['who changed our settings, audit trail', 'monitoring/audit-logs'],
  ['queries are really slow', 'monitoring/query-latency'],
  ['webhooks not arriving', 'api/webhook-delivery-failures'],
  ['verify webhook signature hmac', 'api/webhook-signatures'],
  ['send my first documents to ABI', 'getting-started/first-ingest'],
  ['python sdk install', 'getting-started/sdks'],
  ['export all our data to csv', 'data/export-data'],
  ['how long do you keep deleted data', 'data/delete-and-retention'],
  ['request timed out, should I retry', 'api/timeouts-retries'],
  ['what does my uptime guarantee cover', 'sla-support/uptime-commitment'],
  ['template to reply to a customer who might cancel', 'sla-support/template-churn-risk'],
  ['customer has not logged in for months, email to win them back', 'sla-support/template-re-engagement'],
  ['how do we decide which team gets a new ticket', 'sla-support/ticket-triage'],
  ['does scheduled maintenance count against the sla', 'sla-support/sla-exclusions'],
];

/** The query helper bundled for the browser, exposed as `window.KbQuery`. */
const helperScript = buildSync({
  entryPoints: ['packages/starlight-charter/lib/search-query.ts'],
  bundle: true,
  format: 'iife',
  globalName: 'KbQuery',
  write: false,
}).outputFiles[0]!.text;

/** The top three result URLs for each query, through Pagefind's JS API and the helper. */
async function topThree(page: Page, queries: string[]): Promise<string[][]> {
  await page.goto('/kb/');
  await page.addScriptTag({ content: helperScript });
  return page.evaluate(
    async ({ queries, help }) => {
      const url = '/pagefind/pagefind.js';
      const pagefind = await import(/* @vite-ignore */ url);
      const { helpedSearch } = (window as any).KbQuery;
      const out: string[][] = [];
      for (const query of queries) {
        const results = await helpedSearch((q: string) => pagefind.search(q), query, help);
        out.push(await Promise.all(results.slice(0, 3).map(async (r: any) => (await r.data()).url)));
      }
      return out;
    },
    { queries, help: searchHelpFrom(catalog.kb.search) },
  );
}

// The test injects the query helper as an inline script; the site's CSP rightly forbids that.
test.use({ bypassCSP: true });

test('customers find the right article in the top 3 for at least 90% of questions', async ({ page }) => {
  expect(CASES.length).toBeGreaterThanOrEqual(30);
  const ranked = await topThree(
    page,
    CASES.map(([query]) => query),
  );
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  CASES.forEach(([query, slug], i) => {
    const urls = ranked[i]!;
    const position = urls.indexOf(`/kb/${slug}/`);
    if (position === 0) top1 += 1;
    if (position >= 0) top3 += 1;
    else misses.push(`  "${query}" → expected ${slug}, got ${urls.join(', ') || 'nothing'}`);
  });
  const pct = (n: number) => `${((100 * n) / CASES.length).toFixed(1)}%`;
  console.log(`KB search relevance over ${CASES.length} questions: top-1 ${pct(top1)}, top-3 ${pct(top3)}`);
  if (misses.length) console.log(`Not in the top 3:\n${misses.join('\n')}`);
  expect(top3 / CASES.length).toBeGreaterThanOrEqual(0.9);
});

test('every expected article exists, so a renamed article fails here rather than lowering the rate', async ({
  request,
}) => {
  for (const [, slug] of CASES) {
    expect((await request.get(`/kb/${slug}/`)).status(), slug).toBe(200);
  }
});
