// `npm run bench -- NAME...` runs bench/src/NAME.ts (each exports `run(): Promise<Record<string, unknown>>`)
// and writes its figures to bench/results/NAME.json. With no name, every benchmark runs.
import { readdir, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(here, '..', 'results');

interface BenchModule {
  run: () => Promise<Record<string, unknown>>;
}

function isBenchModule(value: unknown): value is BenchModule {
  return (
    typeof value === 'object' && value !== null && typeof (value as { run?: unknown }).run === 'function'
  );
}

async function availableBenchmarks(): Promise<string[]> {
  const files = await readdir(here);
  return files
    .filter((f) => f.endsWith('.ts') && f !== 'main.ts' && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function main(): Promise<void> {
  const available = await availableBenchmarks();
  const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = requested.length > 0 ? requested : available;
  const unknown = names.filter((n) => !available.includes(n));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
    process.exit(2);
  }
  await mkdir(resultsDir, { recursive: true });
  for (const name of names) {
    const mod: unknown = await import(`./${name}.ts`);
    if (!isBenchModule(mod)) throw new Error(`bench/src/${name}.ts does not export run()`);
    console.log(`== ${name}`);
    const figures = await mod.run();
    const result = {
      ...figures,
      benchmark: name,
      measuredAt: new Date().toISOString(),
      node: process.version,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
    };
    const file = join(resultsDir, `${name}.json`);
    await writeFile(file, JSON.stringify(result, null, 2) + '\n');
    console.log(JSON.stringify(result, null, 2));
    console.log(`written to ${file}`);
  }
}

await main();
