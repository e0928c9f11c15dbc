// Which package.json scripts run at deploy time (deploy, postdeploy, anything after `wrangler deploy|publish`) and what they run.
import type { PackageModel, PackageScript } from '../../parse/package-json';
import type { ShellCommand } from '../../parse/shell';

/** A command that runs at deploy time. */
export interface DeployCommand {
  script: PackageScript;
  command: ShellCommand;
  /** Why it counts as deploy time, for messages: e.g. `"postdeploy" script` or `after "wrangler deploy" in "release"`. */
  reason: string;
  /** A source file the command runs (`node scripts/warm.js`, `tsx scripts/warm.ts`), relative to package.json. */
  runsFile?: string;
}

/** Script names that run at deploy time: `deploy`, `predeploy`, `postdeploy`, `release`, `publish:prod`… */
export const DEPLOY_SCRIPT = /^(pre|post)?(deploy|release|publish)(:.*)?$/;

/** True for `wrangler deploy`, `wrangler publish`, `npx wrangler deploy`, `wrangler pages deploy`. */
export function isWranglerDeploy(command: ShellCommand): boolean {
  const w = command.words;
  const at = w.findIndex((word) => word === 'wrangler' || word.endsWith('/wrangler'));
  if (at < 0) return false;
  const rest = w.slice(at + 1).filter((word) => !word.startsWith('-'));
  return rest[0] === 'deploy' || rest[0] === 'publish' || (rest[0] === 'pages' && rest[1] === 'deploy') || (rest[0] === 'versions' && rest[1] === 'deploy');
}

/** The script name a command runs via `npm run X`, `pnpm [run] X`, `yarn [run] X`, `bun run X`. */
export function runsScript(command: ShellCommand, scripts: ReadonlyMap<string, PackageScript>): string | undefined {
  const w = command.words;
  if (!['npm', 'pnpm', 'yarn', 'bun'].includes(w[0] ?? '')) return undefined;
  const args = w.slice(1).filter((word) => !word.startsWith('-'));
  const name = args[0] === 'run' || args[0] === 'run-script' ? args[1] : args[0];
  return name && scripts.has(name) ? name : undefined;
}

/** The source file a command executes with node/tsx/ts-node/bun/deno/esno, if any. */
export function runsSourceFile(command: ShellCommand): string | undefined {
  const w = command.words.filter((word) => word !== 'npx' && word !== 'pnpx' && word !== 'exec' && !word.startsWith('-'));
  const runners = ['node', 'tsx', 'ts-node', 'bun', 'esno', 'deno', 'vite-node', 'jiti'];
  for (let i = 0; i < w.length - 1; i++) {
    if (runners.includes(w[i]!) && /\.(m|c)?(j|t)sx?$/.test(w[i + 1] === 'run' ? w[i + 2] ?? '' : w[i + 1]!)) {
      return w[i + 1] === 'run' ? w[i + 2] : w[i + 1];
    }
  }
  return undefined;
}

/** Every command that runs at deploy time, following `npm run` references (depth-limited, cycle-safe). */
export function deployCommands(pkg: PackageModel): DeployCommand[] {
  const scripts = new Map(pkg.scripts.map((s) => [s.name, s]));
  const result: DeployCommand[] = [];
  const visited = new Set<string>();
  const visit = (script: PackageScript, reason: string | undefined, depth: number) => {
    if (depth > 5) return;
    let afterDeploy = false;
    for (const command of script.commands) {
      const why = reason ?? (afterDeploy ? `after "wrangler deploy" in the "${script.name}" script` : undefined);
      if (why) result.push({ script, command, reason: why, runsFile: runsSourceFile(command) });
      const target = runsScript(command, scripts);
      if (target && why && !visited.has(target)) {
        visited.add(target);
        visit(scripts.get(target)!, `"${target}" run by the "${script.name}" script`, depth + 1);
      }
      if (isWranglerDeploy(command)) afterDeploy = true;
    }
  };
  for (const script of pkg.scripts) {
    if (DEPLOY_SCRIPT.test(script.name)) {
      visited.add(script.name);
      visit(script, `the "${script.name}" script`, 0);
    }
  }
  for (const script of pkg.scripts) if (!visited.has(script.name)) visit(script, undefined, 0);
  return result;
}
