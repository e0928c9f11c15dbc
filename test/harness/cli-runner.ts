// Runs the CLI's main() in-process with captured stdout/stderr.
import { main, type CliIo } from '../../server/src/cli/main';

/** Result of one CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `edgelint <argv>` in `cwd`; the clock stands still (the summary says 0.0 s) unless `io` brings one, and there is no TTY. */
export async function runCli(argv: string[], cwd: string, stdin = '', io: Partial<Pick<CliIo, 'now' | 'isTTY' | 'env'>> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    readStdin: async () => stdin,
    now: () => 0,
    env: {},
    ...io,
  });
  return { code, stdout, stderr };
}
