// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import charter from 'starlight-charter';

export default defineConfig({
  integrations: [
    starlight({
      title: 'ABI Labs Support',
      favicon: '/favicon.svg',
      lastUpdated: false,
      sidebar: [],
      plugins: [charter({ terms: './terms' })],
    }),
  ],
});
