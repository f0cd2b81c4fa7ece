package cli

import (
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/kinds"
	"github.com/finlint/finlint/refcache"
	"github.com/spf13/cobra"
)

// setting is one line of finlint config: a key, its effective value and
// where that value came from.
type setting struct {
	Key    string `json:"key"`
	Value  string `json:"value"`
	Source string `json:"source"`
}

func newConfigCmd(e *env) *cobra.Command {
	var f settingsFlags
	var format string
	var jobs int
	cmd := &cobra.Command{
		Use:   "config [flags]",
		Short: "Print the effective configuration and where each value came from",
		Long: `Print the settings lint would run with, each with where it came from: a
flag, a line of the config file, an environment variable, or the default.

The config file is --config FILE, else .finlint.yaml or .finlint.yml found
from the working directory upward (none with --no-config). The flags that lint
shares with the config file can be given here too, to see what they change.
Credentials are never printed: only whether they are set.`,
		Example: `  finlint config
  finlint config --fail-on warning --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			changed := cmd.Flags().Changed
			st, err := loadSettings(e, changed, &f)
			if err != nil {
				return err
			}
			rows := effectiveSettings(e, st, changed, &f, jobs)
			switch format {
			case "json":
				return printJSON(e, rows)
			case "text":
			default:
				return usageErr("--format: want text or json, not %q%s", format, didYouMean(format, []string{"text", "json"}))
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "SETTING\tVALUE\tFROM")
			for _, r := range rows {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Key, r.Value, r.Source)
			}
			if err := tw.Flush(); err != nil {
				return &exitError{code: exitTool, err: err}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	addSettingsFlags(fl, &f, "lowest severity that makes lint's exit code 1: error, warning, info or none")
	fl.IntVarP(&jobs, "jobs", "j", runtime.NumCPU(), "parallel workers")
	fl.StringVar(&format, "format", "text", "output `FORMAT`: text or json (a list of key, value, source)")
	return cmd
}

// effectiveSettings lists every setting lint would use, in a fixed order.
func effectiveSettings(e *env, st *settings, changed func(string) bool, f *settingsFlags, jobs int) []setting {
	cfg := st.cfg
	fromFile := func(key string) (string, bool) {
		if line, ok := cfg.lines[key]; ok && cfg.path != "" {
			return cfg.path + ":" + strconv.Itoa(line), true
		}
		return "", false
	}
	// source says where a value came from: the flag, the file, or def.
	source := func(flag, key, def string) string {
		if flag != "" && changed(flag) {
			return "--" + flag
		}
		if s, ok := fromFile(key); ok {
			return s
		}
		return def
	}
	var rows []setting
	add := func(key, value, src string) { rows = append(rows, setting{key, value, src}) }

	switch {
	case f.noConfig:
		add("config", "(none)", "--no-config")
	case cfg.path == "":
		add("config", "(none)", "no .finlint.yaml or .finlint.yml from "+e.wd+" upward")
	case changed("config"):
		add("config", cfg.path, "--config")
	default:
		add("config", cfg.path, "found from "+e.wd+" upward")
	}

	failOn := "none"
	if st.failOn != 0 {
		failOn = st.failOn.String()
	}
	add("fail-on", failOn, source("fail-on", "fail-on", "default"))
	switch {
	case changed("jobs"):
		add("jobs", strconv.Itoa(jobs), "--jobs")
	case cfg.Jobs != nil:
		s, _ := fromFile("jobs")
		add("jobs", strconv.Itoa(*cfg.Jobs), s)
	default:
		add("jobs", strconv.Itoa(jobs), "default (one per CPU)")
	}
	reliance := cfg.RelianceEnabled != nil && *cfg.RelianceEnabled
	add("reliance-enabled", strconv.FormatBool(reliance), source("", "reliance-enabled", "default"))
	ttl := refcache.DefaultTTL
	if cfg.CacheTTL != nil {
		ttl = *cfg.CacheTTL
	}
	add("cache-ttl", ttl.String(), source("", "cache-ttl", "default"))
	if changed("today") || cfg.Today != nil {
		add("today", st.now().UTC().Format(time.DateOnly), source("today", "today", ""))
	} else {
		add("today", "(today's UTC date)", "default")
	}
	add("color", f.color, source("color", "", "default"))

	// Rules whose severity differs from the default, in the order finlint
	// rules lists them.
	for _, r := range kinds.Rules() {
		sev, ok := st.severity[r.ID]
		if !ok {
			continue
		}
		src := "--rule"
		onFlag := slices.ContainsFunc(f.rules, func(s string) bool { return strings.HasPrefix(s, r.ID+"=") })
		if line, ok := cfg.ruleLines[r.ID]; ok && !onFlag {
			src = cfg.path + ":" + strconv.Itoa(line)
		}
		add("rules."+r.ID, sev.String()+" (default "+r.Severity.String()+")", src)
	}
	for _, k := range cfg.Kinds {
		add("kinds", k.Files+" is "+k.Kind, cfg.path+":"+strconv.Itoa(k.line))
	}
	for _, g := range cfg.Exclude {
		s, _ := fromFile("exclude")
		add("exclude", g, s)
	}
	for _, g := range st.exclude {
		add("exclude", g, "--exclude")
	}
	for i, ig := range cfg.Ignore {
		what := ig.Rule
		if ig.Files != "" {
			what += " in " + ig.Files
		}
		if len(ig.Paths) > 0 {
			what += " at " + strings.Join(ig.Paths, ", ")
		}
		add("ignore", what+": "+ig.Reason, cfg.path+":"+strconv.Itoa(cfg.ignoreLines[i]))
	}

	envSource := func(name, def string) string {
		if strings.TrimSpace(e.getenv(name)) != "" {
			return "environment " + name
		}
		return def
	}
	add("base-url", finapi.BaseURLFromEnv(e.getenv), envSource("FIN_BASE_URL", "default"))
	creds := finapi.CredentialsFromEnv(e.getenv)
	switch {
	case creds.AccessToken != "":
		add("credentials", "access token set (not shown)", "environment FIN_ACCESS_TOKEN")
	case creds.Set():
		add("credentials", "client id and secret set (not shown)", "environment FIN_CLIENT_ID, FIN_CLIENT_SECRET")
	default:
		add("credentials", "(none: reference catalogues only from the cache, no --submit)", "environment")
	}
	if dir, err := refcache.DefaultDir(e.getenv); err == nil {
		add("cache-dir", dir, envSource("FINLINT_CACHE_DIR", "default (the user's cache folder)"))
	} else {
		add("cache-dir", "(unavailable: "+err.Error()+")", envSource("FINLINT_CACHE_DIR", "default"))
	}
	if dir, err := finapi.StateDir(e.getenv, runtime.GOOS); err == nil {
		add("state-dir", dir, envSource("FINLINT_STATE_DIR", "default (the user's state folder)"))
	} else {
		add("state-dir", "(unavailable: "+err.Error()+")", envSource("FINLINT_STATE_DIR", "default"))
	}
	return rows
}
