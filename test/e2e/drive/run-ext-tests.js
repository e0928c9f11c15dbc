// (A) Run the mocha suite inside code-server's (remote) extension host. code-server has no
// --extensionDevelopmentPath flag, but its web workbench reads the `payload` URL parameter
// ([["extensionDevelopmentPath", uri], ["extensionTestsPath", uri]]) and reports the suite's exit code
// through window.codeAutomationExit (the hook @vscode/test-web uses too).
// usage: node run-ext-tests.js <baseUrl> <workspaceDir> <extensionDir> <testsEntry> <timeoutMs>
'use strict';
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
    page.on('console', (m) => {
      const t = m.text().replace(/%c/g, '').replace(/color: \S+/g, '');
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
