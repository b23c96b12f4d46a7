/** A message bar: an error (what and where) or a note, dismissible; the app stays usable. */
import type { ReactNode } from 'react';
import { useT, type Catalog } from '../i18n/i18n.js';

const TEXT: Catalog<'dismiss'> = { en: { dismiss: 'Dismiss' }, 'zh-CN': { dismiss: '关闭' } };

/** The bar. */
export function Notice({
  tone = 'error',
  title,
  children,
  onDismiss,
}: {
  readonly tone?: 'error' | 'info' | 'warn';
  readonly title: ReactNode;
  readonly children?: ReactNode;
  readonly onDismiss?: () => void;
}) {
  const t = useT(TEXT);
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="notice__text">
        <strong>{title}</strong>
        {children !== undefined && <div className="notice__detail">{children}</div>}
      </div>
      {onDismiss && (
        <button type="button" className="btn btn--ghost notice__close" onClick={onDismiss} aria-label={t('dismiss')} title={t('dismiss')}>
          ✕
        </button>
      )}
    </div>
  );
}
