// Social-card benchmark: cost of one card (satori lays it out, sharp rasterises and encodes
// it), all cards of the built site, 1,000 synthetic cards cold and cached, and a cold vs warm
// (cached) site build.
// Run alone: npx tsx scripts/bench/cards.ts [--count 1000] [--no-builds]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import satori from 'satori';
import sharp from 'sharp';
import { loadCatalog } from '../../packages/starlight-charter/data/load';
import {
  PNG_OPTIONS,
  fontFiles,
  renderCards,
  type CardJob,
} from '../../packages/starlight-charter/integrations/card-renderer';
import { htmlFiles, routeOf } from '../../packages/starlight-charter/integrations/html-files';
import { cardForPage } from '../../packages/starlight-charter/integrations/social-cards';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  type CardInput,
} from '../../packages/starlight-charter/lib/og/card';
import { cardTemplate } from '../../packages/starlight-charter/lib/og/card-template';

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
  /** One card in this thread, fonts loaded: a Latin title in two stages, and a Chinese one. */
  perCard: { satoriMs: number; sharpMs: number; totalMs: number; chineseMs: number };
  site: { cards: number; coldMs: number; warmMs: number } | null;
  scale: { cards: number; coldMs: number; warmMs: number; msPerCard: number };
  builds: { coldMs: number; warmMs: number; coldLog: string; warmLog: string } | null;
};

const round = (ms: number) => Math.round(ms * 10) / 10;

/** The sample company's site, whose cards and builds are measured. */
const SAMPLE_SITE = 'examples/sample';
const { company } = loadCatalog(join(SAMPLE_SITE, 'terms'));

const CHINESE = (i: number) => `如何轮换第 ${i} 个 API 密钥`;

function sampleInput(i: number): CardInput {
  const titles = [
    `Configure webhook retries for endpoint ${i}`,
    `Why does request ${i} return a 429 after a burst of requests from several workers at once, and how long to wait`,
    CHINESE(i),
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

/** One card at a time in this thread, as a worker draws it, fonts already loaded. */
async function timeOne(samples: number) {
  sharp.concurrency(1);
  const load = (fallback: boolean) =>
    fontFiles()
      .filter((f) => Boolean(f.fallback) === fallback)
      .map((f) => ({ ...f, data: readFileSync(f.path) }));
  const [fonts, fallback] = [load(false), load(true)];
  const draw = (input: CardInput) =>
    satori(cardTemplate(input) as never, {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      fonts,
      loadAdditionalAsset: async () => fallback,
    });
  const encode = (svg: string) => sharp(Buffer.from(svg)).png(PNG_OPTIONS).toBuffer();
  const latin = (i: number) => ({ ...sampleInput(0), title: `Configure webhook retries ${i}` });
  await encode(await draw(latin(0))); // font parsing happens once per worker; leave it out
  await encode(await draw({ ...latin(0), title: CHINESE(0) }));
  let [satoriMs, sharpMs, chineseMs] = [0, 0, 0];
  for (let i = 0; i < samples; i++) {
    let t = performance.now();
    const svg = await draw(latin(i));
    satoriMs += performance.now() - t;
    t = performance.now();
    await encode(svg);
    sharpMs += performance.now() - t;
    t = performance.now();
    await encode(await draw({ ...latin(i), title: CHINESE(i) }));
    chineseMs += performance.now() - t;
  }
  const per = (ms: number) => round(ms / samples);
  return {
    satoriMs: per(satoriMs),
    sharpMs: per(sharpMs),
    totalMs: per(satoriMs + sharpMs),
    chineseMs: per(chineseMs),
  };
}

/** The cards of a built site, one per image file, as its build asks for them. */
function planCards(dist: string, site: URL): CardJob[] {
  const byFile = new Map<string, CardJob>();
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(join(dist, file), 'utf8');
    const { job } = cardForPage(routeOf(file), html, dist, site, company);
    if (job) byFile.set(job.outFile, job);
  }
  return [...byFile.values()];
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
    const perCard = await timeOne(20);
    log(
      `cards: one card ${perCard.totalMs} ms (satori ${perCard.satoriMs}, sharp ${perCard.sharpMs}), ` +
        `${perCard.chineseMs} ms with a Chinese title, ${workers} worker(s)`,
    );

    let site: CardsBenchResult['site'] = null;
    const dist = options.dist ?? join(SAMPLE_SITE, 'dist');
    if (existsSync(join(dist, 'index.html'))) {
      const jobs = planCards(dist, new URL(company.site_url));
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
