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
	"go.yaml.in/yaml/v3"
)

// configName is the file looked for from the working directory upward.
const configName = ".finlint.yaml"

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
}

// kindGlob is one entry of the config's kinds list: the files matching
// Files, a glob relative to the config file's folder, are of kind Kind.
type kindGlob struct {
	Files, Kind string
}

// kindFor returns the kind the first matching kinds entry gives source, a
// path as given on the command line or found under one, or "". Globs are
// relative to the config file's folder, whatever the working directory and
// whether source is absolute or relative.
func (c *config) kindFor(source string) string {
	if len(c.Kinds) == 0 || source == "-" || c.path == "" {
		return ""
	}
	abs, base := source, filepath.Dir(c.path)
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(c.wd, abs)
	}
	if !filepath.IsAbs(base) {
		base = filepath.Join(c.wd, base)
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil {
		return ""
	}
	rel = filepath.ToSlash(rel)
	for _, k := range c.Kinds {
		if glob.Match(k.Files, rel) {
			return k.Kind
		}
	}
	return ""
}

// findConfig returns the config file to read: explicit, or the nearest
// .finlint.yaml from dir upward, or "" when there is none.
func findConfig(explicit, dir string) (string, error) {
	if explicit != "" {
		if _, err := os.Stat(explicit); err != nil {
			return "", usageErr("config file: %v", err)
		}
		return explicit, nil
	}
	for d := dir; d != ""; {
		p := filepath.Join(d, configName)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", usageErr("config file: %v", err)
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
	cfg := &config{path: path}
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
	known := []string{"fail-on", "jobs", "reliance-enabled", "cache-ttl", "rules", "kinds", "ignore"}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "fail-on":
			if v.Value == "none" {
				cfg.FailOnNone = true
				continue
			}
			s, err := rules.ParseSeverity(v.Value)
			if err != nil || s == rules.Off {
				return nil, bad(v, k.Value, "want error, warning, info or none, not %q", v.Value)
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

// settings are what lint and fix both take from the config file and the
// flags they share, flags winning over the file.
type settings struct {
	cfgPath  string
	cfg      *config
	failOn   rules.Severity // rules.Off: never fail on findings
	severity map[string]rules.Severity
}

func loadSettings(configFlag string, failOnSet bool, failOnFlag string, ruleFlags []string, wd string) (*settings, error) {
	cfgPath, err := findConfig(configFlag, wd)
	if err != nil {
		return nil, err
	}
	cfg, err := loadConfig(cfgPath)
	if err != nil {
		return nil, err
	}
	cfg.wd = wd
	s := &settings{cfgPath: cfgPath, cfg: cfg, failOn: rules.Error, severity: map[string]rules.Severity{}}
	switch {
	case failOnSet:
		if s.failOn, err = parseFailOn(failOnFlag); err != nil {
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
	if err := parseRuleFlags(ruleFlags, s.severity); err != nil {
		return nil, err
	}
	return s, nil
}

// linterErr reports a bad option as a usage error, naming the config file
// when there is one.
func (s *settings) linterErr(err error) error {
	if s.cfgPath != "" {
		return usageErr("%s: %v", s.cfgPath, err)
	}
	return usageErr("%v", err)
}
