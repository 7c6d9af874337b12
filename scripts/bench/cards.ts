// Social-card benchmark: cost of one card (set into its cached layout from cached glyphs, and
// drawn whole: satori, rasterise, encode), all cards of the built site, 1,000 synthetic cards
// cold and cached, and a cold vs warm (cached) site build.
// Run alone: npx tsx scripts/bench/cards.ts [--count 1000] [--no-builds]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import satori from 'satori';
import sharp from 'sharp';
import { loadCatalog } from '../../packages/starlight-charter/data/load';
import { GlyphSetter } from '../../packages/starlight-charter/integrations/card-glyphs';
import { fontFiles, renderCards, type CardJob } from '../../packages/starlight-charter/integrations/card-renderer';
import { planCards } from '../../packages/starlight-charter/integrations/social-cards';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  PNG_OPTIONS,
  cardLayout,
  cardTree,
  type CardInput,
} from '../../packages/starlight-charter/lib/og/card';

export type CardsBenchOptions = {
  /** Synthetic cards for the scale run. */
  count?: number;
  /** Also time two full site builds, cold then warm. */
  builds?: boolean;
  /** Built site to take the real pages from. */
  dist?: string;
  log?: (line: string) => void;
};

export type CardsBenchResult = {
  workers: number;
  perCard: {
    /** A Latin card set into its layout from cached glyphs, once layouts and glyphs are warm. */
    setMs: number;
    /** A card drawn whole (non-Latin titles, or Node without TypeScript), in three stages. */
    whole: { satoriMs: number; rasteriseMs: number; encodeMs: number; totalMs: number };
  };
  site: { cards: number; coldMs: number; warmMs: number } | null;
  scale: { cards: number; coldMs: number; warmMs: number; msPerCard: number };
  builds: { coldMs: number; warmMs: number; coldLog: string; warmLog: string } | null;
};

const round = (ms: number) => Math.round(ms * 10) / 10;

/** The sample company's site, whose cards and builds are measured. */
const SAMPLE_SITE = 'examples/sample';
const { company } = loadCatalog(join(SAMPLE_SITE, 'terms'));

function sampleInput(i: number): CardInput {
  const titles = [
    `Configure webhook retries for endpoint ${i}`,
    `Why does request ${i} return a 429 after a burst of requests from several workers at once, and how long to wait`,
    `如何轮换第 ${i} 个 API 密钥`,
    `Service credit claim ${i}`,
  ];
  return {
    title: titles[i % titles.length]!,
    section: i % 3 === 0 ? 'Commercial' : 'Knowledge base',
    detail: i % 10 === 0 ? 'Professional: a monthly price' : '',
    company: company.name,
    brandColor: company.brand_color,
    host: new URL(company.site_url).host,
  };
}

/** Latin cards one at a time in this thread, set from cached glyphs into cached layouts. */
async function timeSet(samples: number): Promise<number> {
  const latin = fontFiles().filter((f) => !f.fallback);
  const fonts = latin.map((f) => ({ ...f, data: readFileSync(f.path) }));
  const setter = await GlyphSetter.create(latin, (tree, width, height) =>
    satori(tree as never, { width, height, fonts, embedFont: false }),
  );
  const inputs = Array.from({ length: samples * 2 }, (_, i) => sampleInput(i)).filter(
    (input) => !/[^\u0000-\u024f\u2000-\u206f]/u.test(input.title),
  );
  const set = (input: CardInput) =>
    setter.compose(cardLayout(input), CARD_WIDTH, CARD_HEIGHT, PNG_OPTIONS);
  // The first cards lay out the layouts and draw the glyphs every later card reuses.
  for (const input of inputs.slice(0, 8)) await set(input);
  const timed = inputs.slice(8);
  const t = performance.now();
  for (const input of timed)
    if (!(await set(input))) throw new Error('Charter bench: a card was not set.');
  return round((performance.now() - t) / timed.length);
}

/** One card at a time in this thread, drawn whole, split into its three stages. */
async function timeWhole(samples: number) {
  sharp.concurrency(1);
  const fonts = fontFiles().map((f) => ({ ...f, data: readFileSync(f.path) }));
  const draw = (i: number) =>
    satori(cardTree(sampleInput(i)) as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
  await draw(0); // font parsing happens once per worker; leave it out
  let satoriMs = 0;
  let rasteriseMs = 0;
  let encodeMs = 0;
  for (let i = 0; i < samples; i++) {
    let t = performance.now();
    const svg = await draw(i);
    satoriMs += performance.now() - t;
    t = performance.now();
    const { data, info } = await sharp(Buffer.from(svg))
      .raw()
      .toBuffer({ resolveWithObject: true });
    rasteriseMs += performance.now() - t;
    t = performance.now();
    await sharp(data, { raw: info }).png(PNG_OPTIONS).toBuffer();
    encodeMs += performance.now() - t;
  }
  const per = (ms: number) => round(ms / samples);
  return {
    satoriMs: per(satoriMs),
    rasteriseMs: per(rasteriseMs),
    encodeMs: per(encodeMs),
    totalMs: per(satoriMs + rasteriseMs + encodeMs),
  };
}

async function timeRuns(jobs: CardJob[], workers: number) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'charter-og-bench-'));
  try {
    let t = performance.now();
    await renderCards(jobs, { cacheDir, workers });
    const coldMs = performance.now() - t;
    t = performance.now();
    const warm = await renderCards(jobs, { cacheDir, workers });
    if (warm.rendered !== 0) throw new Error('Charter bench: the warm card run drew cards again.');
    return { coldMs: round(coldMs), warmMs: round(performance.now() - t) };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Builds `site` (a copy of the sample, so its Astro cache is its own) into `outDir`. */
function timeBuild(site: string, outDir: string): { ms: number; log: string } {
  const t = performance.now();
  const output = execFileSync('npx', ['astro', 'build', '--root', site, '--outDir', outDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log =
    output.match(/social cards: \d+ rendered, \d+ reused/)?.[0] ??
    'no social-card line in the build log';
  return { ms: round(performance.now() - t), log };
}

export async function benchCards(options: CardsBenchOptions = {}): Promise<CardsBenchResult> {
  const log = options.log ?? console.log;
  const workers = availableParallelism();
  const out = mkdtempSync(join(tmpdir(), 'charter-og-out-'));
  try {
    const perCard = { setMs: await timeSet(100), whole: await timeWhole(20) };
    const { whole } = perCard;
    log(
      `cards: one card ${perCard.setMs} ms set from cached glyphs, ${whole.totalMs} ms drawn whole ` +
        `(satori ${whole.satoriMs}, rasterise ${whole.rasteriseMs}, encode ${whole.encodeMs}), ${workers} worker(s)`,
    );

    let site: CardsBenchResult['site'] = null;
    const dist = options.dist ?? join(SAMPLE_SITE, 'dist');
    if (existsSync(join(dist, 'index.html'))) {
      const jobs = planCards(dist, new URL(company.site_url), company);
      const redirected = jobs.map((job, i) => ({ ...job, outFile: join(out, 'site', `${i}.png`) }));
      site = { cards: jobs.length, ...(await timeRuns(redirected, workers)) };
      log(`cards: site ${site.cards} cards, ${site.coldMs} ms cold, ${site.warmMs} ms cached`);
    } else {
      log(`cards: no built site in ${dist}/, skipping the site run (npx astro build first)`);
    }

    const count = options.count ?? 1000;
    const jobs = Array.from({ length: count }, (_, i) => ({
      input: sampleInput(i),
      outFile: join(out, 'scale', `${i}.png`),
    }));
    const runs = await timeRuns(jobs, workers);
    const scale = { cards: count, ...runs, msPerCard: round(runs.coldMs / count) };
    log(
      `cards: ${count} synthetic cards, ${scale.coldMs} ms cold (${scale.msPerCard} ms/card), ${scale.warmMs} ms cached`,
    );

    let builds: CardsBenchResult['builds'] = null;
    if (options.builds ?? true) {
      // Inside this project, so the copy finds its node_modules.
      mkdirSync(resolve('.bench'), { recursive: true });
      const site = mkdtempSync(join(resolve('.bench'), 'cards-site-'));
      cpSync(SAMPLE_SITE, site, {
        recursive: true,
        filter: (path) => !/[\\/](?:dist|node_modules|\.astro)$/.test(path),
      });
      try {
        const cold = timeBuild(site, join(out, 'build-cold'));
        const warm = timeBuild(site, join(out, 'build-warm'));
        builds = { coldMs: cold.ms, warmMs: warm.ms, coldLog: cold.log, warmLog: warm.log };
        log(`cards: site build ${cold.ms} ms cold (${cold.log}), ${warm.ms} ms warm (${warm.log})`);
      } finally {
        rmSync(site, { recursive: true, force: true });
      }
    }
    return { workers, perCard, site, scale, builds };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const countAt = args.indexOf('--count');
  await benchCards({
    count: countAt >= 0 ? Number(args[countAt + 1]) : undefined,
    builds: !args.includes('--no-builds'),
  });
}
