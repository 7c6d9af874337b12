/**
 * Questions as customers type them into the sample company's knowledge-base search (short,
 * lower-case, misspelt, pasted error messages, "who do I call", "is X in my plan"), each with
 * the article that answers it. Shared by the relevance test (test/e2e/kb-search.spec.ts) and
 * the bench, which reports the share answered in the top three.
 */
export const SEARCH_QUESTIONS: readonly (readonly [query: string, slug: string])[] = [
  // account-access
  ['add more users to our account', 'account-access/manage-seats'],
  ['how many seats do we have left', 'account-access/manage-seats'],
  ['remove an employee who left the company', 'account-access/offboard-user'],
  ['lost my 2fa phone', 'account-access/mfa'],
  ['make 2fa mandatory for everyone', 'account-access/mfa'],
  ['forgot password cant log in', 'account-access/recover-account-access'],
  ['locked out of the console', 'account-access/recover-account-access'],
  ['give someone read only access', 'account-access/roles-permissions'],
  ['what can an admin do that a member cant', 'account-access/roles-permissions'],
  ['rotate a leaked api key', 'account-access/rotate-api-keys'],
  ['api key was pushed to github by mistake', 'account-access/rotate-api-keys'],
  ['scim user provisioning', 'account-access/scim-provisioning'],
  ['set up okta single sign-on', 'account-access/sso-saml'],
  ['saml login not working', 'account-access/sso-saml'],
  // api
  ['how do I fix 429 too many requests', 'api/rate-limit-429'],
  ['getting throttled by the api', 'api/rate-limit-429'],
  ['HTTP 429', 'api/rate-limit-429'],
  ['api says 401 unauthorized even with my key', 'api/authentication-401'],
  ['401 with a valid token', 'api/authentication-401'],
  ['403 forbidden when deleting a dataset', 'api/forbidden-403'],
  ['permission denied on delete', 'api/forbidden-403'],
  ['invalid json error when posting documents', 'api/malformed-json-400'],
  ['400 bad request', 'api/malformed-json-400'],
  ['list of api error codes', 'api/errors-reference'],
  ['what does error code 503 mean', 'api/errors-reference'],
  ['retry without creating duplicates', 'api/idempotency'],
  ['idempotency key', 'api/idempotency'],
  ['only getting the first 100 results', 'api/pagination'],
  ['next page cursor', 'api/pagination'],
  ['request timed out, should I retry', 'api/timeouts-retries'],
  ['requests timing out', 'api/timeouts-retries'],
  ['will the v1 api be deprecated', 'api/versioning'],
  ['breaking changes in the api', 'api/versioning'],
  ['webhooks not arriving', 'api/webhook-delivery-failures'],
  ['webhook retries after our endpoint returned 500', 'api/webhook-delivery-failures'],
  ['verify webhook signature hmac', 'api/webhook-signatures'],
  ['webhook signature invalid', 'api/webhook-signatures'],
  // billing-plans
  ['we were charged twice this month', 'billing-plans/billing-dispute'],
  ['wrong amount on our invoice', 'billing-plans/billing-dispute'],
  ['which support plan do we need', 'billing-plans/choose-a-support-tier'],
  ['what happens when we go over our query quota', 'billing-plans/how-overage-works'],
  ['how is overage billed', 'billing-plans/how-overage-works'],
  ['where can I download my invoice', 'billing-plans/invoices'],
  ['invoice pdf', 'billing-plans/invoices'],
  ['change credit card on file', 'billing-plans/payment-methods'],
  ['pay by bank transfer', 'billing-plans/payment-methods'],
  ['how much does enterprise cost', 'billing-plans/plans-and-pricing'],
  ['compare plans', 'billing-plans/plans-and-pricing'],
  ['got an email saying we hit 80% of quota', 'billing-plans/quota-overage-alerts'],
  ['add our vat number', 'billing-plans/tax-and-vat'],
  ['we are tax exempt', 'billing-plans/tax-and-vat'],
  ['upgrade from professional to enterprise', 'billing-plans/upgrade-downgrade'],
  ['downgrade our plan', 'billing-plans/upgrade-downgrade'],
  ['forecast email says we will run out of quota', 'billing-plans/usage-forecast-emails'],
  // data
  ['upload millions of documents', 'data/bulk-ingest'],
  ['how long do you keep deleted data', 'data/delete-and-retention'],
  ['gdpr erase a customers data', 'data/delete-and-retention'],
  ['export all our data to csv', 'data/export-data'],
  ['what file formats can i ingest', 'data/ingest-formats'],
  ['my data is not showing up in search', 'data/missing-or-delayed-data'],
  ['documents not searchable after upload', 'data/missing-or-delayed-data'],
  ['reindex a collection', 'data/re-indexing'],
  ['add a new field to my documents', 'data/schema-changes'],
  ['search results are not relevant', 'data/search-relevance'],
  ['boost recent documents in results', 'data/search-relevance'],
  // getting-started
  ['where do i get an api key', 'getting-started/create-api-key'],
  ['separate staging and production', 'getting-started/environments'],
  ['send my first documents to ABI', 'getting-started/first-ingest'],
  ['first query example', 'getting-started/first-query'],
  ['add my colleagues to the console', 'getting-started/invite-your-team'],
  ['getting started guide', 'getting-started/quick-start'],
  ['python sdk install', 'getting-started/sdks'],
  ['node js client library', 'getting-started/sdks'],
  // monitoring
  ['who changed our settings, audit trail', 'monitoring/audit-logs'],
  ['who deleted the index', 'monitoring/audit-logs'],
  ['subscribe to maintenance emails', 'monitoring/incident-notifications'],
  ['queries are really slow', 'monitoring/query-latency'],
  ['p99 latency spike', 'monitoring/query-latency'],
  ['find a failed request by its id', 'monitoring/request-logs'],
  ['is ABI down right now', 'monitoring/status-page'],
  ['status page', 'monitoring/status-page'],
  ['alert me when usage reaches 90%', 'monitoring/usage-alerts'],
  ['how much quota have we used this month', 'monitoring/usage-dashboard'],
  // sla-support
  ['auto reply said 401, is that a real answer', 'sla-support/auto-responses'],
  ['signs a customer is about to churn', 'sla-support/churn-risk-triggers'],
  ['credit for outage last week', 'sla-support/claim-service-credit'],
  ['refund for downtime', 'sla-support/claim-service-credit'],
  ['nobody answered my ticket, how do I escalate', 'sla-support/escalate-a-ticket'],
  ['talk to a manager about my ticket', 'sla-support/escalate-a-ticket'],
  ['monthly sla report', 'sla-support/monthly-sla-report'],
  ['how to open a support ticket', 'sla-support/raise-a-ticket'],
  ['is my problem severity 2 or 3', 'sla-support/severity-classification'],
  ['what counts as severity 2', 'sla-support/severity-classification'],
  ['sev1 vs sev2', 'sla-support/severity-classification'],
  ['does scheduled maintenance count against the sla', 'sla-support/sla-exclusions'],
  ['template to reply to a customer who might cancel', 'sla-support/template-churn-risk'],
  [
    'customer has not logged in for months, email to win them back',
    'sla-support/template-re-engagement',
  ],
  ['email template to acknowledge a ticket', 'sla-support/template-acknowledge-ticket'],
  ['hand a bug to engineering, template', 'sla-support/template-escalate-to-engineering'],
  ['how do we decide which team gets a new ticket', 'sla-support/ticket-triage'],
  ['what does my uptime guarantee cover', 'sla-support/uptime-commitment'],
  ['when will support reply to me', 'sla-support/when-will-i-hear-back'],
  ['how fast do you respond to a critical issue', 'sla-support/when-will-i-hear-back'],
  ['sev 1 who do I call', 'sla-support/which-channel'],
  ['production is down who do i call', 'sla-support/which-channel'],
];

/**
 * Questions as German customers type them into WEE's knowledge-base search ("wie kann ich …",
 * "warum …", pasted error messages), each with the WEE article that answers it.
 */
export const WEE_SEARCH_QUESTIONS: readonly (readonly [query: string, slug: string])[] = [
  // api
  ['warum bekomme ich 429 too many requests', 'api/rate-limit-429'],
  ['api drosselt meine anfragen', 'api/rate-limit-429'],
  ['401 unauthorized obwohl token gültig', 'api/authentication-401'],
  ['mein token ist abgelaufen', 'api/authentication-401'],
  ['ungültiges json 400 bad request', 'api/malformed-json-400'],
  ['fehler 503 bei jedem run', 'api/server-errors-5xx'],
  ['was bedeutet 502 vom modellanbieter', 'api/server-errors-5xx'],
  ['wie beantrage ich eine gutschrift für den ausfall', 'api/service-credits'],
  ['anfrage läuft in ein timeout, soll ich wiederholen', 'api/timeouts-retries'],
  ['wie viele videocalls sind im plan enthalten', 'api/usage-quotas-overage'],
  ['wie kann ich ein ticket eskalieren', 'api/escalation-email-template'],
  ['welchen kanal soll ich bei einem notfall nutzen', 'api/which-channel'],
  // getting-started
  ['welchen tarif brauchen wir', 'getting-started/choose-a-plan'],
  ['wie installiere ich die cli', 'getting-started/quick-start'],
  ['coordinator not reachable beim ersten start', 'getting-started/coordinator-not-reachable'],
  ['verbindung hinter der firma firewall proxy', 'getting-started/coordinator-not-reachable'],
  ['erweiterung für vs code einrichten', 'getting-started/ide-integration'],
  ['python sdk in eigener anwendung nutzen', 'getting-started/sdks'],
  ['vorlage für eine fehlermeldung an den support', 'getting-started/ticket-template'],
  ['wie schnell antwortet der support', 'getting-started/support-on-your-plan'],
];

/**
 * Questions as English-speaking customers type them into the search of WEE's English pages
 * under /en/, each with the English article that answers it (its slug, `<category>/<slug>`,
 * under /en/kb/). WEE has not translated every article: the one it lacks is not asked about.
 */
export const WEE_EN_SEARCH_QUESTIONS: readonly (readonly [query: string, slug: string])[] = [
  // api
  ['why do i get 429 too many requests', 'api/rate-limit-429'],
  ['api is throttling my requests', 'api/rate-limit-429'],
  ['401 unauthorized but my token is valid', 'api/authentication-401'],
  ['invalid json 400 bad request', 'api/malformed-json-400'],
  ['getting 503 errors on our runs', 'api/server-errors-5xx'],
  ['how do i claim a credit for the outage', 'api/service-credits'],
  ['request timed out, should i retry', 'api/timeouts-retries'],
  ['how many video calls are included in my plan', 'api/usage-quotas-overage'],
  ['how do i escalate a ticket', 'api/escalation-email-template'],
  ['which channel should i use in an emergency', 'api/which-channel'],
  // getting-started
  ['which plan should we choose', 'getting-started/choose-a-plan'],
  ['how do i install the cli', 'getting-started/quick-start'],
  ['coordinator not reachable on first run', 'getting-started/coordinator-not-reachable'],
  ['use the python sdk from my own code', 'getting-started/sdks'],
  ['template for reporting a bug to support', 'getting-started/ticket-template'],
  ['how fast does support answer', 'getting-started/support-on-your-plan'],
];

/** Just what askSearchPage needs of a Playwright page. */
interface SearchPage {
  goto(url: string): Promise<unknown>;
  getByLabel(text: string): {
    fill(value: string): Promise<void>;
    press(key: string): Promise<void>;
  };
  waitForFunction(
    fn: () => boolean,
    arg: null,
    options: { polling: 'raf'; timeout: number },
  ): Promise<unknown>;
  $$eval<T>(selector: string, fn: (elements: Element[]) => T): Promise<T>;
}

/**
 * The top three result addresses for each question, asked on the knowledge-base search page
 * at `searchUrl` as a person asks: typed into its box (labelled `boxLabel`, the site's words
 * for it) and sent with Enter, one after another on the same page.
 */
export async function askSearchPage(
  page: SearchPage,
  searchUrl: string,
  queries: readonly string[],
  boxLabel = 'Describe your problem',
): Promise<string[][]> {
  await page.goto(searchUrl);
  const box = page.getByLabel(boxLabel);
  const out: string[][] = [];
  for (const query of queries) {
    await box.fill(query);
    await box.press('Enter');
    // The list is busy from the moment the question is sent until its results are in; checked
    // every frame, as expect's polling would wait longer than most searches take.
    await page.waitForFunction(
      () => document.querySelector('.kb-results')?.getAttribute('aria-busy') === 'false',
      null,
      { polling: 'raf', timeout: 15_000 },
    );
    out.push(
      await page.$$eval('.kb-results li > a', (links) =>
        links.slice(0, 3).map((link) => link.getAttribute('href') ?? ''),
      ),
    );
  }
  return out;
}

/** How many questions have their article first, and among the first three. */
export function relevance(
  ranked: readonly string[][],
  base = '/',
  questions: readonly (readonly [query: string, slug: string])[] = SEARCH_QUESTIONS,
): { top1: number; top3: number; misses: string[] } {
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  questions.forEach(([query, slug], i) => {
    const urls = ranked[i] ?? [];
    const position = urls.indexOf(`${base}kb/${slug}/`);
    if (position === 0) top1 += 1;
    if (position >= 0) top3 += 1;
    else misses.push(`"${query}" → expected ${slug}, got ${urls.join(', ') || 'nothing'}`);
  });
  return { top1, top3, misses };
}
