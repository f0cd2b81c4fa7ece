// Package cli is finlint's command line: it turns commands, flags, the
// config file and the environment into finlint.Options, feeds inputs to the
// linter and hands results to the report formats.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
)

// Exit codes, as CONTRACT.md defines them.
const (
	exitOK       = 0
	exitFindings = 1
	exitTool     = 2
)

// version is set at link time (-ldflags "-X .../internal/cli.version=v1.2.3");
// otherwise the module version from the build info is used.
var version = ""

// env is everything a command may touch of the outside world, injected so
// that tests run the real commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
	wd             string
	// isTTY reports whether a writer is a terminal (colour, prompts).
	isTTY func(any) bool
}

// exitError carries an exit code through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, args ...any) error {
	return &exitError{code: exitTool, err: fmt.Errorf(format, args...)}
}

// Main runs finlint with args and returns the process's exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// A closed standard output (finlint lint … | head -1) then fails the
	// write with EPIPE instead of killing the process: the run stops, says
	// why on standard error, and exits 2 like any other output failure.
	signal.Ignore(syscall.SIGPIPE)
	// The first Ctrl-C stops the run cleanly; a second one, if the run
	// is stuck in a read, ends the process at once.
	go func() { <-ctx.Done(); stop() }()
	wd, _ := os.Getwd()
	e := &env{
		stdin: stdin, stdout: stdout, stderr: stderr,
		getenv: os.Getenv, now: time.Now, wd: wd, isTTY: isTerminal,
	}
	return run(ctx, e, args)
}

func run(ctx context.Context, e *env, args []string) int {
	root := newRoot(e)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return exitOK
	}
	if errors.Is(err, syscall.EPIPE) && cmd != nil && cmd.Name() != "lint" && cmd.Name() != "fix" {
		// finlint rules | head -1: the reader has what it wanted. Only
		// lint and fix, whose output is a result, fail on a closed pipe.
		return exitOK
	}
	var xe *exitError
	if errors.As(err, &xe) {
		if xe.err != nil && xe.err.Error() != "" {
			fmt.Fprintln(e.stderr, "finlint:", strings.TrimRight(xe.err.Error(), "\n"))
		}
		return xe.code
	}
	// Cobra's own errors: unknown command of the root (whose suggestions
	// end in a newline), wrong argument count.
	fmt.Fprintln(e.stderr, "finlint:", strings.TrimRight(err.Error(), "\n"))
	return exitTool
}

func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "finlint",
		Short: "Check Fin.com API payloads before they are sent",
		Long: `finlint checks the JSON bodies of Fin.com's customer onboarding calls before
they are sent. It knows two payload kinds, told apart by their shape or named
with --kind or the config file's kinds entries:

  individual-v2  Create Individual Customer V2, POST /v2/customers/individual
  business-v2    Create Business Customer V2, POST /v2/customers/business

For each it checks the vendor's schema, every documented rule, and reference
ids against the vendor's catalogues. It reports every problem in one run, each
at its exact file:line:col, with a suggested fix, and can then submit the
payloads that pass, exactly once.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on
(or a submission failed or is unknown); 2 usage error, unreadable input, or
finlint itself failed.

Environment: FIN_BASE_URL, FIN_CLIENT_ID, FIN_CLIENT_SECRET, FIN_ACCESS_TOKEN,
FINLINT_CACHE_DIR, FINLINT_STATE_DIR, NO_COLOR, TERM (dumb: no colour).`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       versionDetail(),
	}
	root.SetVersionTemplate("finlint {{.Version}}\n")
	// Before the completion commands exist: they keep the writer they are
	// created with.
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.AddCommand(
		newLintCmd(e),
		newFixCmd(e),
		newRulesCmd(e),
		newExplainCmd(e),
		newRefcacheCmd(e),
		newJournalCmd(e),
		newSchemaCmd(e),
		newConfigCmd(e),
		newVersionCmd(e),
	)
	installSuggestions(root)
	if c := subcommand(root, "completion"); c != nil {
		c.Short = "Print the shell completion script for bash, zsh, fish or powershell"
	}
	return root
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// versionDetail is finlint's version and what it was built from: the VCS
// revision, its time and whether the work tree had changes, when the build
// recorded them, and the Go version.
func versionDetail() string {
	bi, _ := debug.ReadBuildInfo() // nil when the binary has none
	return describeBuild(buildVersion(), bi)
}

// describeBuild renders version and bi (nil when there is none) as
// versionDetail does, such as "v0.3.0 (revision 1a2b3c4d5e6f,
// 2026-12-01T10:00:00Z, go1.26.8)", "devel (revision 1a2b3c4d5e6f,
// 2026-12-01T10:00:00Z, modified, go1.26.8)" or, for a build that recorded no
// revision (go run, go test, -buildvcs=false), "devel (go1.26.8, built
// without VCS information)".
func describeBuild(version string, bi *debug.BuildInfo) string {
	goVersion := runtime.Version()
	var revision, at string
	modified := false
	if bi != nil {
		if bi.GoVersion != "" {
			goVersion = strings.TrimSpace(bi.GoVersion)
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.time":
				at = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if revision == "" {
		return fmt.Sprintf("%s (%s, built without VCS information)", version, goVersion)
	}
	if len(revision) > 12 {
		revision = revision[:12]
	}
	fields := []string{"revision " + revision}
	if at != "" {
		fields = append(fields, at)
	}
	if modified {
		fields = append(fields, "modified")
	}
	fields = append(fields, goVersion)
	return fmt.Sprintf("%s (%s)", version, strings.Join(fields, ", "))
}

func newVersionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print finlint's version, the revision it was built from and its Go version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(e.stdout, "finlint %s\n", versionDetail())
			return nil
		},
	}
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
