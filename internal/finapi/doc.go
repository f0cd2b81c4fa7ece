// Package finapi is finlint's client for the Fin.com API: it obtains and
// renews the bearer token, downloads the reference catalogues of each
// customer type, submits Create Individual Customer V2 and Create Business
// Customer V2 requests, and keeps the submission journal.
//
// # Tokens
//
// A Client holds one token and shares it between all goroutines; when
// several need a new one at the same moment, one of them asks and the others
// wait for its answer. The vendor states expiry as a wall-clock time
// (access_token_ttl, like "2025-09-03 08:50:57+00") together with its own
// current_time, so the lifetime is taken as the difference of the two and
// laid onto the local clock from the moment the request left: a local clock
// that is wrong does not make a fresh token look expired, or an old one
// valid. A token is renewed a little before it expires, with the refresh
// token when there is one (falling back to the client credentials), and once
// more when the API answers 401 anyway. A token given in FIN_ACCESS_TOKEN is
// used as it is and cannot be renewed.
//
// # Retries
//
// Reading is harmless to repeat, so catalogue downloads and token requests
// are retried after a connection failure, a 429 or any 5xx, waiting as long
// as Retry-After says (in seconds or as an HTTP date) or else an exponential
// backoff, within a cap on attempts, on any single wait, and on the total
// time spent.
//
// Creating a customer is not harmless to repeat: the API has no idempotency
// key, so a request the server processed but whose answer was lost would,
// if sent again, create the customer twice. A create request is therefore
// retried only when the server cannot have processed it:
//
//   - a 429 or a 503, by which the server says it did not take the request;
//   - a connection failure before any byte of the request was written,
//     judged from net/http's request trace (the connection was never
//     obtained, or no header was written to it);
//   - a 401, once, with a renewed token: an unauthenticated request is not
//     processed.
//
// Everything else is final. A timeout, a dropped connection, or a 5xx
// other than 503 (a server error, a gateway's 502/504) after the request was
// written leaves the outcome Unknown: the customer may or may not exist. The
// journal records that, so a later run does not send the payload again, and
// Reconcile later settles it by looking the customer up in GET
// /v2/customers.
//
// # The journal, and "exactly once"
//
// The journal is an append-only JSON Lines file keyed by the SHA-256 of a
// payload's bytes. A "pending" line is written and flushed to disk before a
// request leaves, and a line with the outcome after the answer. A payload
// whose latest line is "created" is never sent again; one whose latest line
// is "pending" (the process died, or was killed, while the request was in
// flight) or "unknown" is reported as unknown and never sent again either,
// until Reconcile (or a person) appends "created" or "absent". Only a
// payload the API certainly did not create ("rejected", "failed",
// "not-sent") may be sent by a later run; an "absent" one only when the
// caller asks for it. An exclusive lock on the journal keeps two runs from
// sending the same payloads at the same time.
//
// The pending line also records the payload's kind, the API it went to and
// the few fields its customer can be found by (for an individual: email,
// names and phone; for a business: legal name and email); never its tax
// id. StateDir and JournalPath give the default journal: one per API in
// the user's state folder, so that runs from different working directories
// share it.
//
// Tokens, the client secret and payloads never appear in errors or in the
// journal.
package finapi
