package cli

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func diffString(t *testing.T, a, b string) string {
	t.Helper()
	var sb strings.Builder
	changed, err := unifiedDiff(&sb, "f.json", a, b)
	require.NoError(t, err)
	assert.Equal(t, a != b, changed)
	return sb.String()
}

func numbered(from, to int) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		b.WriteString("line " + strconv.Itoa(i) + "\n")
	}
	return b.String()
}

func TestUnifiedDiff(t *testing.T) {
	assert.Empty(t, diffString(t, "same\n", "same\n"))

	// One change in the middle of a long file: three lines of context.
	a := numbered(1, 20)
	b := strings.Replace(a, "line 10\n", "LINE 10\n", 1)
	assert.Equal(t, `--- a/f.json
+++ b/f.json
@@ -7,7 +7,7 @@
 line 7
 line 8
 line 9
-line 10
+LINE 10
 line 11
 line 12
 line 13
`, diffString(t, a, b))

	// Changes six lines apart share a hunk; seven apart do not.
	b = strings.Replace(strings.Replace(a, "line 4\n", "x\n", 1), "line 11\n", "y\n", 1)
	assert.Equal(t, 1, strings.Count(diffString(t, a, b), "@@ -"))
	b = strings.Replace(strings.Replace(a, "line 4\n", "x\n", 1), "line 12\n", "y\n", 1)
	assert.Equal(t, `--- a/f.json
+++ b/f.json
@@ -1,7 +1,7 @@
 line 1
 line 2
 line 3
-line 4
+x
 line 5
 line 6
 line 7
@@ -9,7 +9,7 @@
 line 9
 line 10
 line 11
-line 12
+y
 line 13
 line 14
 line 15
`, diffString(t, a, b))

	// Added lines, as an inserted JSON member gives.
	assert.Equal(t, `--- a/f.json
+++ b/f.json
@@ -1,3 +1,5 @@
 {
-  "a": 1
+  "a": 1,
+  "b": 2,
+  "c": 3
 }
`, diffString(t, "{\n  \"a\": 1\n}\n", "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}\n"))
}

func TestUnifiedDiffEdges(t *testing.T) {
	// A file without a final newline says so, as diff -u does.
	assert.Equal(t, "--- a/f.json\n+++ b/f.json\n@@ -1 +1 @@\n-{\"a\":\"X\"}\n\\ No newline at end of file\n+{\"a\":\"x\"}\n\\ No newline at end of file\n",
		diffString(t, `{"a":"X"}`, `{"a":"x"}`))
	assert.Equal(t, "--- a/f.json\n+++ b/f.json\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n",
		diffString(t, "x", "x\n"))
	// Empty sides: the line before an empty range, as diff -u writes it.
	assert.Equal(t, "--- a/f.json\n+++ b/f.json\n@@ -0,0 +1,2 @@\n+a\n+b\n", diffString(t, "", "a\nb\n"))
	assert.Equal(t, "--- a/f.json\n+++ b/f.json\n@@ -1,2 +0,0 @@\n-a\n-b\n", diffString(t, "a\nb\n", ""))
	// CRLF lines keep their CR.
	assert.Equal(t, "--- a/f.json\n+++ b/f.json\n@@ -1,2 +1,2 @@\n-A\r\n+a\r\n b\r\n", diffString(t, "A\r\nb\r\n", "a\r\nb\r\n"))
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$`)

// applyDiff applies a unified diff to a, checking every context and removed
// line against it, and returns the result.
func applyDiff(t *testing.T, a, diff string) string {
	t.Helper()
	src := splitLines(a)
	lines := splitLines(diff)
	require.GreaterOrEqual(t, len(lines), 2)
	var out []string
	pos := 0
	var prev *string // the last line taken or added, for "\ No newline"
	for _, l := range lines[2:] {
		body := strings.TrimSuffix(l, "\n")
		if m := hunkHeader.FindStringSubmatch(body); m != nil {
			start, _ := strconv.Atoi(m[1])
			n := 1
			if m[2] != "" {
				n, _ = strconv.Atoi(m[2])
			}
			if n > 0 {
				start--
			}
			require.GreaterOrEqual(t, start, pos, "hunks in order")
			out = append(out, src[pos:start]...)
			pos = start
			prev = nil
			continue
		}
		if body == `\ No newline at end of file` {
			require.NotNil(t, prev)
			*prev = strings.TrimSuffix(*prev, "\n")
			continue
		}
		text := body[1:] + "\n"
		switch body[0] {
		case ' ':
			require.Less(t, pos, len(src))
			require.Equal(t, strings.TrimSuffix(src[pos], "\n"), body[1:])
			out = append(out, text)
			prev = &out[len(out)-1]
			pos++
		case '-':
			require.Less(t, pos, len(src))
			require.Equal(t, strings.TrimSuffix(src[pos], "\n"), body[1:])
			pos++
			removed := text
			prev = &removed
		case '+':
			out = append(out, text)
			prev = &out[len(out)-1]
		default:
			t.Fatalf("unexpected diff line %q", l)
		}
	}
	return strings.Join(append(out, src[pos:]...), "")
}

// lcsLen is the textbook dynamic programme, to check myers against.
func lcsLen(a, b []string) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}

func TestDiffLinesIsMinimalAndApplies(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	gen := func() string {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(string(rune('a'+rng.IntN(4))) + "\n")
		}
		if rng.IntN(4) == 0 {
			b.WriteString("z") // no final newline
		}
		return b.String()
	}
	for i := range 2000 {
		a, b := gen(), gen()
		la, lb := splitLines(a), splitLines(b)
		ops := diffLines(la, lb)
		changes := 0
		for _, op := range ops {
			if op.kind != ' ' {
				changes++
			}
		}
		require.Equal(t, len(la)+len(lb)-2*lcsLen(la, lb), changes, "case %d: %q -> %q", i, a, b)
		if a != b {
			require.Equal(t, b, applyDiff(t, a, diffString(t, a, b)), "case %d: %q -> %q", i, a, b)
		}
	}
}

func TestDiffLinesGivesUpGracefully(t *testing.T) {
	// Past the search bound, equal line counts are paired line by line.
	var a, b []string
	for i := range 3 * maxEditDistance {
		a = append(a, "a"+strconv.Itoa(i)+"\n")
		if i%2 == 0 {
			b = append(b, "b"+strconv.Itoa(i)+"\n")
		} else {
			b = append(b, a[i])
		}
	}
	_, ok := myers(a, b, maxEditDistance)
	require.False(t, ok, "the test needs more changes than the bound")
	ops := diffLines(a, b)
	assert.Len(t, ops, len(a)+len(a)/2+len(a)%2)
	as, bs := strings.Join(a, ""), strings.Join(b, "")
	assert.Equal(t, bs, applyDiff(t, as, diffString(t, as, bs)))
	// Unequal counts: all of one out, all of the other in, still correct.
	b = append(b, "extra\n")
	bs = strings.Join(b, "")
	assert.Equal(t, bs, applyDiff(t, as, diffString(t, as, bs)))
}
