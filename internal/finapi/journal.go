package finapi

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Status is the state of one payload in the journal.
type Status string

// The journal's states. Pending is written before a request leaves; the
// others record its outcome and match Kind.String.
const (
	StatusPending  Status = "pending"
	StatusCreated  Status = "created"
	StatusRejected Status = "rejected"
	StatusFailed   Status = "failed"
	StatusUnknown  Status = "unknown"
	StatusNotSent  Status = "not-sent"
	// StatusAbsent is written by reconcile (or by hand) when the API was
	// searched and holds no such customer: the payload may be sent again,
	// but only when asked for with --resend-absent, since a customer the
	// search missed would then be created twice.
	StatusAbsent Status = "absent"
)

// Statuses lists every status a journal line may have, pending first.
func Statuses() []Status {
	return []Status{StatusPending, StatusCreated, StatusUnknown, StatusAbsent, StatusRejected, StatusFailed, StatusNotSent}
}

func (s Status) valid() bool {
	switch s {
	case StatusPending, StatusCreated, StatusRejected, StatusFailed, StatusUnknown, StatusNotSent, StatusAbsent:
		return true
	}
	return false
}

// Unsettled reports whether the payload was sent and nobody knows what
// became of it: an unknown outcome, or a pending line that never got one.
func (s Status) Unsettled() bool { return s == StatusPending || s == StatusUnknown }

// MaySend reports whether a payload in this state may be sent (again):
// only when the API certainly did not create it. A pending entry whose
// outcome was never written is as unknown as an unknown one.
func (s Status) MaySend() bool {
	switch s {
	case StatusRejected, StatusFailed, StatusNotSent:
		return true
	}
	return false
}

// Errors of the journal, for errors.Is.
var (
	// ErrJournalLocked means another process (or another open in this
	// one) holds the journal.
	ErrJournalLocked = errors.New("journal is in use by another finlint run")
	// ErrJournalCorrupt means a line other than a torn last one cannot
	// be read; going on could send a payload twice.
	ErrJournalCorrupt = errors.New("corrupt journal")
)

// Entry is one journal line. It never holds a token, a secret, a tax id or
// the payload, only the payload's key and, on its pending line, the few
// fields that let reconcile find the customer again (Match).
type Entry struct {
	Time   time.Time `json:"time"`
	Key    string    `json:"key"`
	Source string    `json:"source,omitempty"`
	Record int       `json:"record,omitempty"`
	// Kind is the payload kind, such as "individual-v2": it says which
	// endpoint created the customer and how to look it up.
	Kind string `json:"kind,omitempty"`
	// API is the normalised base URL the payload was sent to.
	API            string `json:"api,omitempty"`
	Status         Status `json:"status"`
	HTTPStatus     int    `json:"http_status,omitempty"`
	CustomerID     string `json:"customer_id,omitempty"`
	TosPoliciesURL string `json:"tos_policies_url,omitempty"`
	Error          string `json:"error,omitempty"`
	// Match holds what identifies the customer at the API; written on
	// pending lines only.
	Match *Match `json:"match,omitempty"`
	// Via says what settled an unknown outcome: "reconcile" or "resolve".
	Via string `json:"via,omitempty"`
	// Reason is why it was settled so, in the words of whoever did.
	Reason string `json:"reason,omitempty"`

	// SentAt is when the latest request for the payload was about to
	// leave (its pending line). It is filled in by the journal for Lookup
	// and Entries, and not written.
	SentAt time.Time `json:"-"`
}

// EntryFor turns the outcome of Create into the journal entry
// that records it.
func EntryFor(r CreateResult, err error) Entry {
	e := Entry{
		Status:         Status(r.Kind.String()),
		HTTPStatus:     r.HTTPStatus,
		CustomerID:     r.CustomerID,
		TosPoliciesURL: r.TosPoliciesURL,
	}
	var parts []string
	if err != nil {
		parts = append(parts, err.Error())
	} else if r.Message != "" {
		parts = append(parts, r.Message)
	}
	for _, fe := range r.FieldErrors {
		parts = append(parts, fe.Pointer+": "+fe.Message)
	}
	e.Error = strings.Join(parts, "; ")
	return e
}

// Key identifies a payload in the journal: the hex SHA-256 of its bytes.
func Key(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// Journal is the submission journal: an append-only JSON Lines file, held
// under an exclusive lock while open. Its methods are safe for concurrent
// use.
type Journal struct {
	path string
	now  func() time.Time

	mustExist bool

	mu     sync.Mutex
	f      *os.File
	latest map[string]Entry
	// order lists the keys in the order they first appear.
	order []string
	// repaired describes a torn last line found on opening, if any.
	repaired string
	// broken is set when a write failed part-way: a further line could
	// be glued to the torn one, so the journal refuses it.
	broken error
}

// JournalOption configures OpenJournal.
type JournalOption func(*Journal)

// WithClock sets the clock that stamps entries; default time.Now.
func WithClock(now func() time.Time) JournalOption {
	return func(j *Journal) { j.now = now }
}

// ExistingOnly makes OpenJournal fail, with an error wrapping
// os.ErrNotExist, instead of creating a missing journal: reading commands
// should not leave empty files behind.
func ExistingOnly() JournalOption {
	return func(j *Journal) { j.mustExist = true }
}

// OpenJournal opens the journal at path, creating it if needed, takes an
// exclusive lock on it without waiting (ErrJournalLocked, naming the file,
// when another run holds it) and reads its entries.
//
// A last line without its newline is what a process killed in mid-write
// leaves: it is kept if it is a whole entry and cut off otherwise. Its
// write had not returned, so no request depended on it: a pending line is
// written in full before its request leaves, and a lost outcome line leaves
// the earlier pending one, read as unknown. Any other unreadable line is an
// error wrapping ErrJournalCorrupt.
func OpenJournal(path string, opts ...JournalOption) (*Journal, error) {
	j := &Journal{path: path, now: time.Now, latest: map[string]Entry{}}
	for _, o := range opts {
		o(j)
	}
	_, statErr := os.Stat(path)
	flags := os.O_RDWR | os.O_APPEND
	if !j.mustExist {
		flags |= os.O_CREATE
	}
	f, err := os.OpenFile(path, flags, 0o600)
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	if err := lockFile(f); err != nil {
		_ = f.Close()
		if errors.Is(err, errWouldBlock) {
			return nil, fmt.Errorf("%w: %s", ErrJournalLocked, path)
		}
		return nil, fmt.Errorf("journal %s: lock: %w", path, err)
	}
	if err := j.load(f); err != nil {
		_ = f.Close()
		return nil, err
	}
	if errors.Is(statErr, os.ErrNotExist) {
		syncDir(filepath.Dir(path))
	}
	j.f = f
	return j, nil
}

func (j *Journal) load(f *os.File) error {
	data, err := io.ReadAll(f)
	if err != nil {
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	rest := data
	lineNo := 0
	for len(rest) > 0 {
		lineNo++
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			break
		}
		line := bytes.TrimSpace(rest[:i])
		rest = rest[i+1:]
		if len(line) == 0 {
			continue
		}
		e, err := decodeEntry(line)
		if err != nil {
			return fmt.Errorf("%w %s, line %d: %w", ErrJournalCorrupt, j.path, lineNo, err)
		}
		j.record(e)
	}
	if len(rest) == 0 {
		return nil
	}
	// A torn last line.
	if e, err := decodeEntry(bytes.TrimSpace(rest)); err == nil {
		j.record(e)
		if _, err := f.Write([]byte{'\n'}); err != nil {
			return fmt.Errorf("journal %s: %w", j.path, err)
		}
		j.repaired = fmt.Sprintf("line %d had no newline (the run that wrote it was stopped); kept", lineNo)
	} else if err := f.Truncate(int64(len(data) - len(rest))); err != nil {
		return fmt.Errorf("journal %s: cutting a torn last line: %w", j.path, err)
	} else {
		j.repaired = fmt.Sprintf("line %d was torn (the run that wrote it was stopped mid-write); cut off", lineNo)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	return nil
}

func decodeEntry(line []byte) (Entry, error) {
	var e Entry
	if err := json.Unmarshal(line, &e); err != nil {
		return Entry{}, err
	}
	if e.Key == "" {
		return Entry{}, errors.New("no key")
	}
	if !e.Status.valid() {
		return Entry{}, fmt.Errorf("unknown status %q", e.Status)
	}
	return e, nil
}

// record makes e the latest state of its key. An outcome line does not
// repeat what its pending line said (kind, API, match fields), so those are
// carried over.
func (j *Journal) record(e Entry) {
	prev, ok := j.latest[e.Key]
	if !ok {
		j.order = append(j.order, e.Key)
	}
	if e.Status == StatusPending {
		e.SentAt = e.Time
	} else if ok {
		e.SentAt = prev.SentAt
	}
	if ok {
		if e.Source == "" && e.Record == 0 {
			e.Source, e.Record = prev.Source, prev.Record
		}
		if e.Kind == "" {
			e.Kind = prev.Kind
		}
		if e.API == "" {
			e.API = prev.API
		}
		if e.Match == nil {
			e.Match = prev.Match
		}
	}
	j.latest[e.Key] = e
}

// Path returns the journal's file name.
func (j *Journal) Path() string { return j.path }

// Repaired describes the torn last line OpenJournal found and mended, or
// returns "" when there was none. Callers should tell the user.
func (j *Journal) Repaired() string { return j.repaired }

// Entries returns the latest state of every payload, in the order the
// payloads first appear in the journal.
func (j *Journal) Entries() []Entry {
	j.mu.Lock()
	defer j.mu.Unlock()
	out := make([]Entry, 0, len(j.order))
	for _, k := range j.order {
		out = append(out, j.latest[k])
	}
	return out
}

// APIs returns the distinct base URLs the journal's payloads were sent to,
// sorted; journals written before the API was recorded give none.
func (j *Journal) APIs() []string {
	j.mu.Lock()
	defer j.mu.Unlock()
	seen := map[string]bool{}
	var out []string
	for _, e := range j.latest {
		if e.API != "" && !seen[e.API] {
			seen[e.API] = true
			out = append(out, e.API)
		}
	}
	slices.Sort(out)
	return out
}

// Errors of FindKey, for errors.Is.
var (
	ErrNoSuchKey    = errors.New("no payload in the journal has this key")
	ErrAmbiguousKey = errors.New("several payloads in the journal have keys starting so")
)

// minKeyPrefix is the shortest key prefix FindKey accepts, as git does for
// object names.
const minKeyPrefix = 4

// FindKey returns the one key that starts with prefix (case-insensitive),
// so that people can type a short prefix as they would a git commit.
func (j *Journal) FindKey(prefix string) (string, error) {
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	if len(prefix) < minKeyPrefix {
		return "", fmt.Errorf("key %q: give at least %d characters", prefix, minKeyPrefix)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	var found []string
	for _, k := range j.order {
		if strings.HasPrefix(k, prefix) {
			found = append(found, k)
		}
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("%w: %s", ErrNoSuchKey, prefix)
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("%w: %s (%d of them)", ErrAmbiguousKey, prefix, len(found))
}

// Lookup returns the latest entry for key, and false when the payload was
// never submitted. Use Status.MaySend to decide whether to send it.
func (j *Journal) Lookup(key string) (Entry, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	e, ok := j.latest[key]
	return e, ok
}

// Pending records that the payload key from source (record is its line in
// an NDJSON input, 0 for a whole file) is about to be sent. The line is on
// stable storage when Pending returns; send only after that.
func (j *Journal) Pending(key, source string, record int) error {
	return j.PendingEntry(Entry{Key: key, Source: source, Record: record})
}

// PendingEntry is Pending with everything a pending line may say: e.Kind,
// e.API and e.Match are recorded so that reconcile can later look the
// customer up. e.Status is set to StatusPending.
func (j *Journal) PendingEntry(e Entry) error {
	e.Status = StatusPending
	e.Via, e.Reason = "", ""
	return j.append(e)
}

// Outcome records the outcome of sending key, on stable storage before it
// returns. e.Key is set to key; a zero e.Time is stamped now; e.Status must
// be an outcome, not StatusPending.
func (j *Journal) Outcome(key string, e Entry) error {
	if e.Status == StatusPending || !e.Status.valid() {
		return fmt.Errorf("journal: %q is not an outcome", e.Status)
	}
	e.Key = key
	e.Match = nil
	if prev, ok := j.Lookup(key); ok {
		if e.Source == "" {
			e.Source = prev.Source
		}
		if e.Record == 0 {
			e.Record = prev.Record
		}
		if e.Kind == "" {
			e.Kind = prev.Kind
		}
	}
	return j.append(e)
}

func (j *Journal) append(e Entry) error {
	if e.Key == "" {
		return errors.New("journal: empty key")
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return fmt.Errorf("journal %s: closed", j.path)
	}
	if j.broken != nil {
		return fmt.Errorf("journal %s: an earlier write failed: %w", j.path, j.broken)
	}
	if e.Time.IsZero() {
		e.Time = j.now().UTC()
	}
	line, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	// One write per line: with O_APPEND each lands whole at the end unless
	// the process dies or the disk fills in the middle of it.
	if _, err := j.f.Write(append(line, '\n')); err != nil {
		j.broken = err
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	if err := j.f.Sync(); err != nil {
		j.broken = err
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	j.record(e)
	return nil
}

// Close releases the lock and closes the file.
func (j *Journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return nil
	}
	err := j.f.Close()
	j.f = nil
	if err != nil {
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	return nil
}

// syncDir makes a new file's name durable. Platforms that cannot sync a
// directory lose nothing but that guarantee, so errors are ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
