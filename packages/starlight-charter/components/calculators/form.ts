/**
 * Browser helpers shared by the calculator widgets: read a field strictly, show its error next
 * to it, rebuild the result region from text nodes (never markup), and keep the query string in
 * step with the form. The arithmetic itself lives in lib/.
 */
import { translator, type Messages, type Translate } from '../../lib/i18n.ts';
import { parseNumberInput, type NumberRule } from '../../lib/number-input.ts';
import { ignoredNote, readUrlState, writeUrlState, type FieldCheck } from '../../lib/url-state.ts';

type Child = Node | string | null | undefined | false;

/** Creates an element with attributes and text or element children; text is never parsed as HTML. */
export function h(
  tag: string,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** The data a widget embedded as `<script type="application/json" id=…>`. */
export function readJson<T>(id: string): T {
  return JSON.parse(document.getElementById(id)!.textContent!) as T;
}

/**
 * Charter's words for the calculator around `el`, in the page's language: the form carries
 * exactly the texts its script needs (Calculator.astro), so the script holds no words itself.
 */
export function wordsFor(el: Element): Translate {
  const holder = el.closest<HTMLElement>('[data-charter-words]');
  const messages = JSON.parse(holder?.dataset.charterWords ?? '{}') as Messages;
  return translator(document.documentElement.lang || 'en', messages);
}

/** The company's locale for numbers, money and dates, from the calculator around `el`. */
export function localeFor(el: Element): string {
  return el.closest<HTMLElement>('[data-charter-locale]')?.dataset.charterLocale ?? 'en-US';
}

export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`Charter: calculator element #${id} is missing.`);
  return el as T;
}

/**
 * Fields the person has changed or left. A field shows its error only once touched, so a
 * calculator opens on its defaults without scolding anyone for what they have not typed yet.
 */
const touched = new WeakSet<Element>();

/**
 * Shows `message` next to the field (or clears it with null) and marks the field invalid; for
 * a field not yet touched the message waits, and the result says what is missing instead.
 */
export function setError(
  input: HTMLInputElement | HTMLSelectElement,
  message: string | null,
): void {
  const error = document.getElementById(`${input.id}-error`)!;
  const shown = message !== null && touched.has(input);
  error.textContent = shown ? message : '';
  error.hidden = !shown;
  if (shown) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** The field's number, or null after showing why it is not one. */
export function readNumber(input: HTMLInputElement, rule: NumberRule): number | null {
  const parsed = parseNumberInput(input.value, rule, wordsFor(input));
  setError(input, parsed.ok ? null : parsed.message);
  return parsed.ok ? parsed.value : null;
}

/**
 * Replaces the result region's content; with no nodes, says which fields need fixing, or (when
 * the field at fault has not been touched, e.g. an empty fee) that a field needs completing.
 */
export function showResult(region: HTMLElement, nodes: Node[] | null): void {
  const flagged = region.closest('form')?.querySelector('[aria-invalid="true"]');
  const t = wordsFor(region);
  region.replaceChildren(
    ...(nodes ?? [
      h(
        'p',
        { class: 'calc-wait' },
        flagged ? t('charter.calc.correctField') : t('charter.calc.completeFields'),
      ),
    ]),
  );
}

/** A description list of label → value pairs, each value in an element marked `data-result`. */
export function resultList(rows: [key: string, label: string, value: string][]): HTMLElement {
  return h(
    'dl',
    { class: 'calc-figures' },
    ...rows.flatMap(([key, label, value]) => [
      h('dt', {}, label),
      h('dd', { 'data-result': key }, value),
    ]),
  );
}

/**
 * Fills the form from the query string. Values a field rejects are left at their defaults and
 * named in the form's note; the note is text, so a hostile value cannot become markup.
 */
export function applyUrl(
  formId: string,
  checks: Record<string, FieldCheck>,
): Record<string, string> {
  const state = readUrlState(window.location.search, checks);
  const note = document.getElementById(`${formId}-note`)!;
  const text = ignoredNote(state.ignored, wordsFor(note));
  note.textContent = text ?? '';
  note.hidden = text === null;
  return state.values;
}

/** Writes the form's state to the address bar and the "link to this result" anchor. */
export function syncUrl(formId: string, values: Record<string, string | undefined>): void {
  const url = `${window.location.pathname}${writeUrlState(values)}`;
  window.history.replaceState(null, '', url);
  (document.getElementById(`${formId}-link`) as HTMLAnchorElement).href = url;
}

/**
 * Runs `update` now and whenever a field changes. Changing or leaving a field touches it, so
 * its error can show; submitting (Enter) touches every field and never reloads the page.
 */
export function wire(form: HTMLFormElement, update: () => void): void {
  const touch = (event: Event) => {
    if (event.target instanceof Element && event.target.closest('.calc-field'))
      touched.add(event.target);
    update();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const field of form.elements) touched.add(field);
    update();
  });
  // A form of several text fields and no button is not submitted by Enter, so submit it here.
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    form.requestSubmit();
  });
  form.addEventListener('input', touch);
  form.addEventListener('change', touch);
  form.addEventListener('focusout', touch);
  update();
}
