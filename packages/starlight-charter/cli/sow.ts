// `npm run sow -- path/to/engagement.yaml [--out dir]`: validates an engagement file and
// writes a print-ready Statement of Work as HTML, plus a PDF when Chromium is available.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogOrExit } from '../data/cli';
import { readEngagement } from '../data/engagement';
import { formatIssue } from '../data/issues';
import { sowCatalog } from '../lib/sow';
import { paperSize, standaloneSowHtml } from '../lib/sow-document';
import { CHROMIUM_ARGS, chromiumPath, hasChromium } from '../../../scripts/lib/chromium';

const CSS_FILE = fileURLToPath(new URL('../components/sow/sow-document.css', import.meta.url));

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: npm run sow -- path/to/engagement.yaml [--out dir]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 ? args[outIndex + 1] : undefined;
if (outIndex >= 0 && !outDir) usage('--out needs a directory.');
const files = args.filter((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));
if (files.length !== 1) usage('Give exactly one engagement file.');
const path = files[0]!;
if (!existsSync(path)) usage(`${path}: file not found.`);

const catalog = loadCatalogOrExit();
const cat = sowCatalog(catalog);
const shown = relative(process.cwd(), path) || path;
const { draft, issues } = readEngagement(shown, readFileSync(path, 'utf8'), cat);
if (issues.length > 0) {
  process.stderr.write(`${shown} has ${issues.length} problem(s):\n`);
  for (const issue of issues) process.stderr.write(`${formatIssue(issue)}\n`);
  process.exit(1);
}

const target = outDir ?? dirname(path);
mkdirSync(target, { recursive: true });
const name = basename(path, extname(path));
const htmlFile = join(target, `${name}.html`);
const html = standaloneSowHtml(draft, cat, readFileSync(CSS_FILE, 'utf8'));
writeFileSync(htmlFile, html);
process.stdout.write(`Wrote ${htmlFile}\n`);

if (!hasChromium()) {
  process.stdout.write(
    'No Chromium found (set CHROMIUM_PATH): skipped the PDF. Print the HTML file instead.\n',
  );
} else {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdfFile = join(target, `${name}.pdf`);
    await page.pdf({
      path: pdfFile,
      format: paperSize(cat.company.locale),
      preferCSSPageSize: true,
      printBackground: true,
    });
    process.stdout.write(`Wrote ${pdfFile}\n`);
  } finally {
    await browser.close();
  }
}
