import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { DataError, formatIssue } from '../../../packages/starlight-charter/data/issues';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { CompanySchema } from '../../../packages/starlight-charter/schemas/company';
import { SAMPLE, copyTerms } from '../../support/sites';

/** A copy of the sample's terms whose company.yaml has `fields` added. */
function termsWith(fields: Record<string, unknown>, files: string[] = []): string {
  const dir = copyTerms(SAMPLE);
  const file = join(dir, 'company.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  for (const [key, value] of Object.entries(fields)) doc.set(key, value);
  writeFileSync(file, doc.toString());
  for (const name of files)
    writeFileSync(join(dir, name), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

const problems = (dir: string) => {
  try {
    loadCatalog(dir);
    return [];
  } catch (error) {
    if (error instanceof DataError)
      return error.issues.map((i) => formatIssue(i).replace(`${dir}/`, ''));
    throw error;
  }
};

describe("the company's logo and icon", () => {
  test('load when their files are beside the terms', () => {
    const dir = termsWith(
      { logo: { light: 'logo.svg', dark: 'logo-dark.svg' }, favicon: 'icon.svg' },
      ['logo.svg', 'logo-dark.svg', 'icon.svg'],
    );
    expect(loadCatalog(dir).company).toMatchObject({
      logo: { light: 'logo.svg', dark: 'logo-dark.svg', replaces_title: false },
      favicon: 'icon.svg',
    });
  });

  test('a file that is not there is a problem at its line', () => {
    const dir = termsWith({ logo: { light: 'logo.svg' }, favicon: 'icon.png' });
    const lines = readFileSync(join(dir, 'company.yaml'), 'utf8').split('\n');
    const at = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
    expect(problems(dir).map((p) => p.replace(/^\S*company\.yaml/, 'company.yaml'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^company\\.yaml:${at('light: logo.svg')}:\\d+ logo\\.light: no such file beside the terms: logo\\.svg$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^company\\.yaml:${at('favicon: icon.png')}:\\d+ favicon: no such file beside the terms: icon\\.png$`,
        ),
      ),
    ]);
  });

  test.each([
    ['/etc/logo.svg', 'an absolute path'],
    ['../logo.svg', 'a path out of the folder'],
    ['brand/../../logo.svg', 'a path out of the folder, further in'],
    ['logo.gif', 'a kind of image that is not offered'],
    ['javascript:alert(1)', 'a URL'],
  ])('refuses %s (%s)', (file) => {
    const base = CompanySchema.parse(
      parseDocument(readFileSync(join(SAMPLE.terms, 'company.yaml'), 'utf8')).toJS(),
    );
    expect(CompanySchema.safeParse({ ...base, logo: { light: file } }).success).toBe(false);
    expect(CompanySchema.safeParse({ ...base, favicon: file }).success).toBe(false);
  });

  test('the icon is an svg, png or ico file; the logo may be any offered kind', () => {
    const base = CompanySchema.parse(
      parseDocument(readFileSync(join(SAMPLE.terms, 'company.yaml'), 'utf8')).toJS(),
    );
    expect(CompanySchema.safeParse({ ...base, favicon: 'brand/icon.webp' }).success).toBe(false);
    expect(
      CompanySchema.safeParse({
        ...base,
        favicon: 'brand/icon.ico',
        logo: { light: 'brand/logo.webp' },
      }).success,
    ).toBe(true);
  });
});
