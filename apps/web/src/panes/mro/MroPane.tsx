/**
 * The MRO pane: the server class's (and the handler's) MRO as a chain, socketserver's class
 * hierarchy with that MRO on it, and the table of where each method is found. At the cursor,
 * the class providing the running method is lit everywhere, with one line saying why.
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useT, type Catalog, type Translate } from '../../i18n/i18n.js';
import type { PaneProps } from '../pane-props.js';
import { cx, type PresenterProps } from '../pane-common.js';
import { BackendBadge } from '../BackendBadge.js';
import { PaneFrame } from '../PaneFrame.js';
import { codeList, fill } from '../rich.js';
import { useWidth } from '../use-width.js';
import { ClassGraph } from './ClassGraph.js';
import { classGraph, classMarks, explain, layoutGraph, resolutionRows, sideOf, sideOfActive, type ClassMark, type Explanation, type Side } from './mro.js';
import './mro.css';

type Key =
  | 'title' | 'server' | 'handler' | 'found' | 'foundOnly' | 'searched' | 'super' | 'other' | 'idle' | 'noDescription'
  | 'graph' | 'table' | 'colMethod' | 'colClass' | 'sep' | 'lProvider' | 'lSearched' | 'lShadowed' | 'lMro' | 'lLab'
  | 'follow' | 'position' | 'notInMro' | 'runsHere' | 'lCaller' | 'scopeModule' | 'scopeMro' | 'scope';

const catalog: Catalog<Key> = {
  en: {
    title: 'Method resolution order',
    server: 'Server class',
    handler: 'Handler class',
    found: '{method} is found in {cls}, before {shadowed}.',
    foundOnly: '{method} is found in {cls}; no other class in the MRO defines it.',
    searched: 'Python looked in {searched} first: not there.',
    super: 'This {method} is {cls}’s: the {method} of {resolved} (found first) called it, via super() or by class name.',
    other: '{cls}.{method} belongs to a helper class, outside the server’s and the handler’s MRO.',
    idle: 'No method is running at the cursor.',
    noDescription: 'This trace has no class description.',
    graph: 'socketserver’s class hierarchy',
    table: 'Where each method is found',
    colMethod: 'method',
    colClass: 'found in',
    sep: ', ',
    lProvider: 'runs here',
    lSearched: 'looked in first',
    lShadowed: 'defines it too, later',
    lMro: 'MRO position',
    lLab: 'the lab’s own class',
    lCaller: 'found first; its override called this one',
    scopeModule: 'whole module',
    scopeMro: 'MRO only',
    scope: 'Classes drawn',
    follow: 'follows the cursor',
    position: '{cls}: number {n} in the MRO',
    notInMro: '{cls}: not in this MRO',
    runsHere: 'running now',
  },
  'zh-CN': {
    title: '方法解析顺序（MRO）',
    server: '服务器类',
    handler: '处理器类',
    found: '{method} 在 {cls} 中找到，排在 {shadowed} 之前。',
    foundOnly: '{method} 在 {cls} 中找到；MRO 里没有别的类定义它。',
    searched: 'Python 先查了 {searched}：那里没有。',
    super: '这里的 {method} 是 {cls} 的：先被找到的 {resolved}.{method} 通过 super() 或类名调用了它。',
    other: '{cls}.{method} 属于辅助类，不在服务器类和处理器类的 MRO 中。',
    idle: '光标处没有正在运行的方法。',
    noDescription: '这个跟踪没有类的描述。',
    graph: 'socketserver 的类层次结构',
    table: '每个方法在哪个类中找到',
    colMethod: '方法',
    colClass: '所在的类',
    sep: '、',
    lProvider: '在这里运行',
    lSearched: '先查找过',
    lShadowed: '也定义了，但排在后面',
    lMro: 'MRO 中的位置',
    lLab: '实验自己的类',
    lCaller: '先被找到；它的重写调用了这里的方法',
    scopeModule: '整个模块',
    scopeMro: '只看 MRO',
    scope: '画出的类',
    follow: '跟随光标',
    position: '{cls}：MRO 中第 {n} 个',
    notInMro: '{cls}：不在这个 MRO 中',
    runsHere: '正在运行',
  },
};

/** The marks of a side the cursor's method is not on (one object, so the drawing sees no change). */
const NO_MARKS: ReadonlyMap<string, ClassMark> = new Map();

/** Props of MroPane. */
export type MroPaneProps = PaneProps & PresenterProps;

/** The MRO pane. */
export function MroPane({ description, state, presenter = false }: MroPaneProps) {
  const t = useT(catalog);
  const active = state.active;
  const explanation = useMemo<Explanation | null>(
    () => (description && active ? explain(description, active) : null),
    [description, active],
  );
  const activeSide = description && active ? sideOfActive(description, active) : 'other';
  // The graph and table follow the cursor's side unless a tab was chosen.
  const [pinned, setPinned] = useState<Side | null>(null);
  const shown: Side = pinned ?? (activeSide === 'other' ? 'server' : activeSide);
  const marks = useMemo(() => classMarks(explanation), [explanation]);
  // A narrow pane draws only the MRO's classes, unless asked for the whole module.
  const measure = useRef<HTMLDivElement>(null);
  const width = useWidth(measure);
  const [scopeChoice, setScopeChoice] = useState<'module' | 'mro' | null>(null);
  const scope = scopeChoice ?? (width > 0 && width < 560 ? 'mro' : 'module');
  const layout = useMemo(() => layoutGraph(classGraph(description, shown, scope)), [description, shown, scope]);
  const describe = useCallback(
    (cls: string, n: number | null) => (n === null ? t('notInMro', { cls }) : t('position', { cls, n })),
    [t],
  );

  if (!description) {
    return (
      <PaneFrame title={t('title')} presenter={presenter} className="ss-mro">
        <p className="ss-pane__empty">{t('noDescription')}</p>
      </PaneFrame>
    );
  }
  const side = sideOf(description, shown);
  const sideMarks = explanation && explanation.kind !== 'other' && explanation.side === shown ? marks : NO_MARKS;
  const litMethod = explanation && explanation.kind !== 'other' && explanation.side === shown ? explanation.method : null;

  return (
    <PaneFrame title={t('title')} subtitle={
        <>
          <code className="ss-code">{description.server_class}</code> <BackendBadge info={description} short />
        </>
      } presenter={presenter} className="ss-mro">
      <div ref={measure} className="ss-mro-measure" aria-hidden="true" />
      <p className={cx('ss-mro-explain', explanation && 'ss-mro-explain--lit')} aria-live="polite">
        {explanationText(explanation, t)}
      </p>
      <div className="ss-mro-chains">
        <Chain
          label={t('server')}
          mro={description.mro}
          marks={explanation?.kind !== 'other' && explanation?.side === 'server' ? marks : undefined}
          method={explanation?.kind !== 'other' && explanation?.side === 'server' ? explanation.method : null}
          runsHere={t('runsHere')}
        />
        <Chain
          label={t('handler')}
          mro={description.handler_mro}
          marks={explanation?.kind !== 'other' && explanation?.side === 'handler' ? marks : undefined}
          method={explanation?.kind !== 'other' && explanation?.side === 'handler' ? explanation.method : null}
          runsHere={t('runsHere')}
        />
      </div>
      <div className="ss-mro-tabs" role="tablist">
        {(['server', 'handler'] as const).map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            className="ss-button"
            aria-selected={shown === s}
            aria-pressed={shown === s}
            onClick={() => setPinned(pinned === s ? null : s)}
          >
            {t(s)} <code className="ss-code">{sideOf(description, s).cls}</code>
          </button>
        ))}
        <span className="ss-mro-follow">{pinned === null ? `● ${t('follow')}` : ''}</span>
        <span className="ss-mro-scope" role="group" aria-label={t('scope')}>
          {(['module', 'mro'] as const).map((s) => (
            <button key={s} type="button" className="ss-button" aria-pressed={scope === s} onClick={() => setScopeChoice(s)}>
              {t(s === 'module' ? 'scopeModule' : 'scopeMro')}
            </button>
          ))}
        </span>
      </div>
      <div className={cx('ss-mro-grid', presenter && 'ss-mro-grid--stacked')}>
        <figure className="ss-mro-figure">
          <ClassGraph layout={layout} mro={side.mro} marks={sideMarks} method={litMethod} label={t('graph')} describe={describe} maxScale={presenter ? 1.7 : 1.25} />
          <figcaption className="ss-mro-legend">
            <span><i className="ss-mro-key ss-mro-key--provider" />{t('lProvider')}</span>
            {explanation?.kind === 'super' && <span><i className="ss-mro-key ss-mro-key--caller" />{t('lCaller')}</span>}
            <span><i className="ss-mro-key ss-mro-key--searched" />{t('lSearched')}</span>
            <span><i className="ss-mro-key ss-mro-key--shadowed" />{t('lShadowed')}</span>
            <span><i className="ss-mro-key ss-mro-key--mro">1</i>{t('lMro')}</span>
            <span><i className="ss-mro-key ss-mro-key--lab" />{t('lLab')}</span>
          </figcaption>
        </figure>
        <table className="ss-mro-table">
          <caption className="ss-section-title">{t('table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colMethod')}</th>
              <th scope="col">{t('colClass')}</th>
            </tr>
          </thead>
          <tbody>
            {resolutionRows(side.resolution).map((row) => {
              const lit = litMethod === row.method;
              const n = side.mro.indexOf(row.cls) + 1;
              return (
                <tr key={row.method} className={cx(lit && 'ss-mro-row--lit')} aria-current={lit ? 'true' : undefined}>
                  <td><code className="ss-code">{row.method}</code></td>
                  <td>
                    <code className="ss-code">{row.cls}</code>
                    {n > 0 && <sup className="ss-mro-pos">{n}</sup>}
                    {lit && explanation?.kind === 'super' && (
                      <span className="ss-mro-super"> → <code className="ss-code">{explanation.cls}</code></span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </PaneFrame>
  );
}

/** The one-line explanation, identifiers in code type. */
function explanationText(ex: Explanation | null, t: Translate<Key>): ReactNode {
  const code = (s: string) => <code className="ss-code">{s}</code>;
  if (!ex) return t('idle');
  if (ex.kind === 'other') return fill(t('other'), { cls: code(ex.cls), method: code(ex.method) });
  if (ex.kind === 'super') {
    return fill(t('super'), { method: code(ex.method), cls: code(ex.cls), resolved: code(ex.resolved) });
  }
  const main =
    ex.shadowed.length > 0
      ? fill(t('found'), { method: code(ex.method), cls: code(ex.cls), shadowed: codeList(ex.shadowed, t('sep')) })
      : fill(t('foundOnly'), { method: code(ex.method), cls: code(ex.cls) });
  return (
    <>
      {main}
      {ex.searched.length > 0 && <span className="ss-mro-searched"> {fill(t('searched'), { searched: codeList(ex.searched, t('sep')) })}</span>}
    </>
  );
}

/** One MRO as a chain of classes, the running method's class lit. */
function Chain(props: {
  readonly label: string;
  readonly mro: readonly string[];
  readonly marks: ReadonlyMap<string, ClassMark> | undefined;
  readonly method: string | null;
  readonly runsHere: string;
}) {
  return (
    <div className="ss-mro-chain">
      <span className="ss-mro-chain__label">{props.label}</span>
      <ol className="ss-mro-chain__list">
        {props.mro.map((cls, i) => {
          const mark = props.marks?.get(cls) ?? 'none';
          return (
            <li key={cls} className={cx('ss-mro-chip', `ss-mro-chip--${mark}`, cls === 'object' && 'ss-mro-chip--object')}>
              {i > 0 && <span className="ss-mro-chain__arrow" aria-hidden="true">→</span>}
              <span className="ss-mro-chip__box" title={mark === 'provider' ? props.runsHere : undefined}>
                <code className="ss-code">{cls}</code>
                {mark === 'provider' && props.method !== null && <code className="ss-code ss-mro-chip__method">.{props.method}</code>}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
