// CLI colour: on for a terminal, off otherwise; --color/--no-color win over FORCE_COLOR, which wins over NO_COLOR.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { useColor } from '../../../server/src/cli/color';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

const BAD_CC = `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } }); } };\n`;
const ESC = '\u001b[';

describe('edgelint CLI colour', () => {
  const p = tempProject({ 'src/index.ts': BAD_CC }, 'edgelint-color-');
  after(() => p.remove());
  const colored = async (argv: string[], isTTY: boolean, env: Record<string, string> = {}) => (await runCli(argv, p.root, '', { isTTY, env })).stdout.includes(ESC);

  it('colours stylish output on a terminal and not when piped', async () => {
    assert.equal(await colored([], true), true);
    assert.equal(await colored([], false), false);
    const run = await runCli([], p.root, '', { isTTY: true });
    assert.match(run.stdout, /\u001b\[33mwarning\u001b\[39m/);
    assert.match(run.stdout, /src\/index\.ts:1:\d+/, 'the clickable location is not split by escapes');
  });

  it('--color and --no-color win over the terminal and the environment', async () => {
    assert.equal(await colored(['--color'], false), true);
    assert.equal(await colored(['--no-color'], true), false);
    assert.equal(await colored(['--no-color'], true, { FORCE_COLOR: '1' }), false);
    assert.equal(await colored(['--color'], false, { NO_COLOR: '1' }), true);
  });

  it('FORCE_COLOR and NO_COLOR decide without a flag', async () => {
    assert.equal(await colored([], false, { FORCE_COLOR: '1' }), true);
    assert.equal(await colored([], true, { FORCE_COLOR: '0' }), false);
    assert.equal(await colored([], true, { NO_COLOR: '1' }), false);
    assert.equal(await colored([], true, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count (no-color.org)');
    assert.equal(useColor(undefined, { FORCE_COLOR: 'false' }, true), false);
  });

  it('machine formats never get colour, even when forced', async () => {
    for (const format of ['json', 'sarif', 'github']) assert.equal(await colored(['--color', '--format', format], true), false, format);
  });
});
