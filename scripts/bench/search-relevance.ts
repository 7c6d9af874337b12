import { askSearchPage, relevance, SEARCH_QUESTIONS } from '../../test/support/search-questions';
import { launchChromium } from '../lib/chromium';

export interface SearchRelevance {
  questions: number;
  /** Shares of the questions whose article comes first, and among the first three, in percent. */
  top1Percent: number;
  top3Percent: number;
}

/**
 * The relevance test's questions asked on the knowledge-base search page of the sample site
 * served at `siteUrl`, as the test asks them (test/support/search-questions.ts).
 */
export async function measureRelevance(siteUrl: string): Promise<SearchRelevance> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const ranked = await askSearchPage(
      page,
      new URL('kb/search/', siteUrl).href,
      SEARCH_QUESTIONS.map(([query]) => query),
    );
    const { top1, top3 } = relevance(ranked);
    const percent = (n: number) => Math.round((1000 * n) / SEARCH_QUESTIONS.length) / 10;
    return {
      questions: SEARCH_QUESTIONS.length,
      top1Percent: percent(top1),
      top3Percent: percent(top3),
    };
  } finally {
    await browser.close();
  }
}
