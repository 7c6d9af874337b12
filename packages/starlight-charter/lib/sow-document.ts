import type { SowDraft } from '../schemas/engagement.ts';
import { isCalendarDate } from '../schemas/engagement.ts';
import { formatCount, formatPercent } from './format.ts';
import { english, type CharterKey, type Translate } from './i18n.ts';
import { formatMoney, formatRate, type Micros } from './money.ts';
import {
  priceEngagement,
  quoteDates,
  scheduleAmounts,
  schedulePercent,
  type SowCatalog,
} from './sow.ts';
import { paperSize, termsVersionText } from './terms.ts';

export { paperSize } from './terms.ts';

/**
 * The Statement of Work as one HTML string, built only with the `html` tag below: every
 * interpolated value is escaped unless it is itself the output of `html`. The SOW template
 * page, the generator's live preview and `charter sow` all render this same function.
 */

/** Markup that has already been escaped; only `html` and `raw` make one. */
export class SafeHtml {
  readonly value: string;

  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | null | undefined | false | Part[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(part: Part): string {
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  if (part === null || part === undefined || part === false) return '';
  return escapeHtml(String(part));
}

/** Tagged template: the literal parts are markup, every value is escaped text. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/**
 * A sentence of the locale file with markup in it: each named part (a placeholder, a bold
 * name) takes its `{{name}}` place, the words around it are escaped as text.
 */
function phrase(t: Translate, key: CharterKey, parts: Record<string, Part>): Part[] {
  const names = Object.keys(parts);
  const markers = Object.fromEntries(names.map((name, i) => [name, `\u0000${i}\u0000`]));
  return t(key, markers)
    .split(/\u0000(\d+)\u0000/)
    .map((piece, i) => (i % 2 === 0 ? piece : parts[names[Number(piece)]!]));
}

/** A bracketed placeholder such as "[Client name]" where the draft has nothing yet. */
function placeholder(label: string): SafeHtml {
  return html`<span class="sow-placeholder">[${label}]</span>`;
}

function text(value: string | undefined, label: string): Part {
  return value !== undefined && value.trim() !== '' ? value : placeholder(label);
}

function lines(values: string[]): string[] {
  return values.filter((v) => v.trim() !== '');
}

function list(values: string[], label: string, ordered = false): SafeHtml {
  const items = lines(values);
  const shown =
    items.length > 0
      ? items.map((v) => html`<li>${v}</li>`)
      : [html`<li>${placeholder(label)}</li>`];
  return ordered
    ? html`<ol>
        ${shown}
      </ol>`
    : html`<ul>
        ${shown}
      </ul>`;
}

/**
 * A captioned table in a frame that scrolls sideways when the table is wider than the screen
 * (a phone): a region named by the caption that takes keyboard focus, so it can be scrolled.
 */
function table(caption: string, headers: string[], rows: Part[][], className = ''): SafeHtml {
  return html`<div class="sow-table-wrap" role="region" aria-label="${caption}" tabindex="0">
    <table class="sow-table ${className}">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${headers.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ([first, ...rest]) =>
            html`<tr>
              <th scope="row">${first}</th>
              ${rest.map((c) => html`<td>${c}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** Today's date where the SOW is made, YYYY-MM-DD: the day a quote left undated is issued. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Renders the SOW for a draft, or, with `null`, the blank template with a placeholder for
 * every field. Figures come from the catalog slice: company, currency, rates, discounts, and
 * the version of the terms it is made under. `today` issues a quote the draft leaves undated.
 */
export function renderSowDocument(
  draft: SowDraft | null,
  cat: SowCatalog,
  today: string = localToday(),
  t: Translate = english,
): string {
  const company = cat.company.name;
  const fmt = { currency: cat.company.currency, locale: cat.company.locale };
  const money = (m: Micros) => formatMoney(m, fmt);
  const date = (value: string, label: string): Part => {
    if (value.trim() === '') return placeholder(label);
    if (!isCalendarDate(value)) return value;
    return new Intl.DateTimeFormat(cat.company.locale, {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${value}T00:00:00Z`));
  };
  const d = draft;
  // Placeholder and column words used in several places.
  const w = {
    name: t('charter.sow.name'),
    description: t('charter.sow.description'),
    date: t('charter.sow.date'),
    role: t('charter.sow.role'),
    hours: t('charter.sow.hours'),
    rate: t('charter.sow.rate'),
    amount: t('charter.sow.amount'),
    responsibilities: t('charter.sow.responsibilities'),
    milestone: t('charter.sow.milestone'),
    total: t('charter.sow.total'),
  };
  const totals = d ? priceEngagement(d, cat) : null;
  const model = cat.services.pricing_models.find((m) => m.id === d?.pricing.model);

  const deliverables =
    d && d.deliverables.length > 0
      ? d.deliverables.map((x, i) => [
          text(x.id, t('charter.sow.deliverableId', { number: i + 1 })),
          text(x.name, w.name),
          text(x.description, w.description),
          date(x.due, w.date),
        ])
      : [1, 2].map((n) => [
          t('charter.sow.deliverableId', { number: n }),
          placeholder(w.name),
          placeholder(w.description),
          placeholder(w.date),
        ]);

  const phases =
    d && d.phases.length > 0
      ? d.phases
      : [1, 2].map(() => ({ name: '', duration: '', milestones: [] as string[] }));
  const timeline = phases.map(
    (p, i) =>
      html`<section class="sow-phase">
        <h4>${phrase(t, 'charter.sow.phase', { number: i + 1, name: text(p.name, w.name) })}</h4>
        <p>
          <strong>${t('charter.sow.duration')}</strong>
          ${text(p.duration, t('charter.sow.weeksPlaceholder'))}
        </p>
        <ul>
          ${(lines(p.milestones).length > 0 ? lines(p.milestones) : ['']).map(
            (m, j) =>
              html`<li>
                ${phrase(t, 'charter.sow.milestoneLine', {
                  number: `${i + 1}.${j + 1}`,
                  text: text(m, w.description),
                })}
              </li>`,
          )}
        </ul>
      </section>`,
  );

  const priced = d?.pricing.model === 'time-and-materials';
  const retainer = d?.pricing.model === 'retainer';
  const providerRows =
    d && d.resources.provider.length > 0
      ? d.resources.provider.map((r) => {
          const role = cat.services.rate_card.find((c) => c.id === r.role);
          const line = totals?.lines.find((l) => l.role === r.role && l.hours === r.hours);
          return [
            role ? role.role : text(r.role, w.role),
            text(r.name, w.name),
            r.allocation === null
              ? placeholder('%')
              : formatPercent(r.allocation, cat.company.locale),
            r.hours === null ? placeholder(w.hours) : formatCount(r.hours, cat.company.locale),
            role ? formatRate(role.hourly, fmt) : placeholder(w.rate),
            ...(priced || retainer ? [line ? money(line.amount) : placeholder(w.amount)] : []),
          ];
        })
      : [
          [
            placeholder(w.role),
            placeholder(w.name),
            placeholder('%'),
            placeholder(w.hours),
            placeholder(w.rate),
          ],
        ];
  const providerHeaders = [
    w.role,
    w.name,
    t('charter.sow.allocation'),
    retainer ? t('charter.sow.hoursMonth') : w.hours,
    t('charter.sow.hourlyRate'),
    ...(priced ? [w.amount] : retainer ? [t('charter.sow.monthlyAmount')] : []),
  ];
  const clientRows =
    d && d.resources.client.length > 0
      ? d.resources.client.map((r) => [
          text(r.role, w.role),
          text(r.name, w.name),
          text(r.responsibilities, w.responsibilities),
        ])
      : [[placeholder(w.role), placeholder(w.name), placeholder(w.responsibilities)]];

  const priceRows: Part[][] = [];
  if (totals?.retainer) {
    const r = totals.retainer;
    priceRows.push([
      t('charter.sow.grossFee', {
        count: r.hours,
        hours: formatCount(r.hours, cat.company.locale),
      }),
      money(r.gross),
    ]);
    priceRows.push([
      t('charter.sow.retainerDiscount', {
        percent: formatPercent(r.discountPercent, cat.company.locale),
      }),
      money(r.monthly - r.gross),
    ]);
    priceRows.push([t('charter.sow.monthlyFee'), money(r.monthly)]);
    priceRows.push([t('charter.sow.months'), formatCount(r.months, cat.company.locale)]);
  }
  if (totals) {
    priceRows.push([t('charter.sow.subtotal'), money(totals.subtotal)]);
    if (totals.discountPercent > 0) {
      priceRows.push([
        t('charter.sow.discount', {
          percent: formatPercent(totals.discountPercent, cat.company.locale),
        }),
        money(-totals.discount),
      ]);
    }
    if (totals.taxPercent > 0) {
      priceRows.push([
        t('charter.sow.tax', { percent: formatPercent(totals.taxPercent, cat.company.locale) }),
        money(totals.tax),
      ]);
    }
    priceRows.push([w.total, html`<strong class="sow-total">${money(totals.total)}</strong>`]);
  } else {
    priceRows.push([w.total, placeholder(w.amount)]);
  }

  const schedule =
    d && d.payment_schedule.length > 0
      ? d.payment_schedule
      : cat.services.default_payment_schedule.map((p) => ({ ...p, due: '' }));
  const sum = schedulePercent({ payment_schedule: schedule });
  const amounts =
    totals && sum !== null && Math.abs(sum - 100) < 1e-9
      ? scheduleAmounts(
          totals.total,
          schedule.map((p) => p.percent as number),
          cat.company.currency,
        )
      : null;
  const scheduleRows = schedule.map((p, i) => [
    text(p.milestone, w.milestone),
    p.percent === null ? placeholder('%') : formatPercent(p.percent, cat.company.locale),
    amounts ? money(amounts[i]!) : placeholder(w.amount),
    text(p.due, w.date),
  ]);

  // An engagement that states no acceptance criteria or change process gets the standard ones.
  const orDefault = (own: string[] | undefined, standard: string[]) =>
    own && lines(own).length > 0 ? own : standard;
  const acceptance = orDefault(d?.acceptance_criteria, cat.services.acceptance_criteria);
  const changes = orDefault(d?.change_management, cat.services.change_management);
  const clientName = t('charter.sow.clientName');
  const projectName = t('charter.sow.projectName');
  const client = d ? text(d.client.name, clientName) : placeholder(clientName);
  const contactOf = (name = '', email = '') =>
    text(joinNonEmpty([name, email]), t('charter.sow.contactName'));
  const quote = d ? quoteDates(d.quote, today) : null;
  const issued = !d
    ? placeholder(t('charter.sow.issueDate'))
    : quote!.issued
      ? date(quote!.issued, w.date)
      : text(d.quote.issued, w.date);
  const validUntil = !d
    ? placeholder(t('charter.sow.validUntil'))
    : quote!.validUntil
      ? date(quote!.validUntil, w.date)
      : text(d.quote.valid_until, w.date);
  const signer = (party: Part) =>
    html`<div class="sow-signer">
      <p class="sow-party"><strong>${party}</strong></p>
      <p>${t('charter.sow.signName')} <span class="sow-line"></span></p>
      <p>${t('charter.sow.signTitle')} <span class="sow-line"></span></p>
      <p>${t('charter.sow.signature')} <span class="sow-line"></span></p>
      <p>${t('charter.sow.signDate')} <span class="sow-line"></span></p>
    </div>`;
  const project = d ? text(d.project.name, projectName) : placeholder(projectName);

  return html`<article class="sow-document" aria-label="${t('charter.sow.title')}">
    <header class="sow-cover">
      <p class="sow-company">${company}</p>
      <h2 class="sow-title">${t('charter.sow.title')}</h2>
      <p class="sow-subtitle">${phrase(t, 'charter.sow.subtitle', { project, client })}</p>
      <dl class="sow-facts sow-quote">
        <dt>${t('charter.sow.issued')}</dt>
        <dd data-field="issued">${issued}</dd>
        <dt>${t('charter.sow.quoteValidUntil')}</dt>
        <dd data-field="valid-until">${validUntil}</dd>
        <dt>${t('charter.sow.terms')}</dt>
        <dd data-field="terms">${termsVersionText(cat.company, t)}</dd>
      </dl>
    </header>
    <section class="sow-section">
      <h3>${t('charter.sow.projectInformation')}</h3>
      <dl class="sow-facts">
        <dt>${projectName}</dt>
        <dd>${project}</dd>
        <dt>${t('charter.sow.reference')}</dt>
        <dd>
          ${
            d
              ? text(d.project.reference, t('charter.sow.reference'))
              : placeholder(t('charter.sow.reference'))
          }
        </dd>
        <dt>${t('charter.sow.client')}</dt>
        <dd>${client}</dd>
        <dt>${t('charter.sow.clientContact')}</dt>
        <dd>${contactOf(d?.client.contact, d?.client.email)}</dd>
        <dt>${t('charter.sow.providerContact', { company })}</dt>
        <dd>${contactOf(d?.provider_contact.name, d?.provider_contact.email)}</dd>
        <dt>${t('charter.sow.startDate')}</dt>
        <dd>${d ? date(d.dates.start, w.date) : placeholder(w.date)}</dd>
        <dt>${t('charter.sow.endDate')}</dt>
        <dd>${d ? date(d.dates.end, w.date) : placeholder(w.date)}</dd>
      </dl>
    </section>
    <section class="sow-section">
      <h3>${t('charter.sow.scope')}</h3>
      <h4>${t('charter.sow.objectives')}</h4>
      ${list(d ? d.objectives : [], t('charter.sow.objectivesPlaceholder'))}
      ${table(
        t('charter.sow.deliverables'),
        [
          t('charter.sow.id'),
          t('charter.sow.deliverable'),
          w.description,
          t('charter.sow.dueDate'),
        ],
        deliverables,
        'sow-deliverables',
      )}
      <h4>${t('charter.sow.outOfScope')}</h4>
      ${list(d ? d.out_of_scope : [], t('charter.sow.outOfScopePlaceholder'))}
    </section>
    <section class="sow-section">
      <h3>${t('charter.sow.technical')}</h3>
      <h4>${t('charter.sow.prerequisites')}</h4>
      ${list(
        d ? d.technical_requirements.prerequisites : [],
        t('charter.sow.prerequisitesPlaceholder'),
      )}
      <h4>${t('charter.sow.environments')}</h4>
      ${list(
        d ? d.technical_requirements.environments : [],
        t('charter.sow.environmentsPlaceholder'),
      )}
      <h4>${t('charter.sow.stack')}</h4>
      ${list(d ? d.technical_requirements.stack : [], t('charter.sow.stackPlaceholder'))}
    </section>
    <section class="sow-section">
      <h3>${t('charter.sow.timeline')}</h3>
      ${timeline}
    </section>
    <section class="sow-section">
      <h3>${t('charter.sow.resources')}</h3>
      ${table(t('charter.sow.providerTeam', { company }), providerHeaders, providerRows)}
      ${table(t('charter.sow.clientTeam'), [w.role, w.name, w.responsibilities], clientRows)}
    </section>
    <section class="sow-section">
      <h3>${t('charter.sow.pricing')}</h3>
      <p>
        <strong>${t('charter.sow.pricingModelLabel')}</strong>
        ${model ? model.name : placeholder(t('charter.sow.pricingModel'))}
      </p>
      ${table(t('charter.sow.price'), [t('charter.sow.item'), w.amount], priceRows, 'sow-price')}
      ${table(
        t('charter.sow.paymentSchedule'),
        [w.milestone, t('charter.sow.share'), w.amount, t('charter.sow.due')],
        scheduleRows,
        'sow-schedule',
      )}
    </section>
    <section class="sow-section">
      <h3>${t('charter.sow.assumptions')}</h3>
      ${list(d ? d.assumptions : [], t('charter.sow.assumption'), true)}
    </section>
    <section class="sow-section">
      <h3>${t('charter.sow.acceptance')}</h3>
      <p>${t('charter.sow.acceptedWhen')}</p>
      ${list(acceptance, t('charter.sow.criterion'), true)}
    </section>
    <section class="sow-section">
      <h3>${t('charter.sow.changes')}</h3>
      <p>${t('charter.sow.changesRequire')}</p>
      ${list(changes, t('charter.sow.step'), true)}
    </section>
    <section class="sow-section">
      <h3>${t('charter.sow.ip')}</h3>
      ${list(cat.services.ip_terms, t('charter.sow.term'))}
    </section>
    <section class="sow-section sow-signatures">
      <h3>${t('charter.sow.signatures')}</h3>
      <div class="sow-signers">
        ${signer(phrase(t, 'charter.sow.clientParty', { client }))} ${signer(company)}
      </div>
    </section>
  </article>`.value;
}

function joinNonEmpty(parts: string[]): string {
  return parts.filter((p) => p.trim() !== '').join(', ');
}

/** A complete, print-ready HTML file for one SOW, with the document's CSS inlined. */
export function standaloneSowHtml(
  draft: SowDraft,
  cat: SowCatalog,
  css: string,
  today: string = localToday(),
  t: Translate = english,
): string {
  const title = [draft.project.name, draft.client.name].filter((t) => t.trim() !== '').join(' — ');
  const page = `@page { size: ${paperSize(cat.company.locale)}; }`;
  const heading =
    t('charter.sow.documentTitle', { company: cat.company.name }) + (title ? ` — ${title}` : '');
  return html`<!doctype html>
    <html lang="${cat.company.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${heading}</title>
        <style>
          ${raw(css.replace(/<\/style/gi, '<\\/style'))} ${page} body {
            margin: 0;
            padding: 1.5rem;
            background: #f3f3f6;
          }
          @media print {
            body {
              padding: 0;
              background: #fff;
            }
          }
        </style>
      </head>
      <body>
        ${raw(renderSowDocument(draft, cat, today, t))}
      </body>
    </html> `.value;
}

/** Marks trusted markup (our own CSS, or output of renderSowDocument) as already safe. */
function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
