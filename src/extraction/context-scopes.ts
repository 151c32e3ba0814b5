import { normalizeWord, type Token } from './text-tokenizer';

/**
 * ConText-style assertion scopes over one sentence's tokens: a trigger ("no", "without", "risk of",
 * "history of") opens a scope forward (pre-triggers) or backward (post-triggers: "was ruled out"),
 * and the scope ends at a terminator ("but", "however", "which", ";", ":"), at the sentence end, or
 * after MAX_SCOPE tokens. A term inside a negated or hypothetical scope is not asserted; inside a
 * historical scope it is not asserted as part of the current episode (comorbidities still are).
 * One pass over the tokens, bounded work per token: linear.
 */
export const NEGATED = 1;
export const HYPOTHETICAL = 2;
export const HISTORICAL = 4;

const MAX_SCOPE = 12;

type Trigger = { words: string[]; flag: number; post: boolean; pseudo?: boolean; scope?: number };

const t = (phrase: string, flag: number, post = false, pseudo = false): Trigger => ({
  words: phrase.split(' ').map(normalizeWord),
  flag,
  post,
  pseudo,
});

const TRIGGERS: Trigger[] = [
  // Pseudo-triggers: look like triggers but are not ("no longer", "not only"). Listed first, matched longest-first anyway.
  t('no longer', 0, false, true),
  t('not only', 0, false, true),
  t('no change', 0, false, true),
  t('not necessarily', 0, false, true),
  t('gram negative', 0, false, true),
  // "which was considered to be a CSF leak": the clinicians' reading of the finding, not a differential.
  t('considered to be', 0, false, true),
  t('was considered as', 0, false, true),
  // Rules 1.5.0: a treatment that was given but did not work ("the headache did not resolve with an epidural blood patch",
  // "did not respond to analgesics"): the treatment is asserted. No outcome word is inside these phrases.
  t('not resolve with', 0, false, true),
  t('not resolve after', 0, false, true),
  t('not resolve despite', 0, false, true),
  t('not improve with', 0, false, true),
  t('not improve after', 0, false, true),
  t('not improve despite', 0, false, true),
  t('not respond to', 0, false, true),
  // Rules 1.6.0: what a treatment "could not prevent" happened ("delayed evacuation could not prevent persistent paraplegia").
  t('could not prevent', 0, false, true),
  t('not prevent', 0, false, true),
  t('failed to prevent', 0, false, true),
  // Negation, forward.
  t('no', NEGATED),
  t('not', NEGATED),
  t('without', NEGATED),
  t('denied', NEGATED),
  t('denie', NEGATED),
  t('deny', NEGATED),
  t('negative for', NEGATED),
  t('free of', NEGATED),
  t('absence of', NEGATED),
  t('absent', NEGATED),
  t('neither', NEGATED),
  t('nor', NEGATED),
  t('never', NEGATED),
  t('none', NEGATED),
  t('ruled out', NEGATED),
  t('rule out', NEGATED),
  t('to exclude', NEGATED),
  t('exclude', NEGATED),
  t('excluded', NEGATED),
  { ...t('declined', NEGATED), scope: 4 },
  { ...t('refused', NEGATED), scope: 4 },
  t('instead of', NEGATED),
  t('rather than', NEGATED),
  t('in lieu of', NEGATED),
  t('no need for', NEGATED),
  t('did not require', NEGATED),
  t('avoided', NEGATED),
  // Rules 1.4.0: an alternative chosen over a treatment ("eliminated the need for an EBP", "options other than a blood patch").
  t('eliminated the need for', NEGATED),
  t('eliminating the need for', NEGATED),
  t('obviated the need for', NEGATED),
  t('obviating the need for', NEGATED),
  t('avoiding the need for', NEGATED),
  t('options other than', NEGATED),
  t('alternatives to', NEGATED),
  t('alternative to', NEGATED),
  t('unremarkable for', NEGATED),
  // Negation, backward ("a hematoma was ruled out", "surgery was not required").
  t('ruled out', NEGATED, true),
  t('was excluded', NEGATED, true),
  t('were excluded', NEGATED, true),
  t('not required', NEGATED, true),
  t('not necessary', NEGATED, true),
  t('not needed', NEGATED, true),
  t('was absent', NEGATED, true),
  t('were absent', NEGATED, true),
  t('was negative', NEGATED, true),
  t('were negative', NEGATED, true),
  t('not seen', NEGATED, true),
  t('not found', NEGATED, true),
  t('not detected', NEGATED, true),
  t('not observed', NEGATED, true),
  t('did not occur', NEGATED, true),
  t('declined', NEGATED, true),
  t('refused', NEGATED, true),
  t('unlikely', NEGATED, true),
  // Rules 1.3.0: "the CSF leak was not visualized", "backache was not marked": a finding looked for and not seen.
  t('not visualized', NEGATED, true),
  t('not visualised', NEGATED, true),
  t('not visible', NEGATED, true),
  t('not identified', NEGATED, true),
  t('not demonstrated', NEGATED, true),
  t('not evident', NEGATED, true),
  t('not apparent', NEGATED, true),
  t('not marked', NEGATED, true),
  t('not present', NEGATED, true),
  // Hypothetical / possible / generic.
  t('risk of', HYPOTHETICAL),
  t('risk', HYPOTHETICAL),
  t('risk factor', HYPOTHETICAL),
  { ...t('may', HYPOTHETICAL), scope: 30 },
  { ...t('might', HYPOTHETICAL), scope: 30 },
  { ...t('could', HYPOTHETICAL), scope: 30 },
  t('can', HYPOTHETICAL),
  { ...t('should', HYPOTHETICAL), scope: 30 },
  { ...t('if', HYPOTHETICAL), scope: 30 },
  { ...t('would', HYPOTHETICAL), scope: 30 },
  t('whether', HYPOTHETICAL),
  t('prevent', HYPOTHETICAL),
  t('prevention', HYPOTHETICAL),
  t('preventing', HYPOTHETICAL),
  t('avoid', HYPOTHETICAL),
  t('possible', HYPOTHETICAL),
  t('possibility', HYPOTHETICAL),
  t('potential', HYPOTHETICAL),
  t('potentially', HYPOTHETICAL),
  t('suspected', HYPOTHETICAL),
  t('suspicion', HYPOTHETICAL),
  t('concern for', HYPOTHETICAL),
  t('differential', HYPOTHETICAL),
  t('such as', HYPOTHETICAL),
  // "the CSF pattern was suggestive of bacterial meningitis", "ultrasound suggested appendicitis": a reading, not a finding.
  t('suggestive of', HYPOTHETICAL),
  t('suggested', HYPOTHETICAL),
  t('suggesting', HYPOTHETICAL),
  t('suggests', HYPOTHETICAL),
  t('suggest', HYPOTHETICAL),
  // Rules 1.4.0: a test result read as a diagnosis in the present tense ("CSF analysis indicates bacterial meningitis but
  // cultures were negative"). Not "indicating"/"indicative of": "an MRI signal indicating an acute hematoma" is a finding.
  t('indicates', HYPOTHETICAL),
  // "the difficulty in differentiation between aseptic and bacterial meningitis": a differential, not a finding.
  t('differentiation between', HYPOTHETICAL),
  t('differentiating between', HYPOTHETICAL),
  t('differentiate between', HYPOTHETICAL),
  t('distinguish between', HYPOTHETICAL),
  t('distinguishing between', HYPOTHETICAL),
  t('distinction between', HYPOTHETICAL),
  t('in case of', HYPOTHETICAL),
  t('consider', HYPOTHETICAL),
  t('considered', HYPOTHETICAL),
  t('offered', HYPOTHETICAL),
  t('planned', HYPOTHETICAL),
  t('warning sign', HYPOTHETICAL),
  { ...t('likely', HYPOTHETICAL), scope: 30 },
  { ...t('probably', HYPOTHETICAL), scope: 30 },
  { ...t('presumably', HYPOTHETICAL), scope: 30 },
  { ...t('possibly', HYPOTHETICAL), scope: 30 },
  t('vigilance', HYPOTHETICAL),
  t('was suspected', HYPOTHETICAL, true),
  // Rules 1.3.0: a working or presumed diagnosis is not a finding ("treated for presumed meningitis",
  // "This was interpreted as a post-dural puncture headache", "the clinical picture of meningitis").
  t('presumed', HYPOTHETICAL),
  t('presumptive', HYPOTHETICAL),
  // Rules 1.6.0: "a case of probable bacterial meningitis": the specific reading is hedged (the parent named elsewhere stays).
  { ...t('probable', HYPOTHETICAL), scope: 3 },
  t('interpreted as', HYPOTHETICAL),
  t('misinterpreted as', HYPOTHETICAL),
  t('misdiagnosed as', HYPOTHETICAL),
  t('mistaken for', HYPOTHETICAL),
  t('clinical picture of', HYPOTHETICAL),
  // Rules 1.5.0: a working diagnosis later revised ("A working diagnosis of PDPH was made", "initially presented as a
  // post-dural puncture headache, but was later diagnosed as PRES", "the initial diagnosis was possible SAH").
  t('working diagnosis', HYPOTHETICAL),
  t('provisional diagnosis', HYPOTHETICAL),
  t('tentative diagnosis', HYPOTHETICAL),
  t('initial diagnosis', HYPOTHETICAL),
  t('initially presented as', HYPOTHETICAL),
  t('initially diagnosed as', HYPOTHETICAL),
  t('initially thought to be', HYPOTHETICAL),
  t('initially treated as', HYPOTHETICAL),
  t('initially misdiagnosed as', HYPOTHETICAL),
  // Rules 1.4.0: what a finding looked like, not what it was ("cerebral venous thrombosis mimicking post-dural puncture headache").
  t('mimicking', HYPOTHETICAL),
  t('mimicked', HYPOTHETICAL),
  t('masquerading as', HYPOTHETICAL),
  t('imitating', HYPOTHETICAL),
  t('is suspected', HYPOTHETICAL, true),
  // Historical.
  t('history of', HISTORICAL),
  t('previous', HISTORICAL),
  t('previously', HISTORICAL),
  t('prior', HISTORICAL),
  t('past', HISTORICAL),
  t('years ago', HISTORICAL, true),
];

const TIME_UNITS = new Set(['hour', 'day', 'week', 'month', 'year', 'h', 'hr']);

const TERMINATORS = new Set(
  ['but', 'however', 'although', 'though', 'which', 'who', 'whereas', 'while', 'yet', 'except', 'than', 'then', 'subsequently', 'later', 'after', 'until', 'despite', 'because', 'since', 'when', 'where', 'developed', 'presented', 'underwent', 'showed', 'revealed', 'demonstrated', 'complained', 'experienced', 'requested'].map(normalizeWord),
);

/**
 * A coordinated clause with its own finite verb ends a forward scope: "a 35-yr-old woman without
 * coagulopathy and was initially treated ... by epidural phenol injections" does not negate the
 * injections. Only after "and"/"or"/"but" directly followed by one of these verbs (a new predicate),
 * so "no hematoma or abscess was seen" and backward scopes ("was ruled out") are untouched.
 */
const CLAUSE_CONJUNCTIONS = new Set(['and', 'or']);
// Rules 1.4.0: "took no medications and reported an allergy to aspirin", "initially interpreted as PDPH and treated with an EBP".
const FINITE_VERBS = new Set(['was', 'were', 'is', 'are', 'had', 'has', 'have', 'underwent', 'received', 'developed', 'required', 'presented', 'became', 'subsequently', 'then', 'later', 'reported', 'treated', 'managed'].map(normalizeWord));

/** "... was suggestive of bacterial meningitis and she made a full recovery": a new subject opens a new clause. */
const SUBJECT_PRONOUNS = new Set(['she', 'he', 'they', 'we', 'it'].map(normalizeWord));

const ARTICLES = new Set(['a', 'an', 'the']);

/** Rules 1.4.0: "one patient with X with no trauma and one with Y": "and one/another (patient) with" opens the next patient's phrase. */
const ANOTHER = new Set(['one', 'another'].map(normalizeWord));
const PATIENT_NOUNS = new Set(['with', 'patient', 'case', 'woman', 'man'].map(normalizeWord));
function anotherPatient(tokens: Token[], i: number): boolean {
  return ANOTHER.has(tokens[i].norm) && i + 1 < tokens.length && PATIENT_NOUNS.has(tokens[i + 1].norm);
}

/**
 * Whether the words after "and" open a clause of their own. Rules 1.8.0: "MRI demonstrated no abnormality and a common
 * peroneal nerve injury was later confirmed": an article opening a noun phrase that has its own verb within a few words
 * ("no fever and a normal count" has none).
 */
const CLAUSE_VERBS = new Set(['was', 'were', 'is', 'are', 'had', 'has', 'have'].map(normalizeWord));
const PERFECT = new Set(['had', 'has', 'have'].map(normalizeWord));
function opensClause(tokens: Token[], i: number): boolean {
  // Rules 1.11.0: "showed no abnormalities, and symptoms had completely resolved": a noun and a perfect tense open a clause too.
  if (i + 1 < tokens.length && PERFECT.has(tokens[i + 1].norm)) return true;
  if (!ARTICLES.has(tokens[i].norm)) return false;
  for (let k = i + 1; k < tokens.length && k <= i + 7; k++) if (CLAUSE_VERBS.has(tokens[k].norm)) return true;
  return false;
}

function commaBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to && i < from + 4; i++) if (text.charCodeAt(i) === 44 /* , */) return true;
  return false;
}

/** Triggers indexed by their first word (longest first), built once. */
const BY_FIRST = (() => {
  const m = new Map<string, Trigger[]>();
  for (const tr of TRIGGERS) {
    const list = m.get(tr.words[0]) ?? [];
    list.push(tr);
    m.set(tr.words[0], list);
  }
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length);
  return m;
})();

function gapTerminates(text: string, from: number, to: number): boolean {
  // Only the characters between two tokens; bounded because tokens are adjacent.
  for (let i = from; i < to && i < from + 8; i++) {
    const c = text[i];
    if (c === ';' || c === ':' || c === '.' || c === '?' || c === '!') return true;
  }
  return false;
}

/**
 * Flags per token (bitmask of NEGATED | HYPOTHETICAL | HISTORICAL). `text` is the field the tokens were
 * cut from, used to see punctuation between tokens.
 */
export function assertionFlags(tokens: Token[], text: string): Uint8Array {
  const n = tokens.length;
  const flags = new Uint8Array(n);
  // Forward scopes.
  let active = 0;
  let remaining = 0;
  let lastTerminator = -1; // index of the first token after the last terminator
  for (let i = 0; i < n; i++) {
    const tok = tokens[i];
    if (i > 0 && gapTerminates(text, tokens[i - 1].end, tok.start)) {
      active = 0;
      lastTerminator = i;
    }
    if (TERMINATORS.has(tok.norm)) {
      active = 0;
      lastTerminator = i + 1;
      continue;
    }
    if (active && CLAUSE_CONJUNCTIONS.has(tok.norm) && i + 1 < n && (FINITE_VERBS.has(tokens[i + 1].norm) || SUBJECT_PRONOUNS.has(tokens[i + 1].norm) || anotherPatient(tokens, i + 1) || opensClause(tokens, i + 1))) {
      active = 0;
      continue;
    }
    // Rules 1.4.0: "did not result in a visible CSF leak or any other clinical signs of dural puncture": a negated
    // list continued by "or any (other)" / "nor any" carries the negation on over its next item.
    if (active & NEGATED && (tok.norm === 'or' || tok.norm === 'nor') && i + 1 < n && (tokens[i + 1].norm === 'any' || tokens[i + 1].norm === 'other')) {
      flags[i] |= active;
      remaining = Math.max(remaining, MAX_SCOPE);
      continue;
    }
    // "having excluded the more likely aetiologies, an incomplete cauda equina syndrome was diagnosed":
    // a comma followed by an article opens a new noun phrase of its own clause, not the next item of a
    // negated list ("no fever, headache or rash").
    if (active && ARTICLES.has(tok.norm) && i > 0 && commaBetween(text, tokens[i - 1].end, tok.start)) active = 0;
    // Rules 1.10.0: "Four days later without any neurological complications, she was discharged healthy": a comma and a subject
    // pronoun open the main clause.
    if (active && SUBJECT_PRONOUNS.has(tok.norm) && i > 0 && commaBetween(text, tokens[i - 1].end, tok.start)) active = 0;
    const cands = BY_FIRST.get(tok.norm);
    let matched: Trigger | null = null;
    if (cands) {
      for (const tr of cands) {
        let ok = true;
        for (let k = 1; k < tr.words.length; k++) {
          if (tokens[i + k]?.norm !== tr.words[k]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          matched = tr;
          break;
        }
      }
    }
    if (matched) {
      const len = matched.words.length;
      // "a 4-day history of back pain" is the present illness, not the past.
      const presentIllness = matched.flag === HISTORICAL && i > 0 && TIME_UNITS.has(tokens[i - 1].norm);
      if (matched.pseudo || presentIllness) {
        i += len - 1;
        continue;
      }
      // A phrase can be both a pre- and a post-trigger ("ruled out", "declined"): apply every reading.
      for (const tr of cands!) {
        if (tr.pseudo || tr.words.length !== len || !tr.words.every((w, x) => w === matched!.words[x])) continue;
        if (tr.post) {
          // Backward: tokens since the last terminator, at most MAX_SCOPE.
          const from = Math.max(lastTerminator, i - MAX_SCOPE, 0);
          for (let k = from; k < i; k++) flags[k] |= tr.flag;
        } else {
          active |= tr.flag;
          remaining = Math.max(active === tr.flag ? 0 : remaining, tr.scope ?? MAX_SCOPE);
        }
      }
      i += len - 1;
      continue;
    }
    if (active) {
      flags[i] |= active;
      remaining--;
      if (remaining <= 0) active = 0;
    }
  }
  return flags;
}

/** The combined flags of a span of tokens [from, to). */
export function spanFlags(flags: Uint8Array, from: number, to: number): number {
  let f = 0;
  for (let i = from; i < to; i++) f |= flags[i];
  return f;
}
