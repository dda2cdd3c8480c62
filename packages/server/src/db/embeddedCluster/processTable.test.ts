import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { inspectProcess, parseProcStat, processExists } from './processTable';

describe('parseProcStat', () => {
  it('reads state and parent after the command name, which may contain spaces and parentheses', () => {
    expect(parseProcStat('4242 (postgres) S 1000 4242 4242 0 -1 4194560')).toEqual({
      state: 'S',
      parentPid: 1000,
    });
    expect(parseProcStat('77 (a (weird) name) Z 1 77 77 0')).toEqual({ state: 'Z', parentPid: 1 });
    expect(parseProcStat('garbage')).toBeNull();
  });
});

describe('inspectProcess', () => {
  it('knows this process: running, its parent, its command line', async () => {
    const me = await inspectProcess(process.pid);
    expect(me.state).toBe('running');
    expect(me.parentPid).toBe(process.ppid);
    expect(me.argv?.[0]).toBe(process.execPath);
    expect(me.argv).toContain(process.argv[1]);
  });

  it('finds a child that has exited and been reaped absent', async () => {
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    const pid = child.pid ?? -1;
    await new Promise((resolve) => child.on('exit', resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect((await inspectProcess(pid)).state).toBe('absent');
    expect(processExists(pid)).toBe(false);
  });
});
