/** Makes a lab on the backend the request names: the port (default) or CPython. */
import type { CreateLabRequest } from '@sockscope/core';
import { CPythonLab } from '../cpython/cpython-lab.js';
import { Lab } from './lab.js';
import type { LabHooks } from './lab-tracer.js';
import type { ServerLab } from './server-lab.js';

/** Creates (and binds) a lab's server on `request.backend`. */
export function createLab(id: string, request: CreateLabRequest, hooks: LabHooks = {}): Promise<ServerLab> {
  return request.backend === 'cpython' ? CPythonLab.create(id, request, hooks) : Lab.create(id, request, hooks);
}
