// The Node process's memory while a piece of work runs: sampled on a timer (the work awaits the database,
// so the timer fires between its statements), to show what the work holds at its worst, against before.

export interface MemoryFigures {
  /** Resident set size and V8 heap in use before the work, in MiB. */
  readonly before: { rssMiB: number; heapUsedMiB: number };
  /** The highest of each seen while it ran (samples every `intervalMs`, and at the end). */
  readonly peak: { rssMiB: number; heapUsedMiB: number };
  readonly samples: number;
  readonly intervalMs: number;
}

const mib = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));

/** Runs `work`, sampling `process.memoryUsage()` every `intervalMs`; answers its result and the figures. */
export async function withMemoryPeak<T>(
  work: () => Promise<T>,
  intervalMs = 10,
): Promise<{ result: T; memory: MemoryFigures }> {
  const first = process.memoryUsage();
  let rss = first.rss;
  let heap = first.heapUsed;
  let samples = 0;
  const sample = () => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
    samples += 1;
  };
  const timer = setInterval(sample, intervalMs);
  try {
    const result = await work();
    sample();
    return {
      result,
      memory: {
        before: { rssMiB: mib(first.rss), heapUsedMiB: mib(first.heapUsed) },
        peak: { rssMiB: mib(rss), heapUsedMiB: mib(heap) },
        samples,
        intervalMs,
      },
    };
  } finally {
    clearInterval(timer);
  }
}
