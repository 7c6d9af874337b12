import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { markedRows } from '../../packages/starlight-charter/cli/lib/html-rows';
import { planPriceText } from '../../packages/starlight-charter/lib/catalog';
import { loadCatalog } from '../../packages/starlight-charter/data/load';
import { expectations } from '../e2e/pricing-expect';
import { copyTerms, makeSite, SAMPLE } from '../support/sites';
import { childEnv } from './support';

/**
 * The loop a company works in: `astro dev` on its site, an edit to a terms file, and the page
 * showing the change on the next request, without a restart. A bad edit shows where it is
 * wrong, in the browser's error overlay and in the terminal, until it is fixed.
 */

const PORT = 4361;
const BASE = `http://localhost:${PORT}`;
const PRICING = '/commercial/pricing/';

const catalog = loadCatalog(SAMPLE.terms);
// A plan with a set price to change; its index is the path the located message names.
const index = catalog.pricing.plans.findIndex(
  (p) => p.price.model === 'flat' && p.price.monthly > 0,
);
const plan = catalog.pricing.plans[index]!;
const pricePath = ['plans', index, 'price', 'monthly'];

let terms: string;
let root: string;
let file: string;
let original: string;
let server: ChildProcess | undefined;
let output = '';
/** Messages the dev server sent to browsers over its WebSocket: what the error overlay shows. */
const overlay: string[] = [];

/** Calls `check` until it returns a value, for at most `seconds`; the last failure is the error. */
async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  seconds = 60,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
      last = undefined;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `${what} within ${seconds} s${last ? ` (last: ${String(last)}${(last as { cause?: unknown })?.cause ? `: ${String((last as { cause?: unknown }).cause)}` : ''})` : ''}\nserver output:\n${plain(output)}`,
  );
}

/** Terminal text without colours. */
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

async function get(path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${BASE}${path}`);
  return { status: response.status, html: await response.text() };
}

/** The price the pricing page shows for the plan, once it answers 200. */
async function shownPrice(): Promise<string | undefined> {
  const { status, html } = await get(PRICING);
  if (status !== 200) throw new Error(`${PRICING} answered ${status}`);
  const price = markedRows(html, 'data-plan').find((r) => r.attrs['data-plan'] === plan.id)?.cells
    .price;
  if (price === undefined) throw new Error(`${PRICING} has no price for plan ${plan.id}`);
  return price;
}

/** The page's price once it is `expected`. */
const priceBecomes = (expected: string, seconds?: number) =>
  until(
    `the pricing page showing "${expected}"`,
    async () => ((await shownPrice()) === expected ? expected : undefined),
    seconds,
  );

/** The displayed price of the plan as the terms in `terms` now say, worked out two ways. */
function expectedPrice(): string {
  const now = loadCatalog(terms);
  const changed = now.pricing.plans[index]!;
  const text = planPriceText(now, changed);
  expect(text).toBe(expectations(now).priceText(changed));
  return text;
}

function editPrice(value: unknown): string {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.setIn(pricePath, value);
  const text = doc.toString();
  writeFileSync(file, text);
  return text;
}

describe('astro dev on a site with Charter', () => {
  beforeAll(async () => {
    // A server already on the port would answer in this one's place.
    await expect(fetch(BASE), `port ${PORT} is in use`).rejects.toThrow();
    terms = copyTerms();
    root = makeSite({ terms });
    file = join(terms, 'pricing.yaml');
    original = readFileSync(file, 'utf8');
    server = spawn(
      process.execPath,
      [resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--root', root, '--port', String(PORT)],
      { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server.stdout!.on('data', (chunk) => (output += chunk));
    server.stderr!.on('data', (chunk) => (output += chunk));
    await until('the dev server serving the pricing page', shownPrice, 180);
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((done) => server!.once('exit', done));
      server.kill();
      await exited;
    }
    if (root) rmSync(root, { recursive: true, force: true });
    if (terms) rmSync(terms, { recursive: true, force: true });
  });

  it('shows an edited price on the next request, without a restart', async () => {
    expect(await shownPrice()).toBe(expectedPrice());
    const yamlPrice = parseDocument(original).getIn(pricePath) as number;
    editPrice(yamlPrice + 1);
    const changed = expectedPrice();
    expect(changed).not.toBe(planPriceText(catalog, plan));
    await priceBecomes(changed);
  });

  it('shows where a bad edit is wrong, in the overlay and the terminal, then recovers', async () => {
    // The browser's overlay gets the error over Vite's WebSocket, with the token its client has.
    const client = await (await fetch(`${BASE}/@vite/client`)).text();
    const token = /const wsToken = "([^"]*)"/.exec(client)?.[1] ?? '';
    const socket = new WebSocket(`ws://localhost:${PORT}/?token=${token}`, 'vite-hmr');
    socket.addEventListener('message', (event) => overlay.push(String(event.data)));
    await new Promise((ready, fail) => {
      socket.addEventListener('open', ready);
      socket.addEventListener('error', fail);
    });
    try {
      const broken = editPrice('a lot');
      // Where the problem is: the plan's price, as the YAML has it now.
      const lines = new LineCounter();
      const node = parseDocument(broken, { lineCounter: lines }).getIn(
        pricePath.slice(0, -1),
        true,
      ) as {
        range: [number];
      };
      const { line, col } = lines.linePos(node.range[0]);
      const located = `pricing.yaml:${line}:${col} plans[${index}].price:`;

      await until('the pricing page failing', async () =>
        (await get(PRICING)).status === 500 ? true : undefined,
      );
      const message = await until('the overlay naming the problem', async () => {
        const errors = overlay.map((m) => JSON.parse(m)).filter((m) => m.type === 'error');
        return errors.map((m) => String(m.err.message)).find((m) => m.includes('pricing.yaml'));
      });
      expect(message).toContain(located);
      await until('the terminal naming the problem', async () =>
        plain(output).includes(located) ? true : undefined,
      );

      writeFileSync(file, original);
      await priceBecomes(expectedPrice());
    } finally {
      socket.close();
    }
  });
});
