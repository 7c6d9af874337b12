import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import { optionalFiles } from './data/absent.ts';
import { siteBase } from './lib/base-path.ts';
import { loadCatalogOrExit, loadReleasesOrExit } from './data/cli.ts';
import { formatIssue } from './data/issues.ts';
import { catalogIn, translationGaps } from './data/load.ts';
import { textLanguageOf } from './data/text-maps.ts';
import { charterIntegration, faviconFor } from './integrations/charter.ts';
import { kbCheck } from './integrations/kb-check.ts';
import { codeBlocks } from './integrations/code-blocks.ts';
import { contentCacheCheck } from './integrations/content-cache.ts';
import { contentGuard } from './integrations/content-guard.ts';
import { mdxCompileCache } from './integrations/mdx-cache.ts';
import { postBuild } from './integrations/post-build.ts';
import { siteLinks } from './integrations/site-links.ts';
import { tableRegions } from './integrations/table-regions.ts';
import { ACCENT_CSS, PRINT_CSS } from './integrations/virtual-modules.ts';
import {
  CharterOptionsError,
  parseOptions,
  type CharterOptions,
  type CharterUserOptions,
} from './options.ts';
import { untranslatedPages } from './pages/index.ts';
import { charterSidebar, siteSidebar, withTranslations } from './sidebar.ts';
import { CHARTER_LANGUAGES } from './translations/index.ts';
import { languageOf, messagesFor, missingMessages } from './lib/i18n.ts';
import { routeCollisions, versionProblems } from './site-checks.ts';
import { siteLocales } from './lib/site-locales.ts';

export type { CharterUserOptions } from './options.ts';

/**
 * The options of every charter(…) call in this process, in call order: the `charter` command
 * imports a site's astro.config and reads them here. Kept on globalThis so a config loaded
 * apart from the command's own modules (tsx's tsImport, another copy of the package) adds to
 * the same list.
 */
export const configuredSites: CharterUserOptions[] = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('starlight-charter.configured-sites')
] ??= []) as CharterUserOptions[];

/** A language's name in that language: "Deutsch" for de-DE, "日本語" for ja-JP. */
function languageName(locale: string): string {
  const { language } = new Intl.Locale(locale);
  return new Intl.DisplayNames([locale], { type: 'language' }).of(language) ?? locale;
}

/** Stops the build with one line per problem: people need the list, not a stack trace. */
function stop(lines: string[]): never {
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exit(1);
}

/** Charter's components that replace Starlight's, by Starlight's name for them. */
const OVERRIDES = {
  Head: 'starlight-charter/components/starlight/Head.astro',
  Search: 'starlight-charter/components/starlight/Search.astro',
  // Starlight's sidebar state scripts carry aria-hidden, which HTML does not allow on a script.
  Sidebar: 'starlight-charter/components/starlight/Sidebar.astro',
} as const;

/**
 * Charter as a Starlight plugin: `starlight({ plugins: [charter({ terms: './terms' })] })`
 * publishes the company's terms in `./terms` as commercial pages, calculators, a knowledge
 * base, a SOW generator and a JSON API, beside the site's own pages.
 */
export default function charter(userOptions?: CharterUserOptions): StarlightPlugin {
  configuredSites.push(userOptions ?? {});
  return {
    name: 'starlight-charter',
    hooks: {
      // Charter's words in every language it has, read by components as Astro.locals.t.
      // Each language English where it has no word yet (warned about below), as Starlight's
      // fallback is the site's own language.
      'i18n:setup'({ injectTranslations }) {
        injectTranslations(
          Object.fromEntries(
            CHARTER_LANGUAGES.map((language) => [language, messagesFor(language)]),
          ),
        );
      },
      'config:setup'({
        config,
        updateConfig,
        addIntegration,
        addRouteMiddleware,
        astroConfig,
        logger,
      }) {
        let options: CharterOptions;
        try {
          options = parseOptions(userOptions);
        } catch (error) {
          if (error instanceof CharterOptionsError) stop(error.problems);
          throw error;
        }
        const listed = (config.plugins ?? []).filter((p) => p.name === 'starlight-charter').length;
        if (listed > 1)
          stop([
            `starlight-charter: the plugin is listed ${listed} times in Starlight's plugins; list it once.`,
          ]);
        const root = fileURLToPath(astroConfig.root);
        const versions = versionProblems(root);
        if (versions.length) stop(versions);

        const termsDir = resolve(root, options.terms);
        if (!existsSync(termsDir) || !statSync(termsDir).isDirectory())
          stop([
            `starlight-charter: option "terms": the folder ${options.terms} does not exist (looked in ${termsDir}).`,
          ]);
        const kbDir = resolve(root, options.kb);
        const catalog = loadCatalogOrExit(termsDir, relative(process.cwd(), termsDir) || '.', {
          optional: optionalFiles(options.sections),
        });

        const releases = loadReleasesOrExit(termsDir, relative(process.cwd(), termsDir) || '.');

        let base: string;
        try {
          base = siteBase(astroConfig.base, catalog.company.site_url);
        } catch (error) {
          stop([`starlight-charter: ${(error as Error).message}.`]);
        }

        const docsDir = join(fileURLToPath(astroConfig.srcDir), 'content/docs');
        const kbCategories = options.sections.kb
          ? catalog.kb.categories.map((c) => `kb/${c.id}`)
          : [];
        const collisions = routeCollisions(docsDir, options, process.cwd(), kbCategories);
        if (collisions.length) stop(collisions);

        const components = { ...config.components } as Record<string, string>;
        for (const [name, path] of Object.entries(OVERRIDES)) {
          if (components[name])
            logger.warn(
              `the site overrides Starlight's ${name}; Charter's ${name} (${path}) is not used`,
            );
          else components[name] = path;
        }
        // The company's logo, unless the site has its own.
        const { logo } = catalog.company;
        const brand =
          logo && !config.logo
            ? {
                logo: {
                  alt: catalog.company.name,
                  replacesTitle: logo.replaces_title,
                  ...(logo.dark
                    ? { light: join(termsDir, logo.light), dark: join(termsDir, logo.dark) }
                    : { src: join(termsDir, logo.light) }),
                },
              }
            : {};
        // The site's icon: its own (Starlight's option, or a file in public/), else the company's
        // from the terms, else a plain one Charter serves.
        const ownIcon =
          config.favicon !== undefined ||
          existsSync(join(fileURLToPath(astroConfig.publicDir), 'favicon.svg'));
        const icon = ownIcon ? undefined : faviconFor(termsDir, catalog.company.favicon);
        // The company's locale is the site's language, Starlight's words and Charter's, unless the
        // site declares its own languages.
        const own = config.locales ?? (config.defaultLocale ? {} : undefined);
        const locales = siteLocales(
          { locales: config.locales, defaultLocale: config.defaultLocale },
          languageOf(catalog.company.locale),
        );
        const languages = locales.map((locale) => languageOf(locale.lang));
        const pageFiles = readdirSync(fileURLToPath(new URL('./pages/', import.meta.url)), {
          recursive: true,
          encoding: 'utf8',
        });
        for (const language of new Set(languages)) {
          const missing = missingMessages(language);
          if (missing.length)
            logger.warn(
              `Charter has no ${language} words for ${missing.join(', ')}; these are in English`,
            );
          const pages = untranslatedPages(pageFiles, language);
          if (pages.length)
            logger.warn(
              `Charter has no ${language} text of ${pages.join(', ')}; these are in English`,
            );
        }
        // Starlight's words and Charter's in the language of the company's locale, unless the
        // site declares its own languages.
        const language = own
          ? {}
          : {
              locales: {
                root: { label: languageName(catalog.company.locale), lang: languages[0]! },
              },
            };
        updateConfig({
          ...brand,
          ...language,
          ...(icon ? { favicon: icon.href } : {}),
          // The company's tagline describes the site unless the site says otherwise.
          description: config.description ?? catalog.company.tagline,
          // The company's accent first, so a site's own stylesheets that set it win.
          customCss: [
            ACCENT_CSS,
            ...(config.customCss ?? []),
            'starlight-charter/styles/charter.css',
            PRINT_CSS,
          ],
          components,
          // Charter builds the search index itself, from each page's <main> only
          // (integrations/search-index.ts, run by postBuild).
          pagefind: false,
          // Plain highlighted code blocks: Expressive Code's markup puts <div> inside <code>
          // and <button>, which is not valid HTML, and ships a script to every page with code.
          expressiveCode: false,
          // The site's own sidebar stays; Charter adds its groups after it. A site without a
          // sidebar of its own keeps Starlight's default: every page of its docs.
          sidebar: [
            ...(config.sidebar ?? siteSidebar(docsDir, locales.map((l) => l.path).filter(Boolean))),
            ...withTranslations(
              charterSidebar(catalog, options.sections, options.prefix, languages[0]),
              locales.slice(1).map((locale) => ({
                lang: locale.lang,
                groups: charterSidebar(
                  catalogIn(catalog, locale.lang),
                  options.sections,
                  options.prefix,
                  languageOf(locale.lang),
                ),
              })),
            ),
          ] as never,
        });
        // The terms' texts in each language the site publishes, and a word on texts some of
        // those languages lack (without declared locales: any text's, as `charter check` says).
        const declared = own ? locales.map((l) => l.lang) : [];
        const textLanguages = declared.length ? declared : [textLanguageOf(catalog.company.locale)];
        for (const gap of translationGaps(catalog, declared.length ? declared : undefined))
          logger.warn(`${formatIssue(gap)} (pages in those languages show the company's text)`);
        const site = {
          ...options,
          termsDir,
          kbDir,
          language: languages[0]!,
          locales,
          textLanguages,
        };
        // A site in several languages: each language's sidebar leads to its own pages.
        if (locales.length > 1)
          addRouteMiddleware({ entrypoint: 'starlight-charter/route-middleware' });
        // First, so a stale content cache is cleared before anything reads it.
        addIntegration(contentCacheCheck());
        // Content that would run code stops the build before anything renders.
        addIntegration(contentGuard(kbDir));
        // Knowledge-base frontmatter, checked before the build like the terms: file:line:col.
        addIntegration(kbCheck(site, catalog));
        addIntegration(mdxCompileCache(base));
        addIntegration(codeBlocks());
        addIntegration(tableRegions());
        // Links in the site's own pages follow the route prefix and base path as Charter's do.
        addIntegration(
          siteLinks(
            [fileURLToPath(new URL('./pages/', import.meta.url)), kbDir, docsDir],
            options,
            base,
          ),
        );
        addIntegration(charterIntegration(site, catalog, icon, base, releases));
        // Before the post-build pass, whose link check reads the sitemap the head links to
        // (Starlight adds one of its own only when no other is listed).
        if (!astroConfig.integrations.some((i) => i.name === '@astrojs/sitemap'))
          addIntegration(sitemap());
        // Last: reads and rewrites the finished HTML; the security policy hashes the final scripts.
        addIntegration(postBuild(catalog.company, kbDir, termsDir));
      },
    },
  };
}
