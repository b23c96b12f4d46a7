/**
 * The guided lessons (issue 7): every shipped lesson walked note by note in English in the
 * live app and in Chinese in the static build, the language switch, the keys, resuming. The lesson files are
 * read from the web app's public folder, so each note, question and lit pane is checked
 * against what ships.
 */
import { expect, test, type Page } from '@playwright/test';
import { STATIC_URL, TOKEN } from '../playwright.config.js';
import { LessonsPage, opening, shippedLessons } from '../pages/lessons.js';
import { TimelinePane, TopBar } from '../pages/sockscope.js';

const lessons = shippedLessons();

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

test.describe('lessons', () => {
  // A fresh browser context per test: no progress saved by another test.
  test.use({ reducedMotion: 'reduce' });

  test('L1 every lesson plays to its end in English: each note, its lit panes, the cursor on its event, its questions', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('./?lang=en');
    // The live lab's start screen lists the lessons; key 4 opens the full list.
    await expect(page.locator('.lesson-list--compact [data-lesson]')).toHaveCount(lessons.length);
    await page.keyboard.press('4');
    await expect(new TopBar(page).mode('Lessons')).toHaveAttribute('aria-pressed', 'true');
    const player = new LessonsPage(page);
    await expect(player.cards()).toHaveCount(lessons.length);
    for (const lesson of lessons) {
      await expect(player.card(lesson.id)).toContainText(opening(lesson.title.en, 30));
    }
    await shot(page, 'l1-list');
    for (const [i, lesson] of lessons.entries()) {
      await player.card(lesson.id).click();
      await expect(player.panel()).toContainText(`Lesson ${lesson.number}`);
      await player.walk(lesson, 'en', { tryWrong: i === 0 });
      if (i === 0) await shot(page, 'l1-done');
      // Back to the list, where the lesson now says it is done.
      await page.keyboard.press('Escape');
      await expect(player.card(lesson.id)).toContainText('Done');
    }
  });

  test('L2 a lesson in Chinese from start to end; the language switch changes the note at once', async ({ page }) => {
    const lesson = lessons[2] ?? lessons[0];
    if (!lesson) throw new Error('no lessons shipped');
    await page.goto(`./?lang=zh-CN#lesson=${lesson.id}`);
    const player = new LessonsPage(page);
    await expect(player.panel()).toContainText(`第 ${lesson.number} 课`);
    await expect(player.panel()).toContainText(opening(lesson.title['zh-CN'], 12));
    await player.walk(lesson, 'zh-CN');
    await expect(player.done()).toContainText('本课完成');
    await player.previous().click();
    await new TopBar(page).language('English');
    const last = lesson.steps.at(-1);
    await expect(player.noteText()).toContainText(opening(last?.note.en ?? ''));
    await new TopBar(page).language('简体中文');
    await expect(player.noteText()).toContainText(opening(last?.note['zh-CN'] ?? '', 20));
    await page.getByRole('button', { name: /演示模式|Presenter mode/ }).click();
    await shot(page, 'l2-zh-presenter');
  });

  test('L3 keys, jumping to a note, resuming after a reload, starting over', async ({ page }) => {
    const lesson = lessons.find((l) => l.steps.findIndex((s) => s.question) >= 2) ?? lessons[0];
    if (!lesson) throw new Error('no lessons shipped');
    const asks = lesson.steps.findIndex((s) => s.question);
    await page.goto(`./?lang=en#lesson=${lesson.id}`);
    const player = new LessonsPage(page);
    await player.expectNote(lesson, 1, 'en');
    // → goes on, ← goes back.
    await page.keyboard.press('ArrowRight');
    await player.expectNote(lesson, 2, 'en');
    await page.keyboard.press('ArrowLeft');
    await player.expectNote(lesson, 1, 'en');
    // The notes after an open question cannot be jumped to; the question itself can.
    if (asks >= 0 && asks + 2 <= lesson.steps.length) {
      await expect(player.noteButton(asks + 2)).toBeDisabled();
      await player.noteButton(asks + 1).click();
      await player.expectNote(lesson, asks + 1, 'en');
      await page.keyboard.press('n');
      await player.expectNote(lesson, asks + 1, 'en');
      // A–F answer: the right one by its key.
      const question = lesson.steps[asks]?.question;
      await page.keyboard.press('abcdef'[question?.answer ?? 0] ?? 'a');
      await expect(player.choice(question?.answer ?? 0)).toHaveAttribute('data-state', 'right');
      await page.keyboard.press('PageDown');
      await player.expectNote(lesson, asks + 2, 'en');
    }
    // A reload resumes at the same note, with the answer kept.
    const at = Number(await player.note().getAttribute('data-step')) + 1;
    await page.reload();
    await player.expectNote(lesson, at, 'en');
    if (asks >= 0) await expect(player.noteButton(asks + 1)).toBeEnabled();
    // Esc leaves for the list, which offers to resume.
    await page.keyboard.press('Escape');
    await expect(player.card(lesson.id)).toContainText(`Resume at note ${at}`);
    await player.card(lesson.id).click();
    await player.expectNote(lesson, at, 'en');
    await player.panel().getByRole('button', { name: /Start over/ }).click();
    await player.expectNote(lesson, 1, 'en');
    if (asks + 2 <= lesson.steps.length && asks >= 0) await expect(player.noteButton(asks + 2)).toBeDisabled();
  });

  test('L4 the note runs the cursor to its event (with motion), and "Explore in Replay" keeps the recording and the cursor', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'no-preference' });
    const page = await context.newPage();
    const lesson = lessons[0];
    if (!lesson) throw new Error('no lessons shipped');
    await page.goto(`./?lang=en#lesson=${lesson.id}`);
    const player = new LessonsPage(page);
    await player.expectNote(lesson, 1, 'en');
    await player.next().click();
    await player.expectNote(lesson, 2, 'en');
    const seq = await player.cursorSeq();
    await player.panel().getByRole('button', { name: 'Explore in Replay' }).click();
    await expect(new TopBar(page).mode('Replay')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText(`${lesson.id}.jsonl`).first()).toBeVisible();
    expect(await player.cursorSeq()).toBe(seq);
    await page.keyboard.press('4');
    await player.expectNote(lesson, 2, 'en');
    await context.close();
  });

  test('L5 the live lab: a lesson lighting the MRO playground opens the lab form on its bases, lit; the lesson runs live', async ({ page }) => {
    const lesson = lessons.find((l) => l.steps.some((s) => s.panes.includes('playground')));
    test.skip(!lesson, 'no lesson lights the playground');
    if (!lesson) return;
    await page.goto(`./?token=${TOKEN}&lang=en#lesson=${lesson.id}`);
    const player = new LessonsPage(page);
    await expect(page.getByText('Presenter').first()).toBeVisible();
    const n = lesson.steps.findIndex((s) => s.panes.includes('playground')) + 1;
    await player.noteButton(n).click();
    await player.expectNote(lesson, n, 'en');
    await player.panel().getByRole('button', { name: 'Open the MRO playground' }).click();
    await expect(new TopBar(page).mode('Live lab')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.side-details[data-lit]')).toBeVisible();
    await expect(page.getByRole('textbox', { name: /Bases, in order/ })).not.toHaveValue('');
    await shot(page, 'l5-playground');
    // "Run this lesson live": the lesson's scenario as a lab, its clients spawned, shown in the live lab.
    await page.keyboard.press('4');
    await player.panel().getByRole('button', { name: /Run this lesson live/ }).click();
    await expect(new TopBar(page).mode('Live lab')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => new TimelinePane(page).lanes('client'), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot(page, 'l5-run-live');
    await page.getByRole('button', { name: 'server_close() and remove' }).first().click();
    await expect(page.getByRole('button', { name: 'server_close() and remove' })).toHaveCount(0);
  });

  test('L6 the static build lists the lessons and plays them without a runtime', async ({ page }) => {
    await page.goto(`${STATIC_URL}?lang=en`);
    const player = new LessonsPage(page);
    // Its first screen is the list.
    await expect(player.cards()).toHaveCount(lessons.length);
    await expect(page.getByRole('navigation', { name: 'Mode' }).getByRole('button')).toHaveText(['Replay', 'Compare', 'Lessons']);
    await shot(page, 'l6-static-list');
    const lesson = lessons[0];
    if (!lesson) throw new Error('no lessons shipped');
    await player.card(lesson.id).click();
    await player.expectNote(lesson, 1, 'en');
    await player.next().click();
    await player.expectNote(lesson, 2, 'en');
    // The playground is the live lab's: the static build says so.
    const playground = lessons.find((l) => l.steps.some((s) => s.panes.includes('playground')));
    if (playground) {
      await page.goto(`${STATIC_URL}?lang=zh-CN#lesson=${playground.id}`);
      const n = playground.steps.findIndex((s) => s.panes.includes('playground')) + 1;
      await player.noteButton(n).click();
      await player.expectNote(playground, n, 'zh-CN');
      await expect(player.panel().locator('.lesson-playground[data-lit]')).toContainText('MRO 演练场是实时实验的一部分');
      await shot(page, 'l6-static-playground-zh');
    }
  });

  test('L7 every lesson plays to its end in Chinese in the static build (no runtime)', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`${STATIC_URL}?lang=zh-CN`);
    const player = new LessonsPage(page);
    await expect(player.cards()).toHaveCount(lessons.length);
    for (const lesson of lessons) {
      await player.card(lesson.id).click();
      await expect(player.panel()).toContainText(`第 ${lesson.number} 课`);
      await player.walk(lesson, 'zh-CN');
      await expect(player.done()).toContainText('本课完成');
      await page.keyboard.press('Escape');
      await expect(player.cards()).toHaveCount(lessons.length);
    }
  });
});
