#!/usr/bin/env node
// `osteopad <command>`: runs the TypeScript CLI in this very process, with tsx's loader registered
// in-process, so a checkout works without a build step. There is no wrapper process: a signal
// sent to this process reaches the command itself, and its exit code is the one the caller sees.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
