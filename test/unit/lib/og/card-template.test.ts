import { describe, expect, test } from 'vitest';
import type { CardInput } from '../../../../packages/starlight-charter/lib/og/card';
import {
  cardTemplate,
  type CardNode,
  type LogoImage,
} from '../../../../packages/starlight-charter/lib/og/card-template';

const input: CardInput = {
  title: 'Support tiers',
  section: 'Commercial',
  detail: 'Professional: a price',
  company: 'Example Co',
  brandColor: '#4f46e5',
  host: 'support.example.com',
};
const logo: LogoImage = { src: 'data:image/png;base64,AAAA', width: 48, height: 30 };
const withLogo = (replacesTitle: boolean) => ({
  ...input,
  logo: { file: '/terms/logo.svg', replacesTitle },
});

const nodes = (node: CardNode): CardNode[] => {
  const { children } = node.props;
  return [node, ...(Array.isArray(children) ? children.flatMap(nodes) : [])];
};
const texts = (node: CardNode) =>
  nodes(node).flatMap((n) => (typeof n.props.children === 'string' ? [n.props.children] : []));
const images = (node: CardNode) => nodes(node).filter((n) => n.type === 'img');

describe('cardTemplate', () => {
  test('draws a 1200x630 card in the brand colour, its text in the colour that reads on it', () => {
    const { style } = cardTemplate(input).props;
    expect(style).toMatchObject({ width: 1200, height: 630, backgroundColor: '#4f46e5' });
    expect(style!.color).toBe('#ffffff');
    expect(cardTemplate({ ...input, brandColor: '#fde047' }).props.style!.color).toBe('#111827');
  });

  test('shows the company, host, section, title and price line', () => {
    expect(texts(cardTemplate(input))).toEqual([
      input.company,
      input.host,
      input.section,
      input.title,
      input.detail,
    ]);
  });

  test('leaves out the section and price line when a page has none', () => {
    expect(texts(cardTemplate({ ...input, section: '', detail: '' }))).toEqual([
      input.company,
      input.host,
      input.title,
    ]);
  });

  test('cuts a title after three lines, so a long one ends in an ellipsis', () => {
    const title = nodes(cardTemplate(input)).find((n) => n.props.children === input.title)!;
    expect(title.props.style!.lineClamp).toBe(3);
  });

  test('draws the logo at its size beside the company name', () => {
    const tree = cardTemplate(withLogo(false), logo);
    expect(images(tree).map((n) => n.props)).toEqual([logo]);
    expect(texts(tree)).toEqual(texts(cardTemplate(input)));
  });

  test('draws the logo in place of the name when it replaces the title', () => {
    const tree = cardTemplate(withLogo(true), logo);
    expect(images(tree)).toHaveLength(1);
    expect(texts(tree)).not.toContain(input.company);
  });

  test('has no image without a logo', () => {
    expect(images(cardTemplate(input))).toEqual([]);
    // The name stays when the logo cannot be shown.
    expect(texts(cardTemplate(withLogo(true)))).toContain(input.company);
  });
});
