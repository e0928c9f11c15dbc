// (A) Run the mocha suite inside code-server's (remote) extension host. code-server has no
// --extensionDevelopmentPath flag, but its web workbench reads the `payload` URL parameter
// ([["extensionDevelopmentPath", uri], ["extensionTestsPath", uri]]) and reports the suite's exit code
// through window.codeAutomationExit (the hook @vscode/test-web uses too).
// usage: node run-ext-tests.js <baseUrl> <workspaceDir> <extensionDir> <testsEntry> <timeoutMs>
'use strict';
const util = require('util');
const { openPage, logger, deadline } = require('./browser');

const [baseUrl, folder, extDir, testsEntry, timeoutArg] = process.argv.slice(2);
const timeoutMs = Number(timeoutArg || 300000);
const log = logger('A');

(async () => {
  const authority = new URL(baseUrl).host; // the remote authority is the page host
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extDir)],
    ['extensionTestsPath', remote(testsEntry)],
  ]);
  const url = `${baseUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`;
  let code = 1;
  let browser;
  const limit = deadline(timeoutMs, 'extension-host test run (codeAutomationExit never called)');
  try {
    const opened = await Promise.race([openPage(baseUrl), limit]);
    browser = opened.browser;
    const page = opened.page;
    // Extension-host logs arrive as printf-style console calls with a CSS-styled level prefix; expand them.
    page.on('console', async (m) => {
      let t;
      try {
        const vals = await Promise.all(m.args().map((h) => h.jsonValue().catch(() => '')));
        // e.g. ["%c INFO", "color: #33f", "    ✔ %s (%dms)", "title", 1507]
        if (typeof vals[0] === 'string' && vals[0].startsWith('%c') && typeof vals[2] === 'string') {
          t = `${vals[0].slice(2).trim()} ${util.format(...vals.slice(2))}`;
        } else {
          t = vals.length ? util.format(...vals) : m.text();
        }
        if (process.env.EDGELINT_E2E_RAW_CONSOLE) console.log('    [raw]', JSON.stringify(vals).slice(0, 400));
      } catch { t = m.text(); }
      t = t.replace(/%c/g, '').replace(/color: \S+/g, '');
      if (/edgelint|passing|failing|pending|✔|✓|\s\d+\) |Error|AssertionError/.test(t) && !/\[DEP0/.test(t)) {
        console.log('    [exthost]', t.slice(0, 600));
      }
    });
    page.on('pageerror', (e) => console.log('    [pageerror]', String(e).slice(0, 300)));
    const exited = new Promise((resolve) => { page.exposeFunction('codeAutomationExit', (c) => resolve(c)); });
    log(`opening workbench with payload (extension ${extDir})`);
    await Promise.race([page.goto(url, { timeout: 60000 }), limit]);
    code = await Promise.race([exited, limit]);
    log(`extension tests finished, exit code ${code}`);
  } catch (e) {
    console.error(`  (A) FAILED: ${e.message}`);
  } finally {
    limit.cancel();
    if (browser) await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 10000))]);
  }
  process.exit(code === 0 ? 0 : 1);
})();
