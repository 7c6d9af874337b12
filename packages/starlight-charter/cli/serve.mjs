// Serves the built site from dist/ on 127.0.0.1 and prints its URL, with the headers its
// `_headers` file gives each path, as a static host sends them.
// Usage: node scripts/serve.mjs [--port 4321] [--dir dist]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGzip } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { headersFor, readHeaderRules } from './lib/site-headers.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = resolve(option('dir', process.env.CHARTER_OUT_DIR || 'dist'));
const port = Number(option('port', process.env.PORT || 4321));
const host = '127.0.0.1';

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

if (!existsSync(join(root, 'index.html'))) {
  console.error(`Nothing to serve: ${root}/index.html is missing. Run "npm run build" first.`);
  process.exit(1);
}

const headerFile = join(root, '_headers');
if (!existsSync(headerFile))
  console.error(`${headerFile} is missing: serving without its headers.`);
const rules = await readHeaderRules(headerFile);

/** Maps a URL path to a file in root, or null; never escapes root. */
function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const full = normalize(join(root, path));
  if (!full.startsWith(root)) return null;
  if (existsSync(full) && statSync(full).isFile()) return full;
  const index = join(full, 'index.html');
  if (existsSync(index)) return index;
  return null;
}

// Text formats are gzipped as static hosts do; Pagefind's index files are compressed already.
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.txt', '.xml', '.wasm']);

const server = createServer((req, res) => {
  const url = req.url || '/';
  const file = fileFor(url);
  const site = headersFor(rules, url.split('?')[0]);
  if (file && !url.split('?')[0].endsWith('/') && file.endsWith('index.html') && !url.endsWith('.html')) {
    res.writeHead(301, { ...site, Location: `${url.split('?')[0]}/${url.includes('?') ? url.slice(url.indexOf('?')) : ''}` });
    res.end();
    return;
  }
  const target = file ?? join(root, '404.html');
  const gzip = COMPRESSIBLE.has(extname(target)) && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
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

server.listen(port, host, () => {
  const address = server.address();
  console.log(`Charter is being served at http://${host}:${address.port}/ (Ctrl+C to stop)`);
});
