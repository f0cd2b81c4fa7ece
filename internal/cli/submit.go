package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/internal/report"
	"github.com/finlint/finlint/refcache"
	"github.com/finlint/finlint/rules"
	"github.com/spf13/cobra"
)

// submitter sends the payloads that passed to the API, at most once each.
//
// The API has no idempotency key, so "at most once" rests on the journal:
// a payload (keyed by the SHA-256 of its bytes) gets a pending line on disk
// before its request leaves and an outcome line after the answer. A payload
// the journal knows as created is skipped; one that is pending without an
// outcome (a run that died, a request that timed out) or unknown is
// reported unknown and never sent again, until finlint journal reconcile
// settles it; one reconcile found absent is sent only with --resend-absent. Requests run concurrently, at most jobs at a time
// and rate a second; their results are handed on in input order.
type submitter struct {
	linter  *finlint.Linter
	client  *finapi.Client
	journal *finapi.Journal
	failOn  rules.Severity
	// api is the normalised base URL, recorded on every pending line.
	api string
	// resendAbsent allows sending the payloads reconcile found absent.
	resendAbsent bool
	sem          chan struct{}
	limiter      *limiter

	mu sync.Mutex
	// inRun maps the key of every payload sent in this run to where it came
	// from, so that a second copy of the same bytes is not sent again.
	inRun map[string]string
	// fatal is set when the API refuses the credentials: nothing more is sent.
	fatal error
}

// submitFlags are the flags of lint that shape a submission. lint embeds
// them and registers them with addSubmitFlags.
type submitFlags struct {
	journal      string
	rate         float64
	yes          bool
	resendAbsent bool
}

// addSubmitFlags registers the submission flags (all but --submit itself)
// on cmd, into f.
func addSubmitFlags(cmd *cobra.Command, f *submitFlags) {
	fl := cmd.Flags()
	fl.StringVar(&f.journal, "journal", "", "submission journal `FILE` (default: this API's journal in the state folder, FINLINT_STATE_DIR or the user's state folder, shared by runs from any folder)")
	fl.Float64Var(&f.rate, "rate", 5, "at most `N` submissions a second")
	fl.BoolVar(&f.yes, "yes", false, "submit to production (https://api.fin.com) without an interactive confirmation")
	fl.BoolVar(&f.resendAbsent, "resend-absent", false, "send again the payloads that finlint journal reconcile found absent at the API")
}

// openJournalFor opens the journal named by flag, or by default the one of
// base in finlint's state folder, with the same lock that --submit takes;
// a missing journal is created only when create is set (otherwise the error
// wraps os.ErrNotExist). It refuses a journal that records submissions to
// another API: its "created" and "absent" say nothing about this one.
func openJournalFor(e *env, flag, base string, create bool) (*finapi.Journal, error) {
	path := flag
	api := refcache.NormalizeURL(base)
	if path == "" {
		dir, err := finapi.StateDir(e.getenv, runtime.GOOS)
		if err != nil {
			return nil, usageErr("journal: %v", err)
		}
		path = finapi.JournalPath(dir, api)
		if create {
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				return nil, &exitError{code: exitTool, err: fmt.Errorf("journal: %w", err)}
			}
		}
	}
	opts := []finapi.JournalOption{finapi.WithClock(e.now)}
	if !create {
		opts = append(opts, finapi.ExistingOnly())
	}
	j, err := finapi.OpenJournal(path, opts...)
	if err != nil {
		if errors.Is(err, finapi.ErrJournalLocked) {
			return nil, usageErr("%v: another finlint run is using it; wait for it to finish", err)
		}
		return nil, &exitError{code: exitTool, err: fmt.Errorf("journal: %w", err)}
	}
	if r := j.Repaired(); r != "" {
		fmt.Fprintf(e.stderr, "finlint: warning: journal %s: %s\n", j.Path(), r)
	}
	for _, other := range j.APIs() {
		if other != api {
			j.Close()
			return nil, usageErr("journal %s records submissions to %s, not to FIN_BASE_URL %s; use another --journal", j.Path(), other, api)
		}
	}
	return j, nil
}

// newSubmitter checks everything submission needs and takes the journal's
// lock; the caller sets linter before the first payload.
func newSubmitter(e *env, lf *lintFlags, getClient func() (*finapi.Client, error), failOn rules.Severity, jobs int, stdinIsInput bool) (*submitter, error) {
	f := lf.submitFlags
	base := finapi.BaseURLFromEnv(e.getenv)
	if err := finapi.CheckBaseURL(base); err != nil {
		return nil, usageErr("FIN_BASE_URL: %v", err)
	}
	creds := finapi.CredentialsFromEnv(e.getenv)
	if !creds.Set() {
		return nil, usageErr("--submit needs FIN_CLIENT_ID and FIN_CLIENT_SECRET, or FIN_ACCESS_TOKEN")
	}
	if f.rate <= 0 {
		return nil, usageErr("--rate: want a number of submissions a second above 0, not %v", f.rate)
	}
	if finapi.IsProduction(base) && !f.yes {
		if err := confirmProduction(e, base, stdinIsInput); err != nil {
			return nil, err
		}
	}
	j, err := openJournalFor(e, f.journal, base, true)
	if err != nil {
		return nil, err
	}
	client, err := getClient()
	if err != nil {
		j.Close()
		return nil, usageErr("%v", err)
	}
	return &submitter{
		client: client, journal: j, failOn: failOn,
		api:          refcache.NormalizeURL(base),
		resendAbsent: f.resendAbsent,
		sem:          make(chan struct{}, jobs),
		limiter:      newLimiter(f.rate, time.Now),
		inRun:        map[string]string{},
	}, nil
}

// confirmProduction asks on the terminal before anything is sent to the
// production API; without a terminal to ask on, --yes is needed.
func confirmProduction(e *env, base string, stdinIsInput bool) error {
	if stdinIsInput || !e.isTTY(e.stdin) || !e.isTTY(e.stderr) {
		return usageErr("submitting to production (%s) needs --yes when there is no terminal to confirm on", base)
	}
	fmt.Fprintf(e.stderr, "Submit payloads to PRODUCTION (%s)? This creates real customers. Type yes to go on: ", base)
	line, _ := bufio.NewReader(e.stdin).ReadString('\n')
	if strings.TrimSpace(strings.ToLower(line)) != "yes" {
		return usageErr("not confirmed: nothing was sent")
	}
	return nil
}

func (s *submitter) close() error { return s.journal.Close() }

// due reports whether a result may be sent: it was read, parsed within the
// limits, and has no finding at or above --fail-on.
func (s *submitter) due(r *finlint.Result) (bool, string) {
	if r.Error != "" || r.Data == nil {
		return false, "not read"
	}
	if !r.Valid {
		// Whatever --fail-on says, a payload with an error is one the API
		// would refuse, or worse, take in a form nobody meant.
		return false, "has errors"
	}
	if !r.Passes(s.failOn) {
		return false, "has findings at or above --fail-on"
	}
	return true, ""
}

// start begins the submission of r, if it is due, and returns a channel
// that yields r with its Submission set.
func (s *submitter) start(ctx context.Context, r report.Result) <-chan report.Result {
	out := make(chan report.Result, 1)
	ok, why := s.due(&r.Result)
	if !ok {
		r.Submission = &report.Submission{Status: "not-sent", Error: why}
		out <- r
		return out
	}
	key := finapi.Key(r.Data)
	where := r.Source
	if r.Record > 0 {
		where = fmt.Sprintf("%s:%d", r.Source, r.Record)
	}
	// The run's own copies come first: once the first copy is in the
	// journal, the second must not read as "created by an earlier run".
	s.mu.Lock()
	first, dup := s.inRun[key]
	if !dup {
		s.inRun[key] = where
	}
	s.mu.Unlock()
	if dup {
		r.Submission = &report.Submission{Status: "not-sent", Due: true, Error: "the same bytes as " + first + ", which this run handles once"}
		out <- r
		return out
	}
	if sub := s.fromJournal(key); sub != nil {
		sub.Due = true
		r.Submission = sub
		out <- r
		return out
	}
	// The slot is taken here, in input order, so that with --jobs 1 the
	// payloads leave in the order they were read.
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		r.Submission = &report.Submission{Status: "not-sent", Due: true, Error: "the run was stopped"}
		out <- r
		return out
	}
	go func() {
		defer func() { <-s.sem }()
		s.send(ctx, &r, key)
		r.Submission.Due = true
		out <- r
	}()
	return out
}

// fromJournal returns the submission an earlier run recorded, or nil when
// the payload may be sent.
func (s *submitter) fromJournal(key string) *report.Submission {
	e, ok := s.journal.Lookup(key)
	if !ok || e.Status.MaySend() || (e.Status == finapi.StatusAbsent && s.resendAbsent) {
		return nil
	}
	switch e.Status {
	case finapi.StatusCreated:
		return &report.Submission{Status: "skipped", HTTPStatus: e.HTTPStatus, CustomerID: e.CustomerID, TOSPoliciesURL: e.TosPoliciesURL,
			Error: "created by an earlier run (" + e.Time.UTC().Format(time.RFC3339) + ")"}
	case finapi.StatusAbsent:
		return &report.Submission{Status: "not-sent",
			Error: "an earlier run sent it and the API was found to hold no such customer; --resend-absent sends it again"}
	default: // pending with no outcome, or unknown
		return &report.Submission{Status: "unknown", HTTPStatus: e.HTTPStatus,
			Error: "an earlier run sent it and never learnt the outcome; finlint journal reconcile settles it"}
	}
}

// send sends r; the caller holds a slot of s.sem.
func (s *submitter) send(ctx context.Context, r *report.Result, key string) {
	if err := s.stopped(); err != nil {
		r.Submission = &report.Submission{Status: "not-sent", Error: "not sent: " + err.Error()}
		return
	}
	if err := s.limiter.wait(ctx); err != nil {
		r.Submission = &report.Submission{Status: "not-sent", Error: "the run was stopped"}
		return
	}
	// The kind decides the endpoint and how reconcile finds the customer.
	// A payload of no known kind has a payload-kind error and is never
	// due; this only guards against sending one anyway.
	kind := r.Kind
	if _, ok := finapi.CreatePath(kind); !ok {
		r.Submission = &report.Submission{Status: "not-sent", Error: "no endpoint for payloads of kind " + strconv.Quote(kind)}
		return
	}
	match, err := finapi.MatchFields(kind, r.Data)
	if err != nil {
		r.Submission = &report.Submission{Status: "not-sent", Error: err.Error()}
		return
	}
	if err := s.journal.PendingEntry(finapi.Entry{Key: key, Source: r.Source, Record: r.Record, Kind: kind, API: s.api, Match: match}); err != nil {
		// Without the pending line on disk the request must not leave.
		r.Submission = &report.Submission{Status: "not-sent", Error: "journal: " + err.Error()}
		s.stop(fmt.Errorf("journal: %w", err))
		return
	}
	res, err := s.client.Create(ctx, kind, r.Data)
	sent := res.Kind != finapi.NotSent
	entry := finapi.EntryFor(res, err)
	entry.Source, entry.Record = r.Source, r.Record
	entry.Error = scrub(&r.Result, entry.Error) // the API may quote the payload back
	jerr := s.journal.Outcome(key, entry)
	if errors.Is(err, finapi.ErrUnauthorized) {
		s.stop(err)
	}
	sub := &report.Submission{HTTPStatus: res.HTTPStatus, CustomerID: res.CustomerID, TOSPoliciesURL: res.TosPoliciesURL, Sent: sent}
	switch res.Kind {
	case finapi.Created:
		sub.Status = "created"
	case finapi.Rejected, finapi.Failed:
		sub.Status = "failed"
		sub.Error = entry.Error
	case finapi.NotSent:
		sub.Status = "not-sent"
		sub.Error = entry.Error
	default:
		sub.Status = "unknown"
		sub.Error = entry.Error
	}
	if jerr != nil {
		sub.Error = strings.TrimPrefix(sub.Error+"; ", "; ") + "journal: " + jerr.Error()
		s.stop(fmt.Errorf("journal: %w", jerr))
	}
	r.Submission = sub
	if len(res.FieldErrors) > 0 {
		var fs []rules.Finding
		for _, fe := range res.FieldErrors {
			fs = append(fs, rules.Finding{Rule: rules.APIError.ID, Severity: rules.APIError.Severity, Path: fe.Pointer, Message: "the API refused it: " + fe.Message})
		}
		annotate(s.linter, &r.Result, fs)
	}
}

func (s *submitter) stop(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fatal == nil {
		s.fatal = err
	}
}

func (s *submitter) stopped() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fatal
}

// limiter spaces the starts of requests at least 1/rate apart.
type limiter struct {
	mu       sync.Mutex
	interval time.Duration
	next     time.Time
	now      func() time.Time
}

func newLimiter(rate float64, now func() time.Time) *limiter {
	return &limiter{interval: time.Duration(float64(time.Second) / rate), now: now}
}

func (l *limiter) wait(ctx context.Context) error {
	l.mu.Lock()
	now := l.now()
	at := l.next
	if at.Before(now) {
		at = now
	}
	l.next = at.Add(l.interval)
	l.mu.Unlock()
	if d := at.Sub(now); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}
