// `charter sow <engagement.yaml> [--out dir]`: validates an engagement file against the site's
// terms and writes a print-ready Statement of Work as HTML, plus a PDF when Chromium is there.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogOrExit } from '../data/cli';
import { readEngagement } from './lib/engagement';
import { formatIssue } from '../data/issues';
import { languageOf, translator } from '../lib/i18n';
import { sowCatalog } from '../lib/sow';
import { localToday, paperSize, standaloneSowHtml } from '../lib/sow-document';
import { printPdf } from './lib/pdf';
import { shown, type Site } from './lib/site';

const CSS_FILE = fileURLToPath(new URL('../components/sow/sow-document.css', import.meta.url));

/** Writes the SOW of `path`; returns the exit code (1 for a broken engagement). */
export async function sow(site: Site, path: string, outDir?: string): Promise<number> {
  const catalog = loadCatalogOrExit(site.terms, shown(site.terms));
  const cat = sowCatalog(catalog);
  // The command writes in the company's language, as its site does.
  const t = translator(languageOf(catalog.company.locale));
  const file = shown(path);
  const { draft, issues } = readEngagement(file, readFileSync(path, 'utf8'), cat, t);
  if (issues.length > 0) {
    process.stderr.write(`${t('charter.sow.cliProblems', { file, count: issues.length })}\n`);
    for (const issue of issues) process.stderr.write(`${formatIssue(issue)}\n`);
    return 1;
  }

  const target = outDir ?? dirname(path);
  mkdirSync(target, { recursive: true });
  const name = basename(path, extname(path));
  const htmlFile = join(target, `${name}.html`);
  const html = standaloneSowHtml(draft, cat, readFileSync(CSS_FILE, 'utf8'), localToday(), t);
  writeFileSync(htmlFile, html);
  process.stdout.write(`${t('charter.sow.cliWrote', { file: shown(htmlFile) })}\n`);

  const pdfFile = join(target, `${name}.pdf`);
  const skipped = await printPdf(html, pdfFile, paperSize(cat.company.locale), site.root);
  if (skipped) process.stdout.write(`${t('charter.sow.cliSkippedPdf', { reason: skipped })}\n`);
  else process.stdout.write(`${t('charter.sow.cliWrote', { file: shown(pdfFile) })}\n`);
  return 0;
}
