import { describe, expect, test } from 'vitest';
import {
  CharterOptionsError,
  CharterOptionsSchema,
  DEFAULT_SECTIONS,
  parseOptions,
  SECTION_IDS,
} from '../../../packages/starlight-charter/options';

/** The problems parseOptions reports for `input`; none when it accepts it. */
function problems(input: unknown): string[] {
  try {
    parseOptions(input);
  } catch (error) {
    expect(error).toBeInstanceOf(CharterOptionsError);
    const { problems: lines, message } = error as CharterOptionsError;
    // The message is the lines, so a build that prints it prints the same list.
    expect(message).toBe(lines.join('\n'));
    return lines;
  }
  return [];
}

/** Every line names the option it is about, on one line, with no stack. */
function expectOneLineEach(lines: string[], options: string[]): void {
  expect(lines).toHaveLength(options.length);
  lines.forEach((line, i) => {
    expect(line.startsWith(`starlight-charter: option "${options[i]}": `), line).toBe(true);
    expect(line).not.toContain('\n');
    expect(line).not.toMatch(/\bat \S+:\d+/);
  });
}

const OPTION_NAMES = Object.keys(CharterOptionsSchema.shape);

describe('parseOptions: what a site gets without saying', () => {
  test('no argument and an empty object give the same options', () => {
    expect(parseOptions(undefined)).toEqual(parseOptions({}));
  });

  test("the terms and KB folders are the site's ./terms and ./src/content/kb, at the root", () => {
    expect(parseOptions({})).toMatchObject({
      terms: './terms',
      kb: './src/content/kb',
      prefix: '/',
    });
  });

  test('every section is decided, and the internal playbook is off', () => {
    const { sections } = parseOptions({});
    expect(Object.keys(sections).sort()).toEqual([...SECTION_IDS].sort());
    expect(sections).toEqual(DEFAULT_SECTIONS);
    expect(sections.playbook).toBe(false);
    for (const id of SECTION_IDS.filter((s) => s !== 'playbook'))
      expect(sections[id], id).toBe(true);
  });
});

describe('parseOptions: what a site says', () => {
  test.each(SECTION_IDS)('sections.%s turns that section alone on or off', (id) => {
    for (const value of [true, false]) {
      const { sections } = parseOptions({ sections: { [id]: value } });
      expect(sections).toEqual({ ...DEFAULT_SECTIONS, [id]: value });
    }
  });

  test('the folders are kept as written, for the plugin to resolve against the site', () => {
    expect(parseOptions({ terms: '../shared/terms', kb: './kb' })).toMatchObject({
      terms: '../shared/terms',
      kb: './kb',
    });
  });

  test.each(['/', '/support/', '/help/commercial-terms/', '/v2/'])(
    'accepts the prefix %s',
    (prefix) => {
      expect(parseOptions({ prefix }).prefix).toBe(prefix);
    },
  );
});

describe('parseOptions: mistakes, one line each naming the option', () => {
  test('an unknown option names itself and lists the options there are', () => {
    const lines = problems({ term: './terms' });
    expectOneLineEach(lines, ['term']);
    expect(lines[0]).toContain(`expected one of: ${OPTION_NAMES.join(', ')}`);
  });

  test('an unknown section names itself and lists the sections there are', () => {
    const lines = problems({ sections: { faq: true } });
    expectOneLineEach(lines, ['sections.faq']);
    expect(lines[0]).toContain(`expected one of: ${SECTION_IDS.join(', ')}`);
  });

  test('two unknown options are two lines, each naming its option', () => {
    const lines = problems({ term: './terms', prefx: '/' });
    expectOneLineEach(lines, ['term', 'prefx']);
  });

  test.each(['support', '/support', 'support/', '/Support/', '/support us/', '//', '/a//b/'])(
    'refuses the prefix %j and says what a prefix looks like',
    (prefix) => {
      const lines = problems({ prefix });
      expectOneLineEach(lines, ['prefix']);
      expect(lines[0]).toContain('starts and ends with "/"');
    },
  );

  test('a terms folder that is not a string says what it expected', () => {
    const lines = problems({ terms: 42 });
    expectOneLineEach(lines, ['terms']);
    expect(lines[0]).toMatch(/string/);
  });

  test('a blank folder is refused', () => {
    expectOneLineEach(problems({ kb: '  ' }), ['kb']);
  });

  test('a section turned on with anything but true or false names the section', () => {
    const lines = problems({ sections: { playbook: 'yes' } });
    expectOneLineEach(lines, ['sections.playbook']);
    expect(lines[0]).toMatch(/boolean/);
  });

  test('every mistake is listed, not only the first', () => {
    const lines = problems({ terms: 42, prefix: 'x', sections: { kb: 1 } });
    expect(lines.map((l) => /^starlight-charter: option "([^"]+)"/.exec(l)?.[1]).sort()).toEqual([
      'prefix',
      'sections.kb',
      'terms',
    ]);
  });
});
