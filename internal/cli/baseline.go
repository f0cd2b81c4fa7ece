package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/rules"
)

// A baseline records the findings a project has accepted for now, so that
// a CI job fails only on new ones. A finding matches a recorded one by
// source, record, rule and path: messages may be reworded between
// versions, positions move when a file is edited above the finding.
//
// Since version 2 a source is written relative to the baseline file's
// folder, in slash form, so a baseline matches the same files whatever the
// working directory and whether paths were given absolute or relative.
// Version 1 files kept sources as they were given and still match them so.
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Source  string `json:"source"`
	Record  int    `json:"record,omitempty"`
	Rule    string `json:"rule"`
	Path    string `json:"path"`
	Message string `json:"message,omitempty"`
}

func (b baselineEntry) key() string {
	return b.Source + "\x00" + strconv.Itoa(b.Record) + "\x00" + b.Rule + "\x00" + b.Path
}

// baselineVersion is the version this finlint writes.
const baselineVersion = 2

// baselineSource is the name a baseline records source under: relative to
// the baseline's folder dir, standard input ("-") as it is.
func baselineSource(wd, dir, source string) string {
	if source == "-" {
		return source
	}
	if rel, ok := relativeTo(wd, dir, source); ok {
		return rel
	}
	return filepath.ToSlash(source)
}

type baseline struct {
	left map[string]int // how many recorded findings of a key are not yet matched
	// wd and dir (the baseline's folder) turn a source into the name it is
	// recorded under; dir is empty for a version 1 file.
	wd, dir string
}

func (b *baseline) source(s string) string {
	if b.dir == "" {
		return s
	}
	return baselineSource(b.wd, b.dir, s)
}

func loadBaseline(wd, path string) (*baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usageErr("baseline: %v", err)
	}
	var f baselineFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, usageErr("baseline %s: not a finlint baseline: %v", path, err)
	}
	b := &baseline{left: map[string]int{}, wd: wd}
	switch f.Version {
	case 1:
	case baselineVersion:
		b.dir = filepath.Dir(absFrom(wd, path))
	default:
		return nil, usageErr("baseline %s: version %d is not one this finlint reads (1 or %d)", path, f.Version, baselineVersion)
	}
	for _, e := range f.Findings {
		b.left[e.key()]++
	}
	return b, nil
}

// filter removes the findings the baseline records from r and recomputes
// Valid. Each recorded finding hides one finding at most.
func (b *baseline) filter(r *finlint.Result) {
	if b == nil || len(r.Findings) == 0 {
		return
	}
	kept := r.Findings[:0]
	src := b.source(r.Source)
	for _, f := range r.Findings {
		k := baselineEntry{Source: src, Record: r.Record, Rule: f.Rule, Path: f.Path}.key()
		if b.left[k] > 0 {
			b.left[k]--
			continue
		}
		kept = append(kept, f)
	}
	r.Findings = kept
	r.Valid = true
	for _, f := range kept {
		if f.Severity == rules.Error {
			r.Valid = false
		}
	}
}

// baselineWriter collects findings and writes them atomically at the end.
type baselineWriter struct {
	path    string
	wd, dir string // the working directory and the baseline's folder
	entries []baselineEntry
}

func newBaselineWriter(wd, path string) *baselineWriter {
	return &baselineWriter{path: path, wd: wd, dir: filepath.Dir(absFrom(wd, path))}
}

func (w *baselineWriter) add(r *finlint.Result) {
	src := baselineSource(w.wd, w.dir, r.Source)
	for _, f := range r.Findings {
		w.entries = append(w.entries, baselineEntry{Source: src, Record: r.Record, Rule: f.Rule, Path: f.Path, Message: f.Message})
	}
}

func (w *baselineWriter) write() error {
	sort.SliceStable(w.entries, func(i, j int) bool { return w.entries[i].key() < w.entries[j].key() })
	data, err := json.MarshalIndent(baselineFile{Version: baselineVersion, Findings: append([]baselineEntry{}, w.entries...)}, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(w.path, append(data, '\n'))
}

// writeFileAtomic writes through a temporary file in the same folder and a
// rename, so a reader never sees half a file.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
