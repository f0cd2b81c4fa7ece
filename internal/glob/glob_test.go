package glob

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMatch(t *testing.T) {
	cases := []struct {
		pattern, name string
		want          bool
	}{
		{"fixtures/business/**", "fixtures/business/a.json", true},
		{"fixtures/business/**", "fixtures/business/x/y/a.json", true},
		{"fixtures/business/**", "fixtures/business", true},
		{"fixtures/business/**", "fixtures/individual/a.json", false},
		{"**/*.ndjson", "a/b/c.ndjson", true},
		{"**/*.ndjson", "c.ndjson", true},
		{"*.json", "a/b.json", false},
		{"a/*/c", "a/b/c", true},
		{"a/*/c", "a/b/x/c", false},
		{"[", "[", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, Match(c.pattern, c.name), "%s %s", c.pattern, c.name)
	}
	assert.True(t, Valid("fixtures/**/*.json"))
	assert.False(t, Valid("fixtures/[a"))
}
