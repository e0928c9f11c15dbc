// Mocha entry loaded by VS Code's extension host through `extensionTestsPath` (code-server `payload` URL
// param, or @vscode/test-electron). Must export run(): Promise<void>; rejecting = non-zero exit code.
// Results also go to the JSON file named by EDGELINT_E2E_RESULT: the robust channel back to run.sh, because
// extension-host console output reaches the browser with unexpanded %s placeholders.
'use strict';
const path = require('path');
const fs = require('fs');
const Mocha = require('mocha');

exports.run = function run() {
  const resultFile = process.env.EDGELINT_E2E_RESULT;
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: Number(process.env.EDGELINT_E2E_TEST_TIMEOUT_MS || 90000),
    color: false,
    reporter: 'spec',
    grep: process.env.EDGELINT_E2E_GREP || undefined,
  });
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  const results = [];
  const t0 = Date.now();
  const write = (extra) => {
    if (!resultFile) return;
    const passed = results.filter((r) => r.state === 'passed').length;
    const failed = results.filter((r) => r.state === 'failed').length;
    fs.writeFileSync(resultFile, JSON.stringify({ passed, failed, ms: Date.now() - t0, results, ...extra }, null, 2));
  };
  return new Promise((resolve, reject) => {
    let runner;
    try {
      runner = mocha.run((failures) => {
        write({ done: true });
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (e) {
      results.push({ title: 'load test files', state: 'failed', error: String((e && e.stack) || e) });
      write({ done: true });
      reject(e);
      return;
    }
    runner.on('pass', (t) => { results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }); write({ done: false }); });
    runner.on('fail', (t, err) => {
      results.push({ title: t.fullTitle(), state: 'failed', error: String((err && err.stack) || err).slice(0, 4000) });
      write({ done: false });
    });
  });
};
