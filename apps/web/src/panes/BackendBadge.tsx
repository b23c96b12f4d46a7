/**
 * A badge that says which implementation produced a trace or runs a lab: "TypeScript port" or
 * "CPython 3.11.7 (real socketserver)", with the difference in its tooltip. Words and a
 * marker, never colour alone.
 */
import { useContext } from 'react';
import { LangContext } from '../i18n/i18n.js';
import { backendLabel, type BackendInfo } from './backend.js';
import './backend.css';

/** Props of BackendBadge. */
export interface BackendBadgeProps {
  readonly info: BackendInfo;
  /** The short form (`TS port`, `CPython 3.11.7`) for tight places; the tooltip has the rest. */
  readonly short?: boolean;
  readonly className?: string;
}

/** The badge. */
export function BackendBadge({ info, short = false, className }: BackendBadgeProps) {
  const lang = useContext(LangContext);
  const words = backendLabel(info, lang);
  return (
    <span
      className={`ss-backend ss-backend--${words.backend}${short ? ' ss-backend--short' : ''}${className ? ` ${className}` : ''}`}
      title={`${words.label} — ${words.hint}`}
      data-backend={words.backend}
    >
      <span className="ss-backend__mark" aria-hidden="true">
        {words.backend === 'cpython' ? 'Py' : 'TS'}
      </span>
      <span className="ss-backend__words">{short ? words.short : words.label}</span>
    </span>
  );
}
