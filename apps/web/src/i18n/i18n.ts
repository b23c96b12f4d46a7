/**
 * English and Simplified Chinese. Each component owns a small catalog of its own strings
 * in both languages; socketserver's identifiers (class, method and attribute names) are
 * never translated.
 */
import { createContext, useContext } from 'react';

/** The UI languages. */
export type Lang = 'en' | 'zh-CN';

/** The UI languages, for a switcher. */
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

/** One component's strings, by key, in every language. `{name}` marks a value to fill in. */
export type Catalog<K extends string = string> = Readonly<Record<Lang, Readonly<Record<K, string>>>>;

/** Fills a message's `{name}` slots. */
export type Translate<K extends string = string> = (key: K, vars?: Readonly<Record<string, string | number>>) => string;

/** A translator for one catalog and language. */
export function translator<K extends string>(catalog: Catalog<K>, lang: Lang): Translate<K> {
  return (key, vars) => {
    const text = catalog[lang][key];
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

/** The language the UI shows. */
export const LangContext = createContext<Lang>('en');

const translators = new WeakMap<Catalog, Partial<Record<Lang, Translate>>>();

/**
 * A translator for `catalog` in the current language. It is the same function at every
 * render until the language changes, so what depends on it (memos, effects) does not redo
 * its work for each batch of live events.
 */
export function useT<K extends string>(catalog: Catalog<K>): Translate<K> {
  const lang = useContext(LangContext);
  let byLang = translators.get(catalog);
  if (byLang === undefined) {
    byLang = {};
    translators.set(catalog, byLang);
  }
  const known = byLang[lang] as Translate<K> | undefined;
  if (known !== undefined) return known;
  const made = translator(catalog, lang);
  byLang[lang] = made as Translate;
  return made;
}
