import { describe, expect, it } from 'vitest';
import { captureCliOutput } from './capture.fixture.js';
import { dispatch, type CliCommand } from './dispatch.js';

function fakeCommands(calls: Array<readonly string[]>): CliCommand[] {
  return [
    { name: 'echo', summary: 'says what it got', load: async () => async (argv) => (calls.push(argv), 0) },
    {
      name: 'boom',
      summary: 'throws',
      load: async () => async () => {
        throw new RangeError('out of range');
      },
    },
  ];
}

async function run(argv: string[]): Promise<{ status: number; stdout: string; stderr: string; calls: Array<readonly string[]> }> {
  const calls: Array<readonly string[]> = [];
  const io = captureCliOutput();
  try {
    const status = await dispatch(argv, fakeCommands(calls));
    return { status, stdout: io.stdout(), stderr: io.stderr(), calls };
  } finally {
    io.restore();
  }
}

describe('CLI-1 the tool dispatches to its commands', () => {
  it('runs the named command with the rest of the arguments', async () => {
    expect(await run(['echo', 'a', '--b'])).toMatchObject({ status: 0, calls: [['a', '--b']] });
  });

  it('--help lists the commands on stdout, status 0', async () => {
    const result = await run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: sockscope <command> \[options\]\n/);
    expect(result.stdout).toContain('  echo   says what it got\n  boom   throws\n');
    expect((await run(['-h'])).stdout).toBe(result.stdout);
    expect((await run(['help'])).stdout).toBe(result.stdout);
  });

  it('help CMD is CMD --help', async () => {
    expect(await run(['help', 'echo'])).toMatchObject({ status: 0, calls: [['--help']] });
  });

  it('an unknown command, or none: the usage on stderr, status 2', async () => {
    const unknown = await run(['frob']);
    expect(unknown).toMatchObject({ status: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^sockscope: unknown command "frob"\n\nusage: sockscope/);
    expect(await run([])).toMatchObject({ status: 2, stdout: '', stderr: expect.stringMatching(/^usage: sockscope/) as unknown });
  });

  it('a command that throws: one line on stderr, status 1', async () => {
    expect(await run(['boom'])).toMatchObject({ status: 1, stderr: 'sockscope boom: RangeError: out of range\n' });
  });
});
