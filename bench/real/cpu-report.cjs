// Preloaded into a measured process (node --require): at exit, writes its whole-process CPU time (all threads) and peak
// RSS as JSON to the file named by EDGELINT_BENCH_CPU_OUT.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const out = process.env.EDGELINT_BENCH_CPU_OUT;
  if (!out) return;
  const cpu = process.cpuUsage();
  writeFileSync(out, JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
});
