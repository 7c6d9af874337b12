import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium';

export interface LighthouseScores {
  route: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
}

/** Lighthouse category scores (0–100, default mobile settings) for each route of the site at `baseUrl`. */
export async function lighthouseScores(
  baseUrl: string,
  routes: string[],
): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  const out: LighthouseScores[] = [];
  try {
    for (const route of routes) {
      const result = await lighthouse(new URL(route, baseUrl).href, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const c = result?.lhr.categories;
      const score = (key: string) => Math.round((c?.[key]?.score ?? 0) * 100);
      out.push({
        route,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
      });
    }
  } finally {
    await chrome.kill();
  }
  return out;
}
