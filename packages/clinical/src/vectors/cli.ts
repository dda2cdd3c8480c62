/// <reference types="node" />
// `npm run vectors -- FILE... [--config clinic.json]`: runs vector files and ends with "N passed, N failed".
// Exit code 0 only when every case passed and every file could be read.
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG, parseClinicalConfig, type ClinicalConfig } from '../config';
import { formatFailure, parseVectorFile, runVectorCases, summaryLine, type VectorCase } from './runner';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

function main(argv: readonly string[]): number {
  const files: string[] = [];
  let config: ClinicalConfig = DEFAULT_CONFIG;
  let problems = 0;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === undefined) continue;
    if (arg === '--config') {
      const path = argv[i + 1];
      i += 1;
      if (path === undefined) {
        console.error('error: --config needs a file');
        return 2;
      }
      try {
        config = parseClinicalConfig(readText(path));
      } catch (error) {
        console.error(
          `error: configuration ${path}: ${error instanceof Error ? error.message : String(error)}`,
        );
        return 2;
      }
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) {
    console.error('usage: npm run vectors -- FILE... [--config clinic.json]');
    return 2;
  }
  const cases: VectorCase[] = [];
  for (const file of files) {
    try {
      cases.push(...parseVectorFile(readText(file), file));
    } catch (error) {
      problems += 1;
      console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const summary = runVectorCases(cases, config);
  for (const result of summary.results) if (!result.pass) console.log(formatFailure(result));
  console.log(summaryLine(summary.passed, summary.failed));
  return summary.failed > 0 || problems > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
