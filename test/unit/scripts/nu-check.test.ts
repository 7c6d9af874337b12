import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatNuMessages, javaCommand, MissingToolError } from '../../../scripts/lib/nu-check';

describe('formatNuMessages', () => {
  const base = '/site';
  const url = (file: string) => pathToFileURL(join(base, file)).href;

  it('writes file:line:col message, the file relative to the base', () => {
    expect(
      formatNuMessages(
        [
          {
            type: 'error',
            url: url('kb/search/index.html'),
            lastLine: 73,
            firstColumn: 3232,
            lastColumn: 3240,
            message: 'Stray start tag “script”.',
          },
          {
            type: 'error',
            url: url('index.html'),
            firstLine: 4,
            lastLine: 6,
            firstColumn: 2,
            lastColumn: 9,
            message: 'Spans lines.',
          },
        ],
        base,
      ),
    ).toEqual([
      'index.html:4:2 Spans lines.',
      'kb/search/index.html:73:3232 Stray start tag “script”.',
    ]);
  });

  it('lists problems by file, then line, then column', () => {
    const at = (file: string, line: number, column: number) => ({
      type: 'error',
      url: url(file),
      lastLine: line,
      firstColumn: column,
      message: 'x',
    });
    expect(
      formatNuMessages(
        [at('b.html', 1, 1), at('a.html', 9, 1), at('a.html', 2, 7), at('a.html', 2, 3)],
        base,
      ),
    ).toEqual(['a.html:2:3 x', 'a.html:2:7 x', 'a.html:9:1 x', 'b.html:1:1 x']);
  });

  it('names the checker when a message is about no file', () => {
    expect(formatNuMessages([{ type: 'non-document-error', message: 'IO error' }], base)).toEqual([
      '(checker):0:0 IO error',
    ]);
  });
});

describe('javaCommand', () => {
  it('names Java and how to install it when there is none', () => {
    const missing = () => javaCommand({ JAVA_HOME: '/no/such/java' });
    expect(missing).toThrow(MissingToolError);
    expect(missing).toThrow(/Java is not installed .*default-jre-headless/);
  });
});
