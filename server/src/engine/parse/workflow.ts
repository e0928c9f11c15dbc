// GitHub Actions workflow YAML -> `run:` steps with their commands and ranges, and the workflow's triggers.
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
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
}

/** A parsed workflow. */
export interface WorkflowModel {
  errors: ConfigSyntaxError[];
  steps: WorkflowStep[];
  /** Cron expressions from `on.schedule`. */
  schedules: string[];
}

/** Parses a workflow file. Never throws. */
export function parseWorkflow(text: string): WorkflowModel {
  const doc = parseDocument(text, { keepSourceTokens: false, prettyErrors: false });
  const errors = doc.errors.map((e) => ({ message: `Invalid YAML: ${e.message.split('\n')[0]}`, start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) }));
  const steps: WorkflowStep[] = [];
  const schedules: string[] = [];
  const root = doc.contents;
  if (!isMap(root)) return { errors, steps, schedules };
  const on = root.get('on', true) ?? root.get(true as unknown as string, true);
  if (isMap(on)) {
    const schedule = on.get('schedule', true);
    if (isSeq(schedule)) for (const item of schedule.items) if (isMap(item)) { const cron = item.get('cron'); if (typeof cron === 'string') schedules.push(cron); }
  }
  const jobs = root.get('jobs', true);
  if (isMap(jobs)) {
    for (const jobPair of jobs.items) {
      const job = String(isScalar(jobPair.key) ? jobPair.key.value : jobPair.key);
      const jobSteps = isMap(jobPair.value) ? jobPair.value.get('steps', true) : undefined;
      if (!isSeq(jobSteps)) continue;
      for (const step of jobSteps.items) {
        if (!isMap(step)) continue;
        const run = step.get('run', true);
        if (!isScalar(run) || typeof run.value !== 'string') continue;
        const [start, , end] = (run as YamlNode).range ?? [0, 0, 0];
        const name = step.get('name');
        steps.push({ job, name: typeof name === 'string' ? name : undefined, run: run.value, commands: commandsOf(text, run.value, start, end), start, end });
      }
    }
  }
  return { errors, steps, schedules };
}

function commandsOf(text: string, run: string, start: number, end: number): ShellCommand[] {
  const source = text.slice(start, end);
  const at = source.indexOf(run.split('\n')[0] ?? '');
  return splitShellCommands(run).map((command) => {
    const local = at >= 0 ? source.indexOf(command.text, at) : -1;
    return local >= 0 ? { ...command, start: start + local, end: start + local + command.text.length } : { ...command, start, end };
  });
}
