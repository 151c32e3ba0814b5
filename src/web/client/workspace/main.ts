/**
 * The review workspace: sign in, pick a review, screen its records by keyboard (i / e + reason / m,
 * j / k), see progress, filter and search the queue, resolve disagreements between reviewers, and
 * confirm the cases of an included record (confirm/). The URL keeps where the page is (place.ts):
 * reload, Back / Forward and a pasted link reopen the same review and record. It
 * talks only to this origin: /session for signing in, /graphql for everything else, with the
 * X-Requested-With header that lets the session cookie authenticate a change.
 */
import './workspace.css';
import { byId, h } from '../dom';
import { GraphqlClient, GraphqlRequestError } from '../graphql-client';
import { ConfirmView } from './confirm/confirm-view';
import { commandForKey, WorkspaceCommand } from './keys';
import { Place, placeFromSearch, samePlace, searchOfPlace } from './place';
import { CONFLICTS_QUERY, PROGRESS_QUERY, Progress, QUEUE_QUERY, QueueItem, RESOLVE_MUTATION, Review, REVIEWS_QUERY, SCREEN_MUTATION, Segment, Status } from './queries';
import { CSRF_HEADERS, currentSession, SessionInfo, signIn, signOut } from './session';

const client = new GraphqlClient('graphql', 15000, CSRF_HEADERS);
const PAGE = 100;

interface State {
  session: SessionInfo;
  reviews: Review[];
  review: Review | null;
  items: QueueItem[];
  index: number;
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
  progress: Progress | null;
  conflicts: QueueItem[];
  mode: 'record' | 'reason';
  busy: boolean;
}

const state: State = { session: { signedIn: false }, reviews: [], review: null, items: [], index: 0, totalCount: 0, endCursor: null, hasNextPage: false, progress: null, conflicts: [], mode: 'record', busy: false };

const DECISION_LABEL: Record<string, string> = { INCLUDE: 'Include', EXCLUDE: 'Exclude', MAYBE: 'Maybe' };
const STATUS_LABEL: Record<Status, string> = { UNDECIDED: 'Undecided', INCLUDED: 'Included', EXCLUDED: 'Excluded', MAYBE: 'Maybe', CONFLICT: 'Reviewers disagree' };

function say(message: string, error = false): void {
  const status = byId('status');
  status.textContent = message;
  status.classList.toggle('is-error', error);
}

function messageOf(error: unknown): string {
  if (error instanceof GraphqlRequestError && error.code === 'UNAUTHENTICATED') return 'Your session has ended: sign in again.';
  return error instanceof Error ? error.message : String(error);
}

function marked(segments: Segment[]): (Node | string)[] {
  return segments.map((segment) => (segment.highlighted ? h('mark', {}, segment.text) : segment.text));
}

function titleOf(item: QueueItem): string {
  return item.publication.title ?? 'Title not recorded';
}

function reasonLabel(code: string | null): string {
  if (!code) return '';
  return state.review?.exclusionReasons.find((reason) => reason.code === code)?.label ?? code;
}

function decisionText(decision: { decision: string; reason: string | null; note?: string | null }): string {
  const reason = decision.decision === 'EXCLUDE' && decision.reason ? ` (${reasonLabel(decision.reason)}${decision.note ? `: ${decision.note}` : ''})` : '';
  return `${DECISION_LABEL[decision.decision] ?? decision.decision}${reason}`;
}

function myStatus(item: QueueItem): Status {
  const mine = item.myDecision?.decision;
  return mine === 'INCLUDE' ? 'INCLUDED' : mine === 'EXCLUDE' ? 'EXCLUDED' : mine === 'MAYBE' ? 'MAYBE' : 'UNDECIDED';
}

// --- account ---------------------------------------------------------------------------------

function renderAccount(): void {
  const account = byId('account');
  account.replaceChildren();
  if (state.session.signedIn) {
    account.append(h('span', { class: 'account-name', id: 'signed-in-as' }, `Signed in as ${state.session.name} (${state.session.role})`), h('button', { type: 'button', class: 'small-button', id: 'sign-out', onclick: () => void doSignOut() }, 'Sign out'));
  }
  byId('sign-in-view').hidden = state.session.signedIn;
  byId('review-view').hidden = !state.session.signedIn;
}

async function doSignIn(event: Event): Promise<void> {
  event.preventDefault();
  const input = byId<HTMLInputElement>('api-key');
  const error = byId('sign-in-error');
  error.textContent = '';
  try {
    state.session = await signIn(input.value);
    input.value = '';
    renderAccount();
    say(`Signed in as ${state.session.name}.`);
    await loadReviews();
  } catch (failure) {
    input.value = '';
    error.textContent = messageOf(failure);
    input.focus();
  }
}

async function doSignOut(): Promise<void> {
  await signOut();
  state.session = { signedIn: false };
  state.items = [];
  state.review = null;
  showConfirm(false);
  renderAccount();
  say('Signed out.');
  byId<HTMLInputElement>('api-key').focus();
}

// --- the place in the URL --------------------------------------------------------------------

function currentPlace(): Place {
  return placeFromSearch(location.search);
}

/** Writes a place into the URL: a new history entry (a step Back undoes) or, with replace, the current one. */
function goToPlace(place: Place, replace = false): void {
  if (samePlace(place, currentPlace())) return;
  const url = `${location.pathname}${searchOfPlace(place)}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
}

function setDocumentTitle(): void {
  document.title = confirmView.isOpen ? `Confirm cases: ${confirmView.title} · Screening workspace` : state.review ? `${state.review.name} · Screening workspace` : 'Screening workspace · Case report search';
}

/** Shows what the URL says: the review, then the record's cases or screening (reload, Back / Forward, a pasted link). */
async function showPlace(place: Place): Promise<void> {
  if (!state.session.signedIn || !state.reviews.length) return;
  const review = state.reviews.find((candidate) => candidate.name === place.review) ?? state.review ?? state.reviews[0];
  if (review && review.name !== state.review?.name) {
    byId<HTMLSelectElement>('review-picker').value = review.name;
    await selectReview(review.name);
  }
  if (place.confirm) {
    if (!confirmView.isOpen || confirmView.publicationId !== place.confirm) await openConfirm(place.confirm, place.patient, 'none');
  } else if (confirmView.isOpen) {
    closeConfirm();
  }
  setDocumentTitle();
}

// --- reviews and the queue -------------------------------------------------------------------

async function loadReviews(): Promise<void> {
  const data = await client.request<{ reviews: Review[] }>(REVIEWS_QUERY, {});
  state.reviews = data.reviews.filter((review) => review.publicationCount > 0);
  const picker = byId<HTMLSelectElement>('review-picker');
  picker.replaceChildren(...state.reviews.map((review) => h('option', { value: review.name }, `${review.name} (${review.publicationCount})`)));
  if (!state.reviews.length) {
    say('No review yet: import records with a review name first (POST /imports?review=… or the CLI).');
    return;
  }
  state.review = null;
  await showPlace(currentPlace());
}

async function selectReview(name: string): Promise<void> {
  state.review = state.reviews.find((review) => review.name === name) ?? null;
  if (!state.review) return;
  byId('review-question').textContent = state.review.question ? `Question: ${state.review.question}` : 'No review question set (saveReview sets one; its words are highlighted).';
  byId<HTMLAnchorElement>('search-link').href = `./?scope=publications&review=${encodeURIComponent(state.review.name)}`;
  const reasonSelect = byId<HTMLSelectElement>('queue-reason');
  reasonSelect.replaceChildren(h('option', { value: '' }, 'Any reason'), ...state.review.exclusionReasons.map((reason) => h('option', { value: reason.code }, reason.label)));
  await Promise.all([loadQueue(), loadConflicts()]);
}

function queueVariables(after: string | null): Record<string, unknown> {
  const filter = byId<HTMLSelectElement>('queue-filter').value || null;
  const reason = filter === 'EXCLUDED' ? byId<HTMLSelectElement>('queue-reason').value || null : null;
  const text = byId<HTMLInputElement>('queue-text').value.trim() || null;
  return { review: state.review?.name, filter, reason, text, first: PAGE, after };
}

async function loadQueue(more = false): Promise<void> {
  if (!state.review) return;
  try {
    const data = await client.request<{ screeningQueue: { totalCount: number; hasNextPage: boolean; endCursor: string | null; progress: Progress; items: QueueItem[] } }>(QUEUE_QUERY, queueVariables(more ? state.endCursor : null));
    const queue = data.screeningQueue;
    state.items = more ? [...state.items, ...queue.items] : queue.items;
    if (!more) state.index = 0;
    state.totalCount = queue.totalCount;
    state.hasNextPage = queue.hasNextPage;
    state.endCursor = queue.endCursor;
    state.progress = queue.progress;
    state.mode = 'record';
    renderProgress();
    renderQueue();
    renderRecord();
  } catch (error) {
    say(messageOf(error), true);
  }
}

async function fetchProgress(): Promise<Progress | null> {
  if (!state.review) return null;
  const data = await client.request<{ screeningQueue: { progress: Progress } }>(PROGRESS_QUERY, { review: state.review.name });
  return data.screeningQueue.progress;
}

async function refreshProgress(): Promise<void> {
  state.progress = (await fetchProgress()) ?? state.progress;
  renderProgress();
}

async function loadConflicts(): Promise<void> {
  if (!state.review) return;
  const data = await client.request<{ screeningConflicts: QueueItem[] }>(CONFLICTS_QUERY, { review: state.review.name });
  state.conflicts = data.screeningConflicts;
  renderConflicts();
}

function renderProgress(): void {
  const progress = state.progress;
  const bar = byId<HTMLProgressElement>('progress');
  if (!progress) return;
  bar.max = Math.max(1, progress.total);
  bar.value = progress.screened;
  byId('progress-label').textContent =
    `${progress.screened} of ${progress.total} screened by you · ${progress.included} included · ${progress.excluded} excluded · ${progress.maybe} maybe · ${progress.undecided} undecided · ` +
    `${progress.conflicts} ${progress.conflicts === 1 ? 'conflict' : 'conflicts'} between reviewers`;
}

function renderQueue(): void {
  const list = byId('queue');
  list.replaceChildren(
    ...state.items.map((item, index) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', 'aria-current': index === state.index ? 'true' : 'false', 'data-publication-id': item.publication.id, onclick: () => goTo(index) },
          h('span', { class: `decision-badge decision-${myStatus(item)}` }, STATUS_LABEL[myStatus(item)]),
          titleOf(item),
        ),
      ),
    ),
  );
  byId('queue-count').textContent = state.totalCount === 1 ? '1 record' : `${state.totalCount} records`;
  byId('queue-more').hidden = !state.hasNextPage;
  list.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
}

function renderRecord(): void {
  const record = byId('record');
  const item = state.items[state.index];
  if (!item) {
    record.replaceChildren(h('p', {}, state.review ? 'No record matches: change the filter or the search.' : ''));
    return;
  }
  const p = item.publication;
  const reviewers = item.decisions.filter((decision) => decision.reviewer !== state.session.name);
  const reasons = state.review?.exclusionReasons ?? [];
  const mine = item.myDecision?.decision ?? null;
  const button = (decision: 'INCLUDE' | 'EXCLUDE' | 'MAYBE', key: string) =>
    h(
      'button',
      { type: 'button', class: 'decision-button', 'aria-pressed': mine === decision ? 'true' : 'false', 'aria-keyshortcuts': key, 'data-decision': decision, onclick: () => run(decision === 'EXCLUDE' ? { kind: 'exclude' } : { kind: 'decide', decision }) },
      `${DECISION_LABEL[decision]} `,
      h('kbd', {}, key),
    );
  const children: (Node | null)[] = [
    h('p', { class: 'record-position' }, `Record ${state.index + 1} of ${state.items.length}`),
    h('h2', { class: 'record-title', id: 'record-title' }, ...(item.titleSegments.length ? marked(item.titleSegments) : [titleOf(item)]), item.publication.titleStatus === 'INCOMPLETE' ? ' (title incomplete in the source)' : ''),
    h('p', { class: 'record-meta' }, [p.journal ?? 'No journal', p.year ?? 'no year', p.pmid ? `PMID ${p.pmid}` : null, p.doi ? `DOI ${p.doi}` : null].filter(Boolean).join(' · ')),
    p.meshHeadings.length ? h('ul', { class: 'mesh-list', 'aria-label': 'MeSH headings' }, ...p.meshHeadings.map((m) => h('li', {}, m.label))) : null,
    item.abstractSegments.length ? h('p', { class: 'record-abstract' }, ...marked(item.abstractSegments)) : h('p', { class: 'record-abstract' }, 'No abstract.'),
    h('div', { class: 'decision-bar', role: 'group', 'aria-label': 'Your decision' }, button('INCLUDE', 'i'), button('EXCLUDE', 'e'), button('MAYBE', 'm')),
    state.mode === 'reason'
      ? h(
          'fieldset',
          { class: 'reason-panel', id: 'reason-panel' },
          h('legend', {}, 'Exclude because… press the number'),
          h(
            'ol',
            { class: 'reason-list' },
            ...reasons.map((reason, index) => h('li', {}, h('button', { type: 'button', 'data-reason': reason.code, onclick: () => run({ kind: 'reason', index }) }, h('kbd', {}, String(index + 1)), ` ${reason.label}`))),
          ),
          h('label', { for: 'reason-note' }, 'Note (needed for Other; Enter saves)'),
          h('textarea', { id: 'reason-note', class: 'reason-note', maxlength: 2000 }),
        )
      : null,
    h(
      'p',
      { class: 'reviewer-decisions', id: 'my-decision' },
      item.myDecision ? `Your decision: ${decisionText(item.myDecision)}.` : 'You have not decided yet.',
      // Blind screening: the API shows others' decisions (and the final one) only once you have decided, or reviewers disagree.
      item.myDecision || item.status !== 'UNDECIDED' ? ` Final: ${STATUS_LABEL[item.status]}${item.finalReason ? ` (${reasonLabel(item.finalReason)})` : ''}.` : ' Other reviewers\' decisions stay hidden until you decide (blind screening).',
      reviewers.length ? ` Other reviewers: ${reviewers.map((decision) => `${decision.reviewer}: ${decisionText(decision)}`).join('; ')}.` : '',
      item.resolution ? ` Resolved by ${item.resolution.resolvedBy}.` : '',
    ),
    included(item) ? h('button', { type: 'button', class: 'primary-button', id: 'open-confirm', onclick: () => void openConfirm(item.publication.id, null, 'push') }, 'Confirm the cases of this record') : null,
  ];
  record.replaceChildren(...children.filter((child): child is Node => child !== null));
  const note = record.querySelector<HTMLTextAreaElement>('#reason-note');
  note?.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      const other = reasons.findIndex((reason) => reason.needsNote);
      void exclude(other >= 0 ? other : reasons.length - 1, note.value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      run({ kind: 'cancel' });
    }
  });
}

/** Records whose cases are confirmed: included by you, or finally. */
function included(item: QueueItem): boolean {
  return item.myDecision?.decision === 'INCLUDE' || item.status === 'INCLUDED';
}

// --- confirming cases ------------------------------------------------------------------------

// The patient looked at goes into the URL without a history entry of its own.
const confirmView = new ConfirmView(client, say, messageOf, (caseId) => {
  const place = currentPlace();
  if (confirmView.isOpen && place.confirm && place.confirm === confirmView.publicationId) goToPlace({ ...place, patient: caseId }, true);
});

function showConfirm(open: boolean): void {
  byId('screening-area').hidden = open;
  byId('confirm-view').hidden = !open;
}

/**
 * Opens a record's cases. `history`: 'push' when the user opens it (Back returns to screening),
 * 'none' when the URL already says so (reload, Back / Forward, a pasted link).
 */
async function openConfirm(publicationId: string, patientId: string | null, how: 'push' | 'none'): Promise<void> {
  const review = state.review?.name ?? null;
  if (how === 'push') goToPlace({ review, confirm: publicationId, patient: null });
  // The queue stands on the record, so "Back to screening" lands on it.
  const at = state.items.findIndex((item) => item.publication.id === publicationId);
  if (at >= 0 && at !== state.index) goTo(at);
  try {
    showConfirm(true);
    await confirmView.open(publicationId, patientId);
    say(`Confirming the cases of: ${confirmView.title}`);
  } catch (error) {
    showConfirm(false);
    // A link to a record that cannot be shown: the URL goes back to screening, the message stays.
    goToPlace({ review, confirm: null, patient: null }, true);
    say(messageOf(error), true);
  }
  setDocumentTitle();
}

function closeConfirm(): void {
  showConfirm(false);
  setDocumentTitle();
  (document.getElementById('open-confirm') ?? byId('record')).focus();
}

function backToScreening(): void {
  goToPlace({ review: state.review?.name ?? null, confirm: null, patient: null });
  closeConfirm();
}

function goTo(index: number): void {
  if (!state.items.length) return;
  state.index = Math.max(0, Math.min(state.items.length - 1, index));
  state.mode = 'record';
  renderQueue();
  renderRecord();
}

// --- decisions -------------------------------------------------------------------------------

function replaceItem(updated: QueueItem): void {
  const at = state.items.findIndex((item) => item.publication.id === updated.publication.id);
  if (at >= 0) state.items[at] = updated;
}

async function decide(decision: 'INCLUDE' | 'EXCLUDE' | 'MAYBE', reason: string | null = null, note: string | null = null): Promise<void> {
  const item = state.items[state.index];
  if (!item || !state.review || state.busy) return;
  state.busy = true;
  try {
    const data = await client.request<{ screenPublication: QueueItem }>(SCREEN_MUTATION, { review: state.review.name, publicationId: item.publication.id, decision, reason, note });
    replaceItem(data.screenPublication);
    state.mode = 'record';
    say(`${decisionText({ decision, reason, note })}: ${titleOf(item)}`);
    const [progress] = await Promise.all([fetchProgress(), loadConflicts()]);
    // On to the next record (the decided one stays in the list until the queue is reloaded), and the
    // progress with it, in one step: what the page shows is never half updated.
    state.progress = progress ?? state.progress;
    goTo(state.index + 1 < state.items.length ? state.index + 1 : state.index);
    renderProgress();
    byId('record').focus();
  } catch (error) {
    say(messageOf(error), true);
    if (error instanceof GraphqlRequestError && error.code === 'UNAUTHENTICATED') {
      state.session = { signedIn: false };
      renderAccount();
    }
  } finally {
    state.busy = false;
  }
}

async function exclude(index: number, note: string | null): Promise<void> {
  const reason = state.review?.exclusionReasons[index];
  if (!reason) return;
  const text = note?.trim() || null;
  if (reason.needsNote && !text) {
    const field = document.querySelector<HTMLTextAreaElement>('#reason-note');
    say(`"${reason.label}" needs a note: type it, then press Enter.`);
    field?.focus();
    return;
  }
  await decide('EXCLUDE', reason.code, text);
}

function run(command: WorkspaceCommand): void {
  switch (command.kind) {
    case 'decide':
      void decide(command.decision);
      return;
    case 'exclude':
      if (!state.items[state.index]) return;
      state.mode = 'reason';
      renderRecord();
      say('Exclude: press the reason\'s number (Escape cancels).');
      return;
    case 'reason': {
      const note = document.querySelector<HTMLTextAreaElement>('#reason-note')?.value ?? null;
      void exclude(command.index, note);
      return;
    }
    case 'cancel':
      state.mode = 'record';
      renderRecord();
      byId('record').focus();
      say('Exclusion cancelled.');
      return;
    case 'next':
      goTo(state.index + 1);
      return;
    case 'previous':
      goTo(state.index - 1);
      return;
    case 'search':
      byId<HTMLInputElement>('queue-text').focus();
      return;
    case 'conflicts': {
      const first = document.querySelector<HTMLSelectElement>('#conflict-list select');
      if (first) {
        first.scrollIntoView({ block: 'center' });
        first.focus();
      } else {
        say('No disagreement between reviewers to resolve.');
      }
      return;
    }
  }
}

function onKey(event: KeyboardEvent): void {
  // The screening keys are off while confirming cases (its fields and buttons take the keys).
  if (!state.session.signedIn || !state.review || confirmView.isOpen) return;
  const target = event.target as HTMLElement | null;
  const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
  if (typing) {
    if (event.key === 'Escape' && target.tagName !== 'TEXTAREA') target.blur();
    return;
  }
  const command = commandForKey(event, state.mode, state.review.exclusionReasons.length);
  if (!command) return;
  event.preventDefault();
  run(command);
}

// --- conflicts -------------------------------------------------------------------------------

function renderConflicts(): void {
  const list = byId('conflict-list');
  if (!state.conflicts.length) {
    list.replaceChildren(h('li', { class: 'no-conflicts' }, 'No disagreement between reviewers.'));
    return;
  }
  const reasons = state.review?.exclusionReasons ?? [];
  list.replaceChildren(
    ...state.conflicts.map((item, n) => {
      const selectId = `resolve-${n}`;
      const noteId = `resolve-note-${n}`;
      const select = h(
        'select',
        { id: selectId },
        h('option', { value: 'INCLUDE' }, 'Include'),
        h('option', { value: 'MAYBE' }, 'Maybe'),
        ...reasons.map((reason) => h('option', { value: `EXCLUDE:${reason.code}` }, `Exclude: ${reason.label}`)),
      );
      const note = h('input', { id: noteId, type: 'text', maxlength: 2000 });
      const resolve = async (event: Event) => {
        event.preventDefault();
        if (!state.review) return;
        const [decision, reason] = select.value.split(':');
        try {
          await client.request(RESOLVE_MUTATION, { review: state.review.name, publicationId: item.publication.id, decision, reason: reason ?? null, note: note.value.trim() || null });
          say(`Resolved as ${decisionText({ decision, reason: reason ?? null, note: note.value })}: ${titleOf(item)}`);
          await Promise.all([loadConflicts(), refreshProgress()]);
          const at = state.items.findIndex((i) => i.publication.id === item.publication.id);
          if (at >= 0) await loadQueue();
        } catch (error) {
          say(messageOf(error), true);
        }
      };
      return h(
        'li',
        { 'data-publication-id': item.publication.id },
        h('p', { class: 'conflict-title' }, titleOf(item)),
        h('p', { class: 'reviewer-decisions' }, item.decisions.map((decision) => `${decision.reviewer}: ${decisionText(decision)}`).join('; ')),
        h(
          'form',
          { class: 'resolve-form', onsubmit: (event: Event) => void resolve(event) },
          h('label', { for: selectId }, 'Final decision'),
          select,
          h('label', { for: noteId }, 'Note'),
          note,
          h('button', { type: 'submit', class: 'small-button' }, 'Resolve'),
        ),
      );
    }),
  );
}

// --- start -----------------------------------------------------------------------------------

async function start(): Promise<void> {
  byId('sign-in-form').addEventListener('submit', (event) => void doSignIn(event));
  byId('review-picker').addEventListener('change', (event) => {
    const name = (event.target as HTMLSelectElement).value;
    goToPlace({ review: name, confirm: null, patient: null });
    void selectReview(name).then(setDocumentTitle);
  });
  const filter = byId<HTMLSelectElement>('queue-filter');
  filter.addEventListener('change', () => {
    const excluded = filter.value === 'EXCLUDED';
    byId('queue-reason').hidden = !excluded;
    byId('queue-reason-label').hidden = !excluded;
    void loadQueue();
  });
  byId('queue-reason').addEventListener('change', () => void loadQueue());
  let typing: number | undefined;
  byId('queue-text').addEventListener('input', () => {
    window.clearTimeout(typing);
    typing = window.setTimeout(() => void loadQueue(), 250);
  });
  byId('queue-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    void loadQueue();
  });
  byId('queue-more').addEventListener('click', () => void loadQueue(true));
  byId('confirm-back').addEventListener('click', backToScreening);
  // One place at a time: quick Back, Back runs the second after the first has settled.
  let placing = Promise.resolve();
  window.addEventListener('popstate', () => {
    placing = placing.then(() => showPlace(currentPlace())).catch((error) => say(messageOf(error), true));
  });
  document.addEventListener('keydown', onKey);
  try {
    state.session = await currentSession();
  } catch {
    state.session = { signedIn: false };
  }
  renderAccount();
  if (state.session.signedIn) await loadReviews();
  document.body.dataset.ready = 'true';
}

void start();
