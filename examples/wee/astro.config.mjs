// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import charter from 'starlight-charter';

export default defineConfig({
  integrations: [
    starlight({
      title: 'WEE Systems Support',
      favicon: '/favicon.svg',
      lastUpdated: false,
      // German first; English under /en/.
      defaultLocale: 'root',
      locales: {
        root: { label: 'Deutsch', lang: 'de' },
        en: { label: 'English', lang: 'en' },
      },
      sidebar: [],
      plugins: [charter({ terms: './terms' })],
    }),
  ],
});
