package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// many returns n well-formed entries in reverse order, so that format has
// something to sort.
func many(n int) []entry {
	out := make([]entry, 0, n)
	for i := n - 1; i >= 0; i-- {
		country := string(rune('A'+i/1000/26%26)) + string(rune('A'+i/1000%26))
		out = append(out, entry{Code: fmt.Sprintf("%s-%03d", country, i%1000), Name: fmt.Sprintf("Name %d", i), Parent: country})
	}
	return out
}

func TestFormat(t *testing.T) {
	out, err := format(many(4000), 0, 0)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	require.Len(t, lines, 4001)
	assert.True(t, strings.HasPrefix(lines[0], "# "), "a comment line says where the data comes from")
	assert.Equal(t, "AA-000\tName 0", lines[1])
	assert.Equal(t, "AD-999\tName 3999", lines[4000])
}

func TestFormatRejects(t *testing.T) {
	for name, edit := range map[string]func([]entry){
		"bad code":       func(e []entry) { e[0].Code = "aa-1" },
		"duplicate":      func(e []entry) { e[1].Code = e[0].Code },
		"tab in name":    func(e []entry) { e[0].Name = "a\tb" },
		"empty name":     func(e []entry) { e[0].Name = "" },
		"foreign parent": func(e []entry) { e[0].Parent = "ZZ" },
	} {
		e := many(4000)
		edit(e)
		_, err := format(e, 0, 0)
		assert.Error(t, err, name)
	}
	_, err := format(many(10), 0, 0)
	assert.Error(t, err, "a short table means the package changed shape")
}
