/**
 * A shipped scenario's description in the reader's language: each scenario file carries
 * its own `description` and `description_zh` (apps/runtime/scenarios/*.json), and the
 * runtime sends both.
 */
import type { ScenarioInfo } from '@sockscope/core/trace';
import type { Lang } from '../../i18n/i18n.js';

/** A scenario's description in `lang`: the Chinese when the scenario has one, else the English. */
export function scenarioDescription(info: ScenarioInfo, lang: Lang): string {
  return lang === 'zh-CN' && info.description_zh !== '' ? info.description_zh : info.description;
}
