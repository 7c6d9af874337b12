import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSatteriMarkdownProcessor, satteri } from '@astrojs/markdown-satteri';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  contentFiles,
  contentFolders,
  contentGuard,
  contentGuardPlugin,
  contentProblems,
  displayPath,
} from '../../../packages/starlight-charter/integrations/content-guard';

const HOSTILE = 'test/fixtures/content/hostile';
const made: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'charter-content-guard-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  vi.restoreAllMocks();
  made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

/** The fixture's `# expect: LINE:COL` place. */
const expectedPlace = (file: string) =>
  /^# expect: (\d+:\d+) /m.exec(readFileSync(file, 'utf8'))![1]!;

/**
 * A site with its pages in src/content/docs and a KB folder outside src/ (the plugin's `kb`
 * option may point anywhere) whose articles are `files`, copied from the hostile corpus.
 */
function site(files: string[]) {
  const root = temp();
  const srcDir = join(root, 'src');
  const docs = join(srcDir, 'content/docs');
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(docs, 'index.mdx'), '---\ntitle: Home\n---\n\nWelcome.\n');
  const kb = join(root, 'company/kb');
  mkdirSync(join(kb, 'topic'), { recursive: true });
  for (const file of files) cpSync(join(HOSTILE, file), join(kb, 'topic', file));
  return { root, srcDir, docs, kb };
}

describe("contentGuardPlugin, in Astro's Markdown processor", () => {
  // Astro renders a .md page without its frontmatter; the message still names the file's line.
  test('stops a Markdown page that carries code, with the line in the file', async () => {
    const { kb } = site(['img-onerror.md']);
    const file = join(kb, 'topic/img-onerror.md');
    const body = readFileSync(file, 'utf8')
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .trim();
    const processor = await createSatteriMarkdownProcessor({
      syntaxHighlight: 'prism',
      mdastPlugins: [contentGuardPlugin([kb])],
    });
    await expect(processor.render(body, { fileURL: pathToFileURL(file) })).rejects.toThrow(
      `${file}:${expectedPlace(`${HOSTILE}/img-onerror.md`)} the onerror attribute on <img>`,
    );
    const clean = await processor.render('[a](https://example.com/)', {
      fileURL: pathToFileURL(file),
    });
    expect(clean.code).toContain('href="https://example.com/"');
  });

  test('stops an MDX page as @astrojs/mdx compiles it', async () => {
    const { kb } = site(['onclick-jsx.mdx']);
    const file = join(kb, 'topic/onclick-jsx.mdx');
    const renderer = await satteri({ mdastPlugins: [contentGuardPlugin([kb])] }).createMdxRenderer!(
      { syntaxHighlight: 'prism' } as never,
      { optimize: false } as never,
    );
    // @astrojs/mdx blanks the frontmatter, keeping every line where it was.
    const source = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---/, (fm) =>
      fm.replace(/[^\n]/g, ' '),
    );
    await expect(renderer.process(source, file, {})).rejects.toThrow(
      `${file}:${expectedPlace(`${HOSTILE}/onclick-jsx.mdx`)} the onClick attribute on <span>`,
    );
  });

  test('leaves documents outside the content folders to their own rules', async () => {
    const processor = await createSatteriMarkdownProcessor({
      mdastPlugins: [contentGuardPlugin([join(temp(), 'kb')])],
    });
    const elsewhere = pathToFileURL(join(temp(), 'kb-other/page.md'));
    expect((await processor.render('[a](javascript:x)', { fileURL: elsewhere })).code).toContain(
      'javascript:x',
    );
  });
});

describe('contentGuard, before the build', () => {
  type Setup = (options: unknown) => void;
  const setup = (
    command: string,
    { root, srcDir, kb }: ReturnType<typeof site>,
    processor: unknown = { name: 'satteri', options: { mdastPlugins: [] } },
  ) => {
    const warn = vi.fn();
    const hook = contentGuard(kb).hooks['astro:config:setup'] as unknown as Setup;
    hook({
      command,
      config: {
        root: pathToFileURL(`${root}/`),
        srcDir: pathToFileURL(`${srcDir}/`),
        markdown: { processor },
      },
      logger: { warn },
    });
    return warn;
  };
  const exits = () => {
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation(
      (chunk) => ((stderr += String(chunk)), true),
    );
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    return { exit, stderr: () => stderr };
  };

  test('reads every file from disk and stops with all problems, whatever a cache holds', () => {
    const files = ['script.md', 'export.mdx', 'link-javascript.md'];
    const built = site(files);
    const { exit, stderr } = exits();
    expect(() => setup('build', built)).toThrow('exit 1');
    expect(exit).toHaveBeenCalledWith(1);
    const lines = stderr().trim().split('\n');
    expect(lines[0]).toMatch(/3 problem\(s\)/);
    for (const file of files)
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`^${join(built.kb, 'topic', file)}:${expectedPlace(join(HOSTILE, file))} \\S`),
        ),
      );
    expect(stderr()).not.toMatch(/^\s+at /m);
  });

  test("checks the site's pages too, and the dev server as well as the build", () => {
    const built = site([]);
    writeFileSync(
      join(built.docs, 'bad.md'),
      '---\ntitle: Bad\n---\n\n<iframe src="/x"></iframe>\n',
    );
    const { stderr } = exits();
    expect(() => setup('dev', built)).toThrow('exit 1');
    expect(stderr()).toContain(`${join(built.docs, 'bad.md')}:5:1 an <iframe>`);
  });

  test("on clean content, adds the plugin to Sätteri's and lets the build go on", () => {
    const processor = { name: 'satteri', options: { mdastPlugins: [] as unknown[] } };
    const { exit } = exits();
    expect(setup('build', site([]), processor)).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
    expect(processor.options.mdastPlugins).toHaveLength(1);
    expect(typeof processor.options.mdastPlugins[0]).toBe('function');
  });

  test('says so when another Markdown processor is configured', () => {
    expect(setup('build', site([]), { name: 'unified', options: {} })).toHaveBeenCalledWith(
      expect.stringContaining('"unified"'),
    );
  });
});

describe('the files it reads', () => {
  test("are the site's pages and the company's articles, Markdown and MDX only", () => {
    const { root, srcDir, docs, kb } = site(['script.md', 'export.mdx']);
    writeFileSync(join(kb, 'topic/notes.txt'), '<script>');
    expect(contentFolders(srcDir, kb)).toEqual([docs, kb]);
    expect(contentFiles(contentFolders(srcDir, kb))).toEqual([
      join(kb, 'topic/export.mdx'),
      join(kb, 'topic/script.md'),
      join(docs, 'index.mdx'),
    ]);
    expect(contentProblems(contentFiles(contentFolders(srcDir, kb)), root)).toEqual([
      expect.stringMatching(/^company\/kb\/topic\/export\.mdx:\d+:\d+ an export/),
      expect.stringMatching(/^company\/kb\/topic\/script\.md:\d+:\d+ a <script>/),
    ]);
  });

  test('are named relative to the working directory when inside it', () => {
    expect(displayPath('/work/site/src/content/kb/a.md', '/work/site')).toBe('src/content/kb/a.md');
    expect(displayPath('/tmp/company/kb/a.md', '/work/site')).toBe('/tmp/company/kb/a.md');
  });
});
