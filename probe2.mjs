import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1280, height: 1100 } });
await p.goto('http://127.0.0.1:4333' + process.argv[2]);
await p.waitForTimeout(300);
await p.locator('.calc').screenshot({ path: process.argv[3] });
await b.close();
