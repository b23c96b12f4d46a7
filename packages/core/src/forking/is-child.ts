/** Telling a forked child from the process that started it. */

/**
 * True in a ForkingMixIn child process. A module that both defines handler classes and
 * starts a server should start it only when this is false (Python's
 * `if __name__ == '__main__':`), since the child imports that module to find the classes.
 */
export function isForkedChild(): boolean {
  return process.env['SOCKSCOPE_FORKED_CHILD'] === '1';
}
