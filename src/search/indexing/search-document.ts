import { AgeGroup, Anticoagulation, Outcome, PregnancyStatus, Sex } from '../../case-reports/case-report.enums';
import { CurationStatus } from '../../case-reports/curation.enums';
import { isCitationComplete } from '../../publications/citation-completeness';
import { TitleStatus } from '../../publications/title-status.enum';
import { TermKind } from '../../vocabulary/term-kind.enum';
import { TREATMENT_NOT_REPORTED } from '../query/facet-registry';
import { stripControlCharacters } from '../query/highlight';

/** One complication of the patient with the facts linked to it (for engines that index nested facts). */
export interface SearchDocumentComplication {
  termId: string;
  /** termId and every ancestor's id. */
  termPath: string[];
  /** The procedure it followed (term id with ancestors), when known. */
  procedureTermPath: string[];
  onsetHours: number | null;
  symptomIds: string[];
}

/** One procedure of the patient. */
export interface SearchDocumentProcedure {
  termId: string;
  termPath: string[];
  bloodVolumeMl: number | null;
}

/**
 * The denormalised search document of one case report (one patient), shared by both engines. All of
 * one patient's facts are in one document, so a search can never pair one patient's complication with
 * another patient's outcome. Term id fields hold each attached term AND its ancestors (filters on a
 * parent match descendants; facet counts roll up).
 */
export interface SearchDocument {
  caseReportId: string;
  publicationId: string;

  // Publication
  title: string;
  abstract: string | null;
  journal: string | null;
  year: number | null;
  publicationTypes: string[];
  /** "Family Given" of every author, for text search. */
  authors: string[];
  doi: string | null;
  pmid: string | null;
  /** MeSH heading labels and keywords of the publication. */
  subjects: string[];
  /** Title, authors, journal and year all known (isCitationComplete): at an equal sort key, complete citations come first. */
  citationComplete: boolean;

  // Population and outcome (enums: UNKNOWN is a value)
  label: string;
  ageYears: number | null;
  ageGroup: AgeGroup;
  sex: Sex;
  pregnancyStatus: PregnancyStatus;
  anticoagulation: Anticoagulation;
  outcome: Outcome;
  hasKnownOutcome: boolean;
  /** SUGGESTED (proposed by extraction) or CURATED. */
  curationStatus: CurationStatus;

  // Vocabulary facets (ids with ancestors, unique, sorted). treatmentIds holds "UNKNOWN" when the case has no treatment.
  complicationIds: string[];
  procedureIds: string[];
  treatmentIds: string[];
  symptomIds: string[];
  comorbidityIds: string[];

  // Numbers (several per case: every blood patch, every complication's onset)
  bloodPatchVolumesMl: number[];
  onsetHours: number[];

  // Text
  /** Case narrative: summary and outcome details. */
  summary: string;
  /** Details of procedures, complications (with diagnosis) and treatments. */
  details: string;
  /** Labels and synonyms of the attached terms (strongest text signal). */
  termText: string[];
  /** Labels of the ancestors of the attached terms (weaker signal: "spinal hematoma" for an intrathecal one). */
  ancestorTermText: string[];

  // Linked facts, for engines that match them together (nested)
  complications: SearchDocumentComplication[];
  procedures: SearchDocumentProcedure[];

  /** When the rows were read from the database (ISO 8601): newer wins when engines compare versions. */
  loadedAt: string;
}

/** The vocabulary as the builder needs it. */
export interface DocumentTerm {
  id: string;
  kind: TermKind;
  key: string;
  label: string;
  synonyms: string[];
  parentId: string | null;
  /** MeSH descriptor UI, when known (filters may name terms by it). */
  meshUi?: string | null;
}

/** The rows of one case, as loaded from the case-report, publication and vocabulary modules. */
export interface SearchDocumentSource {
  caseReport: {
    id: string;
    publicationId: string;
    label: string;
    summary: string | null;
    ageYears: number | null;
    ageGroup: AgeGroup;
    sex: Sex;
    pregnancyStatus: PregnancyStatus;
    anticoagulation: Anticoagulation;
    outcome: Outcome;
    outcomeDetails: string | null;
    /** Absent in sources written before curation existed: CURATED. */
    curationStatus?: CurationStatus;
  };
  publication: {
    id: string;
    /** Null when no title is recorded: the document's title is then empty. */
    title: string | null;
    /** Absent in sources written before title statuses existed (then read from the title alone). */
    titleStatus?: TitleStatus | null;
    abstract: string | null;
    journal: string | null;
    year: number | null;
    publicationTypes: string[];
    authors: { family: string; given?: string | null }[];
    doi: string | null;
    pmid: string | null;
    meshHeadings: { label: string }[];
    keywords: string[];
  };
  procedures: { id: string; termId: string; details: string | null; bloodVolumeMl: number | null; position: number }[];
  complications: { id: string; termId: string; procedureId: string | null; onsetHours: number | null; diagnosis: string | null; details: string | null; position: number; symptomTermIds: string[] }[];
  treatments: { termId: string; details: string | null; position: number }[];
  comorbidityTermIds: string[];
}

/** Term ids of the blood patch procedure (and its descendants) whose volumes count as blood-patch volumes. */
export const BLOOD_PATCH_PROCEDURE_KEY = 'epidural-blood-patch';

/** Looks terms up by id; built once per batch from the whole vocabulary. */
export class TermIndex {
  private readonly byId: Map<string, DocumentTerm>;

  constructor(terms: readonly DocumentTerm[]) {
    this.byId = new Map(terms.map((term) => [term.id, term]));
  }

  get(id: string): DocumentTerm | undefined {
    return this.byId.get(id);
  }

  /** The term and its ancestors, nearest first (guards against cycles). */
  path(id: string): DocumentTerm[] {
    const path: DocumentTerm[] = [];
    const seen = new Set<string>();
    let current = this.byId.get(id);
    while (current && !seen.has(current.id)) {
      path.push(current);
      seen.add(current.id);
      current = current.parentId ? this.byId.get(current.parentId) : undefined;
    }
    return path;
  }

  pathIds(id: string): string[] {
    const path = this.path(id).map((term) => term.id);
    return path.length ? path : [id];
  }

  /** Whether `id` is `ancestorKey` (of its kind) or below it. */
  isWithin(id: string, ancestorKey: string): boolean {
    return this.path(id).some((term) => term.key === ancestorKey);
  }

  /** Every term id at or below the given ones (for finding the cases a term change affects). */
  descendantsOf(ids: readonly string[]): string[] {
    const result = new Set<string>();
    const stack = [...ids];
    while (stack.length) {
      const id = stack.pop() as string;
      if (result.has(id)) continue;
      result.add(id);
      for (const child of this.childrenOf(id)) stack.push(child.id);
    }
    return [...result];
  }

  /** The terms directly below this one (built once per index: the vocabulary runs to thousands of terms). */
  childrenOf(id: string): readonly DocumentTerm[] {
    if (!this.children) {
      this.children = new Map();
      for (const term of this.byId.values()) {
        if (!term.parentId) continue;
        const list = this.children.get(term.parentId);
        if (list) list.push(term);
        else this.children.set(term.parentId, [term]);
      }
    }
    return this.children.get(id) ?? [];
  }

  /** The terms of one kind (built once per index). */
  ofKind(kind: TermKind): readonly DocumentTerm[] {
    if (!this.byKind) {
      this.byKind = new Map();
      for (const term of this.byId.values()) {
        const list = this.byKind.get(term.kind);
        if (list) list.push(term);
        else this.byKind.set(term.kind, [term]);
      }
    }
    return this.byKind.get(kind) ?? [];
  }

  /** The roots of one kind's tree (no parent, or a parent that is not known). */
  roots(kind: TermKind): DocumentTerm[] {
    return this.ofKind(kind).filter((term) => !term.parentId || !this.byId.has(term.parentId));
  }

  all(): DocumentTerm[] {
    return [...this.byId.values()];
  }

  /** The term of this kind named by id, key or MeSH UI (as filters accept them). */
  resolve(kind: TermKind, reference: string): DocumentTerm | undefined {
    const byId = this.byId.get(reference.toLowerCase());
    if (byId) return byId.kind === kind ? byId : undefined;
    this.byKindRef ??= new Map(this.all().flatMap((term) => [[`${term.kind}:${term.key}`, term] as const, ...(term.meshUi ? [[`${term.kind}:${term.meshUi}`, term] as const] : [])]));
    return this.byKindRef.get(`${kind}:${reference}`);
  }

  private byKindRef?: Map<string, DocumentTerm>;
  private children?: Map<string, DocumentTerm[]>;
  private byKind?: Map<TermKind, DocumentTerm[]>;
}

const uniqueSorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();
const joinText = (parts: (string | null | undefined)[]): string => stripControlCharacters(parts.filter((part): part is string => Boolean(part && part.trim())).join('\n'));
const clean = (text: string | null): string | null => (text === null ? null : stripControlCharacters(text));

/** Builds the search document of one case from its loaded rows. Pure: same rows, same document. */
export function buildSearchDocument(source: SearchDocumentSource, terms: TermIndex, loadedAt: Date = new Date()): SearchDocument {
  const { caseReport, publication } = source;
  const procedures = [...source.procedures].sort((a, b) => a.position - b.position);
  const complications = [...source.complications].sort((a, b) => a.position - b.position);
  const treatments = [...source.treatments].sort((a, b) => a.position - b.position);
  const procedureById = new Map(procedures.map((procedure) => [procedure.id, procedure]));

  const attached = [
    ...procedures.map((p) => p.termId),
    ...complications.map((c) => c.termId),
    ...complications.flatMap((c) => c.symptomTermIds),
    ...treatments.map((t) => t.termId),
    ...source.comorbidityTermIds,
  ];
  const directIds = new Set(attached);
  const termText: string[] = [];
  const ancestorTermText: string[] = [];
  for (const id of uniqueSorted(attached)) {
    const term = terms.get(id);
    if (term) termText.push(...[term.label, ...term.synonyms].map(stripControlCharacters));
  }
  for (const id of uniqueSorted(attached.flatMap((id) => terms.pathIds(id)))) {
    const term = terms.get(id);
    if (term && !directIds.has(id)) ancestorTermText.push(stripControlCharacters(term.label));
  }

  const treatmentIds = uniqueSorted(treatments.flatMap((t) => terms.pathIds(t.termId)));
  const bloodPatchVolumesMl = procedures.filter((p) => p.bloodVolumeMl !== null && terms.isWithin(p.termId, BLOOD_PATCH_PROCEDURE_KEY)).map((p) => p.bloodVolumeMl as number);

  return {
    caseReportId: caseReport.id,
    publicationId: caseReport.publicationId,
    title: stripControlCharacters(publication.title ?? ''),
    abstract: clean(publication.abstract),
    journal: clean(publication.journal),
    year: publication.year,
    publicationTypes: uniqueSorted(publication.publicationTypes),
    // Searched text (other text, term labels) is written as the text query reads it (searchable-text.ts), as the
    // publication documents write theirs: a keyword copied from a PDF with a soft hyphen is found by the word.
    authors: publication.authors.map((author) => stripControlCharacters([author.family, author.given].filter(Boolean).join(' '))),
    doi: clean(publication.doi),
    pmid: clean(publication.pmid),
    subjects: [...publication.meshHeadings.map((heading) => heading.label), ...publication.keywords].map(stripControlCharacters),
    citationComplete: isCitationComplete(publication),
    label: stripControlCharacters(caseReport.label),
    ageYears: caseReport.ageYears,
    ageGroup: caseReport.ageGroup,
    sex: caseReport.sex,
    pregnancyStatus: caseReport.pregnancyStatus,
    anticoagulation: caseReport.anticoagulation,
    outcome: caseReport.outcome,
    hasKnownOutcome: caseReport.outcome !== Outcome.UNKNOWN,
    curationStatus: caseReport.curationStatus ?? CurationStatus.CURATED,
    complicationIds: uniqueSorted(complications.flatMap((c) => terms.pathIds(c.termId))),
    procedureIds: uniqueSorted(procedures.flatMap((p) => terms.pathIds(p.termId))),
    treatmentIds: treatmentIds.length ? treatmentIds : [TREATMENT_NOT_REPORTED.value],
    symptomIds: uniqueSorted(complications.flatMap((c) => c.symptomTermIds.flatMap((id) => terms.pathIds(id)))),
    comorbidityIds: uniqueSorted(source.comorbidityTermIds.flatMap((id) => terms.pathIds(id))),
    bloodPatchVolumesMl,
    onsetHours: complications.filter((c) => c.onsetHours !== null).map((c) => c.onsetHours as number),
    summary: joinText([caseReport.summary, caseReport.outcomeDetails]),
    details: joinText([
      ...procedures.map((p) => p.details),
      ...complications.flatMap((c) => [c.diagnosis, c.details]),
      ...treatments.map((t) => t.details),
    ]),
    termText,
    ancestorTermText,
    complications: complications.map((c) => {
      const procedure = c.procedureId ? procedureById.get(c.procedureId) : undefined;
      return {
        termId: c.termId,
        termPath: terms.pathIds(c.termId),
        procedureTermPath: procedure ? terms.pathIds(procedure.termId) : [],
        onsetHours: c.onsetHours,
        symptomIds: uniqueSorted(c.symptomTermIds.flatMap((id) => terms.pathIds(id))),
      };
    }),
    procedures: procedures.map((p) => ({ termId: p.termId, termPath: terms.pathIds(p.termId), bloodVolumeMl: p.bloodVolumeMl })),
    loadedAt: loadedAt.toISOString(),
  };
}
