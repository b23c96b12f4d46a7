/**
 * The class hierarchy, drawn with d3: bases above subclasses, the classes of the MRO outlined
 * and numbered in MRO order, the class providing the running method lit, with the method's
 * name under it.
 */
import { curveBumpY, line, select } from 'd3';
import { useEffect, useId, useRef } from 'react';
import { cx } from '../pane-common.js';
import type { ClassMark, GraphLayout, PlacedEdge, PlacedNode } from './mro.js';

/** Props of ClassGraph. */
export interface ClassGraphProps {
  readonly layout: GraphLayout;
  /** The MRO to outline and number (its first class is the lab's class). */
  readonly mro: readonly string[];
  readonly marks: ReadonlyMap<string, ClassMark>;
  /** The method to name under the providing class, if any. */
  readonly method: string | null;
  /** The accessible name of the drawing. */
  readonly label: string;
  /** Tooltip text of a class: its MRO position, when it has one. */
  readonly describe: (name: string, position: number | null) => string;
  /** The most the drawing is enlarged (1 = a 12 px name at 12 px). */
  readonly maxScale: number;
}

const PAD = 18;
const curve = line<readonly [number, number]>()
  .x((p) => p[0])
  .y((p) => p[1])
  .curve(curveBumpY);

/** A polyline with its corners rounded (radius `r`). */
function rounded(points: ReadonlyArray<readonly [number, number]>, r = 7): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M${first[0]},${first[1]}`;
  rest.forEach((p, i) => {
    const prev = points[i] ?? p;
    const next = rest[i + 1];
    if (!next) {
      d += `L${p[0]},${p[1]}`;
      return;
    }
    const into = Math.min(r, Math.hypot(p[0] - prev[0], p[1] - prev[1]) / 2);
    const out = Math.min(r, Math.hypot(next[0] - p[0], next[1] - p[1]) / 2);
    const a = towards(p, prev, into);
    const b = towards(p, next, out);
    d += `L${a[0]},${a[1]}Q${p[0]},${p[1]} ${b[0]},${b[1]}`;
  });
  return d;
}

function towards(from: readonly [number, number], to: readonly [number, number], dist: number): [number, number] {
  const len = Math.hypot(to[0] - from[0], to[1] - from[1]) || 1;
  return [from[0] + ((to[0] - from[0]) * dist) / len, from[1] + ((to[1] - from[1]) * dist) / len];
}

const path = (e: PlacedEdge): string => (e.shape === 'comb' ? rounded(e.points) : (curve(e.points) ?? ''));

/** The SVG drawing of the hierarchy. */
export function ClassGraph({ layout, mro, marks, method, label, describe, maxScale }: ClassGraphProps) {
  const ref = useRef<SVGSVGElement>(null);
  const arrowId = `ss-mro-arrow-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;

  // The drawing is built when the hierarchy changes; the cursor's marks (which change with
  // nearly every event while a live lab runs) then only touch what differs: rewriting equal
  // text and geometry still dirties the SVG's layout and paint in every frame.
  useEffect(() => {
    const svg = ref.current;
    if (svg) drawGraph(svg, layout, mro, arrowId, describe);
  }, [layout, mro, arrowId, describe]);
  useEffect(() => {
    const svg = ref.current;
    if (svg) markGraph(svg, mro, marks, method);
    // After every redraw too: a rebuilt drawing starts unmarked.
  }, [layout, mro, marks, method, arrowId, describe]);

  return (
    <svg
      ref={ref}
      className="ss-mro-graph"
      role="img"
      aria-label={label}
      viewBox={`${layout.minX - PAD} ${-PAD} ${layout.width + 2 * PAD} ${layout.height + 2 * PAD + 12}`}
      preserveAspectRatio="xMidYMin meet"
      // Never so small that names are unreadable (the figure scrolls), never blown up past maxScale.
      style={{ minWidth: (layout.width + 2 * PAD) * 0.85, maxWidth: (layout.width + 2 * PAD) * maxScale }}
    />
  );
}

function positionIn(mro: readonly string[], name: string): number | null {
  const i = mro.indexOf(name);
  return i < 0 ? null : i + 1;
}

/** Builds the hierarchy's edges and boxes (what the marks do not change). */
function drawGraph(svg: SVGSVGElement, layout: GraphLayout, mro: readonly string[], arrowId: string, describe: ClassGraphProps['describe']): void {
  const inMro = (name: string) => positionIn(mro, name) !== null;
  const root = select(svg);

  root
    .selectAll('defs')
    .data([0])
    .join('defs')
    .selectAll('marker')
    .data([0])
    .join('marker')
    .attr('id', arrowId)
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 9)
    .attr('refY', 5)
    .attr('markerUnits', 'userSpaceOnUse')
    .attr('markerWidth', 11)
    .attr('markerHeight', 11)
    .attr('orient', 'auto-start-reverse')
    .selectAll('path')
    .data([0])
    .join('path')
    .attr('class', 'ss-mro-arrow')
    .attr('d', 'M1,1 L9,5 L1,9 z');

  // Edges: subclass → base, ending in a hollow triangle at the base (UML's generalization).
  root
    .selectAll('g.ss-mro-edges')
    .data([0])
    .join('g')
    .attr('class', 'ss-mro-edges')
    .selectAll<SVGPathElement, PlacedEdge>('path')
    .data(layout.edges, (e) => `${e.sub}>${e.base}`)
    .join('path')
    // The MRO's edges are drawn last, over the others.
    .sort((a, b) => Number(inMro(a.sub) && inMro(a.base)) - Number(inMro(b.sub) && inMro(b.base)))
    .attr('d', path)
    .attr('marker-end', `url(#${arrowId})`)
    .attr('class', (e) => cx('ss-mro-edge', inMro(e.sub) && inMro(e.base) && 'ss-mro-edge--mro'));

  const nodes = root
    .selectAll('g.ss-mro-nodes')
    .data([0])
    .join('g')
    .attr('class', 'ss-mro-nodes')
    .selectAll<SVGGElement, PlacedNode>('g.ss-mro-node')
    .data(layout.nodes, (n) => n.name)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'ss-mro-node');
      g.append('title');
      g.append('rect').attr('class', 'ss-mro-box');
      g.append('text').attr('class', 'ss-mro-name');
      const badge = g.append('g').attr('class', 'ss-mro-badge');
      badge.append('circle');
      badge.append('text');
      const tag = g.append('g').attr('class', 'ss-mro-tag');
      tag.append('rect');
      tag.append('text');
      return g;
    })
    .attr('transform', (n) => `translate(${n.x},${n.y})`);
  nodes.select('title').text((n) => describe(n.name, positionIn(mro, n.name)));
  nodes
    .select('rect.ss-mro-box')
    .attr('x', (n) => -n.width / 2)
    .attr('y', (n) => -n.height / 2)
    .attr('width', (n) => n.width)
    .attr('height', (n) => n.height)
    .attr('rx', 5);
  nodes.select('text.ss-mro-name').attr('dy', '0.35em').attr('text-anchor', 'middle').text((n) => n.name);
  const badges = nodes
    .select('g.ss-mro-badge')
    .attr('transform', (n) => `translate(${n.width / 2},${-n.height / 2})`)
    .attr('display', (n) => (inMro(n.name) ? null : 'none'));
  badges.select('circle').attr('r', 8.5);
  badges
    .select('text')
    .attr('dy', '0.35em')
    .attr('text-anchor', 'middle')
    .text((n) => String(positionIn(mro, n.name) ?? ''));
  nodes.select('g.ss-mro-tag').attr('transform', (n) => `translate(0,${n.height / 2 + 11})`);
  nodes.select('g.ss-mro-tag rect').attr('y', -8).attr('height', 16).attr('rx', 8);
  nodes.select('g.ss-mro-tag text').attr('dy', '0.35em').attr('text-anchor', 'middle');
}

/** Lights the classes the cursor's method marks and names the method under its provider. */
function markGraph(svg: SVGSVGElement, mro: readonly string[], marks: ReadonlyMap<string, ClassMark>, method: string | null): void {
  const tagWidth = (method?.length ?? 0) * 6.4 + 12;
  select(svg)
    .selectAll<SVGGElement, PlacedNode>('g.ss-mro-node')
    .each(function mark(n) {
      setIfChanged(this, 'class', cx('ss-mro-node', positionIn(mro, n.name) !== null && 'ss-mro-node--mro', !n.module && 'ss-mro-node--lab', `ss-mro-node--${marks.get(n.name) ?? 'none'}`));
      const tag = this.querySelector('g.ss-mro-tag');
      if (!tag) return;
      const shown = method !== null && marks.get(n.name) === 'provider';
      setIfChanged(tag, 'display', shown ? null : 'none');
      if (!shown) return;
      const rect = tag.querySelector('rect');
      if (rect) {
        setIfChanged(rect, 'x', String(-tagWidth / 2));
        setIfChanged(rect, 'width', String(tagWidth));
      }
      const text = tag.querySelector('text');
      if (text && text.textContent !== method) text.textContent = method;
    });
}

/** Sets (or removes, for null) an attribute only when its value differs. */
function setIfChanged(el: Element, name: string, value: string | null): void {
  if (el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}
