import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageBytes {
  route: string;
  html: number;
  css: number;
  js: number;
  /** HTML + CSS + JS, gzip, the bytes a first visit transfers (images excluded). */
  total: number;
}

const gz = (text: Buffer | string) => gzipSync(text).length;

/** Gzip bytes of a built page and the stylesheets and scripts it references. */
export function pageBytes(dist: string, route: string): PageBytes | null {
  const file = join(dist, route === '/' ? 'index.html' : `${route.replace(/^\//, '')}index.html`);
  if (!existsSync(file)) return null;
  const html = readFileSync(file, 'utf8');
  const assets = (pattern: RegExp) =>
    [...new Set([...html.matchAll(pattern)].map((m) => m[1]!))]
      .map((src) => join(dist, src.replace(/^\//, '').split('?')[0]!))
      .filter((path) => existsSync(path))
      .reduce((sum, path) => sum + gz(readFileSync(path)), 0);
  const css = assets(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
  // Module scripts and what they import statically are both fetched on load.
  const js = assets(/<script\b[^>]*\bsrc="([^"]+)"/g);
  const htmlBytes = gz(html);
  return { route, html: htmlBytes, css, js, total: htmlBytes + css + js };
}
