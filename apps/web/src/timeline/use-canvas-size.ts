/**
 * The CSS size of an element (ResizeObserver) and the device pixel ratio (which changes when
 * the window moves to another screen or the page is zoomed), for sizing a canvas backing store.
 */
import { useEffect, useState, type RefObject } from 'react';

/** An element's content size in CSS px, and the device pixel ratio. */
export interface CanvasSize {
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
}

/** The size of `ref`'s element, updated as it resizes. */
export function useCanvasSize(ref: RefObject<HTMLElement | null>): CanvasSize {
  const [size, setSize] = useState<CanvasSize>({ width: 0, height: 0, dpr: 1 });

  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const update = (width: number, height: number): void => {
      const dpr = window.devicePixelRatio || 1;
      setSize((old) => (old.width === width && old.height === height && old.dpr === dpr ? old : { width, height, dpr }));
    };
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) update(Math.floor(box.width), Math.floor(box.height));
    });
    observer.observe(el);
    const rect = el.getBoundingClientRect();
    update(Math.floor(rect.width), Math.floor(rect.height));

    // A media query that stops matching when the ratio changes; re-armed after each change.
    let query: MediaQueryList | null = null;
    const onRatio = (): void => {
      query?.removeEventListener('change', onRatio);
      const r = el.getBoundingClientRect();
      update(Math.floor(r.width), Math.floor(r.height));
      query = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      query.addEventListener('change', onRatio);
    };
    onRatio();
    return () => {
      observer.disconnect();
      query?.removeEventListener('change', onRatio);
    };
  }, [ref]);

  return size;
}
