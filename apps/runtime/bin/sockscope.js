#!/usr/bin/env node
/**
 * The `sockscope` command: registers tsx (the runtime runs from its TypeScript sources),
 * then runs src/cli/main.ts and exits with its status.
 */
import process from 'node:process';
import { URL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
// Imported only after register(): a static import would be loaded before tsx is in place.
const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
const status = await main(process.argv.slice(2));
// Exit explicitly (daemon request threads may still hold the loop open), once output is flushed.
process.stdout.write('', () => process.exit(status));
