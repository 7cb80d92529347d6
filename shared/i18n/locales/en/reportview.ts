/**
 * Messages of the desktop app's report view (English, the reference catalog): the plain-text answers of
 * the `ais-report:` protocol when a stored snapshot's HTML report cannot be shown.
 */
export const reportview = {
  bad_ref: 'This is not a snapshot reference: use latest, latest~N, an id or an id prefix.',
  bad_lang: 'Unknown report language "{{lang}}": use en or ko.',
  not_found: 'No stored snapshot matches this reference: take a snapshot or pick one from the list.',
  corrupt: 'This stored snapshot cannot be read: take a new snapshot.',
  method: 'Only GET is answered here: the report view loads reports, nothing else.',
  internal: 'The report could not be produced: try again, or export it from the snapshot list.',
};
