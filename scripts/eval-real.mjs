#!/usr/bin/env node
// Real-world corpus evaluation: lints stored snapshots of public Workers/Pages projects with an edgelint CLI build and
// compares the findings with the hand-made labels in test/real-world/labels.json (recall, precision, misses, false
// alarms, unlabelled findings). It needs the local snapshot mirror (/work/.mirror/<owner>+<name>/repo, bare git
// directories); it never uses the network and never writes into the repository (snapshots are materialised under /tmp).
// It cannot run in CI: without the mirror it stops with a loud message and a non-zero exit code.
//
//   node scripts/eval-real.mjs [--cli dist/cli.js] [--labels test/real-world/labels.json] [--mirror /work/.mirror]
//                              [--scratch /tmp/edgelint-real] [--repo owner/name] [--slack 2] [--json]
import { spawnSync } from 'node:child_process';
import { git, materialise } from './snapshots.mjs';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const HELP = `usage: node scripts/eval-real.mjs [options]
  --cli <path>       edgelint CLI to evaluate (default: dist/cli.js)
  --labels <path>    labels file (default: test/real-world/labels.json)
  --mirror <dir>     snapshot mirror (default: $EDGELINT_MIRROR or /work/.mirror)
  --scratch <dir>    where snapshots are materialised (default: /tmp/edgelint-real)
  --repo <o/n>       only this repository (repeatable)
  --slack <n>        a report matches a label up to n lines away, same file and rule (default: 2)
  --json             print the figures as JSON instead of text`;

function parseArgs(argv) {
  const o = { cli: 'dist/cli.js', labels: 'test/real-world/labels.json', mirror: process.env.EDGELINT_MIRROR || '/work/.mirror', scratch: '/tmp/edgelint-real', repos: [], slack: 2, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { if (i + 1 >= argv.length) die(`${a} needs a value`, 2); return argv[++i]; };
    if (a === '--cli') o.cli = next();
    else if (a === '--labels') o.labels = next();
    else if (a === '--mirror') o.mirror = next();
    else if (a === '--scratch') o.scratch = next();
    else if (a === '--repo') o.repos.push(next());
    else if (a === '--slack') o.slack = Number(next());
    else if (a === '--json') o.json = true;
    else if (a === '-h' || a === '--help') { console.log(HELP); process.exit(0); }
    else die(`unknown option ${a}\n${HELP}`, 2);
  }
  return o;
}

function die(message, code = 1) {
  console.error(message);
  process.exit(code);
}

function loud(lines) {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n`);
}

function lintProject(cli, cwd, target) {
  const run = spawnSync(process.execPath, [cli, '--format', 'json', target], { cwd, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`edgelint exited with ${run.status} in ${cwd}: ${run.stderr.trim().slice(0, 500)}`);
  const results = JSON.parse(run.stdout);
  // A finding is one rule at one line of one file: several messages of a rule on the same line count once.
  const seen = new Set();
  return results.flatMap((file) => file.messages.map((m) => ({
    path: relative(cwd, file.filePath).split(sep).join('/'),
    line: m.line ?? 1,
    rule: m.ruleId ?? '(fatal)',
    severity: m.edgelintSeverity ?? (m.severity === 2 ? 'error' : 'warn'),
    message: m.message,
  }))).filter((r) => {
    const id = `${r.path}:${r.line}:${r.rule}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** A report is at a label's place when it is in the same file within `slack` lines; a label with line 0 names a whole
 * file or folder (e.g. a `_headers` that is a directory) and matches any report in it. */
function samePlace(report, label, slack) {
  if (label.line === 0) return report.path === label.path || report.path.startsWith(`${label.path}/`);
  return report.path === label.path && Math.abs(report.line - label.line) <= slack;
}

function pct(n, d) {
  return d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  const cli = resolve(o.cli);
  if (!existsSync(cli)) die(`edgelint CLI not found at ${cli} (run npm run build, or pass --cli <path>)`, 2);
  const data = JSON.parse(readFileSync(o.labels, 'utf8'));
  let projects = data.projects;
  if (o.repos.length) projects = projects.filter((p) => o.repos.includes(p.repo));
  if (projects.length === 0) die('no projects selected', 2);

  if (!existsSync(o.mirror)) {
    loud([`The snapshot mirror ${o.mirror} does not exist.`, 'eval:real needs local snapshots of the labelled repositories (bare git directories', `<mirror>/<owner>+<name>/repo). It cannot run in CI or on a machine without them.`, 'Pass --mirror <dir> or set EDGELINT_MIRROR. Nothing was evaluated.']);
    process.exit(3);
  }
  const missing = [];
  for (const p of projects) {
    p.gitDir = join(o.mirror, p.repo.replace('/', '+'), 'repo');
    if (!existsSync(p.gitDir)) { missing.push(`${p.repo}: no snapshot at ${p.gitDir}`); continue; }
    try { git(p.gitDir, ['cat-file', '-e', `${p.commit}^{commit}`]); } catch { missing.push(`${p.repo}: snapshot lacks commit ${p.commit}`); }
  }
  if (missing.length) {
    loud([`${missing.length} of ${projects.length} labelled snapshots are missing; the figures would be wrong, so nothing was evaluated:`, ...missing.map((m) => `  ${m}`)]);
    process.exit(3);
  }

  const labels = data.labels.filter((l) => projects.some((p) => p.repo === l.repo));
  const perRule = new Map();
  const row = (rule) => {
    if (!perRule.has(rule)) perRule.set(rule, { rule, tp: 0, tpCertain: 0, fn: 0, fnCertain: 0, fpClean: 0, cleanOk: 0, unlabelled: 0, findings: 0 });
    return perRule.get(rule);
  };
  const misses = [];
  const falseAlarms = [];
  const unlabelled = [];
  for (const p of projects) {
    const root = join(o.scratch, `${p.repo.replace('/', '+')}@${p.commit.slice(0, 12)}`);
    materialise(p.gitDir, p.commit, root);
    const reports = lintProject(cli, root, p.root ?? '.');
    for (const r of reports) row(r.rule).findings++;
    const mine = labels.filter((l) => l.repo === p.repo);
    const used = new Set();
    const take = (label, exactOnly) => {
      const candidates = reports.map((r, i) => ({ r, i })).filter(({ r, i }) => !used.has(i) && samePlace(r, label, exactOnly ? 0 : o.slack) && r.rule === label.rule);
      candidates.sort((a, b) => Math.abs(a.r.line - label.line) - Math.abs(b.r.line - label.line));
      return candidates[0];
    };
    // Exact matches first so that a nearby label does not steal another label's report.
    const reportLabels = mine.filter((l) => l.expect === 'report');
    const matched = new Map();
    for (const pass of [true, false]) {
      for (const l of reportLabels) {
        if (matched.has(l)) continue;
        const hit = take(l, pass);
        if (hit) { used.add(hit.i); matched.set(l, hit.r); }
      }
    }
    for (const l of reportLabels) {
      const s = row(l.rule);
      if (matched.has(l)) { s.tp++; if (l.certainty === 'certain') s.tpCertain++; }
      else { s.fn++; if (l.certainty === 'certain') s.fnCertain++; misses.push(l); }
    }
    for (const l of mine.filter((x) => x.expect === 'clean')) {
      const s = row(l.rule);
      const bad = reports.map((r, i) => ({ r, i })).filter(({ r, i }) => !used.has(i) && samePlace(r, l, 0) && (r.rule === l.rule || l.rule === '*'));
      if (bad.length) { for (const b of bad) used.add(b.i); s.fpClean += bad.length; falseAlarms.push({ label: l, reports: bad.map((b) => b.r) }); }
      else s.cleanOk++;
    }
    reports.forEach((r, i) => { if (!used.has(i)) { row(r.rule).unlabelled++; unlabelled.push({ repo: p.repo, ...r }); } });
  }

  const rules = [...perRule.values()].sort((a, b) => a.rule.localeCompare(b.rule));
  const total = rules.reduce((t, s) => { for (const k of Object.keys(s)) if (k !== 'rule') t[k] = (t[k] ?? 0) + s[k]; return t; }, { rule: 'TOTAL' });
  const summary = {
    cli, labels: o.labels, projects: projects.length, labelCount: labels.length, slack: o.slack,
    rules: [...rules, total].map((s) => ({ ...s, recall: s.tp + s.fn ? s.tp / (s.tp + s.fn) : null, precision: s.tp + s.fpClean ? s.tp / (s.tp + s.fpClean) : null })),
    misses, falseAlarms, unlabelled,
  };
  if (o.json) { console.log(JSON.stringify(summary, null, 2)); return; }

  console.log(`edgelint real-world corpus: ${projects.length} projects, ${labels.length} labels (${labels.filter((l) => l.expect === 'report').length} report, ${labels.filter((l) => l.expect === 'clean').length} clean)`);
  console.log(`CLI: ${cli}   line slack: ±${o.slack}\n`);
  console.log('Against the labels (recall = found/labelled-report; precision = found/(found + reports on clean-labelled lines)):');
  const head = `${'rule'.padEnd(34)} ${'report'.padStart(6)} ${'found'.padStart(5)} ${'missed'.padStart(6)} ${'recall'.padStart(7)}  ${'clean'.padStart(5)} ${'f.alarm'.padStart(7)} ${'precision'.padStart(9)}  ${'recall(certain)'.padStart(15)}`;
  console.log(head);
  console.log('-'.repeat(head.length));
  for (const s of [...rules, total]) {
    const reportN = s.tp + s.fn;
    if (reportN === 0 && s.cleanOk + s.fpClean === 0 && s !== total) continue;
    const certainN = s.tpCertain + s.fnCertain;
    console.log(`${s.rule.padEnd(34)} ${String(reportN).padStart(6)} ${String(s.tp).padStart(5)} ${String(s.fn).padStart(6)} ${pct(s.tp, reportN).padStart(7)}  ${String(s.cleanOk + s.fpClean).padStart(5)} ${String(s.fpClean).padStart(7)} ${pct(s.tp, s.tp + s.fpClean).padStart(9)}  ${`${s.tpCertain}/${certainN} ${pct(s.tpCertain, certainN)}`.padStart(15)}`);
  }
  console.log('\nWhole repositories (every finding of the build, split by what the labels say):');
  const head2 = `${'rule'.padEnd(34)} ${'findings'.padStart(8)} ${'labelled-true'.padStart(13)} ${'labelled-false'.padStart(14)} ${'unlabelled'.padStart(10)}`;
  console.log(head2);
  console.log('-'.repeat(head2.length));
  for (const s of [...rules, total]) {
    if (s.findings === 0 && s !== total) continue;
    console.log(`${s.rule.padEnd(34)} ${String(s.findings).padStart(8)} ${String(s.tp).padStart(13)} ${String(s.fpClean).padStart(14)} ${String(s.unlabelled).padStart(10)}`);
  }
  console.log(`\nMisses (${misses.length}):`);
  for (const l of misses) console.log(`  MISS  ${l.rule}  ${l.repo} ${l.path}:${l.line} [${l.certainty}] ${l.why}`);
  console.log(`\nFalse alarms on clean-labelled lines (${falseAlarms.length}):`);
  for (const f of falseAlarms) console.log(`  FALSE ${f.label.rule}  ${f.label.repo} ${f.label.path}:${f.label.line} — ${f.reports.map((r) => `${r.rule}: ${r.message}`).join(' | ').slice(0, 200)}`);
  console.log(`\nUnlabelled findings, to triage (${unlabelled.length}):`);
  for (const u of unlabelled) console.log(`  NEW   ${u.rule}  ${u.repo} ${u.path}:${u.line} — ${u.message.slice(0, 160)}`);
}

main();
