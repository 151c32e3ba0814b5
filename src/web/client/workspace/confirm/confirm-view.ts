/**
 * Confirming the cases of an included record: its proposed patients with each fact beside the
 * sentence it came from (marked in the abstract); accept, correct (type-ahead terms, numbers with
 * units) or reject a fact; add a missing one from words selected in the title or abstract (kept marked
 * there while its form is open); split, merge, add
 * or reject patients; mark a patient curated; see a patient's history and undo a change. Every save
 * sends the version the page read, so a stale save is refused and the changes since are shown.
 */
import { append, byId, h } from '../../dom';
import { GraphqlClient, GraphqlRequestError } from '../../graphql-client';
import {
  ADD_FACT_MUTATION,
  CaseChange,
  CasePublication,
  CONFIRM_MUTATION,
  CREATE_CASE_MUTATION,
  FactRecord,
  HISTORY_QUERY,
  MERGE_MUTATION,
  PatientCase,
  PUBLICATION_CASES_QUERY,
  REJECT_CASE_MUTATION,
  REVIEW_FACT_MUTATION,
  SPLIT_MUTATION,
  Term,
  TYPEAHEAD_QUERY,
  UNDO_MUTATION,
} from './case-queries';
import { conflictNotice } from './conflict-message';
import { evidencePieces, findWords, selectionIn } from './evidence-text';
import { addableFacts, factKind, TermKind } from './fact-kinds';
import { historyView } from './history-view';
import { PatientActions, patientView } from './patient-view';
import { valueEditor, ValueEditor } from './value-editor';

/** The pseudo fact path of the words selected for a new fact, among the evidence ranges. */
const SELECTED = '#selected';

type Say = (message: string, error?: boolean) => void;
/** The publication fields words can be selected in (the API's SELECTABLE_FIELDS), with the element showing each. */
type SourceField = 'title' | 'abstract';
const SOURCE_ELEMENT: Record<SourceField, string> = { title: 'confirm-title', abstract: 'confirm-abstract' };
const FIELD_NAME: Record<SourceField, string> = { title: 'title', abstract: 'abstract' };
interface Selected {
  field: SourceField;
  start: number;
  end: number;
  text: string;
}

export class ConfirmView {
  private publication: CasePublication | null = null;
  private activeCaseId: string | null = null;
  private correcting: { caseId: string; path: string; form: HTMLFormElement } | null = null;
  private history: { caseId: string; changes: CaseChange[]; total: number } | null = null;
  private selection: Selected | null = null;
  /** Whether the title and abstract show the kept selection as a mark (not while a live selection is being made there). */
  private selectionMarked = false;
  private addEditor: ValueEditor | null = null;

  constructor(
    private readonly client: GraphqlClient,
    private readonly say: Say,
    private readonly messageOf: (error: unknown) => string,
    /** Told when the patient whose evidence is marked changes (the page keeps it in its URL). */
    private readonly onPatientShown: (caseId: string | null) => void = () => undefined,
  ) {
    byId('add-fact-form').addEventListener('submit', (event) => void this.addFact(event));
    byId('add-fact-patient').addEventListener('change', () => this.renderAddChoices());
    byId('add-fact-what').addEventListener('change', () => this.renderAddEditor());
    byId('selection-find').addEventListener('click', () => this.useTypedWords());
    byId('selection-words').addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      this.useTypedWords();
    });
    byId('selection-cancel').addEventListener('click', () => this.cancelSelection());
    byId('add-patient-form').addEventListener('submit', (event) => void this.addPatient(event));
    // Words selected in the title or the abstract are kept when the selection moves on (to the form,
    // say), and are then marked in the text: the live selection is left alone while it is being made.
    document.addEventListener('selectionchange', () => {
      if (byId('confirm-view').hidden) return;
      for (const field of Object.keys(SOURCE_ELEMENT) as SourceField[]) {
        // A field the record lacks shows a placeholder, not words to select.
        if (!this.publication?.[field]) continue;
        const selected = selectionIn(byId(SOURCE_ELEMENT[field]));
        if (selected) {
          this.select({ field, ...selected }, false);
          return;
        }
      }
      if (this.selection && !this.selectionMarked && !this.liveSelectionInSource()) this.renderSources();
    });
    byId('add-fact-form').addEventListener('focusin', () => {
      if (this.selection && !this.selectionMarked) this.renderSources();
    });
    byId('add-fact-form').addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) this.cancelSelection();
    });
  }

  /** Whether the document's selection starts in the title or abstract; with `collapsed`, a mere caret (as a drag starts) counts too. */
  private liveSelectionInSource(collapsed = true): boolean {
    const selection = window.getSelection();
    const node = selection?.anchorNode ?? null;
    if (!selection || node === null || (!collapsed && selection.isCollapsed)) return false;
    return (Object.values(SOURCE_ELEMENT) as string[]).some((id) => byId(id).contains(node));
  }

  get isOpen(): boolean {
    return !byId('confirm-view').hidden;
  }

  /** The record shown (null before the first open). */
  get publicationId(): string | null {
    return this.publication?.id ?? null;
  }

  get title(): string {
    return this.publication?.title ?? 'Title not recorded';
  }

  /** Opens a record's cases; with a patient (from a link), that patient's evidence is marked and it is scrolled to and focused. */
  async open(publicationId: string, patientId: string | null = null): Promise<void> {
    this.correcting = null;
    this.history = null;
    this.selection = null;
    this.selectionMarked = false;
    this.activeCaseId = patientId;
    this.hideConflict();
    await this.load(publicationId);
    if (patientId && this.activeCaseId === patientId) this.refocus(patientId, null);
    else byId('confirm-heading').focus();
  }

  private async load(publicationId: string): Promise<void> {
    const data = await this.client.request<{ publication: CasePublication | null }>(PUBLICATION_CASES_QUERY, { id: publicationId });
    if (!data.publication) throw new Error('This record does not exist (any more): the link may be out of date.');
    this.publication = data.publication;
    const before = this.activeCaseId;
    if (!this.publication.caseReports.some((patient) => patient.id === this.activeCaseId)) this.activeCaseId = this.publication.caseReports[0]?.id ?? null;
    if (this.activeCaseId !== before) this.onPatientShown(this.activeCaseId);
    if (this.history && !this.publication.caseReports.some((patient) => patient.id === this.history?.caseId)) this.history = null;
    if (this.history) await this.loadHistory(this.history.caseId);
    this.render();
  }

  private get patients(): PatientCase[] {
    return this.publication?.caseReports ?? [];
  }

  private patient(id: string | null): PatientCase | undefined {
    return this.patients.find((patient) => patient.id === id);
  }

  // --- rendering ------------------------------------------------------------------------------

  private render(): void {
    const publication = this.publication;
    if (!publication) return;
    this.renderSources();
    const actions = this.actions();
    const patients = byId('patients');
    patients.replaceChildren(
      ...(this.patients.length
        ? this.patients.map((patient) =>
            patientView(patient, actions, {
              others: this.patients.filter((other) => other.id !== patient.id),
              correcting: this.correcting?.caseId === patient.id ? { path: this.correcting.path, form: this.correcting.form } : null,
              history: this.history?.caseId === patient.id ? historyView(patient.id, this.history.changes, this.history.total, (change) => void this.undo(patient, change)) : null,
            }),
          )
        : [h('p', { class: 'no-patients' }, 'No patient proposed for this record: add one by hand below.')]),
    );
    byId('patient-count').textContent = this.patients.length === 1 ? '1 patient' : `${this.patients.length} patients`;
    this.renderSelection();
    this.renderAddChoices();
  }

  /** The title and the abstract as stored, with the active patient's evidence and the kept selection marked. */
  private renderSources(): void {
    const active = this.patient(this.activeCaseId);
    for (const field of Object.keys(SOURCE_ELEMENT) as SourceField[]) {
      const text = (field === 'title' ? this.publication?.title : this.publication?.abstract) ?? '';
      const element = byId(SOURCE_ELEMENT[field]);
      if (!text) {
        element.replaceChildren(field === 'title' ? 'Title not recorded' : 'No abstract: facts can be added from words of the title.');
        continue;
      }
      const ranges = (active?.facts ?? []).filter((fact) => fact.evidence?.field === field && factKind(fact.path)).map((fact) => ({ start: fact.evidence!.start, end: fact.evidence!.end, path: fact.path }));
      const selected = this.selection?.field === field ? this.selection : null;
      if (selected) ranges.push({ start: selected.start, end: selected.end, path: SELECTED });
      element.replaceChildren(...evidencePieces(text, ranges).map((piece) => this.pieceNode(piece.text, piece.paths)));
    }
    this.selectionMarked = this.selection !== null;
    byId('abstract-legend').textContent = active ? `Marked: the words the facts of “${active.label}” were read from; the words of the fact you point at or focus are underlined and boxed.` : '';
    byId('selection-legend').hidden = !this.selection;
  }

  /** One piece of the title or abstract: plain text, evidence of facts, the words selected for a new fact, or both. */
  private pieceNode(text: string, paths: string[]): Node | string {
    const facts = paths.filter((path) => path !== SELECTED);
    const inner: Node | string = facts.length ? h('mark', { class: 'evidence', 'data-paths': facts.join(' ') }, text) : text;
    return paths.includes(SELECTED) ? h('mark', { class: 'selected-words-mark' }, inner) : inner;
  }

  /** Underlines the words of the fact being looked at; switches the marks to its patient first. */
  private focusFact(caseId: string, path: string | null): void {
    if (caseId !== this.activeCaseId) {
      this.activeCaseId = caseId;
      this.onPatientShown(caseId);
      // Words selected there stay selected: the marks follow once the selection moves on.
      if (!this.liveSelectionInSource(false)) this.renderSources();
    }
    for (const mark of document.querySelectorAll<HTMLElement>('#confirm-title mark.evidence, #confirm-abstract mark.evidence')) {
      const current = path !== null && (mark.dataset.paths ?? '').split(' ').includes(path);
      mark.classList.toggle('is-current', current);
    }
  }

  private actions(): PatientActions {
    return {
      focusFact: (caseId, path) => this.focusFact(caseId, path),
      showPatient: (caseId) => {
        if (caseId !== this.activeCaseId) this.focusFact(caseId, null);
      },
      accept: (patient, fact) => void this.review(patient, fact, 'ACCEPT'),
      reject: (patient, fact) => void this.review(patient, fact, 'REJECT'),
      startCorrect: (patient, fact) => this.startCorrect(patient, fact),
      confirm: (patient) => void this.confirm(patient),
      showHistory: (patient) => void this.toggleHistory(patient),
      split: (patient, paths) => void this.split(patient, paths),
      merge: (patient, otherId) => void this.merge(patient, otherId),
      rejectPatient: (patient) => void this.rejectPatient(patient),
    };
  }

  /** Focus after a re-render: the element matching the selector, else the patient's heading. */
  private refocus(caseId: string | null, selector: string | null): void {
    const section = caseId ? document.querySelector<HTMLElement>(`.patient[data-case-id="${caseId}"]`) : null;
    const target = (selector && section?.querySelector<HTMLElement>(selector)) || section?.querySelector<HTMLElement>('.patient-heading') || byId('confirm-heading');
    if (target.tagName === 'H3' || target.tagName === 'H2') target.setAttribute('tabindex', '-1');
    target.focus();
  }

  // --- saving ---------------------------------------------------------------------------------

  private hideConflict(): void {
    const notice = byId('confirm-conflict');
    notice.hidden = true;
    notice.replaceChildren();
  }

  /** Runs one save; a CONFLICT shows what changed since the page read the case, other errors go to the status line. */
  private async save(run: () => Promise<void>): Promise<boolean> {
    this.hideConflict();
    try {
      await run();
      return true;
    } catch (error) {
      const notice = error instanceof GraphqlRequestError ? conflictNotice(error.errors) : null;
      if (!notice) {
        this.say(this.messageOf(error), true);
        return false;
      }
      const box = byId('confirm-conflict');
      box.replaceChildren();
      append(box, [
        h('h3', { class: 'conflict-heading' }, notice.heading),
        notice.changes.length ? h('p', {}, 'Changed since you opened it:') : null,
        notice.changes.length ? h('ul', { class: 'conflict-changes' }, ...notice.changes.map((change) => h('li', {}, change))) : h('p', {}, notice.message),
        h('p', {}, 'Nothing of yours was saved, and nothing was overwritten. Reload to see the case as it is now, then save again.'),
        h('button', { type: 'button', class: 'small-button', id: 'conflict-reload', onclick: () => void this.reload() }, 'Reload the case'),
      ]);
      box.hidden = false;
      this.say('Not saved: the case changed since you opened it.', true);
      return false;
    }
  }

  private async reload(): Promise<void> {
    if (!this.publication) return;
    this.hideConflict();
    this.correcting = null;
    await this.load(this.publication.id);
    this.say('Reloaded: the cases as they are now.');
    this.refocus(this.activeCaseId, null);
  }

  /** Puts a case the API returned in place of the one shown. */
  private replace(updated: PatientCase): void {
    if (!this.publication) return;
    this.publication.caseReports = this.publication.caseReports.map((patient) => (patient.id === updated.id ? updated : patient));
  }

  private async afterCaseChange(updated: PatientCase): Promise<void> {
    this.replace(updated);
    if (this.history?.caseId === updated.id) await this.loadHistory(updated.id);
    this.render();
  }

  private async review(patient: PatientCase, fact: FactRecord, action: 'ACCEPT' | 'REJECT' | 'CORRECT', value: string | null = null, unit: string | null = null): Promise<void> {
    const label = factKind(fact.path)?.label ?? fact.path;
    const saved = await this.save(async () => {
      const data = await this.client.request<{ reviewCaseFact: PatientCase }>(REVIEW_FACT_MUTATION, { input: { caseReportId: patient.id, path: fact.path, action, value, unit, expectedVersion: patient.version } });
      this.correcting = null;
      await this.afterCaseChange(data.reviewCaseFact);
    });
    if (!saved) return;
    this.say(`${patient.label}: ${label} ${action === 'ACCEPT' ? 'accepted' : action === 'REJECT' ? 'rejected' : 'corrected'}.`);
    this.refocus(patient.id, action === 'REJECT' ? null : `li.fact[data-path="${fact.path}"] button[data-action="accept"]`);
  }

  private search = async (kind: TermKind, prefix: string): Promise<Term[]> =>
    (await this.client.request<{ vocabularyTypeahead: Term[] }>(TYPEAHEAD_QUERY, { kind, prefix })).vocabularyTypeahead;

  private startCorrect(patient: PatientCase, fact: FactRecord): void {
    const kind = factKind(fact.path);
    if (!kind) return;
    const editor = valueEditor(`correct-${patient.id}`, `Correct ${kind.label.toLowerCase()}`, kind.editor, this.search, kind.editor.kind === 'enum' ? fact.value : null);
    const error = h('p', { class: 'form-error', role: 'alert' });
    const form = h(
      'form',
      { class: 'correct-form', 'aria-label': `Correct ${kind.label}` },
      editor.element,
      h('div', { class: 'form-buttons' }, h('button', { type: 'submit', class: 'primary-button' }, 'Save correction'), h('button', { type: 'button', class: 'small-button', 'data-action': 'cancel', onclick: () => this.cancelCorrect(patient) }, 'Cancel')),
      error,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const read = editor.read();
      if ('error' in read) {
        error.textContent = read.error;
        editor.focusTarget.focus();
        return;
      }
      void this.review(patient, fact, 'CORRECT', read.value, read.unit);
    });
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) this.cancelCorrect(patient);
    });
    this.correcting = { caseId: patient.id, path: fact.path, form };
    this.render();
    editor.focusTarget.focus();
  }

  private cancelCorrect(patient: PatientCase): void {
    const path = this.correcting?.path;
    this.correcting = null;
    this.render();
    this.refocus(patient.id, path ? `li.fact[data-path="${path}"] button[data-action="correct"]` : null);
  }

  private async confirm(patient: PatientCase): Promise<void> {
    const saved = await this.save(async () => {
      const data = await this.client.request<{ confirmCaseReport: PatientCase }>(CONFIRM_MUTATION, { id: patient.id, version: patient.version });
      await this.afterCaseChange(data.confirmCaseReport);
    });
    if (saved) {
      this.say(`${patient.label} is curated: case search shows it as curated now.`);
      this.refocus(patient.id, null);
    }
  }

  private async rejectPatient(patient: PatientCase): Promise<void> {
    if (!this.publication) return;
    const publicationId = this.publication.id;
    const saved = await this.save(async () => {
      await this.client.request(REJECT_CASE_MUTATION, { id: patient.id, version: patient.version });
      await this.load(publicationId);
    });
    if (saved) {
      this.say(`${patient.label} rejected: it is no patient of this record (kept, so it is not proposed again).`);
      this.refocus(this.activeCaseId, null);
    }
  }

  private async split(patient: PatientCase, paths: string[]): Promise<void> {
    if (!this.publication) return;
    if (!paths.length) {
      this.say('Check the facts to move to a new patient first.', true);
      return;
    }
    const publicationId = this.publication.id;
    const saved = await this.save(async () => {
      await this.client.request(SPLIT_MUTATION, { input: { caseReportId: patient.id, factPaths: paths, expectedVersion: patient.version } });
      await this.load(publicationId);
    });
    if (saved) {
      this.say(`${paths.length} ${paths.length === 1 ? 'fact' : 'facts'} of ${patient.label} moved to a new patient.`);
      this.refocus(patient.id, null);
    }
  }

  private async merge(patient: PatientCase, otherId: string): Promise<void> {
    const other = this.patient(otherId);
    if (!this.publication || !other) return;
    const publicationId = this.publication.id;
    const saved = await this.save(async () => {
      await this.client.request(MERGE_MUTATION, { input: { caseReportId: patient.id, otherCaseReportId: other.id, expectedVersion: patient.version, otherExpectedVersion: other.version } });
      await this.load(publicationId);
    });
    if (saved) {
      this.say(`${other.label} merged into ${patient.label}.`);
      this.refocus(patient.id, null);
    }
  }

  private async addPatient(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.publication) return;
    const label = byId<HTMLInputElement>('new-patient-label');
    const sex = byId<HTMLSelectElement>('new-patient-sex');
    const age = byId<HTMLInputElement>('new-patient-age');
    const error = byId('add-patient-error');
    error.textContent = '';
    const ageText = age.value.trim();
    if (!label.value.trim()) {
      error.textContent = 'Give the patient a label, e.g. "Case 3".';
      label.focus();
      return;
    }
    if (ageText && !/^\d+(\.\d+)?$/.test(ageText)) {
      error.textContent = 'Age: a number of years, or leave it empty.';
      age.focus();
      return;
    }
    const publicationId = this.publication.id;
    const name = label.value.trim();
    const saved = await this.save(async () => {
      await this.client.request(CREATE_CASE_MUTATION, { input: { publicationId, label: name, sex: sex.value, ageYears: ageText ? Number(ageText) : null } });
      await this.load(publicationId);
    });
    if (saved) {
      label.value = '';
      age.value = '';
      this.say(`${name} added by hand (curated).`);
    }
  }

  // --- history --------------------------------------------------------------------------------

  private async loadHistory(caseId: string): Promise<void> {
    const data = await this.client.request<{ caseHistory: { totalCount: number; edges: { node: CaseChange }[] } }>(HISTORY_QUERY, { id: caseId });
    this.history = { caseId, changes: data.caseHistory.edges.map((edge) => edge.node), total: data.caseHistory.totalCount };
  }

  private async toggleHistory(patient: PatientCase): Promise<void> {
    if (this.history?.caseId === patient.id) {
      this.history = null;
    } else {
      try {
        await this.loadHistory(patient.id);
      } catch (error) {
        this.say(this.messageOf(error), true);
        return;
      }
    }
    this.render();
    this.refocus(patient.id, this.history ? '.case-history h4' : 'button[data-action="history"]');
  }

  private async undo(patient: PatientCase, change: CaseChange): Promise<void> {
    if (!this.publication) return;
    const publicationId = this.publication.id;
    const saved = await this.save(async () => {
      await this.client.request(UNDO_MUTATION, { id: change.id, version: patient.version });
      await this.load(publicationId);
    });
    if (saved) {
      this.say(`Undone: version ${change.version} of ${patient.label}.`);
      this.refocus(patient.id, '.case-history h4');
    }
  }

  // --- adding a fact from a selection ---------------------------------------------------------

  /** Keeps words selected (or typed) as the new fact's evidence; they are marked in the text at once unless a live selection is still being made there. */
  private select(selected: Selected, markNow: boolean): void {
    const same = this.selection && this.selection.field === selected.field && this.selection.start === selected.start && this.selection.end === selected.end;
    this.selection = selected;
    if (!same) this.selectionMarked = false;
    if (markNow) this.renderSources();
    this.renderSelection();
  }

  private cancelSelection(): void {
    if (!this.selection) return;
    this.selection = null;
    window.getSelection()?.removeAllRanges();
    this.renderSources();
    this.renderSelection();
    this.say('Selection dropped: no fact added.');
    byId('selection-words').focus();
  }

  private useTypedWords(): void {
    const words = byId<HTMLInputElement>('selection-words');
    // The abstract first (where the details are), then the title.
    const inAbstract = findWords(this.publication?.abstract ?? '', words.value);
    const found: Selected | null = inAbstract ? { field: 'abstract', ...inAbstract } : ((title) => (title ? { field: 'title' as const, ...title } : null))(findWords(this.publication?.title ?? '', words.value));
    if (!found) {
      this.say(words.value.trim() ? `“${words.value.trim()}” is neither in the title nor in the abstract.` : 'Type words from the title or the abstract first.', true);
      words.focus();
      return;
    }
    this.select(found, true);
    byId<HTMLSelectElement>('add-fact-what').focus();
  }

  private renderSelection(): void {
    const form = byId<HTMLFormElement>('add-fact-form');
    const shown = byId('selection-text');
    if (!this.selection || !this.patients.length) {
      form.hidden = true;
      shown.textContent = this.patients.length ? 'Select words in the title or the abstract (or type them below): they become the new fact\'s evidence.' : 'Add a patient first.';
      return;
    }
    shown.replaceChildren('Evidence: ', h('q', { class: 'selected-words' }, this.selection.text), ` (${FIELD_NAME[this.selection.field]}, characters ${this.selection.start}–${this.selection.end})`);
    form.hidden = false;
  }

  /** The patient picker and the facts it can take; keeps the choices already made. */
  private renderAddChoices(): void {
    const patientSelect = byId<HTMLSelectElement>('add-fact-patient');
    const wanted = patientSelect.value || this.activeCaseId || '';
    patientSelect.replaceChildren(...this.patients.map((patient) => h('option', { value: patient.id }, patient.label)));
    if (this.patients.some((patient) => patient.id === wanted)) patientSelect.value = wanted;
    const patient = this.patient(patientSelect.value);
    const what = byId<HTMLSelectElement>('add-fact-what');
    const previous = what.value;
    const facts = patient ? addableFacts(patient.procedures.length, patient.complications.length) : [];
    what.replaceChildren(...facts.map((fact) => h('option', { value: fact.path }, fact.label)));
    if (facts.some((fact) => fact.path === previous)) what.value = previous;
    if (what.value !== previous || !this.addEditor) this.renderAddEditor();
  }

  private renderAddEditor(): void {
    const patient = this.patient(byId<HTMLSelectElement>('add-fact-patient').value);
    const path = byId<HTMLSelectElement>('add-fact-what').value;
    const fact = patient ? addableFacts(patient.procedures.length, patient.complications.length).find((f) => f.path === path) : undefined;
    const slot = byId('add-fact-value');
    if (!fact) {
      slot.replaceChildren();
      this.addEditor = null;
      return;
    }
    this.addEditor = valueEditor('add-fact-input', 'Value', fact.editor, this.search);
    slot.replaceChildren(this.addEditor.element);
  }

  private async addFact(event: Event): Promise<void> {
    event.preventDefault();
    const error = byId('add-fact-error');
    error.textContent = '';
    const patient = this.patient(byId<HTMLSelectElement>('add-fact-patient').value);
    const path = byId<HTMLSelectElement>('add-fact-what').value;
    if (!patient || !this.selection || !this.addEditor) return;
    const read = this.addEditor.read();
    if ('error' in read) {
      error.textContent = read.error;
      this.addEditor.focusTarget.focus();
      return;
    }
    const selection = { field: this.selection.field, start: this.selection.start, end: this.selection.end, text: this.selection.text };
    const saved = await this.save(async () => {
      const data = await this.client.request<{ addCaseFact: PatientCase }>(ADD_FACT_MUTATION, { input: { caseReportId: patient.id, path, value: read.value, unit: read.unit, selection, expectedVersion: patient.version } });
      this.selection = null;
      this.addEditor = null;
      window.getSelection()?.removeAllRanges();
      byId<HTMLInputElement>('selection-words').value = '';
      await this.afterCaseChange(data.addCaseFact);
    });
    if (saved) {
      this.say(`${patient.label}: fact added from “${selection.text}”.`);
      this.refocus(patient.id, null);
    }
  }
}
