// Shared Chromium launcher for the code-server drivers: Debian's /usr/bin/chromium through playwright-core,
// headless, and every request that is not to the code-server origin is aborted (loopback only).
'use strict';
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.EDGELINT_E2E_CHROMIUM || '/usr/bin/chromium';

/** Launch Chromium and open a page restricted to baseUrl. */
async function openPage(baseUrl, { viewport = { width: 1400, height: 900 } } = {}) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    return route.abort();
  });
  return { browser, page };
}

/** Elapsed-time logger. */
function logger(prefix) {
  const t0 = Date.now();
  return (m) => console.log(`  [${prefix} ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
}

/** Reject after ms with a message (used with Promise.race so no step can hang). */
function deadline(ms, what) {
  let timer;
  const p = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms); });
  p.cancel = () => clearTimeout(timer);
  return p;
}

module.exports = { openPage, logger, deadline };
