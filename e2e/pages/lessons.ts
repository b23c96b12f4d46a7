/**
 * Page objects for the guided lessons: the list, the player's panel (the note, its question,
 * Next and Previous) and the panes a note lights. Lesson files are read from the web app's
 * public folder, so a journey walks exactly what the app ships.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

/** The lesson languages. */
export type LessonLang = 'en' | 'zh-CN';

/** A lesson text in both languages. */
export type Text = Readonly<Record<LessonLang, string>>;

/** The parts of a lesson file a journey needs. */
export interface LessonFile {
  readonly id: string;
  readonly number: number;
  readonly title: Text;
  readonly steps: ReadonlyArray<{
    readonly note: Text;
    readonly panes: readonly string[];
    readonly question?: { readonly prompt: Text; readonly choices: readonly Text[]; readonly answer: number; readonly explanation: Text };
  }>;
}

const LESSONS = new URL('../../apps/web/public/lessons/', import.meta.url);

/** Every lesson `index.json` lists, in order. */
export function shippedLessons(): LessonFile[] {
  const index = JSON.parse(readFileSync(new URL('index.json', LESSONS), 'utf8')) as Array<{ file: string; number: number }>;
  return [...index]
    .sort((a, b) => a.number - b.number)
    .map((e) => JSON.parse(readFileSync(fileURLToPath(new URL(e.file, LESSONS)), 'utf8')) as LessonFile);
}

/** What the reader sees of a markdown text: without its marks, spaces collapsed. */
export function shown(markdown: string): string {
  return markdown.replace(/\*\*|`/g, '').replace(/\s+/g, ' ').trim();
}

/** The start of a text as shown, cut at a word so that it matches wherever the line wraps. */
export function opening(markdown: string, length = 60): string {
  const text = shown(markdown);
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return space > 20 ? cut.slice(0, space) : cut;
}

/** The Lessons mode: the list and the player. */
export class LessonsPage {
  constructor(readonly page: Page) {}

  /** The card (or the compact row) that opens a lesson. */
  card(id: string): Locator {
    return this.page.locator(`[data-lesson="${id}"]`).first();
  }

  /** The cards of the full list. */
  cards(): Locator {
    return this.page.locator('.lesson-cards [data-lesson]');
  }

  panel(): Locator {
    return this.page.locator('aside.lesson-panel');
  }

  /** The note shown: its text, and where it stops (`at #N · …`). */
  note(): Locator {
    return this.panel().locator('.lesson-note');
  }

  noteText(): Locator {
    return this.note().locator('.lesson-note__text');
  }

  next(): Locator {
    return this.panel().locator('.lesson-nav__next');
  }

  previous(): Locator {
    return this.panel().locator('.lesson-nav .btn').first();
  }

  /** The note buttons (jump to note N). */
  noteButton(n: number): Locator {
    return this.panel().locator('.lesson-steps li').nth(n - 1).getByRole('button');
  }

  question(): Locator {
    return this.panel().locator('fieldset.lesson-q');
  }

  choice(i: number): Locator {
    return this.question().locator(`[data-choice="${i}"]`);
  }

  done(): Locator {
    return this.panel().locator('.lesson-done');
  }

  /** The panes lit now (their `data-pane`), sorted, each once. */
  async litPanes(): Promise<string[]> {
    const panes = await Promise.all((await this.page.locator('[data-lit]').all()).map(async (el) => (await el.getAttribute('data-pane')) ?? '?'));
    return [...new Set(panes)].sort();
  }

  /** The seq of the note's event (`at #42`), or null when it has none. */
  async noteSeq(): Promise<number | null> {
    const text = (await this.note().locator('.lesson-note__event').textContent()) ?? '';
    const m = /#(\d+)/.exec(text);
    return m ? Number(m[1]) : null;
  }

  /** The seq at the replay's cursor (`#42` in the bar). */
  async cursorSeq(): Promise<number | null> {
    const text = (await this.page.getByRole('toolbar', { name: 'replay' }).locator('.bar__pos b').textContent()) ?? '';
    const m = /#(\d+)/.exec(text);
    return m ? Number(m[1]) : null;
  }

  /**
   * Checks the note shown is note `n` (from 1) of `lesson`: its text, the panes it names lit,
   * and the replay's cursor on its event.
   */
  async expectNote(lesson: LessonFile, n: number, lang: LessonLang): Promise<void> {
    const step = lesson.steps[n - 1];
    if (!step) throw new Error(`${lesson.id} has no note ${n}`);
    await expect(this.note()).toHaveAttribute('data-step', String(n - 1));
    await expect(this.noteText()).toContainText(opening(step.note[lang]));
    await expect.poll(() => this.litPanes(), { message: `${lesson.id} note ${n}: the lit panes` }).toEqual([...new Set(step.panes)].sort());
    await expect.poll(async () => (await this.cursorSeq()) === (await this.noteSeq()), { message: `${lesson.id} note ${n}: the cursor at the note's event` }).toBe(true);
  }

  /** Answers the shown note's question: a wrong choice first when `tryWrong`, then the right one. */
  async answer(lesson: LessonFile, n: number, lang: LessonLang, tryWrong = false): Promise<void> {
    const question = lesson.steps[n - 1]?.question;
    if (!question) return;
    await expect(this.question()).toContainText(opening(question.prompt[lang], 30));
    await expect(this.next()).toBeDisabled();
    if (tryWrong) {
      const wrong = question.answer === 0 ? 1 : 0;
      await this.choice(wrong).click();
      await expect(this.choice(wrong)).toHaveAttribute('data-state', 'wrong');
      await expect(this.next()).toBeDisabled();
    }
    await this.choice(question.answer).click();
    await expect(this.choice(question.answer)).toHaveAttribute('data-state', 'right');
    await expect(this.question()).toContainText(opening(question.explanation[lang], 30));
    await expect(this.next()).toBeEnabled();
  }

  /** Walks every note of the open lesson with Next, answering each question, to the end. */
  async walk(lesson: LessonFile, lang: LessonLang, options: { readonly tryWrong?: boolean } = {}): Promise<void> {
    for (let n = 1; n <= lesson.steps.length; n++) {
      await this.expectNote(lesson, n, lang);
      await this.answer(lesson, n, lang, options.tryWrong === true && n === lesson.steps.findIndex((s) => s.question) + 1);
      await this.next().click();
    }
    await expect(this.done()).toBeVisible();
    expect(await this.litPanes()).toEqual([]);
  }
}
