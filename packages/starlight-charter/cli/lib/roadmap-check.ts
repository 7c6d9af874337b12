import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../../data/load';
import { loadCatalog } from '../../data/load';
import { PAGE_FOLDERS, sectionOfPage } from '../../pages/index';
import { charterSidebar } from '../../sidebar';
import type { Check, Finding } from './check';
import { parseRoadmap, type Roadmap, type RoadmapItem } from './roadmap';
import { fileExists, routeInBuild, routeInSources, walk } from './routes';
import type { Site } from './site';
import { siteRoutes } from './site-routes';

/** One roadmap finding, printed as `ROADMAP.md:LINE: message`. */
export interface RoadmapFinding {
  level: 'error' | 'warning';
  line: number;
  message: string;
}

/** A part of the site the roadmap should mention: a section of pages, or the knowledge base. */
export interface Capability {
  /** Its folder's name: `calculators`, `kb`. */
  name: string;
  /** Its sidebar label, when it has one. */
  label?: string;
  /** Its folder, relative to the roadmap's root. */
  where: string;
}

export interface RoadmapContext {
  /** The project's root: file references are looked up here. */
  root: string;
  /** The built site, or null to resolve routes against `routes` instead. */
  dist: string | null;
  /** The routes the site's sources produce (site-routes.ts). */
  routes: RegExp[];
  /** Where those routes come from, in words, for messages. */
  routesFrom: string;
  /** Today as YYYY-MM-DD; completion dates after it are errors. */
  today: string;
  /** The company's terms, for tier, plan and severity names (null: names are not checked). */
  catalog: Catalog | null;
  /** The terms folder, relative to root, whose files are capabilities. */
  dataDir: string;
  /** The sections the site ships. */
  capabilities: Capability[];
}

export interface RoadmapRule {
  id: string;
  run(roadmap: Roadmap, ctx: RoadmapContext): RoadmapFinding[];
}

/** The lines as readers see them: HTML comments and fenced code blanked, line numbers kept. */
export function visibleLines(lines: string[]): string[] {
  let inFence = false;
  let inComment = false;
  return lines.map((raw) => {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      return '';
    }
    if (inFence) return '';
    let line = raw;
    if (inComment) {
      const end = line.indexOf('-->');
      if (end < 0) return '';
      line = line.slice(end + 3);
      inComment = false;
    }
    line = line.replace(/<!--.*?-->/g, '');
    if (line.includes('<!--')) {
      line = line.slice(0, line.indexOf('<!--'));
      inComment = true;
    }
    return line;
  });
}

const error = (line: number, message: string): RoadmapFinding => ({
  level: 'error',
  line,
  message,
});
const quote = (item: RoadmapItem) => `"${item.title}"`;

/** A checked item says what delivers it; items with sub-items are delivered by them. */
export const checkedHasReference: RoadmapRule = {
  id: 'checked-has-reference',
  run: ({ items }) =>
    items
      .filter((i) => i.checked && i.children.length === 0 && i.refs.length === 0)
      .map((i) =>
        error(i.line, `${quote(i)} is checked but names no file or route that delivers it`),
      ),
};

/** Every file and route a checked item names exists. */
export const referencesExist: RoadmapRule = {
  id: 'references-exist',
  run: ({ items }, ctx) =>
    items
      .filter((i) => i.checked)
      .flatMap((i) =>
        i.refs.flatMap((ref) => {
          if (ref.kind === 'file') {
            return fileExists(ctx.root, ref.target)
              ? []
              : [error(i.line, `${quote(i)} refers to ${ref.target}, which does not exist`)];
          }
          if (ctx.dist !== null) {
            return routeInBuild(ctx.dist, ref.target)
              ? []
              : [
                  error(
                    i.line,
                    `${quote(i)} refers to the route ${ref.target}, which the built site ` +
                      `(${ctx.dist}/) does not have`,
                  ),
                ];
          }
          return routeInSources(ctx.routes, ref.target)
            ? []
            : [
                error(
                  i.line,
                  `${quote(i)} refers to the route ${ref.target}, which no page of ${ctx.routesFrom} produces`,
                ),
              ];
        }),
      ),
};

/** A checked parent has no unchecked child; an unchecked parent does not have every child checked. */
export const parentsAgree: RoadmapRule = {
  id: 'parents-agree',
  run: ({ items }) =>
    items.flatMap((i) => {
      if (i.children.length === 0) return [];
      const open = i.children.filter((c) => !c.checked);
      if (i.checked)
        return open.map((c) =>
          error(i.line, `${quote(i)} is checked but its item ${quote(c)} (line ${c.line}) is not`),
        );
      if (open.length === 0)
        return [
          error(i.line, `${quote(i)} is not checked but all ${i.children.length} of its items are`),
        ];
      return [];
    }),
};

/**
 * Completion dates are real YYYY-MM-DD dates, not in the future, and a child is done by its
 * parent's date.
 */
export const datesValid: RoadmapRule = {
  id: 'dates-valid',
  run: ({ items }, ctx) =>
    items.flatMap((i) => {
      const out: RoadmapFinding[] = [];
      if (i.malformedDate !== null) {
        out.push(
          error(
            i.line,
            `malformed completion date "${i.malformedDate}"; expected a real date as YYYY-MM-DD`,
          ),
        );
      }
      if (i.date !== null && i.date > ctx.today) {
        out.push(
          error(i.line, `completion date ${i.date} is in the future (today is ${ctx.today})`),
        );
      }
      const parentDate = i.parent?.date;
      if (i.date !== null && parentDate && i.date > parentDate) {
        out.push(
          error(
            i.line,
            `${quote(i)} was completed on ${i.date}, after its parent ${quote(i.parent!)} (line ` +
              `${i.parent!.line}) on ${parentDate}`,
          ),
        );
      }
      return out;
    }),
};

/** Ways the roadmap may name a capability: its folder or file name (singular or plural) and its label. */
function mentioned(text: string, name: string, label?: string): boolean {
  const words = name.replace(/[-_]/g, ' ').toLowerCase();
  const forms = new Set([words, words.replace(/ies$/, 'y'), words.replace(/s$/, ''), `${words}s`]);
  if (label) forms.add(label.toLowerCase());
  return [...forms].some((form) =>
    new RegExp(`(^|[^a-z0-9])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`).test(
      text,
    ),
  );
}

/**
 * What the site ships: a section (Charter's pages of a folder, the knowledge base, a folder of
 * the site's own pages) or a terms file. One the roadmap never mentions is a warning.
 */
export const capabilitiesMentioned: RoadmapRule = {
  id: 'capabilities-mentioned',
  run: ({ lines }, ctx) => {
    const text = visibleLines(lines).join('\n').toLowerCase();
    const out: RoadmapFinding[] = [];
    for (const s of ctx.capabilities) {
      if (mentioned(text, s.name, s.label) || text.includes(`${s.where}/`.toLowerCase())) continue;
      out.push({
        level: 'warning',
        line: 1,
        message:
          `the site ships the "${s.label ?? s.name}" section (${s.where}) but the roadmap ` +
          `never mentions it`,
      });
    }
    const data = join(ctx.root, ctx.dataDir);
    const files = existsSync(data)
      ? readdirSync(data)
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
      : [];
    for (const file of files) {
      const name = file.replace(/\.ya?ml$/, '');
      if (mentioned(text, name) || text.includes(`${ctx.dataDir}/${file}`.toLowerCase())) continue;
      out.push({
        level: 'warning',
        line: 1,
        message: `the site ships ${ctx.dataDir}/${file} but the roadmap never mentions it`,
      });
    }
    return out;
  },
};

/** Words that come before "tier" or "plan" without naming one. */
const NOT_NAMES = new Set(
  [
    'a an any each every either higher highest lower lowest',
    'next one our paid same support that the their this',
    'top which your pricing new',
  ]
    .join(' ')
    .split(' '),
);

/** Capitalised words that are tier names at most companies; naming one the data lacks is an error. */
export const TIER_WORDS = [
  'Starter',
  'Pro',
  'Professional',
  'Premium',
  'Enterprise',
  'Community',
  'Gold',
  'Silver',
  'Bronze',
  'Platinum',
  'White-Glove',
];

/**
 * Tier, plan and severity names in the roadmap exist in the data. Detected: a capitalised word
 * before "tier" or "plan" ("Gold tier"), a well-known tier word in capitals (TIER_WORDS), and
 * "Severity N", "Sev N" or "sevN". HTML comments and code blocks are not read.
 */
export const namesDefined: RoadmapRule = {
  id: 'names-defined',
  run: ({ lines }, ctx) => {
    if (!ctx.catalog) return [];
    const tierNames = new Set(
      [
        ...ctx.catalog.tiers.tiers.flatMap((t) => [t.id, t.name]),
        ...ctx.catalog.pricing.plans.map((p) => p.id),
      ].map((n) => n.toLowerCase()),
    );
    const severityNames = new Set(
      ctx.catalog.severities.severities
        .flatMap((s) => [s.id, s.name, s.label])
        .map((n) => n.toLowerCase()),
    );
    const out: RoadmapFinding[] = [];
    visibleLines(lines).forEach((line, index) => {
      const reported = new Set<string>();
      const report = (shown: string, what: string) => {
        if (reported.has(shown)) return;
        reported.add(shown);
        out.push(
          error(index + 1, `"${shown}" names a ${what} that ${ctx.dataDir}/ does not define`),
        );
      };
      for (const m of line.matchAll(/\b([A-Z][A-Za-z0-9-]*)\s+(tier|plan)s?\b/g)) {
        const name = m[1]!.toLowerCase();
        if (!NOT_NAMES.has(name) && !tierNames.has(name))
          report(`${m[1]} ${m[2]}`, m[2] === 'plan' ? 'plan' : 'tier');
      }
      for (const word of TIER_WORDS) {
        if (
          new RegExp(`(^|[^A-Za-z-])${word}($|[^A-Za-z-])`).test(line) &&
          !tierNames.has(word.toLowerCase())
        ) {
          if (![...reported].some((r) => r.startsWith(`${word} `))) report(word, 'tier');
        }
      }
      for (const m of line.matchAll(/\b(?:Severity|Sev)[ -]?(\d+)\b|\bsev(\d+)\b/gi)) {
        const n = m[1] ?? m[2];
        if (![`severity ${n}`, `sev${n}`, `sev-${n}`].some((s) => severityNames.has(s)))
          report(m[0], 'severity');
      }
    });
    return out;
  },
};

export const ROADMAP_RULES: RoadmapRule[] = [
  checkedHasReference,
  referencesExist,
  parentsAgree,
  datesValid,
  capabilitiesMentioned,
  namesDefined,
];

/** The roadmap file could not be read (exit code 2 from the CLI). */
export class RoadmapReadError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(
      `${file}: cannot read the roadmap (${cause instanceof Error ? cause.message : String(cause)})`,
    );
    this.name = 'RoadmapReadError';
  }
}

export interface RoadmapOptions {
  /** The roadmap, as shown in messages; default ROADMAP.md. */
  file?: string;
  /** Where file references are looked up; default the working directory. */
  root?: string;
  /** The site whose routes, sections and terms the roadmap describes. */
  site?: Site;
  /** A build to look routes up in instead of the site's sources; default none. */
  dist?: string | null;
  today?: string;
  /** The terms folder, relative to root; default the site's. */
  dataDir?: string;
  /** Default: loaded from the terms (names are not checked if they do not load). */
  catalog?: Catalog | null;
  /** Default: the site's routes (none without a site). */
  routes?: RegExp[];
  /** Default: the site's sections (none without a site). */
  capabilities?: Capability[];
  rules?: RoadmapRule[];
}

/** The folder of Charter's own pages. */
const PAGES_DIR = fileURLToPath(new URL('../../pages/', import.meta.url));

/**
 * The sections a site ships, each with its sidebar label: Charter's page folders with a page
 * the site publishes, the knowledge base, and the folders of the site's own pages.
 */
export function siteCapabilities(site: Site, catalog: Catalog | null, root = '.'): Capability[] {
  const { sections, prefix } = site.options;
  const groups = catalog ? charterSidebar(catalog, sections, prefix) : [];
  const labelOf = (link: string) =>
    groups.find((g) => g.items.some((item) => item.link.startsWith(link)))?.label;
  const where = (dir: string) => relative(root, dir).split('\\').join('/') || '.';
  const out: Capability[] = [];
  for (const folder of PAGE_FOLDERS) {
    const published = readdirSync(join(PAGES_DIR, folder))
      .filter((f) => f.endsWith('.mdx'))
      .some(
        (f) =>
          sections[
            sectionOfPage(f === 'index.mdx' ? folder : `${folder}/${f.replace(/\.mdx$/, '')}`)
          ],
      );
    if (!published) continue;
    const label = labelOf(`${prefix}${folder}/`);
    out.push({ name: folder, ...(label ? { label } : {}), where: where(join(PAGES_DIR, folder)) });
  }
  if (sections.kb) {
    const label = labelOf(`${prefix}kb/`);
    out.push({ name: 'kb', ...(label ? { label } : {}), where: where(site.kb) });
  }
  if (existsSync(site.docs)) {
    for (const entry of readdirSync(site.docs, { withFileTypes: true })) {
      if (!entry.isDirectory() || out.some((c) => c.name === entry.name)) continue;
      if (walk(join(site.docs, entry.name)).some((f) => /\.mdx?$/.test(f)))
        out.push({ name: entry.name, where: where(join(site.docs, entry.name)) });
    }
  }
  return out;
}

/** Checks the roadmap; throws RoadmapReadError when the file cannot be read. Findings sorted by line. */
export function checkRoadmap(options: RoadmapOptions = {}): RoadmapFinding[] {
  const file = options.file ?? 'ROADMAP.md';
  const root = options.root ?? '.';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new RoadmapReadError(file, cause);
  }
  const { site } = options;
  const dataDir =
    options.dataDir ?? (site ? relative(root, site.terms).split('\\').join('/') || '.' : 'terms');
  const catalog = options.catalog !== undefined ? options.catalog : tryLoad(join(root, dataDir));
  const ctx: RoadmapContext = {
    root,
    dist: options.dist ?? null,
    routes: options.routes ?? (site ? siteRoutes(site, catalog) : []),
    routesFrom: site ? `the site (${relative(root, site.root) || '.'}) or of Charter` : 'the site',
    today: options.today ?? new Date().toISOString().slice(0, 10),
    dataDir,
    catalog,
    capabilities: options.capabilities ?? (site ? siteCapabilities(site, catalog, root) : []),
  };
  const roadmap = parseRoadmap(text);
  return (options.rules ?? ROADMAP_RULES)
    .flatMap((rule) => rule.run(roadmap, ctx))
    .sort((a, b) => a.line - b.line);
}

function tryLoad(dir: string): Catalog | null {
  try {
    return loadCatalog(dir);
  } catch {
    return null;
  }
}

/** `ROADMAP.md:12: message` */
export function formatRoadmapFinding(file: string, f: RoadmapFinding): string {
  return `${file}:${f.line}: ${f.message}`;
}

/** The roadmap check as a Check, to run beside others; an unreadable file is one error. */
export function roadmapCheck(options: RoadmapOptions = {}): Check {
  const file = options.file ?? 'ROADMAP.md';
  return {
    name: 'roadmap',
    run(): Finding[] {
      try {
        return checkRoadmap(options).map((f) => ({
          level: f.level,
          text: formatRoadmapFinding(file, f),
        }));
      } catch (e) {
        if (e instanceof RoadmapReadError) return [{ level: 'error', text: e.message }];
        throw e;
      }
    },
  };
}
