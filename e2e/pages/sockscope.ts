/**
 * Page objects for the sockscope app: what a journey does (start a lab, spawn clients,
 * step, replay a file) in the words of the UI, so the journeys read like the lesson.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The top bar, the language and presenter switches. */
export class TopBar {
  constructor(readonly page: Page) {}

  mode(name: 'Live lab' | 'Replay' | 'Compare' | 'Lessons'): Locator {
    return this.page.getByRole('navigation', { name: /^(Mode|模式)$/ }).getByRole('button', { name });
  }

  async language(lang: 'English' | '简体中文'): Promise<void> {
    const name = lang === 'English' ? 'EN' : lang;
    await this.page.getByRole('group', { name: /Language|语言/ }).getByRole('button', { name, exact: true }).click();
  }
}

/** The timeline canvas, read through its accessible summary. */
export class TimelinePane {
  constructor(readonly page: Page) {}

  get canvas(): Locator {
    return this.page.locator('canvas[role="img"]').first();
  }

  /** The number of lanes of a role in the timeline's summary (e.g. "worker thread: 3"). */
  async lanes(role: string): Promise<number> {
    const label = (await this.canvas.getAttribute('aria-label')) ?? '';
    return Number(new RegExp(`${role}: (\\d+)`).exec(label)?.[1] ?? 0);
  }
}

/** The live lab panel and the step-through bar. */
export class LiveLab {
  constructor(readonly page: Page) {}

  /** Picks the implementation that runs the next lab. */
  async backend(name: 'TypeScript port' | 'CPython'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'Runs on' }).getByRole('radio', { name: name === 'CPython' ? /^CPython/ : name }).click();
  }

  /** The badge that says which backend runs the watched lab. */
  backendBadge(): Locator {
    return this.page.locator('.lab-card [data-backend]').first();
  }

  async start(serverClass: string, handler: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Server class' }).selectOption(serverClass);
    await this.handler(handler);
    await this.page.getByRole('button', { name: 'Start the lab' }).click();
    await expect(this.page.getByText('serving').first()).toBeVisible();
  }

  async handler(handler: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Request handler' }).selectOption(handler);
  }

  /** Types the bases of a class, as in `class CustomServer(*bases)`. */
  async bases(bases: readonly string[]): Promise<void> {
    await this.page.getByRole('radio', { name: 'Build from bases' }).check();
    const input = this.page.getByRole('textbox', { name: /Bases, in order/ });
    await input.fill(bases.join(', '));
  }

  async startBuilt(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start the lab' }).click();
    await expect(this.page.getByText('serving').first()).toBeVisible();
  }

  async spawnClients(): Promise<void> {
    await this.page.getByRole('button', { name: /^Spawn \d+ clients$/ }).click();
  }

  stepBar(): Locator {
    return this.page.getByRole('toolbar', { name: 'step-through' });
  }

  async pause(): Promise<void> {
    await this.stepBar().getByRole('button', { name: 'Pause' }).click();
  }

  async step(): Promise<void> {
    await this.stepBar().getByRole('button', { name: 'Step' }).click();
  }

  async resume(): Promise<void> {
    await this.stepBar().getByRole('button', { name: 'Continue' }).click();
  }

  /** The step-through state as the bar says it (LIVE / PAUSED at #… / STEPPING). */
  async state(): Promise<string> {
    return (await this.stepBar().locator('[title], span').first().textContent()) ?? '';
  }
}

/** Replay mode: open files, step, scrub. */
export class Replay {
  constructor(readonly page: Page) {}

  toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'replay' });
  }

  async stepForward(n: number): Promise<void> {
    for (let i = 0; i < n; i++) await this.toolbar().getByRole('button', { name: /Step forward/ }).click();
  }

  async stepBack(n: number): Promise<void> {
    for (let i = 0; i < n; i++) await this.toolbar().getByRole('button', { name: /Step back/ }).click();
  }

  async position(): Promise<string> {
    return (await this.toolbar().getByText(/event \d+ of \d+/).textContent()) ?? '';
  }

  async open(path: string): Promise<void> {
    await this.page.locator('input[type="file"]').first().setInputFiles(path);
  }
}

/** The workspace's source pane: the port's TypeScript and CPython's own source. */
export class SourcePane {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Source' }).click();
  }

  get pane(): Locator {
    return this.page.getByRole('region', { name: 'Source' });
  }

  /** The CPython column (named after the CPython that the runtime found). */
  get cpython(): Locator {
    return this.pane.locator('.ss-source-col--cpython');
  }

  get port(): Locator {
    return this.pane.locator('.ss-source-col--port');
  }
}

/** Compare mode: a scenario run on both backends, or two trace files, side by side. */
export class Compare {
  constructor(readonly page: Page) {}

  toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'compare' });
  }

  async pick(scenario: string): Promise<void> {
    await this.toolbar().getByRole('combobox', { name: 'Scenario' }).selectOption(scenario);
  }

  runButton(): Locator {
    return this.toolbar().getByRole('button', { name: 'Run on both' });
  }

  /** The verdict line: "Identical canonical forms" or "N lines differ". */
  verdict(): Locator {
    return this.page.locator('.compare__verdict');
  }

  column(side: 'left' | 'right'): Locator {
    return this.page.getByRole('region', { name: side === 'left' ? 'Left column' : 'Right column' });
  }

  /** Opens a trace file into one column. */
  async open(side: 'left' | 'right', path: string): Promise<void> {
    await this.column(side).locator('input[type="file"]').setInputFiles(path);
  }

  /** The canonical forms' rows that differ. */
  differingRows(): Locator {
    return this.page.locator('.canon-row--diff');
  }
}
