#!/usr/bin/env node
// `osteopad <command>`: runs the TypeScript CLI in this very process, with tsx's loader registered
// in-process, so a checkout works without a build step. There is no wrapper process: a signal
// sent to this process reaches the command itself, and its exit code is the one the caller sees.
// First of all it checks that it runs on the project's Node.js (nodeRuntime.mjs).
import { requireProjectNode } from './nodeRuntime.mjs';

requireProjectNode('Osteopad');
const { register } = await import('tsx/esm/api');
register();
await import('../src/cli/main.ts');
