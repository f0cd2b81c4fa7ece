package cli

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"
)

// diffContext is how many unchanged lines surround each change in a hunk,
// as in diff -u and git diff.
const diffContext = 3

// maxEditDistance bounds the search for the shortest edit script: past it
// (thousands of changed lines) the changed stretch is shown line against
// line, or as a whole, which is still a correct diff, only a longer one.
const maxEditDistance = 1000

// lineOp is one line of an edit script: ' ' kept, '-' removed, '+' added.
type lineOp struct {
	kind byte
	text string // the line with its line ending, if it had one
}

// unifiedDiff writes the unified diff that turns a into b, with both named
// as git names them (a/NAME, b/NAME), and reports whether they differed.
// Lines are compared with their line endings, so a file that loses or gains
// its final newline shows it.
func unifiedDiff(w io.Writer, name string, a, b string) (bool, error) {
	if a == b {
		return false, nil
	}
	ops := diffLines(splitLines(a), splitLines(b))
	var sb strings.Builder
	rel := strings.TrimPrefix(filepath.ToSlash(name), "/") // a/ and b/ prefix a relative path
	sb.WriteString("--- a/" + rel + "\n+++ b/" + rel + "\n")
	writeHunks(&sb, ops)
	_, err := io.WriteString(w, sb.String())
	return true, err
}

// splitLines cuts s after each line feed; the last line may have none.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// diffLines returns an edit script from a to b that keeps a longest common
// subsequence of their lines. The common start and end are cut off first,
// which for a fixed file usually leaves little; the rest goes to Myers'
// O(ND) search.
func diffLines(a, b []string) []lineOp {
	var ops []lineOp
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		ops = append(ops, lineOp{' ', a[pre]})
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	mid, ok := myers(ma, mb, maxEditDistance)
	if !ok {
		mid = pairLines(ma, mb)
	}
	ops = append(ops, mid...)
	for _, l := range a[len(a)-suf:] {
		ops = append(ops, lineOp{' ', l})
	}
	return ops
}

// myers finds a shortest edit script from a to b, or reports false when it
// needs more than maxD removals and additions.
func myers(a, b []string, maxD int) ([]lineOp, bool) {
	n, m := len(a), len(b)
	maxD = min(maxD, n+m)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	// trace[d] is v as round d found it, for diagonals -d-1 .. d+1.
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(a, b, trace), true
			}
		}
	}
	return nil, false
}

// backtrack walks the rounds of myers from the end of both inputs back to
// their start and returns the edit script in forward order.
func backtrack(a, b []string, trace [][]int) []lineOp {
	x, y := len(a), len(b)
	var rev []lineOp
	for d := len(trace) - 1; d >= 0; d-- {
		at := func(k int) int { return trace[d][k+d+1] }
		k := x - y
		var pk int
		if k == -d || k != d && at(k-1) < at(k+1) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			x--
			y--
			rev = append(rev, lineOp{' ', a[x]})
		}
		if d > 0 {
			if x == px {
				rev = append(rev, lineOp{'+', b[py]})
			} else {
				rev = append(rev, lineOp{'-', a[px]})
			}
		}
		x, y = px, py
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}

// pairLines is the edit script when the search gives up: line against line
// when both sides have as many (the usual case for NDJSON, fixed record by
// record), else all of a removed and all of b added.
func pairLines(a, b []string) []lineOp {
	var ops []lineOp
	if len(a) == len(b) {
		for i := range a {
			if a[i] == b[i] {
				ops = append(ops, lineOp{' ', a[i]})
			} else {
				ops = append(ops, lineOp{'-', a[i]}, lineOp{'+', b[i]})
			}
		}
		return ops
	}
	for _, l := range a {
		ops = append(ops, lineOp{'-', l})
	}
	for _, l := range b {
		ops = append(ops, lineOp{'+', l})
	}
	return ops
}

// writeHunks writes the changes of an edit script as unified diff hunks,
// each with up to diffContext unchanged lines around it; changes closer
// than twice that share a hunk.
func writeHunks(sb *strings.Builder, ops []lineOp) {
	// aLine[i] and bLine[i] count the lines of a and b before ops[i].
	aLine := make([]int, len(ops)+1)
	bLine := make([]int, len(ops)+1)
	for i, op := range ops {
		aLine[i+1], bLine[i+1] = aLine[i], bLine[i]
		if op.kind != '+' {
			aLine[i+1]++
		}
		if op.kind != '-' {
			bLine[i+1]++
		}
	}
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(0, i-diffContext)
		end := i // one past the last change of the hunk
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j + 1
			} else if j-end >= 2*diffContext {
				break
			}
		}
		stop := min(len(ops), end+diffContext)
		sb.WriteString("@@ -" + hunkRange(aLine[start], aLine[stop]-aLine[start]) +
			" +" + hunkRange(bLine[start], bLine[stop]-bLine[start]) + " @@\n")
		for _, op := range ops[start:stop] {
			sb.WriteByte(op.kind)
			if text, ok := strings.CutSuffix(op.text, "\n"); ok {
				sb.WriteString(text + "\n")
			} else {
				sb.WriteString(text + "\n\\ No newline at end of file\n")
			}
		}
		i = stop
	}
}

// hunkRange writes a hunk's range as diff -u does: the first line and the
// count, the count left out when it is 1, and the line before when it is 0.
func hunkRange(before, n int) string {
	switch n {
	case 0:
		return strconv.Itoa(before) + ",0"
	case 1:
		return strconv.Itoa(before + 1)
	}
	return strconv.Itoa(before+1) + "," + strconv.Itoa(n)
}
