/**
 * The parsed text of a search, engine-independent. A query is an OR of clauses; a clause ANDs its
 * `include` atoms and excludes documents matching any `exclude` atom:
 *
 *   epidural "blood patch" -steroid OR hygroma
 *   => anyOf: [ { include: [word epidural, phrase "blood patch"], exclude: [word steroid] },
 *               { include: [word hygroma], exclude: [] } ]
 *
 * Engines never see the raw text: each atom is analysed by the engine as a phrase (a word is a
 * one-word phrase) and the atom matches when ANY of its `variants` matches (British/American spellings).
 */
export interface TextAtom {
  kind: 'word' | 'phrase';
  /** What the user typed, without quotes or the leading minus. */
  text: string;
  /** `text` first, then its spelling variants (haematoma/hematoma); every entry is matched as a phrase. */
  variants: string[];
  /**
   * Search as you type: the atom's last word matches as a prefix ("hemat" finds hematoma), after its
   * analysis (stemmed like any word, so "hematomas" is the prefix "hematoma"). Words only. Each
   * engine expands a prefix to at most PREFIX_MAX_EXPANSIONS indexed words (see the engines' READMEs).
   */
  prefix?: boolean;
}

export interface TextClause {
  include: TextAtom[];
  exclude: TextAtom[];
}

export interface TextQuery {
  /** The text as the user typed it (trimmed). */
  raw: string;
  /** Never empty: a text without any searchable atom is no text query at all (`parseTextQuery` returns null). */
  anyOf: TextClause[];
  /** True when the syntax was malformed (an unclosed quote) and the text was read as plain words instead. */
  literal: boolean;
}

/** The most indexed words one prefix expands to (Elasticsearch's max_expansions; the embedded engine's lexicon bound). */
export const PREFIX_MAX_EXPANSIONS = 50;
