/**
 * Which implementation produced a trace or runs a lab — the TypeScript port or the real
 * CPython module — as words for a badge, in both languages. Pure, so it is tested without a DOM.
 */
import type { Backend, LabDescription } from '@sockscope/core/trace';
import { translator, type Catalog, type Lang } from '../i18n/i18n.js';

/** What a badge needs to know: the backend and, when the trace says, what ran it. */
export type BackendInfo = Pick<LabDescription, 'backend' | 'backend_version'>;

type Key = 'port' | 'portShort' | 'cpython' | 'cpythonShort' | 'cpythonUnknown' | 'portHint' | 'cpythonHint' | 'ranOn';

/** The badge's words. `{version}` is what ran it, e.g. `CPython 3.11.7`. */
export const BACKEND_TEXT: Catalog<Key> = {
  en: {
    port: 'TypeScript port',
    portShort: 'TS port',
    cpython: '{version} (real socketserver)',
    cpythonShort: '{version}',
    cpythonUnknown: 'CPython (real socketserver)',
    portHint:
      "sockscope's TypeScript port of socketserver, run by Node. Its threads are cooperative tasks: they switch only at an await, where a Python thread would block on I/O.",
    cpythonHint:
      "Python's own socketserver module, run by your python3. Its threads are real OS threads under the GIL: CPython switches between them when one blocks and every few milliseconds.",
    ranOn: 'ran on {what}',
  },
  'zh-CN': {
    port: 'TypeScript 移植版',
    portShort: 'TS 移植版',
    cpython: '{version}（真实的 socketserver）',
    cpythonShort: '{version}',
    cpythonUnknown: 'CPython（真实的 socketserver）',
    portHint:
      'sockscope 用 TypeScript 移植的 socketserver，由 Node 运行。它的线程是协作式任务：只在 await 处切换，相当于 Python 线程因 I/O 阻塞的地方。',
    cpythonHint:
      'Python 自带的 socketserver 模块，由你的 python3 运行。它的线程是受 GIL 约束的真实操作系统线程：CPython 会在线程阻塞时切换，并且每隔几毫秒也会切换一次。',
    ranOn: '运行于 {what}',
  },
};

/** A badge's text: the label, a short label for tight places, and the tooltip. */
export interface BackendLabel {
  readonly backend: Backend;
  readonly label: string;
  readonly short: string;
  readonly hint: string;
}

/** `CPython 3.11.7` from a backend_version; null when it does not name CPython. */
export function cpythonVersion(info: BackendInfo): string | null {
  const v = info.backend_version?.trim() ?? '';
  if (v === '') return null;
  return /^cpython\b/i.test(v) ? v : `CPython ${v.replace(/^python\s*/i, '')}`;
}

/** The words of the badge for `info` in `lang`. */
export function backendLabel(info: BackendInfo, lang: Lang): BackendLabel {
  const t = translator(BACKEND_TEXT, lang);
  if (info.backend === 'cpython') {
    const version = cpythonVersion(info);
    return {
      backend: 'cpython',
      label: version === null ? t('cpythonUnknown') : t('cpython', { version }),
      short: version ?? 'CPython',
      hint: t('cpythonHint'),
    };
  }
  const ran = info.backend_version?.trim();
  return {
    backend: 'core',
    label: t('port'),
    short: t('portShort'),
    hint: ran ? `${t('portHint')} (${t('ranOn', { what: ran })})` : t('portHint'),
  };
}
