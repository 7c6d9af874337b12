/**
 * The SOW generator in the browser: a form built from the draft, a live preview rendered by
 * renderSowDocument, autosave to localStorage, export/import as JSON and a guarded "New".
 * Every value a person types reaches the page as text: form fields are set through .value
 * and the preview is the escaped output of renderSowDocument.
 *
 * One tab at a time edits the saved draft: it holds a Web Lock for as long as it is open. A
 * second tab shows the draft read-only and writes nothing until the person chooses to take the
 * draft over (the first tab then stops saving and says so) or to work on a copy.
 */
import './zod-jitless.ts';
import { formatRate } from '../../lib/money.ts';
import { formatPercent } from '../../lib/format.ts';
import {
  emptyDraft,
  normalizeDraft,
  priceEngagement,
  QUOTE_VALID_DAYS,
  schedulePercent,
  validateEngagement,
  type SowCatalog,
  type SowIssue,
} from '../../lib/sow.ts';
import { renderSowDocument } from '../../lib/sow-document.ts';
import { formatMoney } from '../../lib/money.ts';
import { SowDraftSchema, type SowDraft } from '../../schemas/engagement.ts';

export const STORAGE_KEY = 'charter.sow-draft.v1';
/** The Web Lock held by the tab that edits, and saves, the draft. */
export const LOCK_NAME = 'charter.sow-draft';
/** Larger files are not SOW drafts; refuse them before reading. */
export const MAX_IMPORT_BYTES = 512 * 1024;

type Path = (string | number)[];
/**
 * starting: asking for the lock; editing: holds it and saves; elsewhere: another tab holds it;
 * moved: another tab took it over from this one; copy: edits a copy that is never saved.
 */
type Mode = 'starting' | 'editing' | 'elsewhere' | 'moved' | 'copy';
type Kind = 'text' | 'email' | 'date' | 'number' | 'lines' | 'select' | 'textarea';
interface FieldOptions {
  options?: { value: string; label: string }[];
  hint?: string;
  min?: number;
  max?: number;
}

const key = (path: Path) => path.join('.');
const domId = (path: Path) => `sow-${path.join('-').replace(/_/g, '-')}`;

function getAt(obj: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, p) => (o as Record<string | number, unknown>)?.[p], obj);
}
function setAt(obj: unknown, path: Path, value: unknown): void {
  const parent = getAt(obj, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props))
    if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

export function startSowGenerator(root: HTMLElement): void {
  const cat = JSON.parse(root.dataset.catalog ?? '{}') as SowCatalog;
  const form = root.querySelector<HTMLFormElement>('.sow-form')!;
  const preview = root.querySelector<HTMLElement>('.sow-preview')!;
  const readiness = root.querySelector<HTMLElement>('.sow-readiness')!;
  const status = root.querySelector<HTMLElement>('.sow-status')!;
  const dialog = root.querySelector<HTMLDialogElement>('.sow-new-dialog')!;
  const importInput = root.querySelector<HTMLInputElement>('.sow-import')!;
  const money = (m: number) => formatMoney(m, cat.company);

  const touched = new Set<string>();
  // Without Web Locks (old browsers) the tab edits as before, unguarded.
  const locks = 'locks' in navigator ? navigator.locks : null;
  let mode: Mode = locks ? 'starting' : 'editing';
  /** Edits made before the lock answered (saved once held), or made to a copy (guarded on leave). */
  let unsaved = false;
  let waiting: AbortController | null = null;
  const notice = el('div', { class: 'sow-elsewhere', hidden: '' }, [
    el('p', { role: 'alert' }),
    el('div', { class: 'sow-dialog-actions' }, [
      button('Take over here', 'take-over', takeOver),
      button('Work on a copy', 'copy', workOnCopy),
    ]),
  ]);
  status.after(notice);
  let draft: SowDraft = emptyDraft(cat);
  const stored = readStored();
  if (stored.draft) draft = stored.draft;
  else if (stored.problem) say(stored.problem, true);

  function readStored(): { draft?: SowDraft; problem?: string } {
    let text: string | null = null;
    try {
      text = localStorage.getItem(STORAGE_KEY);
    } catch {
      return { problem: 'This browser does not allow saving drafts; export your work to keep it.' };
    }
    if (text === null) return {};
    try {
      const result = SowDraftSchema.safeParse(JSON.parse(text));
      if (result.success) return { draft: result.data };
    } catch {
      // Fall through: an unreadable saved draft is reported, not thrown.
    }
    return { problem: 'The saved draft could not be read, so a new one was started.' };
  }

  function save(): void {
    if (mode !== 'editing') {
      // Only the tab holding the draft writes it; a copy lives in this tab alone.
      unsaved = true;
      return;
    }
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
    } catch {
      say('The draft could not be saved in this browser; export it to keep your work.', true);
    }
  }

  function say(message: string, problem = false): void {
    status.textContent = message;
    status.classList.toggle('is-problem', problem);
  }

  // ---- Building the form from the draft ------------------------------------------------

  function field(path: Path, label: string, kind: Kind, options: FieldOptions = {}): HTMLElement {
    const id = domId(path);
    const errorId = `${id}-error`;
    const hintId = options.hint ? `${id}-hint` : undefined;
    const describedBy = [hintId, errorId].filter(Boolean).join(' ');
    const common = {
      id,
      'data-path': key(path),
      'data-kind': kind,
      'aria-describedby': describedBy,
    };
    let control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    const value = getAt(draft, path);
    if (kind === 'lines' || kind === 'textarea') {
      control = el('textarea', { ...common, rows: kind === 'lines' ? '3' : '2' });
      control.value =
        kind === 'lines' ? ((value as string[]) ?? []).join('\n') : String(value ?? '');
    } else if (kind === 'select') {
      control = el('select', common);
      const opts = options.options ?? [];
      const current = String(value ?? '');
      if (!opts.some((o) => o.value === current))
        opts.unshift({ value: current, label: current || 'Choose…' });
      for (const o of opts) {
        const option = el('option', { value: o.value }, [o.label]);
        control.append(option);
      }
      control.value = current;
    } else {
      control = el('input', {
        ...common,
        type: kind,
        ...(kind === 'number' ? { step: 'any', inputmode: 'decimal' } : {}),
        ...(options.min !== undefined ? { min: String(options.min) } : {}),
        ...(options.max !== undefined ? { max: String(options.max) } : {}),
      });
      control.value = value === null || value === undefined ? '' : String(value);
    }
    return el('div', { class: 'sow-field', 'data-field': key(path) }, [
      el('label', { for: id }, [label]),
      ...(options.hint ? [el('p', { id: hintId!, class: 'sow-hint' }, [options.hint])] : []),
      control,
      el('p', { id: errorId, class: 'sow-field-error', 'data-error-for': key(path), hidden: '' }),
    ]);
  }

  function group(legend: string, path: Path | null, children: Node[]): HTMLFieldSetElement {
    const errorId = path ? `${domId(path)}-error` : undefined;
    return el(
      'fieldset',
      { class: 'sow-group', ...(errorId ? { 'aria-describedby': errorId } : {}) },
      [
        el('legend', {}, [legend]),
        ...children,
        ...(path
          ? [
              el('p', {
                id: errorId!,
                class: 'sow-field-error',
                'data-error-for': key(path),
                hidden: '',
              }),
            ]
          : []),
      ],
    );
  }

  function rowList<T>(
    path: Path,
    noun: string,
    rows: T[],
    make: () => T,
    fields: (i: number) => HTMLElement[],
  ): HTMLElement[] {
    const items = rows.map((_, i) =>
      el('div', { class: 'sow-row' }, [
        ...fields(i),
        button(`Remove ${noun} ${i + 1}`, 'remove', () => {
          (getAt(draft, path) as T[]).splice(i, 1);
          changed(true);
        }),
      ]),
    );
    const add = button(`Add ${noun}`, 'add', () => {
      (getAt(draft, path) as T[]).push(make());
      changed(true);
      const last = form.querySelectorAll<HTMLElement>(
        `[data-path^="${key(path)}.${rows.length}."]`,
      )[0];
      last?.focus();
    });
    return [...items, add];
  }

  function button(label: string, kind: string, action: () => void): HTMLButtonElement {
    const b = el('button', { type: 'button', class: `sow-button sow-${kind}` }, [label]);
    b.addEventListener('click', action);
    return b;
  }

  function buildForm(): void {
    const company = cat.company.name;
    const roleOptions = cat.services.rate_card.map((r) => ({
      value: r.id,
      label: `${r.role} (${formatRate(r.hourly, cat.company)} an hour)`,
    }));
    const modelOptions = cat.services.pricing_models.map((m) => ({ value: m.id, label: m.name }));
    const { discount_percent, minimum_monthly_hours } = cat.services.retainer;
    const lines = 'One item per line.';
    const model = draft.pricing.model;
    const pricingFields = [
      field(['pricing', 'model'], 'Pricing model', 'select', { options: modelOptions }),
    ];
    if (model === 'fixed-price') {
      pricingFields.push(
        field(['pricing', 'amount'], `Fixed price (${cat.company.currency})`, 'number', { min: 0 }),
      );
    }
    if (model === 'retainer') {
      pricingFields.push(
        field(['pricing', 'months'], 'Retainer months', 'number', {
          min: 1,
          hint:
            `Team hours are per month, at least ${minimum_monthly_hours} in all; ` +
            `rates are ${formatPercent(discount_percent, cat.company.locale)} off.`,
        }),
      );
    }
    pricingFields.push(
      field(['pricing', 'discount_percent'], 'Discount (%)', 'number', { min: 0, max: 100 }),
      field(['pricing', 'tax_percent'], 'Tax (%)', 'number', { min: 0, max: 100 }),
    );

    const sections = [
      group('Project information', null, [
        field(['project', 'name'], 'Project name', 'text'),
        field(['project', 'reference'], 'Reference', 'text', {
          hint: 'Optional, e.g. a contract number.',
        }),
        field(['client', 'name'], 'Client name', 'text'),
        field(['client', 'contact'], 'Client contact', 'text'),
        field(['client', 'email'], 'Client email', 'email'),
        field(['provider_contact', 'name'], `${company} contact`, 'text'),
        field(['provider_contact', 'email'], `${company} email`, 'email'),
        field(['dates', 'start'], 'Start date', 'date'),
        field(['dates', 'end'], 'End date', 'date'),
        field(['quote', 'issued'], 'Quote issued', 'date', { hint: 'Today when left empty.' }),
        field(['quote', 'valid_until'], 'Quote valid until', 'date', {
          hint: `${QUOTE_VALID_DAYS} days after the quote is issued when left empty.`,
        }),
      ]),
      group('Objectives', null, [field(['objectives'], 'Objectives', 'lines', { hint: lines })]),
      group(
        'Deliverables',
        ['deliverables'],
        rowList(
          ['deliverables'],
          'deliverable',
          draft.deliverables,
          () => ({
            id: `D${draft.deliverables.length + 1}`,
            name: '',
            description: '',
            due: '',
          }),
          (i) => [
            field(['deliverables', i, 'id'], `Deliverable ${i + 1} ID`, 'text'),
            field(['deliverables', i, 'name'], `Deliverable ${i + 1} name`, 'text'),
            field(
              ['deliverables', i, 'description'],
              `Deliverable ${i + 1} description`,
              'textarea',
            ),
            field(['deliverables', i, 'due'], `Deliverable ${i + 1} due date`, 'date'),
          ],
        ),
      ),
      group('Out of scope', null, [
        field(['out_of_scope'], 'Out of scope', 'lines', { hint: lines }),
      ]),
      group('Technical requirements', null, [
        field(['technical_requirements', 'prerequisites'], 'Prerequisites', 'lines', {
          hint: lines,
        }),
        field(['technical_requirements', 'environments'], 'Environments', 'lines', { hint: lines }),
        field(['technical_requirements', 'stack'], 'Technology stack', 'lines', { hint: lines }),
      ]),
      group(
        'Timeline',
        ['phases'],
        rowList(
          ['phases'],
          'phase',
          draft.phases,
          () => ({ name: '', duration: '', milestones: [] }),
          (i) => [
            field(['phases', i, 'name'], `Phase ${i + 1} name`, 'text'),
            field(['phases', i, 'duration'], `Phase ${i + 1} duration`, 'text'),
            field(['phases', i, 'milestones'], `Phase ${i + 1} milestones`, 'lines', {
              hint: lines,
            }),
          ],
        ),
      ),
      group(
        `${company} team`,
        ['resources', 'provider'],
        rowList(
          ['resources', 'provider'],
          'team role',
          draft.resources.provider,
          () => ({
            role: cat.services.rate_card[0]?.id ?? '',
            name: '',
            hours: null,
            allocation: null,
          }),
          (i) => [
            field(['resources', 'provider', i, 'role'], `Team role ${i + 1}`, 'select', {
              options: [...roleOptions],
            }),
            field(['resources', 'provider', i, 'name'], `Team role ${i + 1} person`, 'text'),
            field(['resources', 'provider', i, 'hours'], `Team role ${i + 1} hours`, 'number', {
              min: 0,
            }),
            field(
              ['resources', 'provider', i, 'allocation'],
              `Team role ${i + 1} allocation (%)`,
              'number',
              { min: 0, max: 100 },
            ),
          ],
        ),
      ),
      group(
        'Client team',
        ['resources', 'client'],
        rowList(
          ['resources', 'client'],
          'client role',
          draft.resources.client,
          () => ({ role: '', name: '', responsibilities: '' }),
          (i) => [
            field(['resources', 'client', i, 'role'], `Client role ${i + 1}`, 'text'),
            field(['resources', 'client', i, 'name'], `Client role ${i + 1} person`, 'text'),
            field(
              ['resources', 'client', i, 'responsibilities'],
              `Client role ${i + 1} responsibilities`,
              'text',
            ),
          ],
        ),
      ),
      group('Pricing', ['pricing'], pricingFields),
      group(
        'Payment schedule',
        ['payment_schedule'],
        [
          ...rowList(
            ['payment_schedule'],
            'payment',
            draft.payment_schedule,
            () => ({ milestone: '', percent: null, due: '' }),
            (i) => [
              field(['payment_schedule', i, 'milestone'], `Payment ${i + 1} milestone`, 'text'),
              field(['payment_schedule', i, 'percent'], `Payment ${i + 1} share (%)`, 'number', {
                min: 0,
                max: 100,
              }),
              field(['payment_schedule', i, 'due'], `Payment ${i + 1} due`, 'text'),
            ],
          ),
          el('p', { class: 'sow-schedule-sum', 'aria-live': 'polite' }),
        ],
      ),
      group('Terms', null, [
        field(['assumptions'], 'Assumptions', 'lines', { hint: lines }),
        field(['acceptance_criteria'], 'Acceptance criteria', 'lines', { hint: lines }),
        field(['change_management'], 'Change management', 'lines', { hint: lines }),
      ]),
    ];
    form.replaceChildren(...sections);
    applyMode();
  }

  // ---- Reacting to changes -----------------------------------------------------------------

  function readControl(
    control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  ): unknown {
    const kind = control.dataset.kind;
    if (kind === 'number') {
      if (control.value.trim() === '') return null;
      const n = Number(control.value);
      return Number.isFinite(n) ? n : null;
    }
    if (kind === 'lines') return control.value.split('\n');
    return control.value;
  }

  function onInput(event: Event): void {
    const control = event.target as HTMLInputElement;
    const pathText = control.dataset?.path;
    if (!pathText) return;
    const path = pathText.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    setAt(draft, path, readControl(control));
    touched.add(pathText);
    // The pricing model decides which pricing fields exist.
    changed(pathText === 'pricing.model');
  }

  function changed(rebuild: boolean): void {
    save();
    if (rebuild) {
      const focused =
        document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
      buildForm();
      if (focused) document.getElementById(focused)?.focus();
    }
    refresh();
  }

  function refresh(): void {
    const { issues } = validateEngagement(normalizeDraft(draft), cat);
    showIssues(issues);
    preview.innerHTML = renderSowDocument(draft, cat);
    const sum = schedulePercent(draft);
    const sumText = form.querySelector('.sow-schedule-sum');
    if (sumText)
      sumText.textContent =
        sum === null
          ? ''
          : `The schedule adds up to ${formatPercent(Math.round(sum * 10_000) / 10_000, cat.company.locale)}.`;
    const totals = priceEngagement(draft, cat);
    const problems = issues.length;
    const soFar = totals ? `; total so far ${money(totals.total)}` : '';
    readiness.textContent =
      problems === 0
        ? `Ready to sign. Total ${totals ? money(totals.total) : ''}.`
        : `${problems} ${problems === 1 ? 'thing' : 'things'} to complete or fix before this SOW is ready${soFar}.`;
  }

  function showIssues(issues: SowIssue[]): void {
    const messages = new Map<string, string[]>();
    for (const issue of issues) {
      // Place each problem at its own field, or the nearest group that holds it.
      let path = [...issue.path];
      while (path.length > 0 && !form.querySelector(`[data-error-for="${key(path)}"]`))
        path = path.slice(0, -1);
      const at = key(path);
      if (!at) continue;
      if (issue.missing && !touched.has(key(issue.path)) && !touched.has(at)) continue;
      const text = issue.missing ? 'Required.' : capitalise(issue.message) + '.';
      messages.set(at, [...(messages.get(at) ?? []), text]);
    }
    for (const error of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
      const at = error.dataset.errorFor!;
      const list = messages.get(at);
      error.textContent = list ? [...new Set(list)].join(' ') : '';
      error.hidden = !list;
      const control = form.querySelector(`[data-path="${at}"]`);
      if (control) {
        if (list) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
    }
  }

  // ---- One editing tab ------------------------------------------------------------------------

  const NOTICES: Partial<Record<Mode, string>> = {
    elsewhere:
      'This draft is open in another tab. So that neither tab overwrites the other, it is ' +
      'read-only here and nothing is saved from this tab until you choose.',
    moved:
      'The draft moved to another tab, where it is now edited. This tab stopped saving it ' +
      'and is read-only.',
    copy:
      'You are working on a copy in this tab. It is not saved in this browser and leaves the ' +
      'draft in the other tab unchanged: export it as JSON to keep it.',
  };

  /** Shows the notice for the mode and lets the form and toolbar change only where this tab may. */
  function applyMode(): void {
    const readOnly = mode === 'elsewhere' || mode === 'moved';
    for (const set of form.querySelectorAll('fieldset')) set.disabled = readOnly;
    importInput.disabled = readOnly;
    root.querySelector<HTMLButtonElement>('.sow-new')!.disabled = readOnly;
    const text = NOTICES[mode];
    notice.hidden = text === undefined;
    notice.querySelector('p')!.textContent = text ?? '';
    notice.querySelector<HTMLElement>('.sow-dialog-actions')!.hidden = !readOnly;
  }

  /** Shows `next` (the saved draft, or this tab's own) in the given mode. */
  function show(next: Mode, reread: boolean): void {
    mode = next;
    if (reread) {
      const saved = readStored();
      if (saved.draft) draft = saved.draft;
      touched.clear();
      buildForm();
      refresh();
    } else applyMode();
  }

  /**
   * Asks for the lock and keeps it until the tab closes or another tab steals it, which rejects
   * the request: this tab then stops saving. Only a request that was granted can be stolen.
   */
  function claim(options: LockOptions, granted: () => void): void {
    let held = false;
    locks!
      .request(LOCK_NAME, options, (lock) => {
        if (lock === null) return elsewhere();
        held = true;
        granted();
        return new Promise<void>(() => {});
      })
      .catch(() => {
        if (held && mode === 'editing') {
          show('moved', false);
          waitForLock();
        }
      });
  }

  function elsewhere(): void {
    show('elsewhere', true);
    waitForLock();
  }

  /** When the tab holding the draft closes, this one (still undecided) edits it. */
  function waitForLock(): void {
    waiting = new AbortController();
    claim({ signal: waiting.signal }, () => {
      waiting = null;
      show('editing', true);
      say('The other tab closed, so the draft is edited here now.');
    });
  }

  function takeOver(): void {
    waiting?.abort();
    waiting = null;
    claim({ steal: true }, () => {
      // The other tab saved every change as it was made, so the saved draft is the latest.
      show('editing', true);
      say('The draft is edited in this tab now; the other tab stopped saving it.');
    });
  }

  function workOnCopy(): void {
    waiting?.abort();
    waiting = null;
    unsaved = false;
    show('copy', false);
  }

  // A read-only tab follows the draft as the editing tab saves it.
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY || (mode !== 'elsewhere' && mode !== 'moved')) return;
    const saved = readStored();
    if (!saved.draft) return;
    draft = saved.draft;
    buildForm();
    refresh();
  });
  // Leaving a copy with changes asks first: the copy exists only in this tab.
  window.addEventListener('beforeunload', (event) => {
    if (mode === 'copy' && unsaved) event.preventDefault();
  });

  // ---- Toolbar: print, export, import, new ---------------------------------------------------

  function exportDraft(): void {
    const blob = new Blob([`${JSON.stringify(draft, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const slug = [draft.client.name, draft.project.name]
      .join(' ')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60);
    const link = el('a', { href: url, download: `sow-${slug || 'draft'}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    say('Exported the draft as JSON.');
  }

  async function importDraft(file: File): Promise<void> {
    const refuse = (why: string) =>
      say(`Nothing was imported: ${why} Your draft is unchanged.`, true);
    if (file.size > MAX_IMPORT_BYTES) {
      return refuse(
        `"${file.name}" is too large to be a SOW draft (over ${Math.round(MAX_IMPORT_BYTES / 1024)} KB).`,
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch {
      return refuse(`"${file.name}" is not valid JSON.`);
    }
    const result = SowDraftSchema.safeParse(value);
    if (!result.success) {
      const first = result.error.issues[0]!;
      const where = first.path.length ? first.path.map(String).join('.') : 'the file';
      return refuse(
        `"${file.name}" is not a SOW draft exported from this page (${where}: ${first.message}).`,
      );
    }
    draft = result.data;
    touched.clear();
    save();
    buildForm();
    refresh();
    say(`Imported "${file.name}".`);
  }

  root.querySelector('.sow-print')!.addEventListener('click', () => window.print());
  root.querySelector('.sow-export')!.addEventListener('click', exportDraft);
  importInput.addEventListener('change', () => {
    const file = importInput.files?.[0];
    importInput.value = '';
    if (file) void importDraft(file);
  });
  root.querySelector('.sow-new')!.addEventListener('click', () => dialog.showModal());
  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'discard') return;
    draft = emptyDraft(cat);
    touched.clear();
    save();
    buildForm();
    refresh();
    say('Started a new SOW.');
    form.querySelector<HTMLElement>('[data-path]')?.focus();
  });
  form.addEventListener('input', onInput);
  form.addEventListener('submit', (event) => event.preventDefault());

  buildForm();
  if (locks) {
    claim({ ifAvailable: true }, () => {
      const pending = unsaved;
      show('editing', false);
      if (pending) save();
    });
  }
  // The first preview waits for the next task, so a slow phone paints the form sooner and no
  // single task holds the page for long; typing before then refreshes the preview anyway.
  setTimeout(() => {
    refresh();
    root.classList.add('is-ready');
  }, 0);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
