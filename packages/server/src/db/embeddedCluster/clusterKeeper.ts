// Keeps the cluster this process uses running for as long as the process needs it.
//
// - As owner (this process started the postmaster) it stops the postmaster when the process is done.
//   If the postmaster dies meanwhile, a supervising keeper starts it again on the same port, with
//   backoff, so open connection pools simply reconnect.
// - Attached (another process started it) it never stops it. It looks every second whether the
//   postmaster is still there; when it has gone (its owner stopped or died), a supervising keeper
//   starts it itself on the same port and becomes the owner; a non-supervising one (a one-shot
//   command) can say plainly what happened.
import {
  acquireCluster,
  AcquireCancelled,
  describeOwner,
  type ClusterConfig,
  type ClusterConnection,
} from './acquireCluster';
import { inspectCluster } from './clusterState';
import { removeOwnerRecord } from './ownerRecord';
import { postgresMessages, type PostmasterExit } from './postmasterProcess';
import { formatDelay, nextAttempt, restartDelay } from './restartBackoff';

const ATTACHED_POLL_MS = 1_000;

export interface ClusterKeeperOptions {
  /** Restart (or take over) the postmaster when it goes away while this process runs. */
  supervise: boolean;
}

function describeExit(exit: PostmasterExit): string {
  return exit.signal !== null ? `was killed by ${exit.signal}` : `exited with code ${exit.code ?? 'unknown'}`;
}

/** What PostgreSQL said last before it exited on its own (a crash or a fatal error), if anything. */
function lastWords(output: readonly string[]): string {
  const said = postgresMessages(output, ['FATAL', 'PANIC'], 2);
  return said.length === 0 ? '' : ` PostgreSQL said: ${said.join(' ')}`;
}

export class ClusterKeeper {
  private connection: ClusterConnection;
  private readonly port: number;
  private stopping = false;
  private attempt = -1;
  private upSince = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private reacquiring: Promise<void> | null = null;
  private lost: string | null = null;

  private constructor(
    private readonly config: ClusterConfig,
    private readonly options: ClusterKeeperOptions,
    connection: ClusterConnection,
  ) {
    this.connection = connection;
    this.port = connection.port;
  }

  static async open(
    config: ClusterConfig,
    options: ClusterKeeperOptions,
    port: number | null,
    cancelled: () => boolean,
  ): Promise<ClusterKeeper> {
    const connection = await acquireCluster(config, {
      orphans: options.supervise ? 'claim' : 'use',
      port,
      cancelled,
    });
    if (connection.role === 'attached')
      config.log(
        `Using the embedded PostgreSQL that is already running on ${config.clusterDir} (port ${connection.port}), ` +
          `started by ${describeOwner(connection.owner, connection.ownerRecord, connection.postmasterPid)}; ` +
          'this process will not stop it.',
      );
    const keeper = new ClusterKeeper(config, options, connection);
    keeper.watch();
    return keeper;
  }

  get role(): 'owner' | 'attached' {
    return this.connection.role;
  }

  get host(): string {
    return this.connection.host;
  }

  /** The port this process's connection pools use (kept across restarts). */
  get listeningPort(): number {
    return this.port;
  }

  get postmasterPid(): number {
    return this.connection.role === 'owner' ? this.connection.postmaster.pid : this.connection.postmasterPid;
  }

  /**
   * When the database this process was using has stopped under it (and was not brought back):
   * a plain sentence saying what happened and what to do. Looks again, so a caller whose query just
   * failed learns about a shutdown that the once-a-second look has not seen yet.
   */
  async lossReport(): Promise<string | null> {
    if (this.lost !== null || this.stopping) return this.lost;
    if (this.connection.role === 'owner') return null;
    const state = await inspectCluster(this.config.dataDir, this.config.clusterDir);
    const pid = this.connection.postmasterPid;
    const stillThere = state.kind === 'running' && state.lock.pid === pid && state.status !== 'stopping';
    return stillThere ? null : this.attachedLossMessage();
  }

  private attachedLossMessage(): string {
    const c = this.connection;
    const who =
      c.role === 'attached' ? describeOwner(c.owner, c.ownerRecord, c.postmasterPid) : 'this process';
    return (
      `The embedded PostgreSQL on ${this.config.clusterDir} was stopped while this command ran ` +
      `(it was run by ${who}, which stopped it or was stopped itself, or it went down). ` +
      'What this command had not finished was rolled back; run it again.'
    );
  }

  /** Still the connection in use, and this process still wants it (a method: state changes across awaits). */
  private watching(c: ClusterConnection): boolean {
    return !this.stopping && this.connection === c;
  }

  private watch(): void {
    const c = this.connection;
    if (c.role === 'owner') {
      void c.postmaster.exited.then((exit) => {
        if (!this.watching(c)) return;
        this.onLost(
          `The embedded PostgreSQL (pid ${c.postmaster.pid}) ${describeExit(exit)}.${exit.signal === null ? lastWords(c.postmaster.recentOutput()) : ''}`,
        );
      });
      return;
    }
    const poll = async (): Promise<void> => {
      if (!this.watching(c)) return;
      const state = await inspectCluster(this.config.dataDir, this.config.clusterDir).catch(() => null);
      if (!this.watching(c)) return;
      if (state !== null && state.kind === 'running' && state.lock.pid === c.postmasterPid) {
        this.timer = setTimeout(() => void poll(), ATTACHED_POLL_MS);
        // A one-shot command must not be kept alive by this look.
        if (!this.options.supervise) this.timer.unref();
        return;
      }
      this.onLost(
        `The embedded PostgreSQL (pid ${c.postmasterPid}) started by ${describeOwner(c.owner, c.ownerRecord, c.postmasterPid)} has stopped.`,
      );
    };
    this.timer = setTimeout(() => void poll(), ATTACHED_POLL_MS);
    if (!this.options.supervise) this.timer.unref();
  }

  private onLost(what: string): void {
    if (!this.options.supervise) {
      this.lost =
        this.connection.role === 'attached'
          ? this.attachedLossMessage()
          : `${what} This command cannot go on; run it again.`;
      this.config.log(this.lost);
      return;
    }
    this.attempt = nextAttempt(this.attempt, Date.now() - this.upSince);
    const delay = restartDelay(this.attempt);
    this.config.log(`${what} Starting it again on port ${this.port} in ${formatDelay(delay)}.`);
    this.schedule(delay);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.reacquiring = this.reacquire().finally(() => {
        this.reacquiring = null;
      });
    }, delay);
  }

  private async reacquire(): Promise<void> {
    let connection: ClusterConnection;
    try {
      connection = await acquireCluster(this.config, {
        orphans: 'claim',
        port: this.port,
        cancelled: () => this.stopping,
      });
    } catch (error) {
      if (error instanceof AcquireCancelled || this.stopping) return;
      this.attempt = nextAttempt(this.attempt, null);
      const delay = restartDelay(this.attempt);
      const why = error instanceof Error ? error.message : String(error);
      this.config.log(
        `The embedded PostgreSQL could not be started again: ${why} Trying again in ${formatDelay(delay)}.`,
      );
      this.schedule(delay);
      return;
    }
    if (this.stopping) {
      if (connection.role === 'owner') await this.stopOwned(connection);
      return;
    }
    this.connection = connection;
    this.upSince = Date.now();
    if (connection.role === 'owner')
      this.config.log(
        `The embedded PostgreSQL is running again (pid ${connection.postmaster.pid}, port ${connection.port}).`,
      );
    else
      this.config.log(
        `The embedded PostgreSQL is running again, started by ${describeOwner(connection.owner, connection.ownerRecord, connection.postmasterPid)} ` +
          `(port ${connection.port}); using it.`,
      );
    if (connection.port !== this.port)
      this.config.log(
        `It now listens on port ${connection.port}, but this process connects to port ${this.port}: restart this process.`,
      );
    this.watch();
  }

  private async stopOwned(connection: ClusterConnection): Promise<void> {
    if (connection.role !== 'owner') return;
    const { postmaster } = connection;
    const wasRunning = !postmaster.hasExited();
    const exit = await postmaster.stop();
    await removeOwnerRecord(this.config.dataDir, postmaster.pid);
    if (wasRunning && (exit.signal !== null || exit.code !== 0))
      this.config.log(
        `The embedded PostgreSQL did not stop cleanly (it ${describeExit(exit)}); it recovers by itself at the next start.`,
      );
  }

  /** Stops supervising; stops the postmaster if this process started it, never otherwise. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    clearTimeout(this.timer);
    if (this.reacquiring !== null) await this.reacquiring;
    await this.stopOwned(this.connection);
  }
}
