// @ts-check
// The site: Starlight publishes the pages, Charter adds the support terms in ./terms as
// pricing, SLA and escalation pages, calculators, a knowledge base and a JSON API.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import charter from 'starlight-charter';

export default defineConfig({
  // The address the site is published at, and its path (the base path every link starts
  // with), come from site_url in terms/company.yaml.
  integrations: [
    starlight({
      title: 'Example Co Support',
      favicon: '/favicon.svg',
      plugins: [
        charter({
          // Where the YAML terms are, and the knowledge-base articles (these are the defaults).
          terms: './terms',
          kb: './src/content/kb',
          // Charter's pages go at the root of the site; "/terms/" would put them under that
          // path, beside the site's own pages.
          prefix: '/',
          // Parts of Charter to publish; the playbook is internal material, so it is off.
          sections: { playbook: false },
        }),
      ],
    }),
  ],
});
