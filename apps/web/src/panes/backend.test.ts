import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LangContext } from '../i18n/i18n.js';
import { backendLabel, cpythonVersion } from './backend.js';
import { BackendBadge } from './BackendBadge.js';

describe('WEB-BACKEND-1 the badge names the backend in both languages', () => {
  it('names the port, and CPython with its version', () => {
    expect(backendLabel({ backend: 'core' }, 'en').label).toBe('TypeScript port');
    expect(backendLabel({ backend: 'core' }, 'zh-CN').label).toBe('TypeScript 移植版');
    expect(backendLabel({ backend: 'cpython', backend_version: 'CPython 3.11.7' }, 'en').label).toBe('CPython 3.11.7 (real socketserver)');
    expect(backendLabel({ backend: 'cpython', backend_version: 'CPython 3.11.7' }, 'zh-CN').label).toBe('CPython 3.11.7（真实的 socketserver）');
    expect(backendLabel({ backend: 'cpython' }, 'en').label).toBe('CPython (real socketserver)');
    expect(backendLabel({ backend: 'cpython', backend_version: 'CPython 3.12.1' }, 'en').short).toBe('CPython 3.12.1');
  });

  it('explains how the threads differ, and says what ran the port', () => {
    expect(backendLabel({ backend: 'core' }, 'en').hint).toMatch(/cooperative.*await/);
    expect(backendLabel({ backend: 'cpython' }, 'en').hint).toMatch(/OS threads under the GIL/);
    expect(backendLabel({ backend: 'cpython' }, 'zh-CN').hint).toContain('GIL');
    expect(backendLabel({ backend: 'core', backend_version: 'Node v20.20.0' }, 'en').hint).toContain('ran on Node v20.20.0');
  });

  it('reads a version that does not say CPython', () => {
    expect(cpythonVersion({ backend: 'cpython', backend_version: '3.11.7' })).toBe('CPython 3.11.7');
    expect(cpythonVersion({ backend: 'cpython', backend_version: 'Python 3.13.0' })).toBe('CPython 3.13.0');
    expect(cpythonVersion({ backend: 'cpython', backend_version: '  ' })).toBeNull();
  });

  it('renders its words and a marker, not colour alone', () => {
    const html = renderToStaticMarkup(
      createElement(LangContext.Provider, { value: 'zh-CN' }, createElement(BackendBadge, { info: { backend: 'cpython', backend_version: 'CPython 3.11.7' } })),
    );
    expect(html).toContain('data-backend="cpython"');
    expect(html).toContain('>Py<');
    expect(html).toContain('CPython 3.11.7（真实的 socketserver）');
  });
});
