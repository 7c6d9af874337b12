import { describe, expect, test } from 'vitest';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  TITLE,
  TITLE_LINE,
  cardHash,
  cardLayout,
  cardTree,
  textColorOn,
  type CardInput,
} from '../../../../packages/starlight-charter/lib/og/card';
import { ELLIPSIS, fitText } from '../../../../packages/starlight-charter/lib/og/text';

const input: CardInput = {
  title: 'Support tiers',
  section: 'Commercial',
  detail: 'Professional: a price',
  company: 'Example Co',
  brandColor: '#4f46e5',
  host: 'support.example.com',
};

const texts = (node: unknown): string[] => {
  const children = (node as { props: { children?: unknown } }).props.children;
  if (typeof children === 'string') return [children];
  return Array.isArray(children) ? children.flatMap(texts) : [];
};

describe('cardHash', () => {
  test('returns the same hash for the same inputs and fonts', () => {
    expect(cardHash({ ...input }, 'fonts-a')).toBe(cardHash(input, 'fonts-a'));
  });

  test.each(Object.keys(input) as (keyof CardInput)[])('changes when the %s changes', (field) => {
    const changed = {
      ...input,
      [field]: field === 'brandColor' ? '#000000' : `${input[field]} changed`,
    };
    expect(cardHash(changed, 'fonts-a')).not.toBe(cardHash(input, 'fonts-a'));
  });

  test('changes when the fonts change', () => {
    expect(cardHash(input, 'fonts-b')).not.toBe(cardHash(input, 'fonts-a'));
  });
});

describe('textColorOn', () => {
  test.each([
    { background: '#4f46e5', expected: '#ffffff' },
    { background: '#000000', expected: '#ffffff' },
    { background: '#fde047', expected: '#111827' },
    { background: '#ffffff', expected: '#111827' },
  ])('returns $expected on $background', ({ background, expected }) => {
    expect(textColorOn(background)).toBe(expected);
  });
});

describe('cardTree', () => {
  test('draws a 1200x630 card in the brand colour', () => {
    const style = cardTree(input).props.style!;
    expect([style.width, style.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(style.backgroundColor).toBe(input.brandColor);
  });

  test('shows the company, host, section, title and price line', () => {
    expect(texts(cardTree(input))).toEqual(
      expect.arrayContaining([input.company, input.host, input.section, input.title, input.detail]),
    );
  });

  test('leaves out the section and price line when a page has none', () => {
    const shown = texts(cardTree({ ...input, section: '', detail: '' }));
    expect(shown).toEqual([input.company, input.host, input.title]);
  });

  test('ends a title too long for the card with an ellipsis', () => {
    const shown = texts(cardTree({ ...input, title: 'A very long page title '.repeat(10) }));
    expect(shown.some((t) => t.endsWith(ELLIPSIS))).toBe(true);
  });
});

describe('cardLayout', () => {
  const long = {
    ...input,
    title: 'Rotate an API key without downtime for every service '.repeat(2),
  };

  test('gives the title as fitted lines and the tree with a stand-in for each line', () => {
    const { tree, title } = cardLayout(long);
    expect(title).toEqual(fitText(long.title, TITLE));
    expect(title.length).toBeGreaterThan(1);
    const shown = texts(tree);
    expect(shown.filter((t) => t === TITLE_LINE)).toHaveLength(title.length);
    expect(shown.filter((t) => t !== TITLE_LINE)).toEqual(
      texts(cardTree(long)).filter((t) => !title.includes(t)),
    );
  });

  test('is the same for titles with the same number of lines, so they share one layout', () => {
    const other = { ...input, title: 'Some other title' };
    expect(JSON.stringify(cardLayout(other).tree)).toBe(JSON.stringify(cardLayout(input).tree));
    expect(JSON.stringify(cardLayout(long).tree)).not.toBe(JSON.stringify(cardLayout(input).tree));
  });

  test('filled in, is the whole card', () => {
    const { tree, title } = cardLayout(long);
    let line = 0;
    const filled = JSON.parse(JSON.stringify(tree), (_, value) =>
      value === TITLE_LINE ? title[line++] : value,
    );
    expect(filled).toEqual(cardTree(long));
  });
});
