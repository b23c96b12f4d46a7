/**
 * The per-thread timeline pane, after Perfetto UI: one lane per thread or forked child,
 * calls nested by depth, event markers, spawn/fork arrows, the cursor line. Drawn on a
 * canvas; the view (time scale, scroll, hover) lives in a ref, not in React state, so
 * wheel, drag and hover cost one redraw in the next animation frame and no React render.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent, type ReactElement } from 'react';
import { useT } from '../i18n/i18n.js';
import type { TraceModel } from '../model/trace-model.js';
import type { PaneProps } from '../panes/pane-props.js';
import { canvasLabels, describeHit, summarize } from './describe.js';
import { drawTimeline } from './draw.js';
import { timelineFrames } from './frame-scheduler.js';
import { hitIndex, hitTest, sameHit, type Hit } from './hit-test.js';
import { applyAction, keyAction, KEY_ZOOM, revealCursor, wheelAction, type View, type ViewAction } from './interaction.js';
import { clampScrollTop, layoutFromIndex, type TimelineLayout } from './layout.js';
import { boundsFor, TimeScale, type TimeWindow } from './scale.js';
import { TimelineIndex } from './span-index.js';
import { themeFor } from './theme.js';
import { TIMELINE_CATALOG } from './timeline-catalog.js';
import { TimelineLegend } from './TimelineLegend.js';
import { TimelineTooltip } from './TimelineTooltip.js';
import { useCanvasSize } from './use-canvas-size.js';

/** Props of the timeline pane. */
export interface TimelineProps extends PaneProps {
  /** Larger type and rows, stronger contrast: for projecting in a lecture hall. */
  readonly presenter?: boolean;
  /** Keep the newest events in view as the model grows (controlled; uncontrolled if omitted). */
  readonly follow?: boolean;
  /** Called when the user turns following on or off (F, the toolbar, or by panning away). */
  onFollowChange?(follow: boolean): void;
}

/** The mutable view: read by the frame callback, changed by input handlers. */
interface ViewState {
  scale: TimeScale | null;
  scrollTop: number;
  hovered: Hit | null;
  layout: TimelineLayout | null;
  /** The model, its length and its time range when the view last followed it. */
  model: TraceModel | null;
  length: number;
  range: TimeWindow | null;
  drag: { pointerId: number; x: number; y: number; scale: TimeScale; scrollTop: number; moved: boolean } | null;
}

/** How far a press may move and still count as a click, px. */
const CLICK_SLOP = 4;

function traceWindow(model: TraceModel): TimeWindow {
  const [startNs, endNs] = model.timeRange();
  return { startNs, endNs };
}

/** The per-thread timeline. */
export function Timeline(props: TimelineProps): ReactElement {
  const { model, version, state, onCursor } = props;
  const t = useT(TIMELINE_CATALOG);
  const theme = themeFor(props.presenter ?? false);
  const id = useId();
  const frameKey = `timeline${id}`;
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  /** The scrollbar's scrollTop as last set or seen (see `show`). */
  const barTop = useRef(0);
  const barFrame = useRef(0);
  const size = useCanvasSize(boxRef);
  const [index] = useState(() => new TimelineIndex());
  const view = useRef<ViewState>({ scale: null, scrollTop: 0, hovered: null, layout: null, model: null, length: 0, range: null, drag: null });
  const [innerFollow, setInnerFollow] = useState(false);
  const follow = props.follow ?? innerFollow;
  const [tip, setTip] = useState<{ readonly hit: Hit; readonly x: number; readonly y: number } | null>(null);
  const [classes, setClasses] = useState<readonly string[]>([]);
  // Only for the scrollbar's spacer and visibility; the canvas reads the layout itself.
  const [contentHeight, setContentHeight] = useState(0);
  const [focused, setFocused] = useState(false);

  // What the frame callback and the native wheel listener need, as of the latest render.
  const latest = useRef({ props, model, state, theme, t, size, follow });
  useLayoutEffect(() => {
    latest.current = { props, model, state, theme, t, size, follow };
  });

  const paint = useCallback((): void => {
    const canvas = canvasRef.current;
    const v = view.current;
    const L = latest.current;
    const { width, height, dpr } = L.size;
    if (!canvas || !v.scale || !v.layout || width <= 0 || height <= 0) return;
    const pw = Math.round(width * dpr);
    const ph = Math.round(height * dpr);
    // Resizing the backing store clears it, so only when the size really changed.
    if (canvas.width !== pw || canvas.height !== ph) {
      canvas.width = pw;
      canvas.height = ph;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawTimeline(ctx, {
      width,
      height,
      layout: v.layout,
      index,
      scale: v.scale,
      scrollTop: v.scrollTop,
      model: L.model,
      cursor: L.state,
      theme: L.theme,
      hovered: v.hovered,
      labels: canvasLabels(L.t),
    });
  }, [index]);

  const requestDraw = useCallback((): void => {
    timelineFrames().scheduleFrame(frameKey, paint);
  }, [frameKey, paint]);

  useEffect(
    () => () => {
      timelineFrames().cancelFrame(frameKey);
    },
    [frameKey],
  );

  const setFollow = useCallback((next: boolean): void => {
    setInnerFollow(next);
    latest.current.props.onFollowChange?.(next);
  }, []);

  const lanesHeight = Math.max(0, size.height - theme.axisHeight);

  /** Shows `next`, keeping the scrollbar in step. */
  const show = useCallback(
    (next: View): void => {
      const v = view.current;
      v.scale = next.scale;
      v.scrollTop = next.scrollTop;
      // The scrollbar follows at the start of the next frame, from the position it was last
      // given: reading or writing its scrollTop now would force a layout of whatever this
      // render changed (every frame, while a live trace grows).
      if (Math.abs(barTop.current - next.scrollTop) >= 1) {
        barTop.current = next.scrollTop;
        if (barFrame.current === 0) {
          barFrame.current = requestAnimationFrame(() => {
            barFrame.current = 0;
            if (scrollRef.current) scrollRef.current.scrollTop = barTop.current;
          });
        }
      }
      requestDraw();
    },
    [requestDraw],
  );
  useEffect(() => () => cancelAnimationFrame(barFrame.current), []);

  // The model grew (or is another one), or the theme changed the row sizes: re-index and re-lay out.
  useLayoutEffect(() => {
    const v = view.current;
    index.sync(model);
    v.layout = layoutFromIndex(model.orderedLanes(), index, theme);
    setContentHeight(v.layout.contentHeight);
    const range = traceWindow(model);
    const bounds = boundsFor(range);
    const width = Math.max(1, latest.current.size.width - theme.gutterWidth);
    // A new trace, or the first events of an empty one: show all of it.
    if (!v.scale || v.model !== model || !v.range || v.length === 0) {
      v.scale = TimeScale.of(range, width, bounds).fit(range);
    } else if (follow) {
      // While the whole trace is in view, keep it all in view as it grows; once zoomed in, slide along.
      const showsAll = v.scale.startNs <= v.range.startNs && v.scale.endNs >= v.range.endNs;
      const grown = v.scale.withBounds(bounds);
      v.scale = showsAll ? grown.fit(range) : grown.alignEnd(range.endNs);
    } else {
      v.scale = v.scale.withBounds(bounds);
    }
    v.model = model;
    v.length = model.length;
    v.range = range;
    v.scrollTop = clampScrollTop(v.layout, v.scrollTop, latest.current.size.height - theme.axisHeight);
    const seen = index.classes;
    setClasses((old) => (old.length === seen.length && old.every((c, i) => c === seen[i]) ? old : seen));
    requestDraw();
  }, [model, version, theme, follow, index, requestDraw]);

  // The canvas was resized: same time window over the new width.
  useLayoutEffect(() => {
    const v = view.current;
    if (v.scale) v.scale = v.scale.withWidth(Math.max(1, size.width - theme.gutterWidth));
    if (v.layout) v.scrollTop = clampScrollTop(v.layout, v.scrollTop, size.height - theme.axisHeight);
    requestDraw();
  }, [size, theme, requestDraw]);

  // The cursor moved: redraw its line, the selection and the fading of the future. If it moved
  // somewhere out of sight (stepping, another pane), bring it into view; a click here is in view already.
  const shownCursor = useRef(state.index);
  useEffect(() => {
    const v = view.current;
    const e = state.event;
    if (state.index !== shownCursor.current && e && v.scale && v.layout) {
      const L = latest.current;
      show(revealCursor({ scale: v.scale, scrollTop: v.scrollTop }, v.layout, L.size.height - L.theme.axisHeight, `${e.pid}:${e.tid}`, e.t_ns));
    }
    shownCursor.current = state.index;
    requestDraw();
  }, [state, show, requestDraw]);

  const act = useCallback(
    (action: ViewAction): void => {
      const v = view.current;
      const L = latest.current;
      if (action.kind === 'toggleFollow') {
        setFollow(!L.follow);
        return;
      }
      if (!v.scale || !v.layout) return;
      // Panning away from the newest events means the user wants to look elsewhere.
      if (action.kind === 'pan' && L.follow) setFollow(false);
      show(applyAction({ scale: v.scale, scrollTop: v.scrollTop }, action, v.layout, L.size.height - L.theme.axisHeight, traceWindow(L.model)));
    },
    [setFollow, show],
  );

  // The wheel must be a non-passive native listener, or the page scrolls too.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const onWheel = (e: WheelEvent): void => {
      const action = wheelAction(e, e.offsetX - latest.current.theme.gutterWidth, latest.current.size.height);
      if (!action) return;
      e.preventDefault();
      act(action);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      canvas.removeEventListener('wheel', onWheel);
    };
  }, [act]);

  /** The hit at a point of the canvas (CSS px), if any. */
  const hitAt = useCallback(
    (x: number, y: number): Hit | null => {
      const v = view.current;
      const L = latest.current;
      if (!v.scale || !v.layout || y < L.theme.axisHeight || x < L.theme.gutterWidth) return null;
      return hitTest(
        { layout: v.layout, index, scale: v.scale, nowNs: L.model.timeRange()[1], markerRadius: L.theme.glyph + 3, slop: 3 },
        x - L.theme.gutterWidth,
        y - L.theme.axisHeight + v.scrollTop,
      );
    },
    [index],
  );

  const setHover = (hit: Hit | null, x: number, y: number): void => {
    const v = view.current;
    if (!sameHit(hit, v.hovered)) {
      v.hovered = hit;
      requestDraw();
    }
    const canvas = canvasRef.current;
    if (canvas) canvas.style.cursor = v.drag?.moved ? 'grabbing' : hit ? 'pointer' : 'default';
    setTip(hit ? { hit, x, y } : null);
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>): void => {
    const v = view.current;
    if (e.button !== 0 || !v.scale) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    v.drag = { pointerId: e.pointerId, x: e.nativeEvent.offsetX, y: e.nativeEvent.offsetY, scale: v.scale, scrollTop: v.scrollTop, moved: false };
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>): void => {
    const v = view.current;
    const x = e.nativeEvent.offsetX;
    const y = e.nativeEvent.offsetY;
    const drag = v.drag;
    if (drag?.pointerId === e.pointerId && v.layout) {
      const dx = x - drag.x;
      const dy = y - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < CLICK_SLOP) return;
      if (!drag.moved) {
        drag.moved = true;
        setHover(null, x, y);
        e.currentTarget.style.cursor = 'grabbing';
      }
      if (dx !== 0 && latest.current.follow) setFollow(false);
      const viewport = latest.current.size.height - latest.current.theme.axisHeight;
      show({ scale: drag.scale.pan(dx), scrollTop: clampScrollTop(v.layout, drag.scrollTop - dy, viewport) });
      return;
    }
    setHover(hitAt(x, y), x, y);
  };

  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>): void => {
    const v = view.current;
    const drag = v.drag;
    if (drag?.pointerId !== e.pointerId) return;
    v.drag = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    const x = e.nativeEvent.offsetX;
    const y = e.nativeEvent.offsetY;
    if (!drag.moved) {
      const hit = hitAt(x, y);
      if (hit) onCursor(hitIndex(hit));
    }
    setHover(hitAt(x, y), x, y);
  };

  const onDoubleClick = (e: MouseEvent<HTMLCanvasElement>): void => {
    const hit = hitAt(e.nativeEvent.offsetX, e.nativeEvent.offsetY);
    const v = view.current;
    if (hit?.kind !== 'span' || !v.scale) return;
    // Zoom onto the call: its children become readable.
    const end = hit.span.endNs ?? latest.current.model.timeRange()[1];
    if (latest.current.follow) setFollow(false);
    show({ scale: v.scale.fit({ startNs: hit.span.startNs, endNs: end }, 0.05), scrollTop: v.scrollTop });
  };

  /** Keyboard zoom centres on the cursor line when it is on screen, else on the middle (time-area px). */
  const anchorX = (): number => {
    const v = view.current;
    const timeW = v.scale?.widthPx ?? 1;
    const at = latest.current.state.event?.t_ns;
    const x = v.scale && at !== undefined ? v.scale.x(at) : -1;
    return x >= 0 && x <= timeW ? x : timeW / 2;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.target !== e.currentTarget) return;
    const action = keyAction(e.key, view.current.scale?.widthPx ?? size.width, lanesHeight, anchorX());
    if (!action) return;
    e.preventDefault();
    act(action);
  };

  const onScrollbar = (): void => {
    const bar = scrollRef.current;
    const v = view.current;
    if (!bar) return;
    barTop.current = bar.scrollTop;
    if (!v.layout || Math.abs(bar.scrollTop - v.scrollTop) < 1) return;
    v.scrollTop = clampScrollTop(v.layout, bar.scrollTop, lanesHeight);
    requestDraw();
  };

  // The summary reads the lanes only, so it stays cheap for big traces; `version` says the mutable model changed.
  const summary = useMemo(() => summarize(model, t), [model, version, t]);
  const tooltip = tip ? describeHit(tip.hit, model, t) : null;
  const overflows = contentHeight > lanesHeight;
  const helpId = `${id}-help`;
  const tipId = `${id}-tip`;
  const buttonStyle = { font: 'inherit', padding: '2px 10px', minHeight: Math.round(theme.fontSize * 2), cursor: 'pointer' } as const;

  return (
    <div
      tabIndex={0}
      role="group"
      aria-label={t('label')}
      aria-describedby={helpId}
      aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown + - 0 F"
      onKeyDown={onKeyDown}
      onFocus={() => {
        setFocused(true);
      }}
      onBlur={() => {
        setFocused(false);
      }}
      style={{
        display: 'flex',
        flexDirection: 'column',
        width: '100%',
        height: '100%',
        minHeight: 160,
        outline: focused ? `2px solid ${theme.roleColors.loop}` : 'none',
        outlineOffset: -2,
        font: `${theme.fontSize}px ${theme.fontFamily}`,
        color: theme.headerText,
        background: theme.background,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 6, padding: '4px 6px', flexWrap: 'wrap' }}>
        <button type="button" style={buttonStyle} onClick={() => act({ kind: 'fit' })} aria-keyshortcuts="0">
          {t('fit')}
        </button>
        <button type="button" style={buttonStyle} onClick={() => act({ kind: 'zoom', factor: 1 / KEY_ZOOM, aroundX: anchorX() })} aria-label={t('zoomOut')} title={t('zoomOut')} aria-keyshortcuts="-">
          −
        </button>
        <button type="button" style={buttonStyle} onClick={() => act({ kind: 'zoom', factor: KEY_ZOOM, aroundX: anchorX() })} aria-label={t('zoomIn')} title={t('zoomIn')} aria-keyshortcuts="+">
          +
        </button>
        <button type="button" style={{ ...buttonStyle, fontWeight: follow ? 700 : 400 }} aria-pressed={follow} onClick={() => setFollow(!follow)} aria-keyshortcuts="F">
          {follow ? '● ' : '○ '}
          {t('follow')}
        </button>
        <div style={{ marginLeft: 8, flex: '1 1 300px', fontSize: Math.round(theme.fontSize * 0.92) }}>
          <TimelineLegend classes={classes} theme={theme} raised={t('tip.raised')} />
        </div>
      </div>
      <p id={helpId} style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap', margin: 0 }}>
        {t('help')}
      </p>
      <div ref={boxRef} style={{ position: 'relative', flex: '1 1 auto', minHeight: 0, overflow: 'hidden' }}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={summary}
          aria-describedby={tooltip ? tipId : undefined}
          style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', touchAction: 'none', display: 'block' }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onPointerLeave={() => {
            if (!view.current.drag) setHover(null, 0, 0);
          }}
          onDoubleClick={onDoubleClick}
        />
        <div
          ref={scrollRef}
          onScroll={onScrollbar}
          aria-hidden="true"
          style={{ position: 'absolute', right: 0, top: theme.axisHeight, bottom: 0, width: 14, overflowY: 'scroll', overflowX: 'hidden', visibility: overflows ? 'visible' : 'hidden' }}
        >
          <div style={{ width: 1, height: contentHeight }} />
        </div>
        {tip && tooltip && (
          <TimelineTooltip id={tipId} tip={tooltip} x={tip.x} y={tip.y} width={size.width} height={size.height} theme={theme} hint={t('tip.click')} />
        )}
      </div>
    </div>
  );
}
