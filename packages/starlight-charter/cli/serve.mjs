// Serves a built site on 127.0.0.1 with the headers its `_headers` file gives each path, as a
// static host sends them: `charter preview`. Plain JavaScript, so it also runs on its own:
//   node serve.mjs [--port 4321] [--dir dist] [--base /support/]
// A site built under a base path is served under it, as its host will serve it.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { headersFor, readHeaderRules } from './lib/site-headers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

// Text formats are gzipped as static hosts do; Pagefind's index files are compressed already.
const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.svg',
  '.txt',
  '.xml',
  '.wasm',
]);

/**
 * Starts the server and resolves once it listens; it prints the URL. Returns 1 (and serves
 * nothing) when `dir` holds no built site. `base`: the path the site was built to be served
 * under (`/support/`); other paths get the site's 404 page, `/` a redirect to the base.
 * @param {{ dir: string, port?: number, shownDir?: string, base?: string }} options
 * @returns {Promise<number>}
 */
export async function preview({ dir, port = 4321, shownDir = dir, base = '/' }) {
  const root = resolve(dir);
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  const basePath = trimmed === '' ? '/' : `/${trimmed}/`;
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`Nothing to serve: ${shownDir}/index.html is missing. Build the site first.`);
    return 1;
  }
  const headerFile = join(root, '_headers');
  if (!existsSync(headerFile))
    console.error(`${shownDir}/_headers is missing: serving without its headers.`);
  const rules = await readHeaderRules(headerFile);
  const host = '127.0.0.1';

  /** Maps a URL path to a file in root, or null; never escapes root. */
  const fileFor = (urlPath) => {
    let path;
    try {
      path = decodeURIComponent(urlPath.split('?')[0]);
    } catch {
      return null;
    }
    const full = normalize(join(root, path));
    if (full !== root && !full.startsWith(root + sep)) return null;
    if (existsSync(full) && statSync(full).isFile()) return full;
    const index = join(full, 'index.html');
    if (existsSync(index)) return index;
    return null;
  };

  const server = createServer((req, res) => {
    const requested = req.url || '/';
    if (basePath !== '/' && (requested === '/' || requested === basePath.slice(0, -1))) {
      res.writeHead(302, { Location: basePath });
      res.end();
      return;
    }
    // The site's own path of what was asked for; outside the base path, nothing.
    const inside = requested.startsWith(basePath);
    const url = inside ? requested.slice(basePath.length - 1) : requested;
    const path = url.split('?')[0];
    const file = inside ? fileFor(url) : null;
    const site = headersFor(rules, path);
    if (file && !path.endsWith('/') && file.endsWith('index.html') && !url.endsWith('.html')) {
      const search = url.includes('?') ? url.slice(url.indexOf('?')) : '';
      res.writeHead(301, { ...site, Location: `${basePath}${path.slice(1)}/${search}` });
      res.end();
      return;
    }
    const target = file ?? join(root, '404.html');
    const gzip =
      COMPRESSIBLE.has(extname(target)) && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
    res.writeHead(file ? 200 : 404, {
      ...site,
      'Content-Type': TYPES[extname(target)] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    const stream = createReadStream(target);
    if (gzip) stream.pipe(createGzip()).pipe(res);
    else stream.pipe(res);
  });

  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(
    `Charter is being served at http://${host}:${address.port}${basePath} (Ctrl+C to stop)`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, port: { type: 'string' }, base: { type: 'string' } },
  });
  const code = await preview({
    dir: values.dir ?? 'dist',
    port: Number(values.port ?? process.env.PORT ?? 4321),
    base: values.base ?? '/',
  });
  if (code !== 0) process.exit(code);
}
