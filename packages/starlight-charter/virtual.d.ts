declare module 'virtual:starlight-charter/catalog' {
  /** The company's terms, validated: reloaded by the dev server when a terms file changes. */
  export const catalog: import('./data/load.ts').Catalog;
  /** The same, its texts in each language the site publishes, by the locale's tag. */
  export const catalogs: Record<string, import('./data/load.ts').Catalog>;
}
declare module 'virtual:starlight-charter/config' {
  /** The plugin's options after validation, and where its folders are on disk. */
  export const config: import('./integrations/virtual-modules.ts').CharterSiteConfig;
}
declare module 'virtual:starlight/components/MobileMenuFooter' {
  /** Starlight's mobile menu footer, or the site's override of it (Starlight declares none). */
  const MobileMenuFooter: typeof import('@astrojs/starlight/components/MobileMenuFooter.astro').default;
  export default MobileMenuFooter;
}
declare module 'virtual:starlight-charter/releases' {
  /** The releases kept in terms/versions/, oldest first (data/releases.ts). */
  export const releases: import('./integrations/virtual-modules.ts').KeptRelease[];
}
declare namespace StarlightApp {
  /** Charter's keys, typed from its English locale file, on Starlight's `Astro.locals.t`. */
  type CharterUI = typeof import('./translations/en.json');
  interface I18n extends CharterUI {}
}
