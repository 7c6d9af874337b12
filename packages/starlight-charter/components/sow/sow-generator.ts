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
import { localToday, renderSowDocument } from '../../lib/sow-document.ts';
import { formatMoney } from '../../lib/money.ts';
import { translator, type Messages } from '../../lib/i18n.ts';
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
  // Charter's words in the page's language, put on the root by SowGenerator.astro.
  const words = JSON.parse(root.dataset.charterWords ?? '{}') as Messages;
  const t = translator(document.documentElement.lang || 'en', words);

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
      button(t('charter.sowForm.takeOver'), 'take-over', takeOver),
      button(t('charter.sowForm.workOnCopy'), 'copy', workOnCopy),
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
      return { problem: t('charter.sowForm.noStorage') };
    }
    if (text === null) return {};
    try {
      const result = SowDraftSchema.safeParse(JSON.parse(text));
      if (result.success) return { draft: result.data };
    } catch {
      // Fall through: an unreadable saved draft is reported, not thrown.
    }
    return { problem: t('charter.sowForm.unreadable') };
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
      say(t('charter.sowForm.notSaved'), true);
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
        opts.unshift({ value: current, label: current || t('charter.sowForm.choose') });
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
    labels: { add: string; remove: (n: number) => string },
    rows: T[],
    make: () => T,
    fields: (i: number) => HTMLElement[],
  ): HTMLElement[] {
    const items = rows.map((_, i) =>
      el('div', { class: 'sow-row' }, [
        ...fields(i),
        button(labels.remove(i + 1), 'remove', () => {
          (getAt(draft, path) as T[]).splice(i, 1);
          changed(true);
        }),
      ]),
    );
    const add = button(labels.add, 'add', () => {
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
      label: t('charter.sowForm.roleOption', {
        role: r.role,
        rate: formatRate(r.hourly, cat.company),
      }),
    }));
    const modelOptions = cat.services.pricing_models.map((m) => ({ value: m.id, label: m.name }));
    const { discount_percent, minimum_monthly_hours } = cat.services.retainer;
    const lines = t('charter.sowForm.lines');
    const model = draft.pricing.model;
    const n = (number: number) => ({ number });
    const pricingFields = [
      field(['pricing', 'model'], t('charter.sow.pricingModel'), 'select', {
        options: modelOptions,
      }),
    ];
    if (model === 'fixed-price') {
      pricingFields.push(
        field(
          ['pricing', 'amount'],
          t('charter.sowForm.fixedPrice', { currency: cat.company.currency }),
          'number',
          { min: 0 },
        ),
      );
    }
    if (model === 'retainer') {
      pricingFields.push(
        field(['pricing', 'months'], t('charter.sowForm.retainerMonths'), 'number', {
          min: 1,
          hint: t('charter.sowForm.retainerHint', {
            count: minimum_monthly_hours,
            minimum: minimum_monthly_hours,
            discount: formatPercent(discount_percent, cat.company.locale),
          }),
        }),
      );
    }
    pricingFields.push(
      field(['pricing', 'discount_percent'], t('charter.sowForm.discount'), 'number', {
        min: 0,
        max: 100,
      }),
      field(['pricing', 'tax_percent'], t('charter.sowForm.tax'), 'number', { min: 0, max: 100 }),
    );

    const sections = [
      group(t('charter.sow.projectInformation'), null, [
        field(['project', 'name'], t('charter.sow.projectName'), 'text'),
        field(['project', 'reference'], t('charter.sow.reference'), 'text', {
          hint: t('charter.sowForm.referenceHint'),
        }),
        field(['client', 'name'], t('charter.sow.clientName'), 'text'),
        field(['client', 'contact'], t('charter.sow.clientContact'), 'text'),
        field(['client', 'email'], t('charter.sowForm.clientEmail'), 'email'),
        field(['provider_contact', 'name'], t('charter.sow.providerContact', { company }), 'text'),
        field(
          ['provider_contact', 'email'],
          t('charter.sowForm.providerEmail', { company }),
          'email',
        ),
        field(['dates', 'start'], t('charter.sow.startDate'), 'date'),
        field(['dates', 'end'], t('charter.sow.endDate'), 'date'),
        field(['quote', 'issued'], t('charter.sowForm.quoteIssued'), 'date', {
          hint: t('charter.sowForm.quoteIssuedHint'),
        }),
        field(['quote', 'valid_until'], t('charter.sow.quoteValidUntil'), 'date', {
          hint: t('charter.sowForm.validUntilHint', { count: QUOTE_VALID_DAYS }),
        }),
      ]),
      group(t('charter.sow.objectives'), null, [
        field(['objectives'], t('charter.sow.objectives'), 'lines', { hint: lines }),
      ]),
      group(
        t('charter.sow.deliverables'),
        ['deliverables'],
        rowList(
          ['deliverables'],
          {
            add: t('charter.sowForm.addDeliverable'),
            remove: (i) => t('charter.sowForm.removeDeliverable', n(i)),
          },
          draft.deliverables,
          () => ({
            id: t('charter.sow.deliverableId', n(draft.deliverables.length + 1)),
            name: '',
            description: '',
            due: '',
          }),
          (i) => [
            field(['deliverables', i, 'id'], t('charter.sowForm.deliverableId', n(i + 1)), 'text'),
            field(
              ['deliverables', i, 'name'],
              t('charter.sowForm.deliverableName', n(i + 1)),
              'text',
            ),
            field(
              ['deliverables', i, 'description'],
              t('charter.sowForm.deliverableDescription', n(i + 1)),
              'textarea',
            ),
            field(
              ['deliverables', i, 'due'],
              t('charter.sowForm.deliverableDue', n(i + 1)),
              'date',
            ),
          ],
        ),
      ),
      group(t('charter.sow.outOfScope'), null, [
        field(['out_of_scope'], t('charter.sow.outOfScope'), 'lines', { hint: lines }),
      ]),
      group(t('charter.sow.technical'), null, [
        field(
          ['technical_requirements', 'prerequisites'],
          t('charter.sow.prerequisites'),
          'lines',
          {
            hint: lines,
          },
        ),
        field(['technical_requirements', 'environments'], t('charter.sow.environments'), 'lines', {
          hint: lines,
        }),
        field(['technical_requirements', 'stack'], t('charter.sow.stack'), 'lines', {
          hint: lines,
        }),
      ]),
      group(
        t('charter.sow.timeline'),
        ['phases'],
        rowList(
          ['phases'],
          {
            add: t('charter.sowForm.addPhase'),
            remove: (i) => t('charter.sowForm.removePhase', n(i)),
          },
          draft.phases,
          () => ({ name: '', duration: '', milestones: [] }),
          (i) => [
            field(['phases', i, 'name'], t('charter.sowForm.phaseName', n(i + 1)), 'text'),
            field(['phases', i, 'duration'], t('charter.sowForm.phaseDuration', n(i + 1)), 'text'),
            field(
              ['phases', i, 'milestones'],
              t('charter.sowForm.phaseMilestones', n(i + 1)),
              'lines',
              { hint: lines },
            ),
          ],
        ),
      ),
      group(
        t('charter.sow.providerTeam', { company }),
        ['resources', 'provider'],
        rowList(
          ['resources', 'provider'],
          {
            add: t('charter.sowForm.addTeamRole'),
            remove: (i) => t('charter.sowForm.removeTeamRole', n(i)),
          },
          draft.resources.provider,
          () => ({
            role: cat.services.rate_card[0]?.id ?? '',
            name: '',
            hours: null,
            allocation: null,
          }),
          (i) => [
            field(
              ['resources', 'provider', i, 'role'],
              t('charter.sowForm.teamRole', n(i + 1)),
              'select',
              { options: [...roleOptions] },
            ),
            field(
              ['resources', 'provider', i, 'name'],
              t('charter.sowForm.teamRolePerson', n(i + 1)),
              'text',
            ),
            field(
              ['resources', 'provider', i, 'hours'],
              t('charter.sowForm.teamRoleHours', n(i + 1)),
              'number',
              { min: 0 },
            ),
            field(
              ['resources', 'provider', i, 'allocation'],
              t('charter.sowForm.teamRoleAllocation', n(i + 1)),
              'number',
              { min: 0, max: 100 },
            ),
          ],
        ),
      ),
      group(
        t('charter.sow.clientTeam'),
        ['resources', 'client'],
        rowList(
          ['resources', 'client'],
          {
            add: t('charter.sowForm.addClientRole'),
            remove: (i) => t('charter.sowForm.removeClientRole', n(i)),
          },
          draft.resources.client,
          () => ({ role: '', name: '', responsibilities: '' }),
          (i) => [
            field(
              ['resources', 'client', i, 'role'],
              t('charter.sowForm.clientRole', n(i + 1)),
              'text',
            ),
            field(
              ['resources', 'client', i, 'name'],
              t('charter.sowForm.clientRolePerson', n(i + 1)),
              'text',
            ),
            field(
              ['resources', 'client', i, 'responsibilities'],
              t('charter.sowForm.clientRoleResponsibilities', n(i + 1)),
              'text',
            ),
          ],
        ),
      ),
      group(t('charter.sow.pricing'), ['pricing'], pricingFields),
      group(
        t('charter.sow.paymentSchedule'),
        ['payment_schedule'],
        [
          ...rowList(
            ['payment_schedule'],
            {
              add: t('charter.sowForm.addPayment'),
              remove: (i) => t('charter.sowForm.removePayment', n(i)),
            },
            draft.payment_schedule,
            () => ({ milestone: '', percent: null, due: '' }),
            (i) => [
              field(
                ['payment_schedule', i, 'milestone'],
                t('charter.sowForm.paymentMilestone', n(i + 1)),
                'text',
              ),
              field(
                ['payment_schedule', i, 'percent'],
                t('charter.sowForm.paymentShare', n(i + 1)),
                'number',
                { min: 0, max: 100 },
              ),
              field(
                ['payment_schedule', i, 'due'],
                t('charter.sowForm.paymentDue', n(i + 1)),
                'text',
              ),
            ],
          ),
          el('p', { class: 'sow-schedule-sum', 'aria-live': 'polite' }),
        ],
      ),
      group(t('charter.sow.terms'), null, [
        field(['assumptions'], t('charter.sow.assumptions'), 'lines', { hint: lines }),
        field(['acceptance_criteria'], t('charter.sow.acceptance'), 'lines', { hint: lines }),
        field(['change_management'], t('charter.sow.changes'), 'lines', { hint: lines }),
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
    const { issues } = validateEngagement(normalizeDraft(draft), cat, t);
    showIssues(issues);
    preview.innerHTML = renderSowDocument(draft, cat, localToday(), t);
    const sum = schedulePercent(draft);
    const sumText = form.querySelector('.sow-schedule-sum');
    if (sumText)
      sumText.textContent =
        sum === null
          ? ''
          : t('charter.sowForm.scheduleSum', {
              sum: formatPercent(Math.round(sum * 10_000) / 10_000, cat.company.locale),
            });
    const totals = priceEngagement(draft, cat);
    const problems = issues.length;
    readiness.textContent =
      problems === 0
        ? t('charter.sowForm.ready', { total: totals ? money(totals.total) : '' })
        : totals
          ? t('charter.sowForm.toFixSoFar', { count: problems, total: money(totals.total) })
          : t('charter.sowForm.toFix', { count: problems });
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
      const text = issue.missing
        ? t('charter.sowForm.required')
        : t('charter.sowForm.problem', { message: capitalise(issue.message) });
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
    elsewhere: t('charter.sowForm.elsewhere'),
    moved: t('charter.sowForm.moved'),
    copy: t('charter.sowForm.copy'),
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
      say(t('charter.sowForm.otherClosed'));
    });
  }

  function takeOver(): void {
    waiting?.abort();
    waiting = null;
    claim({ steal: true }, () => {
      // The other tab saved every change as it was made, so the saved draft is the latest.
      show('editing', true);
      say(t('charter.sowForm.tookOver'));
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
    say(t('charter.sowForm.exported'));
  }

  async function importDraft(file: File): Promise<void> {
    const refuse = (why: string) => say(t('charter.sowForm.notImported', { why }), true);
    if (file.size > MAX_IMPORT_BYTES) {
      return refuse(
        t('charter.sowForm.tooLarge', {
          file: file.name,
          size: Math.round(MAX_IMPORT_BYTES / 1024),
        }),
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch {
      return refuse(t('charter.sowForm.notJson', { file: file.name }));
    }
    const result = SowDraftSchema.safeParse(value);
    if (!result.success) {
      const first = result.error.issues[0]!;
      const where = first.path.length
        ? first.path.map(String).join('.')
        : t('charter.sowForm.theFile');
      return refuse(
        t('charter.sowForm.notADraft', { file: file.name, where, message: first.message }),
      );
    }
    draft = result.data;
    touched.clear();
    save();
    buildForm();
    refresh();
    say(t('charter.sowForm.imported', { file: file.name }));
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
    say(t('charter.sowForm.started'));
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
