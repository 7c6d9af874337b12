import type { Plugin } from 'vite';

/**
 * Starlight's `<StarlightPage>` builds its whole frontmatter zod schema again for every page it
 * renders (about half a millisecond each, plus the garbage). KB articles render through it, so a
 * company with thousands of articles pays for it thousands of times. The schema depends only on
 * the docs collection config, which is fixed for a build, so this Vite plugin makes Starlight
 * build it once. If a Starlight release changes that code, the page still renders exactly as
 * before (just slower) and the build says so.
 */

/** The module that holds the schema factory, inside the Starlight package (any `?` suffix aside). */
const MODULE = /@astrojs[\\/]starlight[\\/]dist[\\/]utils[\\/]starlight-page\.js(?:\?|$)/;
const FACTORY = 'const StarlightPageFrontmatterSchema = async (context) =>';

/** Starlight's module with the factory memoised, or null when the code is not as expected. */
export function memoiseSchemaFactory(code: string): string | null {
  if (code.split(FACTORY).length !== 2) return null;
  return code.replace(
    FACTORY,
    'let charterPageSchema;\n' +
      'const StarlightPageFrontmatterSchema = (context) => (charterPageSchema ??= buildStarlightPageFrontmatterSchema(context));\n' +
      'const buildStarlightPageFrontmatterSchema = async (context) =>',
  );
}

export function starlightPageSchemaOnce(warn: (message: string) => void = console.warn): Plugin {
  return {
    name: 'charter:starlight-page-schema-once',
    enforce: 'pre',
    transform: {
      // The bundler then calls this hook for that one module, not with every module's code.
      filter: { id: MODULE },
      handler(code, id) {
        if (!MODULE.test(id)) return null;
        const memoised = memoiseSchemaFactory(code);
        if (memoised === null) {
          warn(
            'Charter: Starlight’s page schema code has changed; KB articles build correctly but ' +
              'without the schema cache (integrations/starlight-page-schema.ts).',
          );
          return null;
        }
        return { code: memoised, map: null };
      },
    },
  };
}
