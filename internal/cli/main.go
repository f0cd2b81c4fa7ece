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
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var xe *exitError
	if errors.As(err, &xe) {
		if xe.err != nil && xe.err.Error() != "" {
			fmt.Fprintln(e.stderr, "finlint:", xe.err)
		}
		return xe.code
	}
	// Cobra's own errors: unknown command or flag, wrong argument count.
	fmt.Fprintln(e.stderr, "finlint:", err)
	return exitTool
}

func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "finlint",
		Short: "Check Fin.com API payloads before they are sent",
		Long: `finlint checks the JSON body of Fin.com's Create Individual Customer V2 call
(POST /v2/customers/individual) before it is sent: the vendor's schema, every
documented rule, reference ids against the vendor's catalogues. It reports
every problem in one run, each at its exact file:line:col, with a suggested fix,
and can then submit the payloads that pass, exactly once.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on
(or a submission failed or is unknown); 2 usage error, unreadable input, or
finlint itself failed.

Environment: FIN_BASE_URL, FIN_CLIENT_ID, FIN_CLIENT_SECRET, FIN_ACCESS_TOKEN,
FINLINT_CACHE_DIR, FINLINT_STATE_DIR, NO_COLOR.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       buildVersion(),
	}
	root.SetVersionTemplate("finlint {{.Version}}\n")
	root.CompletionOptions.HiddenDefaultCmd = true
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErr("%v (see %s --help)", err, c.CommandPath())
	})
	root.AddCommand(
		newLintCmd(e),
		newFixCmd(e),
		newRulesCmd(e),
		newExplainCmd(e),
		newRefcacheCmd(e),
		newJournalCmd(e),
		newSchemaCmd(e),
		newVersionCmd(e),
	)
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

func newVersionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print finlint's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			goVersion := "unknown"
			if bi, ok := debug.ReadBuildInfo(); ok {
				goVersion = bi.GoVersion
			}
			fmt.Fprintf(e.stdout, "finlint %s (%s)\n", buildVersion(), strings.TrimSpace(goVersion))
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
