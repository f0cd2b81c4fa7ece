package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/internal/glob"
	"github.com/finlint/finlint/kinds"
	"github.com/finlint/finlint/rules"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"
)

// configNames are the files looked for from the working directory upward;
// a folder holding both is a usage error, since either could be meant.
var configNames = []string{".finlint.yaml", ".finlint.yml"}

// config is the content of .finlint.yaml. Pointers tell "not set" from a
// zero value, so flags can override what the file sets and nothing else.
type config struct {
	path            string
	wd              string // the working directory relative paths start from
	FailOn          *rules.Severity
	FailOnNone      bool
	Jobs            *int
	RelianceEnabled *bool
	CacheTTL        *time.Duration
	Rules           map[string]rules.Severity
	Ignore          []finlint.Ignore
	// Kinds say which payload kind files are, by glob.
	Kinds []kindGlob
	// Exclude are globs, relative to the config file's folder, of paths
	// the walk skips.
	Exclude []string
	// Today pins the date ages are judged on.
	Today *time.Time
	// lines gives the line of each top-level key that was set, ruleLines
	// the line of each rules entry, ignoreLines that of each ignore entry.
	lines       map[string]int
	ruleLines   map[string]int
	ignoreLines []int
}

// kindGlob is one entry of the config's kinds list: the files matching
// Files, a glob relative to the config file's folder, are of kind Kind.
type kindGlob struct {
	Files, Kind string
	line        int
}

// kindFor returns the kind the first matching kinds entry gives source, a
// path as given on the command line or found under one, or "". Globs are
// relative to the config file's folder, whatever the working directory and
// whether source is absolute or relative.
func (c *config) kindFor(source string) string {
	if len(c.Kinds) == 0 || source == "-" || c.path == "" {
		return ""
	}
	rel, ok := relativeTo(c.wd, c.dir(), source)
	if !ok {
		return ""
	}
	for _, k := range c.Kinds {
		if glob.Match(k.Files, rel) {
			return k.Kind
		}
	}
	return ""
}

// dir is the config file's folder, absolute: the globs in the file are
// relative to it.
func (c *config) dir() string {
	return absFrom(c.wd, filepath.Dir(c.path))
}

// absFrom makes p absolute, taking a relative p from wd.
func absFrom(wd, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(wd, p)
}

// relativeTo returns source, a path as given on the command line (relative
// to wd) or found under one, relative to base as glob.Rel gives it: the
// same whatever the working directory and whether the path was given
// absolute or relative.
func relativeTo(wd, base, source string) (rel string, ok bool) {
	return glob.Rel(base, absFrom(wd, source))
}

// excluded reports whether the walk skips path: a match of one of the
// config's exclude globs (relative to its folder) or of a --exclude glob
// (relative to the working directory, or matched against the path as
// given).
func (c *config) excluded(path string, flags []string) bool {
	if len(c.Exclude) > 0 && c.path != "" {
		if rel, ok := relativeTo(c.wd, c.dir(), path); ok && matchAny(c.Exclude, rel) {
			return true
		}
	}
	if len(flags) == 0 {
		return false
	}
	given := filepath.ToSlash(filepath.Clean(path))
	if matchAny(flags, given) {
		return true
	}
	// An absolute glob matches the absolute path.
	if matchAny(flags, filepath.ToSlash(absFrom(c.wd, path))) {
		return true
	}
	rel, ok := relativeTo(c.wd, c.wd, path)
	return ok && matchAny(flags, rel)
}

// matchAny reports whether name, or one of the folders it is in, matches
// one of globs: excluding "drafts" or "drafts/**" skips everything below.
func matchAny(globs []string, name string) bool {
	for _, g := range globs {
		g = strings.TrimPrefix(filepath.ToSlash(g), "./")
		if glob.Match(g, name) {
			return true
		}
		for d := name; ; {
			i := strings.LastIndexByte(d, '/')
			if i < 0 {
				break
			}
			d = d[:i]
			if glob.Match(g, d) {
				return true
			}
		}
	}
	return false
}

// findConfig returns the config file to read: explicit, or the nearest
// .finlint.yaml or .finlint.yml from dir upward, or "" when there is none.
func findConfig(explicit, dir string) (string, error) {
	if explicit != "" {
		if _, err := os.Stat(explicit); err != nil {
			return "", usageErr("config file: %v", err)
		}
		return explicit, nil
	}
	for d := dir; d != ""; {
		var found []string
		for _, name := range configNames {
			p := filepath.Join(d, name)
			if _, err := os.Stat(p); err == nil {
				found = append(found, p)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return "", usageErr("config file: %v", err)
			}
		}
		switch len(found) {
		case 1:
			return found[0], nil
		case 2:
			return "", usageErr("%s and %s are both config files: keep one (or choose with --config)", found[0], found[1])
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return "", nil
}

// loadConfig reads and checks a config file. Every fault is a usage error
// naming the file, the line and the key.
func loadConfig(path string) (*config, error) {
	cfg := &config{path: path, lines: map[string]int{}, ruleLines: map[string]int{}}
	if path == "" {
		return cfg, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usageErr("config file: %v", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, usageErr("%s: %v", path, err)
	}
	if len(doc.Content) == 0 {
		return cfg, nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, usageErr("%s:%d: the config must be a mapping of keys", path, top.Line)
	}
	bad := func(n *yaml.Node, key, format string, args ...any) error {
		return usageErr("%s:%d: %s: %s", path, n.Line, key, fmt.Sprintf(format, args...))
	}
	known := []string{"fail-on", "jobs", "reliance-enabled", "cache-ttl", "today", "rules", "kinds", "exclude", "ignore"}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if _, dup := cfg.lines[k.Value]; dup {
			return nil, bad(k, k.Value, "set twice (first on line %d)", cfg.lines[k.Value])
		}
		cfg.lines[k.Value] = k.Line
		switch k.Value {
		case "fail-on":
			s, err := rules.ParseFailOn(v.Value)
			if err != nil {
				return nil, bad(v, k.Value, "%v", err)
			}
			if s == rules.Off {
				cfg.FailOnNone = true
				continue
			}
			cfg.FailOn = &s
		case "jobs":
			n, err := strconv.Atoi(v.Value)
			if err != nil || n < 1 || v.Kind != yaml.ScalarNode {
				return nil, bad(v, k.Value, "want a whole number of at least 1, not %q", v.Value)
			}
			cfg.Jobs = &n
		case "reliance-enabled":
			b, err := strconv.ParseBool(v.Value)
			if err != nil || v.Kind != yaml.ScalarNode {
				return nil, bad(v, k.Value, "want true or false, not %q", v.Value)
			}
			cfg.RelianceEnabled = &b
		case "cache-ttl":
			d, err := time.ParseDuration(v.Value)
			if err != nil || d <= 0 {
				return nil, bad(v, k.Value, "want a duration such as 24h or 90m, not %q", v.Value)
			}
			cfg.CacheTTL = &d
		case "today":
			d, err := parseToday(v.Value)
			if err != nil || v.Kind != yaml.ScalarNode {
				return nil, bad(v, k.Value, "want a date such as 2026-01-31, not %q", v.Value)
			}
			cfg.Today = &d
		case "exclude":
			var globs []string
			switch v.Kind {
			case yaml.SequenceNode:
				for _, g := range v.Content {
					if g.Kind != yaml.ScalarNode || g.Value == "" || !glob.Valid(g.Value) {
						return nil, bad(g, k.Value, "want a list of globs, such as \"fixtures/drafts/**\"")
					}
					globs = append(globs, g.Value)
				}
			case yaml.ScalarNode:
				if v.Value == "" || !glob.Valid(v.Value) {
					return nil, bad(v, k.Value, "want a list of globs, such as \"fixtures/drafts/**\"")
				}
				globs = []string{v.Value}
			default:
				return nil, bad(v, k.Value, "want a list of globs, such as \"fixtures/drafts/**\"")
			}
			cfg.Exclude = globs
		case "rules":
			if v.Kind != yaml.MappingNode {
				return nil, bad(v, k.Value, "want a mapping of rule id to severity")
			}
			cfg.Rules = map[string]rules.Severity{}
			for j := 0; j+1 < len(v.Content); j += 2 {
				id, sv := v.Content[j], v.Content[j+1]
				if rules.Lookup(kinds.Rules(), id.Value) == nil {
					return nil, bad(id, "rules", "unknown rule %q%s", id.Value, didYouMeanRule(id.Value))
				}
				s, err := rules.ParseSeverity(sv.Value)
				if err != nil {
					return nil, bad(sv, "rules."+id.Value, "want error, warning, info or off, not %q", sv.Value)
				}
				cfg.Rules[id.Value] = s
				cfg.ruleLines[id.Value] = id.Line
			}
		case "kinds":
			if v.Kind != yaml.SequenceNode {
				return nil, bad(v, k.Value, "want a list of entries with files and kind")
			}
			for _, it := range v.Content {
				kg, err := readKindGlob(path, it)
				if err != nil {
					return nil, err
				}
				kg.line = it.Line
				cfg.Kinds = append(cfg.Kinds, kg)
			}
		case "ignore":
			if v.Kind != yaml.SequenceNode {
				return nil, bad(v, k.Value, "want a list of entries")
			}
			for _, it := range v.Content {
				ig, err := readIgnore(path, it)
				if err != nil {
					return nil, err
				}
				cfg.Ignore = append(cfg.Ignore, ig)
				cfg.ignoreLines = append(cfg.ignoreLines, it.Line)
			}
		default:
			return nil, bad(k, k.Value, "unknown key%s", didYouMean(k.Value, known))
		}
	}
	return cfg, nil
}

func readKindGlob(path string, n *yaml.Node) (kindGlob, error) {
	var kg kindGlob
	if n.Kind != yaml.MappingNode {
		return kg, usageErr("%s:%d: kinds: each entry is a mapping with files and kind", path, n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "files":
			if v.Kind != yaml.ScalarNode || !glob.Valid(v.Value) || v.Value == "" {
				return kg, usageErr("%s:%d: kinds.files: want one glob, such as \"fixtures/business/**\"", path, v.Line)
			}
			kg.Files = v.Value
		case "kind":
			if v.Kind != yaml.ScalarNode || kinds.Lookup(v.Value) == nil {
				return kg, usageErr("%s:%d: kinds.kind: want one of %s, not %q%s", path, v.Line, strings.Join(kinds.Names(), ", "), v.Value, didYouMean(v.Value, kinds.Names()))
			}
			kg.Kind = v.Value
		default:
			return kg, usageErr("%s:%d: kinds: unknown key %q%s", path, k.Line, k.Value, didYouMean(k.Value, []string{"files", "kind"}))
		}
	}
	if kg.Files == "" || kg.Kind == "" {
		return kg, usageErr("%s:%d: kinds: each entry needs files and kind", path, n.Line)
	}
	return kg, nil
}

func readIgnore(path string, n *yaml.Node) (finlint.Ignore, error) {
	var ig finlint.Ignore
	if n.Kind != yaml.MappingNode {
		return ig, usageErr("%s:%d: ignore: each entry is a mapping with rule, files, paths and reason", path, n.Line)
	}
	known := []string{"rule", "files", "paths", "reason"}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "rule":
			if v.Kind != yaml.ScalarNode {
				return ig, usageErr("%s:%d: ignore.rule: want a rule id, or *", path, v.Line)
			}
			ig.Rule = v.Value
			if ig.Rule != "*" && rules.Lookup(kinds.Rules(), ig.Rule) == nil {
				return ig, usageErr("%s:%d: ignore.rule: unknown rule %q%s", path, v.Line, v.Value, didYouMeanRule(v.Value))
			}
		case "files":
			if v.Kind != yaml.ScalarNode {
				return ig, usageErr("%s:%d: ignore.files: want one glob, such as \"fixtures/legacy/**\"", path, v.Line)
			}
			ig.Files = v.Value
		case "paths":
			switch v.Kind {
			case yaml.SequenceNode:
				for _, p := range v.Content {
					if p.Kind != yaml.ScalarNode {
						return ig, usageErr("%s:%d: ignore.paths: want a list of JSON Pointer globs", path, p.Line)
					}
					ig.Paths = append(ig.Paths, p.Value)
				}
			case yaml.ScalarNode:
				ig.Paths = []string{v.Value}
			default:
				return ig, usageErr("%s:%d: ignore.paths: want a list of JSON Pointer globs", path, v.Line)
			}
		case "reason":
			if v.Kind != yaml.ScalarNode {
				return ig, usageErr("%s:%d: ignore.reason: want a sentence", path, v.Line)
			}
			ig.Reason = v.Value
		default:
			return ig, usageErr("%s:%d: ignore.%s: unknown key%s", path, k.Line, k.Value, didYouMean(k.Value, known))
		}
	}
	if ig.Rule == "" {
		return ig, usageErr("%s:%d: ignore: entry needs a rule (a rule id, or * for any)", path, n.Line)
	}
	if ig.Reason == "" {
		return ig, usageErr("%s:%d: ignore: entry for %s needs a reason", path, n.Line, ig.Rule)
	}
	return ig, nil
}

func didYouMean(s string, known []string) string {
	if n := rules.Nearest(s, known); n != "" {
		return fmt.Sprintf(" (did you mean %q?)", n)
	}
	return ""
}

func didYouMeanRule(id string) string {
	var ids []string
	for _, r := range kinds.Rules() {
		ids = append(ids, r.ID)
	}
	return didYouMean(id, ids)
}

// settingsFlags are the flags lint, fix and config share: where the
// settings come from and the ones the config file can also set.
type settingsFlags struct {
	config   string
	noConfig bool
	failOn   string
	rules    []string
	today    string
	exclude  []string
	color    string
}

// addSettingsFlags registers the shared flags; failOnHelp says what
// --fail-on means for the command.
func addSettingsFlags(fl *pflag.FlagSet, f *settingsFlags, failOnHelp string) {
	fl.StringVar(&f.failOn, "fail-on", "error", failOnHelp)
	fl.StringArrayVar(&f.rules, "rule", nil, "override a rule's severity: `ID=off|info|warning|error`; repeatable")
	fl.StringVar(&f.config, "config", "", "config `FILE` (default: .finlint.yaml or .finlint.yml found from the working directory upward)")
	fl.BoolVar(&f.noConfig, "no-config", false, "read no config file")
	fl.StringVar(&f.today, "today", "", "judge ages and dates on `YYYY-MM-DD` instead of today's UTC date (reproducible fixtures)")
	fl.StringArrayVar(&f.exclude, "exclude", nil, "skip the files and folders matching `GLOB`, named or walked (relative to the working directory; * within a name, ** any depth); repeatable")
	fl.StringVar(&f.color, "color", "auto", "colour in text output, `WHEN`: auto (a terminal, NO_COLOR unset, TERM not dumb), always or never")
}

// parseToday reads a --today or today: date.
func parseToday(s string) (time.Time, error) {
	return time.Parse(time.DateOnly, s)
}

// settings are what lint and fix both take from the config file and the
// flags they share, flags winning over the file.
type settings struct {
	cfgPath  string
	cfg      *config
	failOn   rules.Severity // rules.Off: never fail on findings
	severity map[string]rules.Severity
	// now is the clock ages are judged on: --today, today: or the real one.
	now func() time.Time
	// exclude are the --exclude globs.
	exclude []string
	// color says whether text output to w is coloured.
	color func(w any) bool
}

func loadSettings(e *env, changed func(string) bool, f *settingsFlags) (*settings, error) {
	if f.noConfig && f.config != "" {
		return nil, usageErr("--config and --no-config do not go together")
	}
	var cfgPath string
	var err error
	if !f.noConfig {
		if cfgPath, err = findConfig(f.config, e.wd); err != nil {
			return nil, err
		}
	}
	cfg, err := loadConfig(cfgPath)
	if err != nil {
		return nil, err
	}
	cfg.wd = e.wd
	if cfgPath != "" {
		// An ignore entry's files glob is relative to the config's folder.
		for i := range cfg.Ignore {
			cfg.Ignore[i].Base = cfg.dir()
		}
	}
	s := &settings{cfgPath: cfgPath, cfg: cfg, failOn: rules.Error, severity: map[string]rules.Severity{}, now: e.now}
	switch {
	case changed("fail-on"):
		if s.failOn, err = parseFailOn(f.failOn); err != nil {
			return nil, err
		}
	case cfg.FailOnNone:
		s.failOn = rules.Off
	case cfg.FailOn != nil:
		s.failOn = *cfg.FailOn
	}
	for id, sev := range cfg.Rules {
		s.severity[id] = sev
	}
	if err := parseRuleFlags(f.rules, s.severity); err != nil {
		return nil, err
	}
	today := cfg.Today
	if changed("today") {
		d, err := parseToday(f.today)
		if err != nil {
			return nil, usageErr("--today: want a date such as 2026-01-31, not %q", f.today)
		}
		today = &d
	}
	if today != nil {
		// Noon UTC: the date is the same in every zone a rule might use.
		at := today.Add(12 * time.Hour)
		s.now = func() time.Time { return at }
	}
	for _, g := range f.exclude {
		if g == "" || !glob.Valid(g) {
			return nil, usageErr("--exclude %q: want a glob such as \"fixtures/drafts/**\"", g)
		}
	}
	s.exclude = f.exclude
	switch f.color {
	case "always":
		s.color = func(any) bool { return true }
	case "never":
		s.color = func(any) bool { return false }
	case "auto":
		s.color = func(w any) bool {
			return e.isTTY(w) && e.getenv("NO_COLOR") == "" && e.getenv("TERM") != "dumb"
		}
	default:
		return nil, usageErr("--color: want auto, always or never, not %q%s", f.color, didYouMean(f.color, []string{"auto", "always", "never"}))
	}
	return s, nil
}

// excluded reports whether the walk skips path.
func (s *settings) excluded(path string) bool {
	return s.cfg.excluded(path, s.exclude)
}

// linterErr reports a bad option as a usage error, naming the config file
// when there is one.
func (s *settings) linterErr(err error) error {
	if s.cfgPath != "" {
		return usageErr("%s: %v", s.cfgPath, err)
	}
	return usageErr("%v", err)
}

// warnf prints a warning on standard error; it never changes the exit code.
func (e *env) warnf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "finlint: warning: "+format+"\n", args...)
}
