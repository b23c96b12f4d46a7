/**
 * A note's question: the choices (keys A–F), each wrong pick marked and kept, and once the
 * right one is picked, why it is right. The lesson goes on only after that.
 */
import type { LessonQuestion as Question } from '@sockscope/core/trace';
import { useContext } from 'react';
import { LangContext, useT, type Catalog } from '../../i18n/i18n.js';
import { ANSWER_KEYS } from '../../machines/keyboard.js';
import { localized } from './lesson-text.js';
import { InlineMarkdown, Markdown } from './Markdown.js';

const TEXT: Catalog<'question' | 'wrong' | 'right' | 'rightAfter' | 'marked' | 'correct'> = {
  en: {
    question: 'Question',
    wrong: 'Not quite. Try another answer.',
    right: 'Right!',
    rightAfter: 'Right, now.',
    marked: 'not this one',
    correct: 'the answer',
  },
  'zh-CN': {
    question: '问题',
    wrong: '不太对，再试试别的答案。',
    right: '答对了！',
    rightAfter: '这次答对了。',
    marked: '不是这个',
    correct: '正确答案',
  },
};

/** The question's props. */
export interface LessonQuestionProps {
  readonly question: Question;
  /** The choices tried, in order. */
  readonly picks: readonly number[];
  readonly solved: boolean;
  readonly onAnswer: (choice: number) => void;
}

/** The question. */
export function LessonQuestion({ question, picks, solved, onAnswer }: LessonQuestionProps) {
  const t = useT(TEXT);
  const lang = useContext(LangContext);
  const lastWrong = !solved && picks.length > 0;
  return (
    <fieldset className={`lesson-q${solved ? ' lesson-q--solved' : ''}`}>
      <legend>{t('question')}</legend>
      <div className="lesson-q__prompt">
        <InlineMarkdown source={localized(question.prompt, lang)} />
      </div>
      <ol className="lesson-q__choices">
        {question.choices.map((choice, i) => {
          const tried = picks.includes(i);
          const right = i === question.answer;
          const state = tried ? (right ? 'right' : 'wrong') : solved ? 'idle' : 'open';
          return (
            <li key={i}>
              <button
                type="button"
                className={`lesson-q__choice lesson-q__choice--${state}`}
                disabled={solved || tried}
                aria-keyshortcuts={ANSWER_KEYS[i]}
                data-choice={i}
                data-state={state}
                onClick={() => onAnswer(i)}
              >
                <span className="lesson-q__key" aria-hidden="true">
                  {(ANSWER_KEYS[i] ?? '').toUpperCase()}
                </span>
                <InlineMarkdown source={localized(choice, lang)} className="lesson-q__text" />
                {state === 'wrong' && (
                  <span className="lesson-q__mark" aria-label={t('marked')}>
                    ✗
                  </span>
                )}
                {state === 'right' && (
                  <span className="lesson-q__mark" aria-label={t('correct')}>
                    ✓
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
      <div role="status" className="lesson-q__feedback">
        {lastWrong && <p className="lesson-q__wrong">{t('wrong')}</p>}
        {solved && (
          <div className="lesson-q__explain">
            <strong>{picks[0] === question.answer ? t('right') : t('rightAfter')}</strong>
            <Markdown source={localized(question.explanation, lang)} />
          </div>
        )}
      </div>
    </fieldset>
  );
}
