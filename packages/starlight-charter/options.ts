import { z } from 'zod';

/** The parts of a Charter site, each of which a site turns on or off. */
export const SECTION_IDS = [
  'commercial',
  'kb',
  'calculators',
  'sow',
  'roi',
  'customDevelopment',
  'playbook',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/**
 * Sections on unless the site says otherwise. The playbook (sales battlecards, staffing and
 * cost figures, internal alerts) is internal material: off unless a site asks for it.
 */
export const DEFAULT_SECTIONS: Record<SectionId, boolean> = {
  commercial: true,
  kb: true,
  calculators: true,
  sow: true,
  roi: true,
  customDevelopment: true,
  playbook: false,
};

const prefix = z.string().regex(/^\/([a-z0-9][a-z0-9-]*\/)*$/, {
  error:
    'expected a path of lower-case words that starts and ends with "/", such as "/" or "/support/"',
});

/** What `charter({ … })` accepts. */
export const CharterOptionsSchema = z.strictObject({
  /** The folder of the company's terms (the YAML files), relative to the site's root. */
  terms: z.string().trim().min(1).default('./terms'),
  /** The folder of knowledge-base articles, relative to the site's root. */
  kb: z.string().trim().min(1).default('./src/content/kb'),
  /** Where Charter's pages go: "/" (the default) or a path such as "/support/". */
  prefix: prefix.default('/'),
  /**
   * Charter's pages the site writes itself (`commercial/pricing`): Charter leaves them out
   * and its sidebar links to the site's own page at the same address.
   */
  replace: z
    .array(
      z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, {
        error: 'expected a page such as "commercial/pricing"',
      }),
    )
    .default([]),
  /** Which parts of Charter the site publishes; each key is optional. */
  sections: z
    .strictObject(
      Object.fromEntries(SECTION_IDS.map((id) => [id, z.boolean().optional()])) as Record<
        SectionId,
        z.ZodOptional<z.ZodBoolean>
      >,
    )
    .default({}),
});

export type CharterUserOptions = z.input<typeof CharterOptionsSchema>;

/** Options after validation, with every section decided. */
export interface CharterOptions {
  terms: string;
  kb: string;
  prefix: string;
  replace: string[];
  sections: Record<SectionId, boolean>;
}

/** One line per problem with the options, naming the option and what it expects. */
export class CharterOptionsError extends Error {
  // A field, not a parameter property: Node loads the config's TypeScript by stripping types.
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'CharterOptionsError';
    this.problems = problems;
  }
}

/** Validates `charter(…)`'s argument; throws CharterOptionsError listing every problem. */
export function parseOptions(input: unknown): CharterOptions {
  const result = CharterOptionsSchema.safeParse(input ?? {});
  if (!result.success) {
    throw new CharterOptionsError(
      result.error.issues.flatMap((issue) => {
        const line = (path: readonly PropertyKey[], message: string) =>
          `starlight-charter: option ${path.length ? `"${path.map(String).join('.')}"` : '(root)'}: ${message}`;
        // One line per unknown key, so each line names the option it is about.
        if (issue.code === 'unrecognized_keys')
          return issue.keys.map((key) =>
            line(
              [...issue.path, key],
              `unknown option; expected one of: ${expectedKeys(issue.path)}`,
            ),
          );
        return [line(issue.path, issue.message)];
      }),
    );
  }
  const { sections, ...rest } = result.data;
  return { ...rest, sections: { ...DEFAULT_SECTIONS, ...stripUndefined(sections) } };
}

function expectedKeys(path: readonly PropertyKey[]): string {
  return path[0] === 'sections'
    ? SECTION_IDS.join(', ')
    : Object.keys(CharterOptionsSchema.shape).join(', ');
}

function stripUndefined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
