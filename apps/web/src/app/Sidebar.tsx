/**
 * A collapsible side panel (the lab controls, the trace list): folds to a thin strip. Folding
 * only hides it, so a half-filled form keeps what was typed. `folded` (presenter mode) folds
 * or unfolds it whenever it changes; the user can always toggle it.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useT, type Catalog } from '../i18n/i18n.js';

const TEXT: Catalog<'hide' | 'show'> = {
  en: { hide: 'Hide the panel', show: 'Show the panel: {title}' },
  'zh-CN': { hide: '收起面板', show: '展开面板：{title}' },
};

/** The panel. */
export function Sidebar({ title, children, folded = false }: { readonly title: string; readonly children: ReactNode; readonly folded?: boolean }) {
  const t = useT(TEXT);
  const [open, setOpen] = useState(!folded);
  useEffect(() => setOpen(!folded), [folded]);
  return (
    <aside className={open ? 'sidebar' : 'sidebar sidebar--folded'} aria-label={title}>
      {!open && (
        <button type="button" className="sidebar__unfold" onClick={() => setOpen(true)} title={t('show', { title })} aria-label={t('show', { title })} aria-expanded={false}>
          <span aria-hidden="true">›</span>
          <span className="sidebar__vertical">{title}</span>
        </button>
      )}
      <header className="sidebar__head" hidden={!open}>
        <h2>{title}</h2>
        <button type="button" className="btn btn--ghost btn--icon" onClick={() => setOpen(false)} title={t('hide')} aria-label={t('hide')} aria-expanded={true}>
          ‹
        </button>
      </header>
      <div className="sidebar__body" hidden={!open}>
        {children}
      </div>
    </aside>
  );
}
