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
