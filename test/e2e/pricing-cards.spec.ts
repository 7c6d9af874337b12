import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { loadCatalog, type Catalog } from '../../packages/starlight-charter/data/load';
import type { Plan } from '../../packages/starlight-charter/schemas/pricing';
import { SAMPLE, WEE } from '../support/sites';
import { expectations } from './pricing-expect';
import { percentText, serve, weeSite, wordsOf } from './support';

/**
 * The plan cards at the top of the pricing page, on the sample (served at baseURL) and on WEE
 * (served under /support/). Every name, price, amount and saving is worked out here from the
 * terms as loaded, with Intl and the rules written out again.
 */

interface Site {
  name: string;
  catalog: Catalog;
  /** The pricing page's address, from the server. */
  url: () => string;
}

let wee: { url: string; close: () => void } | undefined;
test.beforeAll(async () => {
  wee = await serve(weeSite(), '/support/');
});
test.afterAll(() => wee?.close());

const SITES: Site[] = [
  { name: 'sample', catalog: loadCatalog(SAMPLE.terms), url: () => '/commercial/pricing/' },
  {
    name: 'WEE',
    catalog: loadCatalog(WEE.terms),
    url: () => `${wee!.url}/commercial/pricing/`,
  },
];

type Prices = { monthly?: number; annual_monthly?: number };
const annualOf = (plan: Plan) => (plan.price as Prices).annual_monthly;

/** The whole percent annual billing saves, rounded down; null under 1 % or without an annual price. */
function savePercent(plan: Plan): number | null {
  const { monthly, annual_monthly } = plan.price as Prices;
  if (annual_monthly === undefined || !monthly) return null;
  const percent = Math.floor(((monthly - annual_monthly) / monthly) * 100);
  return percent >= 1 ? percent : null;
}

function oracle(catalog: Catalog) {
  // The words around the figures, in the site's language (WEE's: German).
  const t = wordsOf(catalog);
  const expected = expectations(catalog, t);
  const { locale } = catalog.company;
  const tierOf = (plan: Plan) => catalog.tiers.tiers.find((t) => t.id === plan.tier)!;
  const percent = (n: number) => percentText(n, locale);
  return {
    ...expected,
    t,
    tierOf,
    saveText: (plan: Plan) => {
      const p = savePercent(plan);
      return p === null ? null : t('charter.planCards.save', { percent: percent(p) });
    },
    /** The best saving of any plan, as the switch's label says it. */
    switchSaving: () => {
      const all = catalog.pricing.plans.map(savePercent).filter((p): p is number => p !== null);
      const best = Math.max(...all);
      const key = all.every((p) => p === best)
        ? 'charter.planCards.save'
        : 'charter.planCards.saveUpTo';
      return t(key, { percent: percent(best) });
    },
    monthlyText: (plan: Plan) => expected.priceText(plan),
    annualText: (plan: Plan) =>
      expected.priceText({ ...plan, price: { ...plan.price, monthly: annualOf(plan) } } as Plan),
    /** A meter's included amount on a card: after the meter's name unless the words name it. */
    included: (plan: Plan) =>
      catalog.pricing.meters.map((meter) => {
        const a = plan.usage[meter.id]!;
        const text = expected.includedText(meter, a);
        const named =
          meter.unit.other.toLowerCase() === meter.name.toLowerCase() &&
          !(a.included === 0 && a.overage === undefined);
        return named ? text : t('charter.planCards.included', { meter: meter.name, text });
      }),
    /** The tier's highlights, or the first four features it has, with their value in words. */
    highlights: (plan: Plan) => {
      const tier = tierOf(plan);
      const features = catalog.features.features;
      const chosen =
        tier.highlights?.map((id) => features.find((f) => f.id === id)!) ??
        features.filter((f) => f.values[tier.id] !== 'no').slice(0, 4);
      return chosen.map((f) => {
        const v = f.values[tier.id]!;
        if (v === 'yes' || v === 'included') return f.name;
        if (v === 'add-on') return t('charter.planCards.addOn', { feature: f.name });
        return t('charter.planCards.featureValue', {
          feature: f.name,
          value: (v as { text: string }).text,
        });
      });
    },
    cta: (plan: Plan) => {
      if (plan.cta) return { label: plan.cta.label, href: plan.cta.href };
      const sales = catalog.company.contacts.find((c) => c.id === 'sales')!;
      const subject = encodeURIComponent(
        t('charter.planCards.subject', { plan: tierOf(plan).name }),
      );
      return {
        label: t('charter.planCards.contactSales'),
        href: `mailto:${sales.email}?subject=${subject}`,
      };
    },
  };
}

const normalise = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
const cardsOf = (page: Page) => page.locator('[data-plan-cards]');
const cardOf = (page: Page, plan: Plan) => page.locator(`[data-plan-card="${plan.id}"]`);
const switchOf = (page: Page, catalog: Catalog) =>
  page.getByRole('group', { name: wordsOf(catalog)('charter.planCards.billing') });

/** The price each card shows now, by plan id. */
async function shownPrices(page: Page, catalog: Catalog) {
  const shown: Record<string, string[]> = {};
  for (const plan of catalog.pricing.plans) {
    const visible = cardOf(page, plan).locator('[data-card-price]').filter({ visible: true });
    shown[plan.id] = (await visible.allTextContents()).map(normalise);
  }
  return shown;
}

function pricesIn(mode: 'monthly' | 'annual', catalog: Catalog) {
  const o = oracle(catalog);
  return Object.fromEntries(
    catalog.pricing.plans.map((plan) => [
      plan.id,
      [
        normalise(
          mode === 'annual' && annualOf(plan) !== undefined
            ? o.annualText(plan)
            : o.monthlyText(plan),
        ),
      ],
    ]),
  );
}

async function texts(list: Locator) {
  return (await list.allTextContents()).map(normalise);
}

for (const site of SITES) {
  const { catalog } = site;
  const { plans } = catalog.pricing;
  const o = oracle(catalog);
  const hasAnnual = plans.some((p) => annualOf(p) !== undefined);

  test.describe(`${site.name}: plan cards`, () => {
    test('a card per plan, lowest tier first, with what the data says', async ({ page }) => {
      await page.goto(site.url());
      const cards = cardsOf(page)
        .getByRole('listitem')
        .filter({ has: page.locator('article') });
      await expect(cards).toHaveCount(plans.length);
      expect(await texts(cardsOf(page).locator('article > h3'))).toEqual(
        plans.map((p) => o.tierOf(p).name),
      );
      for (const plan of plans) {
        const card = cardOf(page, plan);
        const tier = o.tierOf(plan);
        await expect(card.getByRole('article', { name: tier.name })).toBeVisible();
        await expect(card.locator('.summary')).toHaveText(tier.summary);
        expect(normalise((await card.locator('[data-card-price]').first().textContent())!)).toBe(
          normalise(o.monthlyText(plan)),
        );
        expect(
          await texts(
            card
              .getByRole('list', { name: o.t('charter.planCards.bestFor') })
              .getByRole('listitem'),
          ),
        ).toEqual(tier.best_for);
        expect(
          await texts(
            card
              .getByRole('list', { name: o.t('charter.planCards.includedHeading') })
              .getByRole('listitem'),
          ),
        ).toEqual(o.included(plan).map(normalise));
        expect(
          await texts(
            card
              .getByRole('list', { name: o.t('charter.planCards.highlights') })
              .getByRole('listitem'),
          ),
        ).toEqual(o.highlights(plan));
        const cta = o.cta(plan);
        const link = card.getByRole('link', { name: `${cta.label} — ${tier.name}`, exact: true });
        await expect(link).toBeVisible();
        await expect(link).toHaveAttribute('href', cta.href);
      }
    });

    test('the monthly/annual switch is there only when a plan has an annual price', async ({
      page,
    }) => {
      await page.goto(site.url());
      await expect(switchOf(page, catalog)).toHaveCount(hasAnnual ? 1 : 0);
      // Without a switch, every card shows its one price.
      if (!hasAnnual)
        expect(await shownPrices(page, catalog)).toEqual(pricesIn('monthly', catalog));
    });

    test('the cards have no accessibility violations', async ({ page }) => {
      await page.goto(site.url());
      const results = await new AxeBuilder({ page }).include('[data-plan-cards]').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });

    test('printed, the switch goes, cards stay whole and each price says how it is billed', async ({
      page,
    }) => {
      await page.goto(site.url());
      await page.emulateMedia({ media: 'print' });
      await expect(switchOf(page, catalog)).toBeHidden();
      for (const plan of plans) {
        const card = cardOf(page, plan);
        expect(await card.evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
        const prices = await texts(card.locator('.price').filter({ visible: true }));
        if (annualOf(plan) === undefined) expect(prices).toEqual([normalise(o.monthlyText(plan))]);
        else {
          const save = o.saveText(plan);
          expect(prices).toEqual([
            normalise(`${o.monthlyText(plan)} ${o.t('charter.planCards.billedMonthly')}`),
            normalise(
              `${o.annualText(plan)} ${o.t('charter.planCards.billedAnnually')}${save ? ` ${save}` : ''}`,
            ),
          ]);
        }
      }
    });
  });
}

test.describe('sample: the comparison table', () => {
  test('its header stays at the top of its frame while the rows scroll', async ({ page }) => {
    // A short window, so the frame is shorter than the table and scrolls.
    await page.setViewportSize({ width: 1280, height: 420 });
    await page.goto('/commercial/pricing/');
    const frame = page.getByRole('region', { name: 'Plans, included usage and overage' });
    const head = frame.locator('thead');
    await frame.evaluate((el) => el.scrollBy(0, 300));
    expect(await frame.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
    const [f, h] = [(await frame.boundingBox())!, (await head.boundingBox())!];
    expect(Math.abs(h.y - f.y)).toBeLessThanOrEqual(1);
    // The first row is under the header, not beside it.
    const row = (await frame.locator('tbody tr').first().boundingBox())!;
    expect(row.y).toBeLessThan(h.y);
  });
});

/** WEE has annual prices; its data says which show first. */
test.describe('WEE: billing monthly or annually', () => {
  const site = SITES[1]!;
  const { catalog } = site;
  const o = oracle(catalog);
  const initial = catalog.pricing.billing_default;
  const other = initial === 'annual' ? 'monthly' : 'annual';
  const monthlyWord = o.t('charter.planCards.monthly');
  const annualWord = o.t('charter.planCards.annually');
  const label = {
    monthly: new RegExp(`^${monthlyWord}$`),
    annual: new RegExp(`^${annualWord}`),
  } as const;

  test.beforeAll(() => {
    expect(catalog.pricing.plans.some((p) => annualOf(p) !== undefined)).toBe(true);
  });

  async function checkSwitch(page: Page) {
    await page.goto(site.url());
    const group = switchOf(page, catalog);
    await expect(group.getByRole('radio', { name: label[initial] })).toBeChecked();
    await expect(group.getByRole('radio', { name: label.annual })).toHaveAccessibleName(
      `${annualWord} (${o.switchSaving()})`,
    );
    expect(await shownPrices(page, catalog)).toEqual(pricesIn(initial, catalog));
    await group.locator('label').filter({ hasText: label[other] }).click();
    await expect(group.getByRole('radio', { name: label[other] })).toBeChecked();
    expect(await shownPrices(page, catalog)).toEqual(pricesIn(other, catalog));
    // The saving shows with the annual prices only, on the plans that save.
    await group.locator('label').filter({ hasText: label.annual }).click();
    for (const plan of catalog.pricing.plans) {
      const save = cardOf(page, plan).locator('[data-saving]').filter({ visible: true });
      const text = o.saveText(plan);
      if (text === null) await expect(save).toHaveCount(0);
      else await expect(save).toHaveText(text);
    }
    await group.locator('label').filter({ hasText: label.monthly }).click();
    await expect(page.locator('[data-saving]').filter({ visible: true })).toHaveCount(0);
  }

  test('the switch changes every price, and the saving is the one worked out here', async ({
    page,
  }) => {
    await checkSwitch(page);
  });

  test('the switch works with JavaScript turned off', async ({ browser }: { browser: Browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await checkSwitch(page);
    } finally {
      await context.close();
    }
  });

  test('the switch works from the keyboard, with a visible focus', async ({ page }) => {
    await page.goto(site.url());
    const group = switchOf(page, catalog);
    const checked = group.getByRole('radio', { name: label[initial] });
    // Tab into the group from the heading before it, as a keyboard user arrives.
    // The pricing page's first section heading, over the plan cards, in the site's language.
    await page.locator('main h2').first().click();
    let steps = 0;
    while (!(await checked.evaluate((el) => el === document.activeElement)) && steps++ < 60)
      await page.keyboard.press('Tab');
    await expect(checked).toBeFocused();
    const focusRing = await page
      .locator(`label[for="${await checked.getAttribute('id')}"]`)
      .evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(focusRing).toBe('solid');
    await page.keyboard.press(initial === 'annual' ? 'ArrowLeft' : 'ArrowRight');
    await expect(group.getByRole('radio', { name: label[other] })).toBeChecked();
    expect(await shownPrices(page, catalog)).toEqual(pricesIn(other, catalog));
    // The next stop is the first card's button.
    await page.keyboard.press('Tab');
    const first = catalog.pricing.plans[0]!;
    await expect(
      cardOf(page, first).getByRole('link', {
        name: `${o.cta(first).label} — ${o.tierOf(first).name}`,
      }),
    ).toBeFocused();
  });

  test('both billing modes pass axe', async ({ page }) => {
    await page.goto(site.url());
    await switchOf(page, catalog).locator('label').filter({ hasText: label[other] }).click();
    const results = await new AxeBuilder({ page }).include('[data-plan-cards]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
