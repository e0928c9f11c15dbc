// Runs the CLI's main() in-process with captured stdout/stderr.
import { main } from '../../server/src/cli/main';

/** Result of one CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `edgelint <argv>` in `cwd`. */
export async function runCli(argv: string[], cwd: string, stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}
