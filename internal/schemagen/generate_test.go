package schemagen_test

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/finlint/finlint/internal/schemagen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const directive = "//go:generate go run github.com/finlint/finlint/internal/schemagen/cmd/schemagen "

// directives returns the schemagen command of every //go:generate line
// in the generate.go files of dirs, keyed by the file's directory.
func directives(t *testing.T, globs ...string) map[string]schemagen.Command {
	t.Helper()
	out := map[string]schemagen.Command{}
	for _, glob := range globs {
		files, err := filepath.Glob(glob)
		require.NoError(t, err)
		for _, file := range files {
			f, err := os.Open(file)
			require.NoError(t, err)
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				line, ok := strings.CutPrefix(sc.Text(), directive)
				if !ok {
					continue
				}
				c, err := schemagen.ParseCommand(strings.Fields(line))
				require.NoError(t, err, file)
				out[filepath.Dir(file)] = c
			}
			require.NoError(t, sc.Err())
			f.Close()
		}
	}
	return out
}

// Every generated validator is what its //go:generate line writes from the
// schema as it is now: a schema edited without go generate fails here.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	cmds := directives(t, "../../kinds/*/generate.go", "internal/*/generate.go")
	require.GreaterOrEqual(t, len(cmds), 3)
	for dir, c := range cmds {
		want, err := c.Generate(dir)
		require.NoError(t, err, dir)
		got, err := os.ReadFile(filepath.Join(dir, c.Out))
		require.NoError(t, err, "%s: run go generate ./kinds/... ./internal/schemagen/...", dir)
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not what %s generates: run go generate ./kinds/... ./internal/schemagen/...", filepath.Join(dir, c.Out), filepath.Join(dir, c.In))
		}
	}
}

// Every schema of a kind has a validator generated from it.
func TestEverySchemaIsGenerated(t *testing.T) {
	cmds := directives(t, "../../kinds/*/generate.go")
	schemas, err := filepath.Glob("../../kinds/*/*.schema.json")
	require.NoError(t, err)
	require.NotEmpty(t, schemas)
	for _, s := range schemas {
		c, ok := cmds[filepath.Dir(s)]
		if assert.True(t, ok, "%s has no generate.go with a schemagen line", filepath.Dir(s)) {
			assert.Equal(t, filepath.Base(s), c.In, filepath.Dir(s))
		}
	}
}

// The linter no longer links the JSON Schema library: only tests, the
// generator and the benchmark baseline use it, through the oracle.
func TestFinlintDoesNotLinkTheLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(gocmd, "list", "-deps", "github.com/finlint/finlint/cmd/finlint").Output()
	require.NoError(t, err)
	deps := strings.Fields(string(out))
	require.Contains(t, deps, "github.com/finlint/finlint/schema")
	for _, d := range deps {
		assert.NotContains(t, d, "jsonschema")
		assert.NotEqual(t, "github.com/finlint/finlint/schema/oracle", d)
		assert.NotEqual(t, "golang.org/x/text/message", d, "the library's messages are written without its printer")
	}
}

func TestParseCommand(t *testing.T) {
	c, err := schemagen.ParseCommand([]string{"-in", "a.schema.json", "-out", "v.go", "-pkg", "p"})
	require.NoError(t, err)
	assert.Equal(t, schemagen.Command{In: "a.schema.json", Out: "v.go", Package: "p", Func: "validate"}, c)
	for _, args := range [][]string{nil, {"-in", "a"}, {"-in", "a", "-out", "b", "-pkg", "p", "extra"}, {"-nope"}} {
		_, err := schemagen.ParseCommand(args)
		assert.Error(t, err, "%q", args)
	}
}
