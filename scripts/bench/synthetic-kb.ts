import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Words for synthetic articles: support-centre vocabulary, so search behaves realistically. */
const WORDS = (
  'api key token request response error retry webhook payload upload lookup index workspace ' +
  'seat role invoice plan quota overage alert latency timeout region export delete schema ' +
  'field batch stream event dashboard audit log status incident severity escalation credit ' +
  'uptime customer engineer channel console setting permission rotate verify configure limit'
).split(' ');

function sentence(seed: number, length: number): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++)
    words.push(WORDS[(seed * 31 + i * 17 + ((seed * i) % 7)) % WORDS.length]!);
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** About 470 words of body text in a few sections. */
export function syntheticBody(seed: number): string {
  const sections: string[] = [];
  for (let s = 0; s < 4; s++) {
    const paragraphs = [0, 1, 2].map((p) =>
      Array.from({ length: 4 }, (_, i) => sentence(seed + s * 13 + p * 5 + i, 9)).join(' '),
    );
    sections.push(`## Section ${s + 1}\n\n${paragraphs.join('\n\n')}`);
  }
  return sections.join('\n\n');
}

export function syntheticTitle(seed: number): string {
  return `Synthetic article ${seed}: ${WORDS[seed % WORDS.length]} ${WORDS[(seed * 7) % WORDS.length]}`;
}

/** Writes `count` Charter KB articles (typed frontmatter) under `dir/<category>/`. */
export function writeCharterArticles(
  dir: string,
  count: number,
  categories: string[],
  tiers: string[],
): void {
  for (let i = 0; i < count; i++) {
    const category = categories[i % categories.length]!;
    mkdirSync(join(dir, category), { recursive: true });
    const frontmatter = [
      '---',
      `title: "${syntheticTitle(i)}"`,
      `description: "A generated article used to measure build cost at scale (${i})."`,
      `summary: "A generated article used to measure build cost at scale (${i})."`,
      `category: ${category}`,
      `tiers: [${tiers.join(', ')}]`,
      `tags: [synthetic, ${WORDS[i % WORDS.length]}]`,
      'updated: 2026-11-01',
      'type: article',
      '---',
    ].join('\n');
    writeFileSync(
      join(dir, category, `synthetic-${i}.md`),
      `${frontmatter}\n\n${syntheticBody(i)}\n`,
    );
  }
}

/** Writes the same articles as plain Starlight docs pages under `dir/kb/`. */
export function writeStarlightPages(dir: string, count: number): void {
  mkdirSync(join(dir, 'kb'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const frontmatter = [
      '---',
      `title: "${syntheticTitle(i)}"`,
      `description: "A generated article (${i})."`,
      '---',
    ].join('\n');
    writeFileSync(join(dir, 'kb', `synthetic-${i}.md`), `${frontmatter}\n\n${syntheticBody(i)}\n`);
  }
}
