/**
 * The bundled lessons, read once when first wanted: the index, then every lesson file (the
 * list shows each one's summary and number of notes). A lesson that does not open is listed
 * with its error; the others still play.
 */
import type { Lesson, LessonIndexEntry } from '@sockscope/core/trace';
import { useEffect, useRef, useState } from 'react';
import { fetchLesson, fetchLessonIndex } from '../../transport/lesson-files.js';

/** One lesson of the list: its index entry, and the lesson once read (or why it could not be). */
export interface CatalogEntry {
  readonly entry: LessonIndexEntry;
  readonly lesson: Lesson | null;
  readonly error: string | null;
}

/** The lessons as far as they are read. */
export interface LessonCatalog {
  readonly entries: readonly CatalogEntry[];
  /** The index has been read (or failed). */
  readonly loaded: boolean;
  /** Why the index could not be read. */
  readonly error: string | null;
}

/** A lesson's id from its file name (`01-sync-tcp-server.json` → `01-sync-tcp-server`). */
export function lessonIdOf(entry: Pick<LessonIndexEntry, 'file'>): string {
  return entry.file.replace(/\.json$/, '');
}

/** The catalog entry of a lesson id, if listed. */
export function findLesson(catalog: LessonCatalog, id: string): CatalogEntry | undefined {
  return catalog.entries.find((e) => lessonIdOf(e.entry) === id);
}

const EMPTY: LessonCatalog = { entries: [], loaded: false, error: null };

/** Reads the lessons the first time `wanted` is true; keeps them after. */
export function useLessonCatalog(wanted: boolean): LessonCatalog {
  const [catalog, setCatalog] = useState<LessonCatalog>(EMPTY);
  const started = useRef(false);
  useEffect(() => {
    if (!wanted || started.current) return;
    started.current = true;
    void (async () => {
      const index = await fetchLessonIndex();
      const entries: CatalogEntry[] = index.entries.map((entry) => ({ entry, lesson: null, error: null }));
      setCatalog({ entries, loaded: true, error: index.error });
      await Promise.all(
        index.entries.map(async (entry, i) => {
          const load = await fetchLesson(entry.file);
          entries[i] = load.ok ? { entry, lesson: load.lesson, error: null } : { entry, lesson: null, error: load.error };
          setCatalog({ entries: [...entries], loaded: true, error: index.error });
        }),
      );
    })();
  }, [wanted]);
  return catalog;
}
