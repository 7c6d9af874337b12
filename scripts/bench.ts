// `npm run bench`: build cost, page weight, search and Lighthouse figures, printed as a table and
// written to bench/results.json. Reported, not asserted. Settings: CHARTER_BENCH_ROUNDS (3),
// CHARTER_BENCH_ARTICLES (1000), CHARTER_BENCH_SKIP (comma list: scale, lighthouse).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timeBuild, median, type BuildRun } from './bench/build-timer';
import { benchCalculatorJs, BUDGET_BYTES } from './bench/calculator-js';
import { benchCards } from './bench/cards';
import { lighthouseScores } from './bench/lighthouse';
import { formatScore, mutationScore } from './bench/mutation-score';
import { pageBytes } from './bench/page-bytes';
import { bareStarlight, charterAtScale, copySampleSite, freshCopy } from './bench/projects';
import { measureRelevance } from './bench/search-relevance';
import {
  KEY_DELAY_MS,
  PASTE_AFTER_MS,
  timeFirstSearch,
  type SearchTiming,
} from './bench/search-timing';

const ROUNDS = Number(process.env.CHARTER_BENCH_ROUNDS || 3);
const ARTICLES = Number(process.env.CHARTER_BENCH_ARTICLES || 1000);
const SKIP = new Set((process.env.CHARTER_BENCH_SKIP || '').split(',').filter(Boolean));

/** Page kinds and one route of each. */
const PAGE_KINDS: Record<string, string> = {
  home: '/',
  'commercial page': '/commercial/pricing/',
  'SLA page': '/commercial/sla/',
  'KB home': '/kb/',
  'KB article': '/kb/api/rate-limit-429/',
  calculator: '/calculators/service-credit/',
  'SOW generator': '/sales/sow-generator/',
  playbook: '/playbook/',
};
const LIGHTHOUSE_ROUTES = [
  '/',
  '/commercial/pricing/',
  '/commercial/sla/',
  '/kb/api/rate-limit-429/',
  '/calculators/service-credit/',
  '/sales/sow-generator/',
];
const SEARCH_QUERY = 'rate limit';

const cards = (log: string) =>
  /social cards: (\d+) rendered, (\d+) reused/.exec(log)?.slice(1).map(Number) ?? null;

function serve(dir: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['packages/starlight-charter/cli/serve.mjs', '--dir', dir, '--port', String(port)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** Total bytes of the files under a directory. */
function dirBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** The first-search times, each a median of fresh pages with its range. */
function searchTimes(search: SearchTiming): string {
  return (
    `first result ${search.typedMs} ms after the last key typed into the search dialog at ${1000 / KEY_DELAY_MS} keys a second ` +
    `(median of ${search.tries} fresh pages, ${search.typedRangeMs[0]}–${search.typedRangeMs[1]} ms), ` +
    `${search.pastedMs} ms after pasting it ${PASTE_AFTER_MS / 1000} s after opening the dialog (${search.pastedRangeMs[0]}–${search.pastedRangeMs[1]} ms), ` +
    `${search.firstResultMs} ms from loading Pagefind with the query sent at once (${search.rangeMs[0]}–${search.rangeMs[1]} ms)`
  );
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  rounds: ROUNDS,
  articles: ARTICLES,
};
const lines: string[] = [];

// 1. The sample site, cold (empty caches) then warm.
// A copy of the sample's site, so its Astro cache (node_modules/.astro in the copy) starts empty.
const sampleSite = copySampleSite();
const sampleDist = join(sampleSite, 'dist');
const cold = timeBuild(sampleSite);
const warm = timeBuild(sampleSite);
results.sample = { cold, warm };
lines.push(
  '## Sample site build',
  '',
  row(['run', 'seconds', 'peak MB', 'social cards (rendered / reused)']),
  row(['---', '---', '---', '---']),
);
for (const [name, run] of [
  ['cold', cold],
  ['warm', warm],
] as const) {
  lines.push(row([name, run.seconds.toFixed(1), run.peakMb, cards(run.log)?.join(' / ') ?? 'n/a']));
}
delete (cold as Partial<BuildRun>).log;
delete (warm as Partial<BuildRun>).log;

// 2. Bytes per page kind.
const bytes = Object.entries(PAGE_KINDS).flatMap(([kind, route]) => {
  const b = pageBytes(sampleDist, route);
  return b ? [{ kind, ...b }] : [];
});
results.pageBytes = bytes;
lines.push(
  '',
  '## Bytes per page kind (gzip)',
  '',
  row(['kind', 'route', 'HTML', 'CSS', 'JS', 'total']),
  row(['---', '---', '---', '---', '---', '---']),
);
for (const b of bytes) lines.push(row([b.kind, b.route, b.html, b.css, b.js, b.total]));

// Calculator JavaScript beyond what every page loads (budget: 10 KB gzip each).
const calculatorJs = await benchCalculatorJs(sampleDist);
results.calculatorJs = calculatorJs;
lines.push(
  '',
  `## Calculator JavaScript (gzip, budget ${BUDGET_BYTES / 1024} KB)`,
  '',
  row(['page', 'bytes']),
  row(['---', '---']),
);
for (const c of calculatorJs) lines.push(row([c.page, c.gzipBytes]));

// Social cards: per card, the sample site's cards and synthetic cards at scale.
const cardBench = await benchCards({
  count: ARTICLES,
  dist: sampleDist,
  builds: false,
  log: () => {},
});
results.cards = cardBench;
lines.push(
  '',
  '## Social cards',
  '',
  `One card: ${cardBench.perCard.totalMs} ms (satori ${cardBench.perCard.satoriMs}, sharp ${cardBench.perCard.sharpMs}); ${cardBench.perCard.chineseMs} ms with a Chinese title. ${cardBench.workers} worker(s).`,
  cardBench.site
    ? `Sample site: ${cardBench.site.cards} cards in ${cardBench.site.coldMs} ms cold, ${cardBench.site.warmMs} ms cached.`
    : 'Sample site: not built.',
  `${cardBench.scale.cards} synthetic cards: ${cardBench.scale.coldMs} ms cold (${cardBench.scale.msPerCard} ms per card), ${cardBench.scale.warmMs} ms cached.`,
);

// 3. Search and Lighthouse on the sample site.
const port = 4390;
const server = await serve(sampleDist, port);
try {
  const search = await timeFirstSearch(`http://127.0.0.1:${port}/`, SEARCH_QUERY);
  results.search = search;
  lines.push(
    '',
    '## Search (sample site)',
    '',
    `First query "${search.query}": ${search.bytes} bytes of Pagefind data; ${searchTimes(search)}; ${search.results} results.`,
  );
  const relevance = await measureRelevance(`http://127.0.0.1:${port}/`);
  results.searchRelevance = relevance;
  lines.push(
    `Relevance: of ${relevance.questions} questions as customers type them, the right article is first for ${relevance.top1Percent}% and among the first three for ${relevance.top3Percent}% (asked on the KB search page).`,
  );
  if (!SKIP.has('lighthouse')) {
    const scores = await lighthouseScores(`http://127.0.0.1:${port}/`, LIGHTHOUSE_ROUTES);
    results.lighthouse = scores;
    lines.push(
      '',
      '## Lighthouse (mobile defaults)',
      '',
      row(['route', 'performance', 'accessibility', 'best practices', 'SEO']),
      row(['---', '---', '---', '---', '---']),
    );
    for (const s of scores)
      lines.push(row([s.route, s.performance, s.accessibility, s.bestPractices, s.seo]));
  }
} finally {
  server.kill();
}

// 4. Scale: Charter with generated KB articles vs bare Starlight with the same pages, alternating.
if (!SKIP.has('scale')) {
  // Each site also builds without the generated articles, so the table can say what the
  // articles themselves cost: Charter carries a hundred pages of its own, bare Starlight one.
  const sources = {
    charter: charterAtScale(ARTICLES),
    bare: bareStarlight(ARTICLES),
    charterBase: charterAtScale(0),
    bareBase: bareStarlight(0),
  };
  type Site = keyof typeof sources;
  const sites = Object.keys(sources) as Site[];
  // Every build runs in a copy made for its round, and nothing is deleted until the end.
  const made: string[] = Object.values(sources);
  let charterDir = '';
  const runs = Object.fromEntries(
    sites.flatMap((site) => [
      [`${site}Cold`, [] as BuildRun[]],
      [`${site}Warm`, [] as BuildRun[]],
    ]),
  );
  // Each site keeps its cache in its project (Charter's in node_modules/.astro, as in real
  // use), so a fresh copy starts without one.
  // One untimed build of each site first, so every timed one finds the files it loads (Node
  // modules, fonts, native libraries) in the operating system's cache, not only the sites built
  // after another that loads the same.
  for (const site of sites) {
    const dir = freshCopy(sources[site]);
    made.push(dir);
    timeBuild(dir);
  }
  for (let round = 0; round < ROUNDS; round++) {
    const dirs = Object.fromEntries(
      sites.map((site) => [site, freshCopy(sources[site])]),
    ) as Record<Site, string>;
    made.push(...Object.values(dirs));
    charterDir = dirs.charter;
    for (const site of sites) runs[`${site}Cold`]!.push(timeBuild(dirs[site]));
    for (const site of sites) runs[`${site}Warm`]!.push(timeBuild(dirs[site]));
    process.stderr.write(`scale round ${round + 1}/${ROUNDS} done\n`);
  }
  const summary = Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [
      name,
      {
        medianSeconds: median(list.map((r) => r.seconds)),
        roundSeconds: list.map((r) => r.seconds),
        peakMb: Math.max(...list.map((r) => r.peakMb)),
        cards: cards(list[0]!.log),
      },
    ]),
  );
  const seconds = (name: string) => summary[name]!.medianSeconds;
  const ratioCold = seconds('charterCold') / seconds('bareCold');
  const ratioWarm = seconds('charterWarm') / seconds('bareWarm');
  // What the articles add: each site's build with them less its build without them.
  const added = (site: 'charter' | 'bare', run: 'Cold' | 'Warm') =>
    seconds(`${site}${run}`) - seconds(`${site}Base${run}`);
  const articlesCold = { charter: added('charter', 'Cold'), bare: added('bare', 'Cold') };
  const articlesWarm = { charter: added('charter', 'Warm'), bare: added('bare', 'Warm') };
  // Each round's Charter build ran beside its bare one, so their ratio is spared the machine's
  // drift between rounds; their spread shows how far the median ratio can be trusted.
  const roundRatios = (run: 'Cold' | 'Warm') =>
    summary[`charter${run}`]!.roundSeconds.map(
      (s, i) => s / summary[`bare${run}`]!.roundSeconds[i]!,
    );
  const roundRatiosCold = roundRatios('Cold');
  const roundRatiosWarm = roundRatios('Warm');
  results.scale = {
    ...summary,
    ratioCold,
    ratioWarm,
    roundRatiosCold,
    roundRatiosWarm,
    articlesCold,
    articlesWarm,
  };
  lines.push(
    '',
    `## Scale: ${ARTICLES} generated KB articles, ${ROUNDS} rounds, medians`,
    '',
    row(['build', 'Charter s', 'bare Starlight s', 'ratio', 'Charter peak MB', 'bare peak MB']),
    row(['---', '---', '---', '---', '---', '---']),
  );
  // One row per pair of builds: Charter's against bare Starlight's.
  const buildRow = (label: string, run: string, ratio?: number) =>
    row([
      label,
      seconds(`charter${run}`).toFixed(1),
      seconds(`bare${run}`).toFixed(1),
      ratio === undefined ? '' : ratio.toFixed(2),
      summary[`charter${run}`]!.peakMb,
      summary[`bare${run}`]!.peakMb,
    ]);
  const addedRow = (label: string, added: { charter: number; bare: number }) =>
    row([
      label,
      added.charter.toFixed(1),
      added.bare.toFixed(1),
      (added.charter / added.bare).toFixed(2),
      '',
      '',
    ]);
  lines.push(
    buildRow('cold', 'Cold', ratioCold),
    buildRow('warm', 'Warm', ratioWarm),
    buildRow('without the articles, cold', 'BaseCold'),
    buildRow('without the articles, warm', 'BaseWarm'),
    addedRow('added by the articles, cold', articlesCold),
    addedRow('added by the articles, warm', articlesWarm),
    '',
    `Ratio in each round: cold ${roundRatiosCold.map((r) => r.toFixed(2)).join(', ')}; ` +
      `warm ${roundRatiosWarm.map((r) => r.toFixed(2)).join(', ')}.`,
  );
  const scaleServer = await serve(join(charterDir, 'dist'), port + 1);
  try {
    const search = await timeFirstSearch(`http://127.0.0.1:${port + 1}/`, SEARCH_QUERY);
    const indexBytes = dirBytes(join(charterDir, 'dist/pagefind'));
    results.scaleSearch = { ...search, indexBytes };
    lines.push(
      '',
      `Scale search: Pagefind index ${(indexBytes / 1024 / 1024).toFixed(1)} MB; first query "${search.query}": ${search.bytes} bytes; ${searchTimes(search)}.`,
    );
  } finally {
    scaleServer.kill();
  }
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
}

// 5. Mutation score of the money and time logic, from the last `npm run test:mutation`.
const mutation = mutationScore();
results.mutation = mutation;
lines.push('', '## Mutation score (money and time logic)', '');
if (!mutation) lines.push('Not measured: no report from `npm run test:mutation`.');
else {
  lines.push(
    `From the report of ${mutation.date}.`,
    '',
    row(['file', 'mutants detected']),
    row(['---', '---']),
  );
  for (const f of [...mutation.files, mutation.total]) lines.push(row([f.file, formatScore(f)]));
}

mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(lines.join('\n'));
console.log('\nWritten to bench/results.json');
rmSync(sampleSite, { recursive: true, force: true });
