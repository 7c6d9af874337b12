import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  LOGO_BOX,
  TITLE,
  TITLE_LINE,
  cardHash,
  cardLayout,
  cardLogo,
  cardTree,
  fitLogo,
  textColorOn,
  type CardInput,
  type CardNode,
  type LogoImage,
} from '../../../../packages/starlight-charter/lib/og/card';
import type { Company } from '../../../../packages/starlight-charter/schemas/company';
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

  const logo = { ...input, logo: { file: '/terms/logo.svg', replacesTitle: false } };

  test('changes with a logo, its bytes and whether it replaces the name', () => {
    const key = cardHash(logo, 'fonts-a', 'logo-a');
    expect(key).not.toBe(cardHash(input, 'fonts-a'));
    expect(cardHash(logo, 'fonts-a', 'logo-b')).not.toBe(key);
    expect(
      cardHash({ ...logo, logo: { ...logo.logo, replacesTitle: true } }, 'fonts-a', 'logo-a'),
    ).not.toBe(key);
  });

  test('stays when only the place of the logo file changes', () => {
    const moved = { ...logo, logo: { ...logo.logo, file: '/elsewhere/logo.svg' } };
    expect(cardHash(moved, 'fonts-a', 'logo-a')).toBe(cardHash(logo, 'fonts-a', 'logo-a'));
  });

  test('needs the logo’s digest for a card with a logo', () => {
    expect(() => cardHash(logo, 'fonts-a')).toThrow(/logoKey/);
  });
});

describe('cardLogo', () => {
  const company = (brand_color: string, logo?: Company['logo']) =>
    ({ brand_color, ...(logo ? { logo } : {}) }) as Company;
  const both = { light: 'brand/light.svg', dark: 'brand/dark.svg', replaces_title: true };

  test('is undefined for a company without a logo', () => {
    expect(cardLogo(company('#4f46e5'), '/terms')).toBeUndefined();
  });

  test('is the light-theme logo on a light brand colour, in the terms folder', () => {
    expect(cardLogo(company('#fde047', both), '/terms')).toEqual({
      file: join('/terms', both.light),
      replacesTitle: true,
    });
  });

  test('is the dark-theme logo on a dark brand colour, the light one when there is none', () => {
    expect(cardLogo(company('#1e1b4b', both), '/terms')?.file).toBe(join('/terms', both.dark));
    const light = { light: both.light, replaces_title: false };
    expect(cardLogo(company('#1e1b4b', light), '/terms')).toEqual({
      file: join('/terms', both.light),
      replacesTitle: false,
    });
  });
});

describe('fitLogo', () => {
  test.each([
    { size: { width: 1000, height: 100 }, expected: { width: LOGO_BOX.width, height: 32 } },
    { size: { width: 100, height: 1000 }, expected: { width: 6, height: LOGO_BOX.height } },
    {
      size: { width: 10, height: 10 },
      expected: { width: LOGO_BOX.height, height: LOGO_BOX.height },
    },
    {
      size: { width: 400, height: 80 },
      expected: { width: LOGO_BOX.width, height: LOGO_BOX.height },
    },
  ])(
    'draws $size.width x $size.height as $expected.width x $expected.height',
    ({ size, expected }) => {
      // Box 320 x 64: a 10:1 logo is as wide as the box, a 1:10 one as tall, 5:1 fills it.
      expect(LOGO_BOX).toEqual({ width: 320, height: 64 });
      expect(fitLogo(size)).toEqual(expected);
    },
  );
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

describe('cardTree with a logo', () => {
  const logo: LogoImage = { src: 'data:image/png;base64,AAAA', width: 48, height: 30 };
  const images = (node: CardNode): CardNode[] => {
    const children = node.props.children;
    return [
      ...(node.type === 'img' ? [node] : []),
      ...(Array.isArray(children) ? children.flatMap(images) : []),
    ];
  };
  const withLogo = (replacesTitle: boolean) => ({
    ...input,
    logo: { file: '/terms/logo.svg', replacesTitle },
  });

  test('draws the logo at its size beside the company name', () => {
    const tree = cardTree(withLogo(false), logo);
    expect(images(tree)).toHaveLength(1);
    expect(images(tree)[0]!.props).toMatchObject(logo);
    expect(texts(tree)).toEqual(texts(cardTree(input)));
  });

  test('draws the logo in place of the name when it replaces the title', () => {
    const tree = cardTree(withLogo(true), logo);
    expect(images(tree)).toHaveLength(1);
    expect(texts(tree)).toEqual(texts(cardTree(input)).filter((t) => t !== input.company));
  });

  test('places the logo at a whole pixel in its row, so its pixels are not resampled', () => {
    const style = images(cardTree(withLogo(false), { ...logo, height: 33 }))[0]!.props.style!;
    expect(Number.isInteger(style.marginTop)).toBe(true);
  });

  test('has no image without a logo', () => {
    expect(images(cardTree(input))).toEqual([]);
  });

  test('is the same tree as its layout with the title filled in', () => {
    const { tree, title } = cardLayout(withLogo(false), logo);
    let line = 0;
    const filled = JSON.parse(JSON.stringify(tree), (_, value) =>
      value === TITLE_LINE ? title[line++] : value,
    );
    expect(filled).toEqual(cardTree(withLogo(false), logo));
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
