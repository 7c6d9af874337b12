// Screenshots of the sample site: its pricing page on a desktop, on a phone and as printed, and
// its knowledge-base search; README shows the desktop pricing page and the search.
// Run `npm run build`, then `npm run screenshots`; the images go to docs/screenshots/.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './lib/chromium.ts';

/** A screenshot: its file under docs/screenshots/, the page, the window's size, and the media. */
export interface Shot {
  file: string;
  path: string;
  width: number;
  height: number;
  /** `print` shows the page as it prints (print styles), at about an A4 page's size. */
  media?: 'screen' | 'print';
}

export const SHOTS: readonly Shot[] = [
  { file: 'pricing.png', path: '/commercial/pricing/', width: 1280, height: 800 },
  // An iPhone's window (375 × 812 CSS pixels): the cards stack in one column.
  { file: 'pricing-phone.png', path: '/commercial/pricing/', width: 375, height: 812 },
  // A4 at 96 pixels to the inch: the first printed page, cards two to a row.
  {
    file: 'pricing-print.png',
    path: '/commercial/pricing/',
    width: 794,
    height: 1123,
    media: 'print',
  },
  // A question as customers type it, and tall enough to show the answers below the filters.
  {
    file: 'kb-search.png',
    path: '/kb/search/?q=how+do+I+fix+429+too+many+requests',
    width: 1280,
    height: 1300,
  },
];

export const SCREENSHOT_DIR = 'docs/screenshots';
const SITE = 'examples/sample/dist';

/** Serves the built sample on a free port, as `charter preview` does; resolves with its address. */
function serve(): Promise<{ url: string; close: () => void }> {
  const server = spawn(
    process.execPath,
    ['packages/starlight-charter/cli/serve.mjs', '--dir', SITE, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((done, fail) => {
    server.once('exit', (code) => fail(new Error(`the preview server exited with ${code}`)));
    let said = '';
    server.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      said += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(said)?.[0];
      if (url) done({ url, close: () => server.kill() });
    });
  });
}

async function main(): Promise<void> {
  const server = await serve();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    for (const shot of SHOTS) {
      await page.setViewportSize({ width: shot.width, height: shot.height });
      await page.emulateMedia({ media: shot.media ?? 'screen' });
      await page.goto(`${server.url}${shot.path}`);
      // The search page fills its results after load; wait for them.
      if (shot.path.startsWith('/kb/search/'))
        await page.getByRole('list', { name: 'Results' }).getByRole('link').first().waitFor();
      await page.screenshot({ path: resolve(SCREENSHOT_DIR, shot.file) });
      console.log(`${SCREENSHOT_DIR}/${shot.file}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  await main();
