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
)

func (s Status) valid() bool {
	switch s {
	case StatusPending, StatusCreated, StatusRejected, StatusFailed, StatusUnknown, StatusNotSent:
		return true
	}
	return false
}

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

// Entry is one journal line. It never holds a token, a secret or the
// payload, only the payload's key.
type Entry struct {
	Time           time.Time `json:"time"`
	Key            string    `json:"key"`
	Source         string    `json:"source,omitempty"`
	Record         int       `json:"record,omitempty"`
	Status         Status    `json:"status"`
	HTTPStatus     int       `json:"http_status,omitempty"`
	CustomerID     string    `json:"customer_id,omitempty"`
	TosPoliciesURL string    `json:"tos_policies_url,omitempty"`
	Error          string    `json:"error,omitempty"`
}

// EntryFor turns the outcome of CreateIndividual into the journal entry
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

	mu     sync.Mutex
	f      *os.File
	latest map[string]Entry
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
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
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
		j.latest[e.Key] = e
	}
	if len(rest) == 0 {
		return nil
	}
	// A torn last line.
	if e, err := decodeEntry(bytes.TrimSpace(rest)); err == nil {
		j.latest[e.Key] = e
		if _, err := f.Write([]byte{'\n'}); err != nil {
			return fmt.Errorf("journal %s: %w", j.path, err)
		}
	} else if err := f.Truncate(int64(len(data) - len(rest))); err != nil {
		return fmt.Errorf("journal %s: cutting a torn last line: %w", j.path, err)
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

// Path returns the journal's file name.
func (j *Journal) Path() string { return j.path }

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
	return j.append(Entry{Key: key, Source: source, Record: record, Status: StatusPending})
}

// Outcome records the outcome of sending key, on stable storage before it
// returns. e.Key is set to key; a zero e.Time is stamped now; e.Status must
// be an outcome, not StatusPending.
func (j *Journal) Outcome(key string, e Entry) error {
	if e.Status == StatusPending || !e.Status.valid() {
		return fmt.Errorf("journal: %q is not an outcome", e.Status)
	}
	e.Key = key
	if e.Source == "" || e.Record == 0 {
		if prev, ok := j.Lookup(key); ok {
			if e.Source == "" {
				e.Source = prev.Source
			}
			if e.Record == 0 {
				e.Record = prev.Record
			}
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
	j.latest[e.Key] = e
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
