// Package glob matches slash-separated paths against the globs of the
// config file: "*" stands for any run of characters within one segment and
// a "**" segment for any number of segments, none included.
package glob

import (
	"path"
	"path/filepath"
	"strings"
)

// Match reports whether name matches pattern. A malformed pattern matches
// nothing.
func Match(pattern, name string) bool {
	return matchSegs(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func matchSegs(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			for i := 0; i <= len(segs); i++ {
				if matchSegs(rest, segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, err := path.Match(pat[0], segs[0]); err != nil || !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}

// Valid reports whether pattern is well formed.
func Valid(pattern string) bool {
	for _, seg := range strings.Split(pattern, "/") {
		if _, err := path.Match(seg, ""); err != nil {
			return false
		}
	}
	return true
}

// Rel returns abs, an absolute path, relative to the absolute folder base
// in slash form: the form the globs of a config file (and the sources of a
// baseline) are written in, so that a glob matches the same file whatever
// the working directory. A path outside base comes out with ../ at its
// start, which only a glob starting with ** matches. A path reached through
// a symbolic link (or a base that is one, as /tmp is on macOS) is outside
// base by its name but perhaps inside it in fact; it is tried again with the
// links resolved. ok is false when the two cannot be related at all.
func Rel(base, abs string) (rel string, ok bool) {
	r, err := filepath.Rel(base, abs)
	if err != nil {
		return "", false
	}
	r = filepath.ToSlash(r)
	if r == ".." || strings.HasPrefix(r, "../") {
		if rb, err := filepath.EvalSymlinks(base); err == nil {
			if ra, err := filepath.EvalSymlinks(abs); err == nil {
				if r2, err := filepath.Rel(rb, ra); err == nil && r2 != ".." && !strings.HasPrefix(r2, ".."+string(filepath.Separator)) {
					return filepath.ToSlash(r2), true
				}
			}
		}
	}
	return r, true
}
