import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ELLIPSIS, fitText, measureText, type FitOptions } from '../../../../packages/starlight-charter/lib/og/text';

const box: FitOptions = { maxWidth: 1056, maxLines: 3, fontSize: 68, weight: 700 };
const widthOf = (line: string) => measureText(line, box.fontSize, box.weight);

const longTitle = (
  'How to configure webhook retries, signing secrets and delivery logs so that a failed endpoint ' +
  'never loses an event, with examples for every SDK and the limits that apply on each support tier'
).padEnd(200, ' and more');

describe('measureText', () => {
  test.each([
    { a: 'i', b: 'W', why: 'narrow letters are narrower than wide ones' },
    { a: 'abc', b: 'abcd', why: 'more characters are wider' },
    { a: 'Ab', b: '中文', why: 'Chinese characters take a full em each' },
  ])('measures $a narrower than $b ($why)', ({ a, b }) => {
    expect(measureText(a, 40)).toBeLessThan(measureText(b, 40));
  });

  test('measures a Chinese character as one em', () => {
    expect(measureText('中', 50)).toBe(50);
  });

  test('measures an accented letter like its base letter', () => {
    expect(measureText('é', 40, 700)).toBe(measureText('e', 40, 700));
  });
});

describe('fitText', () => {
  test.each([
    { text: 'Support tiers', expected: ['Support tiers'] },
    { text: '  Support   tiers  ', expected: ['Support tiers'] },
    { text: '', expected: [] },
  ])('returns $expected for "$text" unchanged when it fits', ({ text, expected }) => {
    expect(fitText(text, box)).toEqual(expected);
  });

  test('wraps a 200-character title onto every line, then ends it with an ellipsis', () => {
    expect(longTitle).toHaveLength(200);
    const lines = fitText(longTitle, box);
    expect(lines).toHaveLength(box.maxLines);
    expect(lines.at(-1)!.endsWith(ELLIPSIS)).toBe(true);
    for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(box.maxWidth);
    // Nothing is lost before the cut: the lines are the start of the title, word for word.
    const shown = lines.join(' ').replace(ELLIPSIS, '');
    expect(longTitle.startsWith(shown)).toBe(true);
  });

  test('wraps without an ellipsis when the title fits on the lines', () => {
    const lines = fitText(
      'Service credits when we miss the availability we promise in the SLA',
      box,
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).not.toContain(ELLIPSIS);
  });

  test('breaks Chinese between characters and never overflows', () => {
    const title =
      '如何配置 Webhook 重试以及处理速率限制错误的完整指南，包括常见问题和最佳实践'.repeat(3);
    const lines = fitText(title, box);
    expect(lines).toHaveLength(box.maxLines);
    expect(lines.at(-1)!.endsWith(ELLIPSIS)).toBe(true);
    for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(box.maxWidth);
    expect(widthOf(lines[0]!)).toBeGreaterThan(box.maxWidth - box.fontSize * 2);
  });

  test('breaks a word longer than a line between its characters', () => {
    const lines = fitText('x'.repeat(80), { ...box, maxLines: 5 });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('x'.repeat(80));
    for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(box.maxWidth);
  });

  test('cuts a single line with an ellipsis when only one line is allowed', () => {
    const lines = fitText(longTitle, { ...box, maxLines: 1 });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith(ELLIPSIS)).toBe(true);
    expect(widthOf(lines[0]!)).toBeLessThanOrEqual(box.maxWidth);
  });
});

// The width table stands in for the font: check it against Inter itself, parsed with the
// font reader satori uses, so a font update that changes widths fails here.
describe('measureText against the Inter font files', async () => {
  // @ts-expect-error: satori's font reader ships without types
  const opentype = (await import('@shuding/opentype.js')).default;
  const { fontFiles } = await import('../../../../packages/starlight-charter/integrations/card-renderer');
  const fontFor = (weight: 400 | 700) => {
    const file = fontFiles().find((f) => f.weight === weight && f.path.includes('inter-latin-'))!;
    const bytes = readFileSync(file.path);
    return opentype.parse(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
  };

  test.each([
    { text: 'Support tiers and what each one includes', weight: 700 as const },
    {
      text: 'Why does my query return 429? (rate limits, retries & back-off)',
      weight: 700 as const,
    },
    { text: 'support.example.com', weight: 400 as const },
  ])('measures "$text" within 1% of the font, never narrower', ({ text, weight }) => {
    const font = fontFor(weight);
    const fromFont = font.getAdvanceWidth(text, 68, { kerning: true }) as number;
    const estimate = measureText(text, 68, weight);
    expect(estimate).toBeGreaterThanOrEqual(fromFont - 0.5);
    expect(estimate / fromFont).toBeLessThan(1.01);
  });
});
