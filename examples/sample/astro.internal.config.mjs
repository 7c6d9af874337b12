// @ts-check
// The sample company's internal site: the public site plus the playbook (sales battlecards,
// staffing and cost figures, alert rules), which is for staff and stays off the public site.
// Build it with `astro build --root examples/sample --config astro.internal.config.mjs`.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import charter from 'starlight-charter';

export default defineConfig({
  // Its own caches and output, so it and the public build never reuse each other's pages.
  cacheDir: './node_modules/.astro-internal',
  outDir: './dist-internal',
  integrations: [
    starlight({
      title: 'ABI Labs Support (internal)',
      favicon: '/favicon.svg',
      lastUpdated: false,
      sidebar: [],
      plugins: [charter({ terms: './terms', sections: { playbook: true } })],
    }),
  ],
});
