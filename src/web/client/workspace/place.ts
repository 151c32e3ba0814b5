/**
 * Where the workspace is, as its URL says: the review, and when confirming cases the record
 * (publication id) and the patient whose evidence is marked. The page pushes a history entry for every
 * step a user would want Back to undo (another review, opening or leaving a record's cases) and
 * replaces it when only the patient looked at changes; reload, Back / Forward and a pasted link read
 * it back (after signing in when needed). Pure, so it is tested without a browser.
 */

export interface Place {
  review: string | null;
  /** The publication whose cases are being confirmed; null: screening. */
  confirm: string | null;
  /** The patient (case report id) looked at in the confirm view. */
  patient: string | null;
}

/** Ids are the API's (UUIDs): anything else in the URL is ignored rather than sent on. */
const ID = /^[0-9a-zA-Z-]{1,64}$/;

export function placeFromSearch(search: string): Place {
  const params = new URLSearchParams(search);
  const review = params.get('review')?.trim() || null;
  const confirm = params.get('confirm');
  const patient = params.get('patient');
  const validConfirm = confirm && ID.test(confirm) ? confirm : null;
  return { review, confirm: validConfirm, patient: validConfirm && patient && ID.test(patient) ? patient : null };
}

/** The query string of a place ('' for none), review first, so links read well. */
export function searchOfPlace(place: Place): string {
  const params = new URLSearchParams();
  if (place.review) params.set('review', place.review);
  if (place.confirm) {
    params.set('confirm', place.confirm);
    if (place.patient) params.set('patient', place.patient);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function samePlace(a: Place, b: Place): boolean {
  return a.review === b.review && a.confirm === b.confirm && a.patient === b.patient;
}
