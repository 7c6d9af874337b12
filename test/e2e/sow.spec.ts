import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { formatMoney } from '../../packages/starlight-charter/lib/money';
import {
  draftFromInput,
  emptyDraft,
  priceEngagement,
  sowCatalog,
} from '../../packages/starlight-charter/lib/sow';
import { SAMPLE } from '../support/sites';
import { catalog } from './support';

const cat = sowCatalog(catalog);
const company = catalog.company.name;
const HOSTILE = '<img src=x onerror=alert(1)>';
const GENERATOR = '/sales/sow-generator/';
/** The example engagement as the generator holds it. */
const example = draftFromInput(parse(readFileSync(SAMPLE.engagement, 'utf8')));

const preview = (page: Page) =>
  page.getByRole('region', { name: 'Preview' }).getByRole('article', { name: 'Statement of Work' });
const status = (page: Page) => page.getByRole('status').filter({ hasText: /./ }).first();

async function importFile(page: Page, name: string, content: string | Buffer) {
  await page.getByLabel('Import JSON').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: typeof content === 'string' ? Buffer.from(content) : content,
  });
}

function pdfText(pdf: Buffer): { text: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'charter-sow-pdf-'));
  const file = join(dir, 'sow.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)![1]) };
}

test.beforeEach(async ({ page }) => {
  // Any alert means typed text ran as code.
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
  });
});

test('the SOW template shows the blank document with placeholders from the data', async ({
  page,
}) => {
  await page.goto('/sales/sow-template/');
  const doc = page.getByRole('article', { name: 'Statement of Work' });
  await expect(doc.getByText(company, { exact: true }).first()).toBeVisible();
  await expect(doc.getByText('[Client name]').first()).toBeVisible();
  const schedule = doc.getByRole('table', { name: 'Payment schedule' });
  for (const p of cat.services.default_payment_schedule) {
    await expect(schedule.getByRole('rowheader', { name: p.milestone })).toBeVisible();
  }
  await expect(doc.getByRole('heading', { name: 'Signatures' })).toBeVisible();
});

test('a person fills in the form and the draft survives a reload and a closed tab', async ({
  page,
}) => {
  await page.goto(GENERATOR);
  const role = cat.services.rate_card[1]!;
  await page.getByLabel('Project name').fill('Event pipeline');
  await page.getByLabel('Client name').fill('Harbourline Logistics');
  await page.getByLabel(`${company} contact`).fill('Daniel Reyes');
  await page.getByLabel('Start date').fill('2027-03-01');
  await page.getByLabel('End date').fill('2027-06-25');
  await page.getByLabel('Objectives').fill('Ingest events\nLive dashboards');
  await page.getByLabel('Deliverable 1 name', { exact: true }).fill('Design');
  await page.getByLabel('Deliverable 1 description').fill('Architecture and plan');
  await page.getByLabel('Deliverable 1 due date').fill('2027-03-19');
  await page.getByRole('button', { name: 'Add deliverable' }).click();
  await page.getByLabel('Deliverable 2 name', { exact: true }).fill('Connector');
  await page.getByLabel('Deliverable 2 description').fill('Production connector');
  await page.getByLabel('Deliverable 2 due date').fill('2027-05-07');
  await page.getByLabel('Phase 1 name').fill('Build');
  await page.getByLabel('Phase 1 duration').fill('10 weeks');
  await page.getByLabel('Phase 1 milestones').fill('Connector live');
  await page.getByLabel('Team role 1', { exact: true }).selectOption(role.id);
  await page.getByLabel('Team role 1 hours').fill('120');
  await page.getByLabel('Pricing model').selectOption('time-and-materials');

  const draft = emptyDraft(cat);
  draft.resources.provider = [{ role: role.id, name: '', hours: 120, allocation: null }];
  const total = formatMoney(priceEngagement(draft, cat)!.total, cat.company);
  const doc = preview(page);
  await expect(doc.getByText('Harbourline Logistics').first()).toBeVisible();
  await expect(
    doc.getByRole('rowheader', { name: 'Total', exact: true }).locator('..'),
  ).toContainText(total);
  await expect(page.getByText(/^Ready to sign\./)).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Client name')).toHaveValue('Harbourline Logistics');

  // Closing the tab and opening the page again finds the same draft.
  const again = await page.context().newPage();
  await page.close();
  page = again;
  await page.goto(GENERATOR);
  await expect(page.getByLabel('Client name')).toHaveValue('Harbourline Logistics');
  await expect(page.getByLabel('Deliverable 2 name', { exact: true })).toHaveValue('Connector');
  await expect(page.getByLabel('Objectives')).toHaveValue('Ingest events\nLive dashboards');
  await expect(page.getByLabel('Team role 1 hours')).toHaveValue('120');
  await expect(
    preview(page).getByRole('rowheader', { name: 'Total', exact: true }).locator('..'),
  ).toContainText(total);
});

test('a quote left undated is issued today and valid for the standard days', async ({ page }) => {
  await page.clock.setFixedTime(new Date(2027, 1, 10, 9, 0));
  await page.goto(GENERATOR);
  const doc = preview(page);
  const day = (iso: string) =>
    new Intl.DateTimeFormat(cat.company.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  // As the form tells the person: the standard number of days a quote stays valid.
  const hint = await page.locator('#sow-quote-valid-until-hint').textContent();
  const validDays = Number(/(\d+) days after/.exec(hint ?? '')?.[1]);
  expect(validDays).toBeGreaterThan(0);
  const until = new Date(Date.UTC(2027, 1, 10 + validDays)).toISOString().slice(0, 10);
  await expect(doc.locator('[data-field="issued"]')).toHaveText(day('2027-02-10'));
  await expect(doc.locator('[data-field="valid-until"]')).toHaveText(day(until));

  await page.getByLabel('Quote issued').fill('2027-03-01');
  await page.getByLabel('Quote valid until').fill('2027-02-20');
  await expect(doc.locator('[data-field="issued"]')).toHaveText(day('2027-03-01'));
  await expect(page.getByLabel('Quote valid until')).toHaveAccessibleDescription(
    /valid until a day after it is issued/,
  );
});

test('problems are explained next to the field they concern', async ({ page }) => {
  await page.goto(GENERATOR);
  await page.getByLabel('Start date').fill('2027-03-01');
  await page.getByLabel('End date').fill('2027-02-01');
  const end = page.getByLabel('End date');
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(end).toHaveAccessibleDescription(/end date must be after the start date/);

  await page.getByLabel('End date').fill('2027-06-30');
  await expect(end).not.toHaveAttribute('aria-invalid');
  await page.getByLabel('Deliverable 1 due date').fill('2027-07-15');
  await expect(page.getByLabel('Deliverable 1 due date')).toHaveAccessibleDescription(
    /outside the project/,
  );

  const first = cat.services.default_payment_schedule[0]!;
  await page.getByLabel('Payment 1 share (%)').fill(String(first.percent + 1));
  const schedule = page.getByRole('group', { name: 'Payment schedule' });
  await expect(schedule).toHaveAccessibleDescription(/must add up to exactly 100%/);
  await page.getByLabel('Payment 1 share (%)').fill(String(first.percent));
  await expect(schedule.getByText(/must add up/)).toBeHidden();
});

test('export then import restores the same preview', async ({ page }) => {
  await page.goto(GENERATOR);
  await importFile(page, 'engagement.json', JSON.stringify(example));
  await expect(status(page)).toContainText('Imported');
  const before = await preview(page).innerHTML();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await (await download).path();
  const exported = readFileSync(file, 'utf8');
  expect(JSON.parse(exported)).toEqual(example);

  await page.getByRole('button', { name: 'New SOW' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discard and start new' }).click();
  await expect(page.getByLabel('Client name')).toHaveValue('');
  expect(await preview(page).innerHTML()).not.toEqual(before);

  await importFile(page, 'exported.json', exported);
  await expect(page.getByLabel('Client name')).toHaveValue(example.client.name);
  expect(await preview(page).innerHTML()).toEqual(before);
});

test('New asks before discarding the draft', async ({ page }) => {
  await page.goto(GENERATOR);
  await page.getByLabel('Client name').fill('Keep me');
  await page.getByRole('button', { name: 'New SOW' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a new SOW?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Client name')).toHaveValue('Keep me');
});

test.describe('a bad import file changes nothing', () => {
  const cases = [
    { what: 'not JSON', content: '{ this is not json', message: /not valid JSON/ },
    {
      what: 'the wrong shape',
      content: JSON.stringify({ client: 'x' }),
      message: /not a SOW draft/,
    },
    {
      what: 'an unknown key',
      content: JSON.stringify({ ...example, __proto__x: 1 }),
      // zod's own English message, which the page must load along with zod's checks.
      message:
        /not a SOW draft exported from this page \(the file: Unrecognized key: "__proto__x"\)/,
    },
    { what: 'too large', content: Buffer.alloc(600 * 1024, ' '), message: /too large/ },
  ];
  for (const c of cases) {
    test(`rejects a file that is ${c.what}`, async ({ page }) => {
      await page.goto(GENERATOR);
      await page.getByLabel('Client name').fill('Original client');
      const before = await preview(page).innerHTML();
      await importFile(page, 'bad.json', c.content);
      await expect(status(page)).toContainText(c.message);
      await expect(status(page)).toContainText('Your draft is unchanged');
      await expect(page.getByLabel('Client name')).toHaveValue('Original client');
      expect(await preview(page).innerHTML()).toEqual(before);
      await page.reload();
      await expect(page.getByLabel('Client name')).toHaveValue('Original client');
    });
  }
});

test('a client named like markup appears literally in the preview and in print', async ({
  page,
}) => {
  await page.goto(GENERATOR);
  await importFile(
    page,
    'hostile.json',
    JSON.stringify({ ...example, client: { ...example.client, name: HOSTILE } }),
  );
  await expect(page.getByLabel('Client name')).toHaveValue(HOSTILE);
  await page.getByLabel('Project name').fill(`${HOSTILE} project`);
  const doc = preview(page);
  await expect(doc.getByText(HOSTILE, { exact: true }).first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  await page.emulateMedia({ media: 'print' });
  await expect(doc.getByText(HOSTILE, { exact: true }).first()).toBeVisible();
  const { text } = pdfText(await page.pdf());
  expect(text).toContain(HOSTILE);
});

test('the printed SOW is a PDF with the client, deliverables, total and signatures', async ({
  page,
}) => {
  await page.goto(GENERATOR);
  await importFile(page, 'engagement.json', JSON.stringify(example));
  await expect(page.getByText(/^Ready to sign\./)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeHidden();
  await expect(page.getByRole('form', { name: 'Statement of Work details' })).toBeHidden();

  const { text, pages } = pdfText(await page.pdf({ preferCSSPageSize: true }));
  expect(text).toContain(company);
  expect(text).toContain('Statement of Work');
  expect(text).toContain(example.client.name);
  for (const d of example.deliverables) expect(text).toContain(d.name);
  expect(text).toContain(formatMoney(priceEngagement(example, cat)!.total, cat.company));
  expect(text).toMatch(/Signatures .*Name: .*Signature: .*Date:/);
  for (const c of cat.services.acceptance_criteria) expect(text).toContain(c);
  // The quote's dates as the example gives them, and the terms the SOW is made under.
  const day = (iso: string) =>
    new Intl.DateTimeFormat(cat.company.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  expect(text).toContain(`Issued ${day(example.quote.issued)}`);
  expect(text).toContain(`Quote valid until ${day(example.quote.valid_until)}`);
  expect(text).toContain(
    `Terms version ${catalog.company.terms_version}, effective ${day(catalog.company.effective_date)}`,
  );
  expect(text).not.toContain('Import JSON');
  expect(text).not.toContain('Skip to content');
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(8);
});

test.describe('the draft open in two tabs', () => {
  const KEY = 'charter.sow-draft.v1';
  const savedIn = (page: Page) => () =>
    page.evaluate((key) => localStorage.getItem(key) ?? '', KEY);
  const notice = (page: Page, text: RegExp) => page.getByRole('alert').filter({ hasText: text });

  test('the second tab writes nothing until the person takes the draft over', async ({
    context,
  }) => {
    const one = await context.newPage();
    await one.goto(GENERATOR);
    await one.getByLabel('Client name').fill('Harbourline Logistics');
    await one.getByLabel('Project name').fill('Event pipeline');
    const saved = savedIn(one);
    await expect.poll(saved).toContain('Event pipeline');
    const before = await saved();

    const two = await context.newPage();
    await two.goto(GENERATOR);
    await expect(notice(two, /open in another tab/)).toBeVisible();
    await expect(two.getByLabel('Client name')).toHaveValue('Harbourline Logistics');
    await expect(two.getByLabel('Client name')).toBeDisabled();
    await expect(notice(one, /./)).toHaveCount(0);
    expect(await saved()).toBe(before);

    // The first tab goes on editing; the second follows it, read-only.
    await one.getByLabel('Client contact').fill('Ana Ruiz');
    await expect(two.getByLabel('Client contact')).toHaveValue('Ana Ruiz');

    await two.getByRole('button', { name: 'Take over here' }).click();
    await expect(notice(one, /moved to another tab/)).toBeVisible();
    await expect(one.getByLabel('Client name')).toBeDisabled();
    await expect(notice(two, /./)).toHaveCount(0);
    await expect(two.getByLabel('Client name')).toBeEnabled();
    await expect(two.getByLabel('Client contact')).toHaveValue('Ana Ruiz');

    // The first tab no longer saves, even if a change reaches its form.
    await one.locator('#sow-client-name').evaluate((input: HTMLInputElement) => {
      input.value = 'Overwritten';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await two.getByLabel('Project name').fill('Event pipeline, phase 2');
    await expect.poll(saved).toContain('Event pipeline, phase 2');
    const draft = JSON.parse(await saved());
    expect(draft.client).toMatchObject({ name: 'Harbourline Logistics', contact: 'Ana Ruiz' });
    // The read-only tab shows the draft as the editing tab saved it.
    await expect(one.getByLabel('Project name')).toHaveValue('Event pipeline, phase 2');
    await expect(one.getByLabel('Client name')).toHaveValue('Harbourline Logistics');
  });

  test('working on a copy leaves the saved draft alone', async ({ context }) => {
    const one = await context.newPage();
    await one.goto(GENERATOR);
    await one.getByLabel('Client name').fill('Harbourline Logistics');
    const saved = savedIn(one);
    await expect.poll(saved).toContain('Harbourline Logistics');

    const two = await context.newPage();
    await two.goto(GENERATOR);
    await two.getByRole('button', { name: 'Work on a copy' }).click();
    await expect(notice(two, /working on a copy/)).toBeVisible();
    await two.getByLabel('Client name').fill('Copy Client');
    await expect(preview(two).getByText('Copy Client').first()).toBeVisible();
    expect(JSON.parse(await saved()).client.name).toBe('Harbourline Logistics');

    // The first tab still edits and saves.
    await one.getByLabel('Client name').fill('Harbourline Logistics AG');
    await expect.poll(saved).toContain('Harbourline Logistics AG');
    await expect(notice(one, /./)).toHaveCount(0);
    await expect(two.getByLabel('Client name')).toHaveValue('Copy Client');
  });

  test('a tab waiting for the draft edits it once the other tab closes', async ({ context }) => {
    const one = await context.newPage();
    await one.goto(GENERATOR);
    await one.getByLabel('Client name').fill('Harbourline Logistics');
    await expect.poll(savedIn(one)).toContain('Harbourline Logistics');
    const two = await context.newPage();
    await two.goto(GENERATOR);
    await expect(notice(two, /open in another tab/)).toBeVisible();
    await one.close();
    await expect(notice(two, /./)).toHaveCount(0);
    await expect(two.getByLabel('Client name')).toBeEnabled();
    await two.getByLabel('Client name').fill('Harbourline');
    await expect.poll(savedIn(two)).toContain('"Harbourline"');
  });
});
