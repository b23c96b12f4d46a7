/**
 * Every suite of `npm run bench`, in the order they run. A new part of the benchmark adds
 * its Suite here; the runner, the table, the targets and RESULTS.md follow.
 */
import type { Suite } from '../lib/suite.js';
import { forkSuite } from './fork-cost.js';
import { liveSuite } from './live.js';
import { throughputSuite } from './throughput.js';
import { timelineSuite } from './timeline.js';

/** The suites, in the order they run. */
export const SUITES: readonly Suite[] = [throughputSuite, forkSuite, liveSuite, timelineSuite];
