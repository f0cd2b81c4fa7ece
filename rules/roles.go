package rules

import (
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
)

// eachOf calls fn with every value that one of patterns matches, pattern
// by pattern, each in document order. It does nothing for a payload of no
// known kind.
func (p *Pass) eachOf(patterns []string, fn func(ptr string, v *jsondoc.Value)) {
	for _, pat := range patterns {
		kind.Each(p.Root(), pat, fn)
	}
}

// roles returns the roles of the payload's kind, or none.
func (p *Pass) roles() kind.Roles {
	if p.Kind == nil {
		return kind.Roles{}
	}
	return p.Kind.Roles
}

// textAt returns the string at the pointer pattern expands to for matched
// (see kind.Expand).
func (p *Pass) textAt(pattern, matched string) (string, bool) {
	if pattern == "" {
		return "", false
	}
	return p.Text(kind.Expand(pattern, matched))
}

// parentPointer returns the pointer of the value that holds ptr's.
func parentPointer(ptr string) string {
	if i := strings.LastIndexByte(ptr, '/'); i >= 0 {
		return ptr[:i]
	}
	return ""
}
