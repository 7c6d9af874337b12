import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../data/load';
import { languageOf, translator } from '../../lib/i18n';
import { planCells, TARGET_FIELDS, targetCells } from '../../lib/published';
import type { Check, Finding } from './check';
import { loadForLint } from './commercial-lint';
import { markedRows } from './html-rows';
import { shown } from './site';
import type { DataFileName } from '../../schemas/index';

/** Built pages whose tables are compared with the data, relative to the build directory. */
export const PRICING_PAGE = 'commercial/pricing/index.html';
export const SLA_PAGE = 'commercial/sla/index.html';

interface Expected {
  /** `plan "professional"` */
  label: string;
  /** Attribute values that identify the row. */
  key: Record<string, string>;
  cells: Record<string, string>;
}

function comparePage(
  file: string,
  html: string,
  marker: string,
  what: string,
  expected: Expected[],
): Finding[] {
  const findings: Finding[] = [];
  const error = (text: string) => findings.push({ level: 'error', text });
  const rows = markedRows(html, marker);
  if (rows.length === 0) {
    error(
      `${file}: no ${what} rows (<tr ${marker}>); mark the table's rows so its figures can be checked`,
    );
    return findings;
  }
  for (const want of expected) {
    const matching = rows.filter((r) =>
      Object.entries(want.key).every(([k, v]) => r.attrs[k] === v),
    );
    if (matching.length === 0) {
      const attrs = Object.entries(want.key)
        .map(([k, v]) => `${k}="${v}"`)
        .join(' ');
      error(`${file}: no row for ${want.label} (<tr ${attrs}>)`);
    }
    for (const row of matching) {
      for (const [field, data] of Object.entries(want.cells)) {
        // Cells are read with their spaces collapsed, no-break spaces too (de-DE puts one
        // before "€"), so the data's text is compared collapsed the same way.
        const text = collapse(data);
        const shown = row.cells[field];
        if (shown === undefined)
          error(
            `${file}:${row.line}: ${want.label} has no ${field} cell (<td data-field="${field}">)`,
          );
        else if (shown !== text)
          error(
            `${file}:${row.line}: ${want.label} ${field} shows "${shown}", the data says "${text}"`,
          );
      }
    }
  }
  return findings;
}

/**
 * Compares the pricing and SLA tables of a build in `dist` with the Catalog; `base` is where
 * Charter's pages are inside the build (the site's prefix, such as "support/").
 */
export function comparePublished(catalog: Catalog, dist: string, base = ''): Finding[] {
  const findings: Finding[] = [];
  // The pages speak the site's language; compare with what they say in it.
  const t = translator(languageOf(catalog.company.locale));
  const read = (page: string): string | null => {
    const path = join(dist, base, page);
    if (existsSync(path)) return readFileSync(path, 'utf8');
    findings.push({ level: 'error', text: `${shown(path)}: page not found in the build` });
    return null;
  };

  const pricing = read(PRICING_PAGE);
  if (pricing !== null) {
    // Every cell planCells gives: the price, and what is included and what more costs of
    // each meter the data declares.
    const plans: Expected[] = catalog.pricing.plans.map((plan) => ({
      label: `plan "${plan.id}"`,
      key: { 'data-plan': plan.id },
      cells: planCells(catalog, plan, t),
    }));
    findings.push(
      ...comparePage(shown(join(dist, base, PRICING_PAGE)), pricing, 'data-plan', 'plan', plans),
    );
  }

  const sla = read(SLA_PAGE);
  if (sla !== null) {
    const targets: Expected[] = catalog.sla.tiers.flatMap((entry) =>
      catalog.severities.severities.map((sev) => ({
        label: `tier "${entry.tier}" severity "${sev.id}"`,
        key: { 'data-tier': entry.tier, 'data-severity': sev.id },
        cells: pick(targetCells(catalog, entry.tier, sev.id, t), TARGET_FIELDS),
      })),
    );
    findings.push(
      ...comparePage(shown(join(dist, base, SLA_PAGE)), sla, 'data-tier', 'SLA target', targets),
    );
  }
  return findings;
}

/** The terms file changed last, with its time; null for a folder without YAML files. */
export function newestTermsFile(dir: string): { file: string; mtimeMs: number } | null {
  if (!existsSync(dir)) return null;
  let newest: { file: string; mtimeMs: number } | null = null;
  for (const name of readdirSync(dir)) {
    if (!/\.ya?ml$/.test(name)) continue;
    const file = join(dir, name);
    const { mtimeMs } = statSync(file);
    if (!newest || mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  }
  return newest;
}

/**
 * When the build was made: the time its pricing page was written (the SLA page's, or the
 * folder's, when that is missing). Pages are written anew by every build.
 */
export function buildTime(dist: string, base = ''): number {
  for (const page of [PRICING_PAGE, SLA_PAGE]) {
    const path = join(dist, base, page);
    if (existsSync(path)) return statSync(path).mtimeMs;
  }
  return statSync(dist).mtimeMs;
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function pick<T extends string>(
  cells: Record<T, string>,
  fields: readonly T[],
): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, cells[f]]));
}

/**
 * Published figures: after a build, every marked cell of the pricing and SLA pages must show
 * exactly the terms' text. Without a build there is nothing to compare, and it says so; a build
 * older than the terms shows the terms before their last change, so it is not compared either
 * (its differences would be the edits, not mistakes) and a note asks for a new build.
 */
export function publishedCheck(
  dataDir: string,
  dist = 'dist',
  out: NodeJS.WritableStream = process.stdout,
  options: { prefix?: string; optional?: readonly DataFileName[] } = {},
): Check {
  const base = (options.prefix ?? '/').slice(1);
  return {
    name: `published (${shown(dist)})`,
    run(): Finding[] {
      if (!existsSync(dist)) {
        out.write(
          `note: ${shown(dist)}/ not found; build the site to compare the published tables with the terms\n`,
        );
        return [];
      }
      const newest = newestTermsFile(dataDir);
      if (newest && newest.mtimeMs > buildTime(dist, base)) {
        out.write(
          `note: published tables not compared (skipped: ${shown(dist)} is older than ` +
            `${shown(newest.file)}; run the build first)\n`,
        );
        return [];
      }
      const loaded = loadForLint(dataDir, options.optional);
      if (Array.isArray(loaded)) return [];
      return comparePublished(loaded.catalog, dist, base);
    },
  };
}
