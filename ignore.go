package finlint

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/finlint/finlint/internal/glob"
	"github.com/finlint/finlint/rules"
)

// Ignore hides the findings of one rule (or of any rule, "*") in some files
// and at some paths. Every entry needs a reason, so that the next reader
// knows why a finding is tolerated.
type Ignore struct {
	Rule string
	// Files is a glob on the source path: * matches within one folder name,
	// ** any number of folders. Empty matches every source.
	Files string
	// Paths are JSON Pointer globs: * matches one token, ** any depth.
	// Empty matches every path.
	Paths  []string
	Reason string
	// Base, when set, is the folder Files is relative to, as a config
	// file's globs are relative to its folder: a source is then matched by
	// its path relative to Base, so the entry hides the same findings
	// whatever the working directory and whether the source was given as
	// an absolute or a relative path. Relative sources, and a relative
	// Base, are taken from Options.Dir. Empty: Files is matched against the
	// source as given.
	Base string
}

type ignoreMatcher struct {
	Ignore
	base string // Base, absolute
	dir  string // Options.Dir, absolute
	hits atomic.Int64
	// named is set once Files has matched the source of a payload with
	// findings: an entry whose files were not in the run is not stale.
	named atomic.Bool
}

// absDir makes p absolute, taking a relative p from dir, or from the
// working directory when dir is empty.
func absDir(p, dir string) (string, error) {
	if filepath.IsAbs(p) {
		return filepath.Clean(p), nil
	}
	if dir == "" {
		return filepath.Abs(p)
	}
	d, err := absDir(dir, "")
	if err != nil {
		return "", err
	}
	return filepath.Join(d, p), nil
}

// sourceName is the name Files is matched against: the source relative to
// Base (see glob.Rel), or the source as given when there is no Base. ok is
// false for standard input, which no Files glob matches.
func (m *ignoreMatcher) sourceName(source string) (name string, ok bool) {
	if m.base == "" {
		return path.Clean(filepath.ToSlash(source)), true
	}
	if source == "-" {
		return "", false
	}
	abs := source
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(m.dir, abs)
	}
	return glob.Rel(m.base, abs)
}

func newIgnoreMatcher(ig Ignore, list []*rules.Rule) (*ignoreMatcher, error) {
	if strings.TrimSpace(ig.Reason) == "" {
		return nil, errors.New("ignore entry without a reason")
	}
	if ig.Rule == "" {
		return nil, errors.New("ignore entry without a rule (use * for any)")
	}
	if ig.Rule != "*" && rules.Lookup(list, ig.Rule) == nil {
		return nil, fmt.Errorf("ignore entry names unknown rule %q", ig.Rule)
	}
	if _, err := path.Match(strings.ReplaceAll(ig.Files, "**", "*"), ""); err != nil {
		return nil, fmt.Errorf("ignore entry: bad files glob %q: %w", ig.Files, err)
	}
	return &ignoreMatcher{Ignore: ig}, nil
}

// matchSource reports whether the entry's Files glob names source.
func (m *ignoreMatcher) matchSource(source string) bool {
	if m.Files == "" {
		return true
	}
	// ./fixtures/a.json and fixtures/a.json are one file to the user.
	name, ok := m.sourceName(source)
	return ok && glob.Match(path.Clean(m.Files), name)
}

// match reports whether the entry hides f, of a source matchSource named.
func (m *ignoreMatcher) match(f *rules.Finding) bool {
	if m.Rule != "*" && m.Rule != f.Rule {
		return false
	}
	if len(m.Paths) > 0 {
		ok := false
		for _, p := range m.Paths {
			if glob.Match(p, f.Path) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func (l *Linter) filterIgnored(source string, fs []rules.Finding) []rules.Finding {
	if len(l.ignores) == 0 {
		return fs
	}
	// Which entries name this source, asked once per payload.
	var named [8]*ignoreMatcher
	ms := named[:0]
	for _, m := range l.ignores {
		if m.matchSource(source) {
			if !m.named.Load() {
				m.named.Store(true)
			}
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return fs
	}
	kept := fs[:0]
	for i := range fs {
		hidden := false
		for _, m := range ms {
			if m.match(&fs[i]) {
				m.hits.Add(1)
				hidden = true
				break
			}
		}
		if !hidden {
			kept = append(kept, fs[i])
		}
	}
	return kept
}

// UnusedIgnores returns the ignore entries that have hidden nothing so far
// although their files were linted (with findings): stale entries hide
// future mistakes, so the CLI warns about them. An entry whose files were
// not in the run (pre-commit lints only the files changed) is not stale.
func (l *Linter) UnusedIgnores() []Ignore {
	var out []Ignore
	for _, m := range l.ignores {
		if m.hits.Load() == 0 && m.named.Load() {
			out = append(out, m.Ignore)
		}
	}
	return out
}
