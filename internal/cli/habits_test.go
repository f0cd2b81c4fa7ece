package cli

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTyposFailWithSuggestion runs mistyped commands, help topics and flags
// through the real commands: each is a usage error (exit 2) on standard
// error only, naming the nearest real words the way cobra does for an
// unknown command of the root.
func TestTyposFailWithSuggestion(t *testing.T) {
	for _, tc := range []struct {
		args   string
		stderr string
	}{
		{"lnt", "finlint: unknown command \"lnt\" for \"finlint\"\n\nDid you mean this?\n\tlint\n"},
		{"refcache refersh", "finlint: unknown command \"refersh\" for \"finlint refcache\"\n\nDid you mean this?\n\trefresh\n"},
		{"refcache st", "finlint: unknown command \"st\" for \"finlint refcache\"\n\nDid you mean this?\n\tstatus\n"},
		{"refcache xyz", "finlint: unknown command \"xyz\" for \"finlint refcache\"\n"},
		{"journal lsit", "finlint: unknown command \"lsit\" for \"finlint journal\"\n\nDid you mean this?\n\tlist\n"},
		{"journal --journal j.ndjson lsit", "finlint: unknown command \"lsit\" for \"finlint journal\"\n\nDid you mean this?\n\tlist\n"},
		{"completion bsh", "finlint: unknown command \"bsh\" for \"finlint completion\"\n\nDid you mean this?\n\tbash\n\tzsh\n"},
		{"completion powershel", "finlint: unknown command \"powershel\" for \"finlint completion\"\n\nDid you mean this?\n\tpowershell\n"},
		{"help nope", "finlint: unknown help topic \"nope\" for \"finlint\"\n"},
		{"help lnt", "finlint: unknown help topic \"lnt\" for \"finlint\"\n\nDid you mean this?\n\tlint\n"},
		{"help refcache refersh", "finlint: unknown help topic \"refersh\" for \"finlint refcache\"\n\nDid you mean this?\n\trefresh\n"},
		{"help completion zhs", "finlint: unknown help topic \"zhs\" for \"finlint completion\"\n\nDid you mean this?\n\tzsh\n"},
		{"lint --formt json x.json", "finlint: unknown flag: --formt (see finlint lint --help)\n\nDid you mean this?\n\t--format\n"},
		{"lint --formt=json x.json", "finlint: unknown flag: --formt (see finlint lint --help)\n\nDid you mean this?\n\t--format\n"},
		{"lint --form json x.json", "finlint: unknown flag: --form (see finlint lint --help)\n\nDid you mean this?\n\t--format\n"},
		{"lint -format json x.json", "finlint: unknown shorthand flag: 'f' in -format (see finlint lint --help)\n\nDid you mean this?\n\t--format\n"},
		{"lint -Z x.json", "finlint: unknown shorthand flag: 'Z' in -Z (see finlint lint --help)\n"},
		{"fix --wrte x.json", "finlint: unknown flag: --wrte (see finlint fix --help)\n\nDid you mean this?\n\t--write\n"},
		{"journal list --stauts unknown", "finlint: unknown flag: --stauts (see finlint journal list --help)\n\nDid you mean this?\n\t--status\n"},
		// A persistent flag of a parent is one of its subcommands' flags.
		{"journal status --jurnal j.ndjson", "finlint: unknown flag: --jurnal (see finlint journal status --help)\n\nDid you mean this?\n\t--journal\n"},
		{"--versoin", "finlint: unknown flag: --versoin (see finlint --help)\n\nDid you mean this?\n\t--version\n"},
		{"rules --hlep", "finlint: unknown flag: --hlep (see finlint rules --help)\n\nDid you mean this?\n\t--help\n"},
		// explain's own message, from the rule catalogue.
		{"explain email-lowercse", "finlint: unknown rule \"email-lowercse\" (did you mean \"email-lowercase\"?) (see finlint rules)\n"},
		{"explain nope", "finlint: unknown rule \"nope\" (see finlint rules)\n"},
	} {
		t.Run(tc.args, func(t *testing.T) {
			r := runCLI(t, nil, nil, strings.Fields(tc.args)...)
			assert.Equal(t, 2, r.code)
			assert.Equal(t, tc.stderr, r.stderr)
			assert.Empty(t, r.stdout)
		})
	}
}

// TestBareParentPrintsHelp: a command with subcommands that does nothing
// on its own prints its help and exits 0, as does help for a real topic.
func TestBareParentPrintsHelp(t *testing.T) {
	for _, args := range [][]string{
		{"refcache"},
		{"completion"},
		{"help", "refcache"},
		{"help", "completion", "zsh"},
		{"refcache", "--help"},
		{},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := runCLI(t, nil, nil, args...)
			assert.Equal(t, 0, r.code, r.stderr)
			assert.Empty(t, r.stderr)
			assert.Contains(t, r.stdout, "Usage:")
		})
	}
	r := runCLI(t, nil, nil, "refcache")
	assert.Contains(t, r.stdout, "  finlint refcache refresh|status\n  finlint refcache [command]\n")
	assert.Contains(t, r.stdout, "Available Commands:\n  refresh")
}

// TestCompletionListedAndWorking: completion is one of the commands the
// root's help lists, says which shells, and prints each shell's script.
func TestCompletionListedAndWorking(t *testing.T) {
	r := runCLI(t, nil, nil, "--help")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Regexp(t, `(?m)^  completion +\S.*bash, zsh, fish or powershell$`, r.stdout)
	for shell, start := range map[string]string{
		"bash":       "# bash completion V2 for finlint",
		"zsh":        "#compdef finlint",
		"fish":       "# fish completion for finlint",
		"powershell": "# powershell completion for finlint",
	} {
		r := runCLI(t, nil, nil, "completion", shell)
		assert.Equal(t, 0, r.code, shell+": "+r.stderr)
		assert.Empty(t, r.stderr, shell)
		assert.True(t, strings.HasPrefix(r.stdout, start), "%s: %.80q", shell, r.stdout)
	}
}

// TestRootHelpNamesBothKinds: the root's help names each payload kind with
// its call, and keeps the exit codes and the environment.
func TestRootHelpNamesBothKinds(t *testing.T) {
	r := runCLI(t, nil, nil, "--help")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Regexp(t, `individual-v2 +Create Individual Customer V2, POST /v2/customers/individual`, r.stdout)
	assert.Regexp(t, `business-v2 +Create Business Customer V2, POST /v2/customers/business`, r.stdout)
	assert.Contains(t, r.stdout, "Exit codes: 0")
	assert.Contains(t, r.stdout, "Environment: FIN_BASE_URL")
}

// TestVersionFlagMatchesCommand: --version prints what version prints. A
// test binary records no VCS revision, and says so.
func TestVersionFlagMatchesCommand(t *testing.T) {
	v := runCLI(t, nil, nil, "version")
	f := runCLI(t, nil, nil, "--version")
	require.Equal(t, 0, v.code, v.stderr)
	require.Equal(t, 0, f.code, f.stderr)
	assert.Equal(t, v.stdout, f.stdout)
	assert.Equal(t, "finlint devel ("+runtime.Version()+", built without VCS information)\n", v.stdout)
}

// TestDescribeBuild renders the build information a build may record.
func TestDescribeBuild(t *testing.T) {
	settings := func(kv ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{GoVersion: "go1.26.8"}
		for i := 0; i < len(kv); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return bi
	}
	const rev = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"
	for _, tc := range []struct {
		version string
		bi      *debug.BuildInfo
		want    string
	}{
		{"v0.3.0", settings("vcs", "git", "vcs.revision", rev, "vcs.time", "2026-12-01T10:00:00Z", "vcs.modified", "false"),
			"v0.3.0 (revision 1a2b3c4d5e6f, 2026-12-01T10:00:00Z, go1.26.8)"},
		{"devel", settings("vcs.revision", rev, "vcs.time", "2026-12-01T10:00:00Z", "vcs.modified", "true"),
			"devel (revision 1a2b3c4d5e6f, 2026-12-01T10:00:00Z, modified, go1.26.8)"},
		{"devel", settings("vcs.revision", "abc123"), "devel (revision abc123, go1.26.8)"},
		{"v0.3.0", settings("-buildmode", "exe"), "v0.3.0 (go1.26.8, built without VCS information)"},
		{"devel", nil, "devel (" + runtime.Version() + ", built without VCS information)"},
	} {
		assert.Equal(t, tc.want, describeBuild(tc.version, tc.bi))
	}
}

// TestVersionOfBuiltBinary builds the real command, as a release would be,
// and reads its version: inside a git checkout the revision it prints is
// the checkout's HEAD.
func TestVersionOfBuiltBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	// The checkout's HEAD, before and after the build, in case a commit
	// lands in between; none when git or a checkout is missing.
	heads := gitHead(t)
	bin := filepath.Join(t.TempDir(), "finlint")
	// -buildvcs=auto whatever GOFLAGS says: stamp the revision when the
	// checkout and its VCS tool allow it, as a plain go build does.
	stamped := true
	out, err := exec.Command("go", "build", "-buildvcs=auto", "-o", bin, "../../cmd/finlint").CombinedOutput()
	if err != nil {
		t.Logf("cannot stamp the revision, building without: %v\n%s", err, out)
		stamped = false
		out, err = exec.Command("go", "build", "-buildvcs=false", "-o", bin, "../../cmd/finlint").CombinedOutput()
		require.NoError(t, err, string(out))
	}
	heads = append(heads, gitHead(t)...)

	v, err := exec.Command(bin, "version").Output()
	require.NoError(t, err)
	f, err := exec.Command(bin, "--version").Output()
	require.NoError(t, err)
	assert.Equal(t, string(v), string(f))
	line := string(v)
	t.Log(strings.TrimSpace(line))
	assert.Regexp(t, `^finlint \S+ \((revision [0-9a-f]{7,12}(, [^,()]+)*, go\S+|go\S+, built without VCS information)\)\n$`, line)
	assert.NotContains(t, line, ", ,")
	assert.NotContains(t, line, "()")

	if !stamped || len(heads) == 0 {
		t.Log("no git checkout to compare the revision with")
		return
	}
	ok := false
	for _, h := range heads {
		ok = ok || strings.Contains(line, "(revision "+h[:12]+", ")
	}
	assert.True(t, ok, "want the revision of HEAD, one of %q", heads)
}

// gitHead is the commit the checkout holding this package is at, or none
// when git is missing or this is not a checkout.
func gitHead(t *testing.T) []string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		return nil
	}
	out, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil || len(strings.TrimSpace(string(out))) < 12 {
		return nil
	}
	return []string{strings.TrimSpace(string(out))}
}
