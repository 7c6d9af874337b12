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

const prefix = z
  .string()
  .regex(/^\/([a-z0-9][a-z0-9-]*\/)*$/, {
    error: 'expected a path of lower-case words that starts and ends with "/", such as "/" or "/support/"',
  });

/** What `charter({ … })` accepts. */
export const CharterOptionsSchema = z.strictObject({
  /** The folder of the company's terms (the YAML files), relative to the site's root. */
  terms: z.string().trim().min(1).default('./terms'),
  /** The folder of knowledge-base articles, relative to the site's root. */
  kb: z.string().trim().min(1).default('./src/content/kb'),
  /** Where Charter's pages go: "/" (the default) or a path such as "/support/". */
  prefix: prefix.default('/'),
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
  sections: Record<SectionId, boolean>;
}

/** One line per problem with the options, naming the option and what it expects. */
export class CharterOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'CharterOptionsError';
  }
}

/** Validates `charter(…)`'s argument; throws CharterOptionsError listing every problem. */
export function parseOptions(input: unknown): CharterOptions {
  const result = CharterOptionsSchema.safeParse(input ?? {});
  if (!result.success) {
    throw new CharterOptionsError(
      result.error.issues.map((issue) => {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
        const path = [...issue.path, ...(keys.length === 1 ? keys : [])].join('.');
        const message =
          issue.code === 'unrecognized_keys'
            ? `unknown option${keys.length > 1 ? `s ${keys.join(', ')}` : ''}; expected one of: ${expectedKeys(issue.path)}`
            : issue.message;
        return `starlight-charter: option ${path ? `"${path}"` : '(root)'}: ${message}`;
      }),
    );
  }
  const { sections, ...rest } = result.data;
  return { ...rest, sections: { ...DEFAULT_SECTIONS, ...stripUndefined(sections) } };
}

function expectedKeys(path: readonly PropertyKey[]): string {
  return path[0] === 'sections' ? SECTION_IDS.join(', ') : Object.keys(CharterOptionsSchema.shape).join(', ');
}

function stripUndefined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}
