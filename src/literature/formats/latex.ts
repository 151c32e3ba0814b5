/**
 * Turns the LaTeX found in BibTeX field values into plain Unicode text: accents ({\"u}, \'{e},
 * \c c), special letters (\ss, \o, \aa), escaped characters (\&, \%), text-formatting commands
 * (\textit{...}, \emph{...}), a few symbols and Greek letters, dashes (-- and ---), ~ and braces.
 */

const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
  d: '\u0323',
  b: '\u0331',
  t: '\u0361',
};

const LETTERS: Record<string, string> = {
  ss: 'ß',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  o: 'ø',
  O: 'Ø',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  dh: 'ð',
  DH: 'Ð',
  th: 'þ',
  TH: 'Þ',
  ng: 'ŋ',
  NG: 'Ŋ',
};

const SYMBOLS: Record<string, string> = {
  textendash: '–',
  textemdash: '—',
  textquoteright: '’',
  textquoteleft: '‘',
  textquotedblleft: '“',
  textquotedblright: '”',
  textbackslash: '\\',
  textasciitilde: '~',
  textasciicircum: '^',
  textbar: '|',
  textless: '<',
  textgreater: '>',
  textdegree: '°',
  textregistered: '®',
  texttrademark: '™',
  textcopyright: '©',
  copyright: '©',
  textsection: '§',
  textpm: '±',
  textonehalf: '½',
  textmu: 'μ',
  textperiodcentered: '·',
  ldots: '…',
  dots: '…',
  textellipsis: '…',
  pm: '±',
  times: '×',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  approx: '≈',
  infty: '∞',
  degree: '°',
  circ: '°',
  rightarrow: '→',
  to: '→',
  leftarrow: '←',
  S: '§',
  P: '¶',
  euro: '€',
  pounds: '£',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
};

// Private-use placeholders for escaped braces, so that brace removal leaves them alone.
const OPEN = '\ue000';
const CLOSE = '\ue001';
const DOLLAR = '\ue002';
/** \textasciitilde, \textasciicircum and \textbackslash are literal characters: kept from the tie (~), superscript (^) and command (\) rules below. */
const TILDE = '\ue003';
const CARET = '\ue004';
const BACKSLASH = '\ue005';
const LITERAL_SYMBOLS: Record<string, string> = { textasciitilde: TILDE, textasciicircum: CARET, textbackslash: BACKSLASH };

function accent(mark: string, base: string): string {
  const letter = base === '\\i' ? 'i' : base === '\\j' ? 'j' : base;
  return `${letter}${ACCENTS[mark] ?? ''}`.normalize('NFC');
}

/** Plain text of a BibTeX value; null stays null. */
export function decodeLatex(raw: string): string {
  let text = raw;
  text = text.replace(/\\\{/g, OPEN).replace(/\\\}/g, CLOSE).replace(/\\\$/g, DOLLAR);
  text = text.replace(/\\\\/g, ' ');
  text = text.replace(/\\([&%#_])/g, '$1');
  // \'{e}, {\"u}, \"{\i}, \c{c}
  text = text.replace(/\\(['`^"~=.uvHckrdbt])\s*\{\s*(\\[ij]|[A-Za-z])\s*\}/g, (_match, mark: string, base: string) => accent(mark, base));
  // \'e, \"u, \'\i  (symbol accents take the next letter directly)
  text = text.replace(/\\(['`^"~=.])\s*(\\[ij](?![A-Za-z])|[A-Za-z])/g, (_match, mark: string, base: string) => accent(mark, base));
  // \c c, \v s  (letter accents need a space before a bare letter)
  text = text.replace(/\\([uvHckrdbt])\s+([A-Za-z])/g, (_match, mark: string, base: string) => accent(mark, base));
  // \ss, \o, \aa ...
  text = text.replace(/\\(ss|ae|AE|oe|OE|aa|AA|dh|DH|th|TH|ng|NG|o|O|l|L|i|j)(?![A-Za-z])(?:\{\}|\s)?/g, (_match, name: string) => LETTERS[name]);
  // Symbols and Greek letters
  text = text.replace(/\\([A-Za-z]+)(?![A-Za-z])(?:\{\}|\s)?/g, (match, name: string) => LITERAL_SYMBOLS[name] ?? (Object.hasOwn(SYMBOLS, name) ? SYMBOLS[name] : match));
  // \textit{...}, \emph{...}, \mathrm{...}: keep the argument
  text = text.replace(/\\(?:[A-Za-z]+)\*?\s*(?=\{)/g, '');
  // \href{url}{text} became {url}{text}; other unknown control words disappear
  text = text.replace(/\\[A-Za-z]+\*?\s?/g, '');
  text = text.replace(/\\(.)/g, '$1');
  // Math shifts, sub/superscript markers, dashes, ties
  text = text.replace(/\$/g, '').replace(/(?<=\S)[_^](?=\{)/g, '');
  text = text.replace(/---/g, '—').replace(/--/g, '–').replace(/~/g, ' ');
  text = text.replace(/[{}]/g, '');
  text = text.replace(new RegExp(OPEN, 'g'), '{').replace(new RegExp(CLOSE, 'g'), '}').replace(new RegExp(DOLLAR, 'g'), '$').replace(new RegExp(TILDE, 'g'), '~').replace(new RegExp(CARET, 'g'), '^').replace(new RegExp(BACKSLASH, 'g'), '\\');
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
