import { describe, expect, test } from 'vitest';
import { decodeEntities, parseHexColor, splitSvgText } from '../../../../packages/starlight-charter/lib/og/svg-text';

// Shaped like satori's output with `embedFont: false`.
const text = (x: number, y: number, content: string, extra = '') =>
  `<text x="${x}" y="${y}" width="10" height="20" font-weight="700" font-style="normal" font-size="36" font-family="inter,noto sans sc" fill="#ffffff"${extra}>${content}</text>`;
const svg = (body: string) =>
  `<svg width="1200" height="630" viewBox="0 0 1200 630" xmlns="http://www.w3.org/2000/svg"><mask id="m"><rect x="0" y="0" width="1200" height="630" fill="#fff"/></mask><rect x="0" y="0" width="1200" height="630" fill="#1d4ed8"/>${body}</svg>`;

describe('splitSvgText', () => {
  test('takes each text out as a run and keeps the shapes', () => {
    const bar = '<path x="72" y="550" width="120" height="8" fill="#ffffff" d="M76,550 h112"/>';
    const split = splitSvgText(svg(text(72, 106, 'Acme') + text(173.5, 106, ' ') + bar))!;
    expect(split.base).toBe(svg(bar));
    expect(split.runs).toEqual([
      {
        text: 'Acme',
        x: 72,
        y: 106,
        fontSize: 36,
        fontWeight: 700,
        families: ['inter', 'noto sans sc'],
        color: [255, 255, 255],
        opacity: 1,
      },
    ]);
  });

  test('multiplies group and fill opacity into the run, and drops groups left empty', () => {
    const split = splitSvgText(
      svg(`<g opacity="0.5"><g opacity="0.5">${text(1, 2, 'a', ' fill-opacity="0.8"')}</g></g>`),
    )!;
    expect(split.runs[0]!.opacity).toBeCloseTo(0.2);
    expect(split.base).toBe(svg(''));
  });

  test('keeps a group that still draws something', () => {
    const rect = '<rect x="1" y="1" width="2" height="2" fill="#000"/>';
    const split = splitSvgText(svg(`<g opacity="0.5">${rect}${text(1, 2, 'a')}</g>`))!;
    expect(split.base).toBe(svg(`<g opacity="0.5">${rect}</g>`));
  });

  test('decodes entities and reads normal weight', () => {
    const split = splitSvgText(
      svg(
        text(0, 0, 'Q&amp;A &lt;b&gt; &#8212; &#x2019;').replace(
          'font-weight="700"',
          'font-weight="normal"',
        ),
      ),
    )!;
    expect(split.runs[0]).toMatchObject({ text: 'Q&A <b> — ’', fontWeight: 400 });
  });

  test.each([
    ['text in a mask', `<mask id="x">${text(0, 0, 'a')}</mask>`],
    ['text in a clipped group', `<g clip-path="url(#c)">${text(0, 0, 'a')}</g>`],
    ['a transformed text', text(0, 0, 'a', ' transform="rotate(5)"')],
    ['markup inside a text', text(0, 0, '<tspan>a</tspan>')],
    ['a colour that is not hex', text(0, 0, 'a').replace('#ffffff', 'rgba(0,0,0,0.5)')],
    ['italic text', text(0, 0, 'a').replace('font-style="normal"', 'font-style="italic"')],
    ['a position that is not a number', text(0, 0, 'a').replace('x="0"', 'x="1em"')],
    ['an unclosed text', '<text x="0" y="0" font-size="3" fill="#000">a'],
  ])('declines %s', (_, body) => {
    expect(splitSvgText(svg(body))).toBeNull();
  });

  test('declines mismatched tags', () => {
    expect(splitSvgText('<svg><g></svg></g>')).toBeNull();
  });
});

describe('parseHexColor', () => {
  test.each([
    ['#ffffff', [255, 255, 255]],
    ['#1D4ED8', [29, 78, 216]],
    ['#f80', [255, 136, 0]],
  ])('reads %s', (value, rgb) => {
    expect(parseHexColor(value)).toEqual(rgb);
  });

  test.each(['white', '#ffff', 'rgb(0,0,0)', ''])('declines %j', (value) => {
    expect(parseHexColor(value)).toBeNull();
  });
});

describe('decodeEntities', () => {
  test('leaves unknown entities and plain text alone', () => {
    expect(decodeEntities('a &nbsp; b & c')).toBe('a &nbsp; b & c');
  });
});
