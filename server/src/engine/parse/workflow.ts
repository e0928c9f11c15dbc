// GitHub Actions workflow YAML -> `run:` steps with their commands and ranges, and the workflow's triggers.
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { nestingError } from './nesting';
import type { ConfigSyntaxError } from './config-tree';
import { splitShellCommands, type ShellCommand } from './shell';

/** A `run:` step. */
export interface WorkflowStep {
  job: string;
  name?: string;
  run: string;
  /** Commands with file offsets when the block maps 1:1 to the file (plain or literal block scalars); else the step range. */
  commands: ShellCommand[];
  start: number;
  end: number;
  /** Position of the step in its job's `steps` (counting `uses:` steps too). */
  index: number;
}

/** A `uses:` step (an action), e.g. `cloudflare/wrangler-action@v3`, with its scalar `with:` inputs. */
export interface WorkflowActionStep {
  job: string;
  name?: string;
  uses: string;
  with: Record<string, string>;
  index: number;
  start: number;
  end: number;
}

/** A parsed workflow. */
export interface WorkflowModel {
  errors: ConfigSyntaxError[];
  steps: WorkflowStep[];
  /** Cron expressions from `on.schedule`. */
  schedules: string[];
  /** `uses:` steps, in file order. */
  actions: WorkflowActionStep[];
  /** Each job's `needs:` (job names it waits for). */
  needs: Record<string, string[]>;
}

/** Parses a workflow file. Never throws. */
export function parseWorkflow(text: string): WorkflowModel {
  const tooDeep = nestingError(text);
  if (tooDeep) return { errors: [tooDeep], steps: [], schedules: [], actions: [], needs: {} };
  const doc = parseDocument(text, { keepSourceTokens: false, prettyErrors: false });
  // The yaml library may place an error at or past the end of the text ("unexpected end"): keep the range inside it.
  const errors = doc.errors.map((e) => {
    const start = Math.min(Math.max(e.pos[0], 0), text.length);
    return { message: `Invalid YAML: ${e.message.split('\n')[0]}`, start, end: Math.min(Math.max(e.pos[1], start + 1), text.length) };
  });
  const steps: WorkflowStep[] = [];
  const schedules: string[] = [];
  const actions: WorkflowActionStep[] = [];
  const needs: Record<string, string[]> = {};
  const root = doc.contents;
  if (!isMap(root)) return { errors, steps, schedules, actions, needs };
  const on = root.get('on', true) ?? root.get(true as unknown as string, true);
  if (isMap(on)) {
    const schedule = on.get('schedule', true);
    if (isSeq(schedule)) for (const item of schedule.items) if (isMap(item)) { const cron = item.get('cron'); if (typeof cron === 'string') schedules.push(cron); }
  }
  const jobs = root.get('jobs', true);
  if (isMap(jobs)) {
    for (const jobPair of jobs.items) {
      const job = nameOf(jobPair.key, text);
      const jobNeeds = isMap(jobPair.value) ? jobPair.value.get('needs', true) : undefined;
      needs[job] = isSeq(jobNeeds) ? jobNeeds.items.map((n) => nameOf(n, text)) : isScalar(jobNeeds) ? [String(jobNeeds.value)] : [];
      const jobSteps = isMap(jobPair.value) ? jobPair.value.get('steps', true) : undefined;
      if (!isSeq(jobSteps)) continue;
      jobSteps.items.forEach((step, index) => {
        if (!isMap(step)) return;
        const name = step.get('name');
        const uses = step.get('uses');
        if (typeof uses === 'string') {
          const inputs = step.get('with', true);
          const withValues: Record<string, string> = {};
          if (isMap(inputs)) for (const pair of inputs.items) if (isScalar(pair.key) && isScalar(pair.value)) withValues[String(pair.key.value)] = String(pair.value.value);
          const [start, , end] = (step as YamlNode).range ?? [0, 0, 0];
          actions.push({ job, name: typeof name === 'string' ? name : undefined, uses, with: withValues, index, start, end });
        }
        const run = step.get('run', true);
        if (!isScalar(run) || typeof run.value !== 'string') return;
        const [start, , end] = (run as YamlNode).range ?? [0, 0, 0];
        steps.push({ job, name: typeof name === 'string' ? name : undefined, run: run.value, commands: commandsOf(text, run.value, start, end), start, end, index });
      });
    }
  }
  return { errors, steps, schedules, actions, needs };
}

/** Longest name kept from a non-scalar key (a flow map used as a key is not a real job name). */
const MAX_NAME = 200;

/**
 * A key or list item as a name: a scalar's value, else its source text (bounded). Never `String(node)`: stringifying a
 * flow map used as a key re-stringifies nested keys at every level, which is exponential in the nesting depth.
 */
function nameOf(node: unknown, text: string): string {
  if (isScalar(node)) return String(node.value);
  const range = (node as YamlNode | null)?.range;
  return range ? text.slice(range[0], Math.min(range[1], range[0] + MAX_NAME)) : '';
}

function commandsOf(text: string, run: string, start: number, end: number): ShellCommand[] {
  const source = text.slice(start, end);
  const at = source.indexOf(run.split('\n')[0] ?? '');
  return splitShellCommands(run).map((command) => {
    const local = at >= 0 ? source.indexOf(command.text, at) : -1;
    return local >= 0 ? { ...command, start: start + local, end: start + local + command.text.length } : { ...command, start, end };
  });
}
