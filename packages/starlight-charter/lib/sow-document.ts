import type { SowDraft } from '../schemas/engagement.ts';
import { isCalendarDate } from '../schemas/engagement.ts';
import { formatCount, formatPercent } from './format.ts';
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
  const totals = d ? priceEngagement(d, cat) : null;
  const model = cat.services.pricing_models.find((m) => m.id === d?.pricing.model);

  const deliverables =
    d && d.deliverables.length > 0
      ? d.deliverables.map((x, i) => [
          text(x.id, `D${i + 1}`),
          text(x.name, 'Name'),
          text(x.description, 'Description'),
          date(x.due, 'Date'),
        ])
      : [1, 2].map((n) => [
          `D${n}`,
          placeholder('Name'),
          placeholder('Description'),
          placeholder('Date'),
        ]);

  const phases =
    d && d.phases.length > 0
      ? d.phases
      : [1, 2].map(() => ({ name: '', duration: '', milestones: [] as string[] }));
  const timeline = phases.map(
    (p, i) =>
      html`<section class="sow-phase">
        <h4>Phase ${i + 1}: ${text(p.name, 'Name')}</h4>
        <p><strong>Duration:</strong> ${text(p.duration, 'X weeks')}</p>
        <ul>
          ${(lines(p.milestones).length > 0 ? lines(p.milestones) : ['']).map(
            (m, j) => html`<li>Milestone ${i + 1}.${j + 1}: ${text(m, 'Description')}</li>`,
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
            role ? role.role : text(r.role, 'Role'),
            text(r.name, 'Name'),
            r.allocation === null
              ? placeholder('%')
              : formatPercent(r.allocation, cat.company.locale),
            r.hours === null ? placeholder('Hours') : formatCount(r.hours, cat.company.locale),
            role ? formatRate(role.hourly, fmt) : placeholder('Rate'),
            ...(priced || retainer ? [line ? money(line.amount) : placeholder('Amount')] : []),
          ];
        })
      : [
          [
            placeholder('Role'),
            placeholder('Name'),
            placeholder('%'),
            placeholder('Hours'),
            placeholder('Rate'),
          ],
        ];
  const providerHeaders = [
    'Role',
    'Name',
    'Allocation',
    retainer ? 'Hours a month' : 'Hours',
    'Hourly rate',
    ...(priced ? ['Amount'] : retainer ? ['Monthly amount'] : []),
  ];
  const clientRows =
    d && d.resources.client.length > 0
      ? d.resources.client.map((r) => [
          text(r.role, 'Role'),
          text(r.name, 'Name'),
          text(r.responsibilities, 'Responsibilities'),
        ])
      : [[placeholder('Role'), placeholder('Name'), placeholder('Responsibilities')]];

  const priceRows: Part[][] = [];
  if (totals?.retainer) {
    const r = totals.retainer;
    priceRows.push([
      `Monthly fee at rate-card rates (${formatCount(r.hours, cat.company.locale)} hours)`,
      money(r.gross),
    ]);
    priceRows.push([
      `Retainer discount (${formatPercent(r.discountPercent, cat.company.locale)})`,
      money(r.monthly - r.gross),
    ]);
    priceRows.push(['Monthly fee', money(r.monthly)]);
    priceRows.push([`Months`, formatCount(r.months, cat.company.locale)]);
  }
  if (totals) {
    priceRows.push(['Subtotal', money(totals.subtotal)]);
    if (totals.discountPercent > 0) {
      priceRows.push([
        `Discount (${formatPercent(totals.discountPercent, cat.company.locale)})`,
        money(-totals.discount),
      ]);
    }
    if (totals.taxPercent > 0) {
      priceRows.push([
        `Tax (${formatPercent(totals.taxPercent, cat.company.locale)})`,
        money(totals.tax),
      ]);
    }
    priceRows.push(['Total', html`<strong class="sow-total">${money(totals.total)}</strong>`]);
  } else {
    priceRows.push(['Total', placeholder('Amount')]);
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
    text(p.milestone, 'Milestone'),
    p.percent === null ? placeholder('%') : formatPercent(p.percent, cat.company.locale),
    amounts ? money(amounts[i]!) : placeholder('Amount'),
    text(p.due, 'Date'),
  ]);

  // An engagement that states no acceptance criteria or change process gets the standard ones.
  const orDefault = (own: string[] | undefined, standard: string[]) =>
    own && lines(own).length > 0 ? own : standard;
  const acceptance = orDefault(d?.acceptance_criteria, cat.services.acceptance_criteria);
  const changes = orDefault(d?.change_management, cat.services.change_management);
  const client = d ? text(d.client.name, 'Client name') : placeholder('Client name');
  const contactOf = (name = '', email = '') => text(joinNonEmpty([name, email]), 'Contact name');
  const quote = d ? quoteDates(d.quote, today) : null;
  const issued = !d
    ? placeholder('Issue date')
    : quote!.issued
      ? date(quote!.issued, 'Date')
      : text(d.quote.issued, 'Date');
  const validUntil = !d
    ? placeholder('Valid until')
    : quote!.validUntil
      ? date(quote!.validUntil, 'Date')
      : text(d.quote.valid_until, 'Date');
  const signer = (party: Part) =>
    html`<div class="sow-signer">
      <p class="sow-party"><strong>${party}</strong></p>
      <p>Name: <span class="sow-line"></span></p>
      <p>Title: <span class="sow-line"></span></p>
      <p>Signature: <span class="sow-line"></span></p>
      <p>Date: <span class="sow-line"></span></p>
    </div>`;

  return html`<article class="sow-document" aria-label="Statement of Work">
    <header class="sow-cover">
      <p class="sow-company">${company}</p>
      <h2 class="sow-title">Statement of Work</h2>
      <p class="sow-subtitle">
        ${d ? text(d.project.name, 'Project name') : placeholder('Project name')} for ${client}
      </p>
      <dl class="sow-facts sow-quote">
        <dt>Issued</dt>
        <dd data-field="issued">${issued}</dd>
        <dt>Quote valid until</dt>
        <dd data-field="valid-until">${validUntil}</dd>
        <dt>Terms</dt>
        <dd data-field="terms">${termsVersionText(cat.company)}</dd>
      </dl>
    </header>
    <section class="sow-section">
      <h3>Project information</h3>
      <dl class="sow-facts">
        <dt>Project name</dt>
        <dd>${d ? text(d.project.name, 'Project name') : placeholder('Project name')}</dd>
        <dt>Reference</dt>
        <dd>${d ? text(d.project.reference, 'Reference') : placeholder('Reference')}</dd>
        <dt>Client</dt>
        <dd>${client}</dd>
        <dt>Client contact</dt>
        <dd>${contactOf(d?.client.contact, d?.client.email)}</dd>
        <dt>${company} contact</dt>
        <dd>${contactOf(d?.provider_contact.name, d?.provider_contact.email)}</dd>
        <dt>Start date</dt>
        <dd>${d ? date(d.dates.start, 'Date') : placeholder('Date')}</dd>
        <dt>End date</dt>
        <dd>${d ? date(d.dates.end, 'Date') : placeholder('Date')}</dd>
      </dl>
    </section>
    <section class="sow-section">
      <h3>Scope of work</h3>
      <h4>Objectives</h4>
      ${list(d ? d.objectives : [], 'Project objectives')}
      ${table('Deliverables', ['ID', 'Deliverable', 'Description', 'Due date'], deliverables, 'sow-deliverables')}
      <h4>Out of scope</h4>
      ${list(d ? d.out_of_scope : [], 'Items explicitly excluded')}
    </section>
    <section class="sow-section">
      <h3>Technical requirements</h3>
      <h4>Prerequisites</h4>
      ${list(d ? d.technical_requirements.prerequisites : [], 'Required by client')}
      <h4>Environments</h4>
      ${list(d ? d.technical_requirements.environments : [], 'Development, testing and production environments')}
      <h4>Technology stack</h4>
      ${list(d ? d.technical_requirements.stack : [], 'Technologies to be used')}
    </section>
    <section class="sow-section">
      <h3>Timeline</h3>
      ${timeline}
    </section>
    <section class="sow-section">
      <h3>Resources</h3>
      ${table(`${company} team`, providerHeaders, providerRows)}
      ${table('Client team', ['Role', 'Name', 'Responsibilities'], clientRows)}
    </section>
    <section class="sow-section">
      <h3>Pricing</h3>
      <p><strong>Pricing model:</strong> ${model ? model.name : placeholder('Pricing model')}</p>
      ${table('Price', ['Item', 'Amount'], priceRows, 'sow-price')}
      ${table('Payment schedule', ['Milestone', 'Share', 'Amount', 'Due'], scheduleRows, 'sow-schedule')}
    </section>
    <section class="sow-section">
      <h3>Assumptions</h3>
      ${list(d ? d.assumptions : [], 'Assumption', true)}
    </section>
    <section class="sow-section">
      <h3>Acceptance criteria</h3>
      <p>A deliverable is accepted when:</p>
      ${list(acceptance, 'Criterion', true)}
    </section>
    <section class="sow-section">
      <h3>Change management</h3>
      <p>Changes to scope require:</p>
      ${list(changes, 'Step', true)}
    </section>
    <section class="sow-section">
      <h3>Intellectual property</h3>
      ${list(cat.services.ip_terms, 'Term')}
    </section>
    <section class="sow-section sow-signatures">
      <h3>Signatures</h3>
      <div class="sow-signers">${signer(html`Client: ${client}`)} ${signer(company)}</div>
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
): string {
  const title = [draft.project.name, draft.client.name].filter((t) => t.trim() !== '').join(' — ');
  const page = `@page { size: ${paperSize(cat.company.locale)}; }`;
  return html`<!doctype html>
    <html lang="${cat.company.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${cat.company.name} Statement of Work${title ? ` — ${title}` : ''}</title>
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
        ${raw(renderSowDocument(draft, cat, today))}
      </body>
    </html> `.value;
}

/** Marks trusted markup (our own CSS, or output of renderSowDocument) as already safe. */
function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
