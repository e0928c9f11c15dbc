// post-deploy: package.json and CI workflow commands that run at deploy time, with whether a deploy already ran before them.
// Why: warming shows up as commands after `wrangler deploy` (domain.md §F); package scripts nest (`npm run warm`), CI jobs chain.
import type { PackageModel, PackageScript } from '../../parse/package-json';
import type { ShellCommand } from '../../parse/shell';
import type { WorkflowModel } from '../../parse/workflow';
import { DEPLOY_SCRIPT, isWranglerDeploy, runsScript, runsSourceFile } from './deploy-scripts';

/** A command that runs at deploy time. */
export interface DeployTimeCommand {
  command: ShellCommand;
  /** All commands of the script or step holding it (for shell loops around it). */
  siblings: ShellCommand[];
  /** True when a deploy has already run: earlier in the script/step, an earlier step, a `post*` script, a needed job. */
  afterDeploy: boolean;
  /** For messages: `after "wrangler deploy" in the "deploy" script`, `in the "postdeploy" script`, `after step "Deploy" in job "ci"`. */
  when: string;
  /** Package scripts from the deploy-time root to the holder (package.json only). */
  chain: string[];
  /** Names that describe the command's purpose: package script names, or the workflow step and job names. */
  labels: { kind: 'script' | 'step' | 'job'; name: string }[];
}

/** True for a command that deploys: `wrangler deploy|publish`, `wrangler pages deploy`, `opennextjs-cloudflare deploy`. */
export function deploysDirectly(command: ShellCommand): boolean {
  const w = command.words;
  return isWranglerDeploy(command) || (w.some((word) => /opennextjs-cloudflare$/.test(word)) && w.includes('deploy'));
}

/** Deploy-time commands of package.json: every command of `deploy`/`pre*`/`post*`/`release` scripts (and scripts they run), and commands after a deploy anywhere. */
export function packageDeployTimeCommands(pkg: PackageModel): DeployTimeCommand[] {
  const scripts = new Map(pkg.scripts.map((s) => [s.name, s]));
  const deploys = (name: string, depth: number): boolean => depth < 6 && !!scripts.get(name)?.commands.some((c) => deploysDirectly(c)
    || (runsScript(c, scripts) !== undefined && runsScript(c, scripts) !== name && deploys(runsScript(c, scripts)!, depth + 1)));
  const result: DeployTimeCommand[] = [];
  const seen = new Set<ShellCommand>();
  const visit = (script: PackageScript, inherited: string | undefined, afterDeploy: boolean, chain: string[]) => {
    if (chain.length > 5) return;
    let after = afterDeploy;
    let when = inherited;
    for (const command of script.commands) {
      const target = runsScript(command, scripts);
      if (when && !seen.has(command)) {
        seen.add(command);
        result.push({ command, siblings: script.commands, afterDeploy: after, when, chain: [...chain, script.name], labels: [...chain, script.name].map((name) => ({ kind: 'script' as const, name })) });
      }
      if (target && when && !chain.includes(target) && target !== script.name) visit(scripts.get(target)!, `in the "${target}" script (run ${when})`, after, [...chain, script.name]);
      if (deploysDirectly(command) || (target && target !== script.name && deploys(target, 0))) {
        after = true;
        when = `after "${command.text}" in the "${script.name}" script`;
      }
    }
  };
  for (const script of pkg.scripts) {
    const match = DEPLOY_SCRIPT.exec(script.name);
    if (match) visit(script, `in the "${script.name}" script`, match[1] === 'post', []);
  }
  for (const script of pkg.scripts) visit(script, undefined, false, []);
  return result;
}

/** Workflow commands that run after a deploy in the same job (later lines of the deploy step, later steps), or in a job that needs a deploying job. */
export function workflowPostDeployCommands(model: WorkflowModel): DeployTimeCommand[] {
  const deployAt = new Map<string, { index: number; label: string }>();
  const mark = (job: string, index: number, label: string) => {
    const known = deployAt.get(job);
    if (!known || index < known.index) deployAt.set(job, { index, label });
  };
  for (const action of model.actions) {
    const wrangler = /(^|\/)wrangler-action@/.test(action.uses) && (!action.with.command || /\b(deploy|publish)\b/.test(action.with.command));
    if (wrangler || /(^|\/)pages-action@/.test(action.uses)) mark(action.job, action.index, `step "${action.name ?? action.uses}"`);
  }
  for (const step of model.steps) {
    const command = step.commands.find((c) => deploysDirectly(c) || npmDeploy(c));
    if (command) mark(step.job, step.index, `step "${step.name ?? command.text}"`);
  }
  const neededDeploy = (job: string, depth: number): string | undefined => {
    for (const need of depth > 5 ? [] : model.needs[job] ?? []) {
      const found = deployAt.has(need) ? need : neededDeploy(need, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  const result: DeployTimeCommand[] = [];
  for (const step of model.steps) {
    const labels = [...(step.name ? [{ kind: 'step' as const, name: step.name }] : []), { kind: 'job' as const, name: step.job }];
    const deploy = deployAt.get(step.job);
    const needed = neededDeploy(step.job, 0);
    let when = needed ? `in job "${step.job}", which runs after the deploying job "${needed}"`
      : deploy && step.index > deploy.index ? `after the deploy ${deploy.label} in job "${step.job}"` : undefined;
    for (const command of step.commands) {
      if (when) result.push({ command, siblings: step.commands, afterDeploy: true, when, chain: [], labels });
      if (!when && (deploysDirectly(command) || npmDeploy(command))) when = `after "${command.text}" in ${step.name ? `step "${step.name}"` : `a step of job "${step.job}"`}`;
    }
  }
  return result;
}

/** `npm run deploy`, `pnpm deploy:prod`, `yarn deploy`, `bun run deploy` (a workflow cannot see package.json, so the name decides). */
function npmDeploy(command: ShellCommand): boolean {
  const { script } = runTarget(command);
  if (command.words[0] === 'pnpm' && command.words[1] === 'deploy') return false; // `pnpm deploy` is pnpm's own command
  return !!script && /^deploy(:[\w.-]+)?$/.test(script);
}

/** What a command runs: a package script (`npm run X`, `pnpm X`, `yarn X`, `bun run X`) or a file (`node X.mjs`, `tsx X.ts`, `bash X.sh`, `./X.sh`). */
export function runTarget(command: ShellCommand): { script?: string; file?: string } {
  const w = command.words;
  if (['npm', 'pnpm', 'yarn', 'bun'].includes(w[0] ?? '')) {
    const args = w.slice(1).filter((word) => !word.startsWith('-'));
    const script = args[0] === 'run' || args[0] === 'run-script' ? args[1] : args[0];
    if (script && !/\.(m|c)?(j|t)sx?$/.test(script)) return { script };
  }
  const file = runsSourceFile(command) ?? w.find((word, i) => /\.(sh|bash)$/.test(word) && (i === 0 || ['bash', 'sh', 'zsh'].includes(w[i - 1]!)));
  return file ? { file } : {};
}
