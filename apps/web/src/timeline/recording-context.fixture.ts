/**
 * A stand-in for CanvasRenderingContext2D in Node tests: it records the rectangles and texts
 * drawn (with the fill style and alpha at the time) and ignores the rest.
 */

/** One recorded fill. */
export interface RecordedRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill: string;
  readonly alpha: number;
}

/** One recorded text. */
export interface RecordedText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly fill: string;
  readonly font: string;
}

/** A recording 2D context. Use `.ctx` where a CanvasRenderingContext2D is expected. */
export class RecordingContext {
  readonly rects: RecordedRect[] = [];
  readonly texts: RecordedText[] = [];
  fillStyle = '#000';
  strokeStyle = '#000';
  lineWidth = 1;
  globalAlpha = 1;
  font = '10px sans-serif';
  textBaseline = 'alphabetic';

  /** This object typed as a canvas context (it implements what draw.ts calls). */
  get ctx(): CanvasRenderingContext2D {
    return this as unknown as CanvasRenderingContext2D;
  }

  /** The current translation (draw.ts only translates, never scales). */
  #tx = 0;
  #ty = 0;
  readonly #saved: Array<readonly [number, number]> = [];

  fillRect(x: number, y: number, w: number, h: number): void {
    this.rects.push({ x: x + this.#tx, y: y + this.#ty, w, h, fill: this.fillStyle, alpha: this.globalAlpha });
  }

  fillText(text: string, x: number, y: number): void {
    this.texts.push({ text, x: x + this.#tx, y: y + this.#ty, fill: this.fillStyle, font: this.font });
  }

  translate(x: number, y: number): void {
    this.#tx += x;
    this.#ty += y;
  }

  save(): void {
    this.#saved.push([this.#tx, this.#ty]);
  }

  restore(): void {
    [this.#tx, this.#ty] = this.#saved.pop() ?? [0, 0];
  }

  measureText(text: string): { width: number } {
    const size = Number(/(\d+)px/.exec(this.font)?.[1] ?? 10);
    return { width: text.length * size * 0.6 };
  }

  beginPath(): void {}
  closePath(): void {}
  clip(): void {}
  rect(): void {}
  moveTo(): void {}
  lineTo(): void {}
  arc(): void {}
  arcTo(): void {}
  bezierCurveTo(): void {}
  fill(): void {}
  stroke(): void {}
  strokeRect(): void {}
  setLineDash(): void {}
}
