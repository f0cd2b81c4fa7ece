package rules

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEmailFormat(t *testing.T) {
	bad := func(sugg string) []brief { return []brief{{"/basic_info/email", Error, sugg}} }
	tests := []struct {
		name, email string
		want        []brief
		why         string
	}{
		{"valid", "maria.garcia@example.com", []brief{}, ""},
		{"plus and subdomain", "maria+fin@mail.example.co.uk", []brief{}, ""},
		{"hyphen inside a label", "a@my-host.example.com", []brief{}, ""},
		{"uppercase is another rule's", "Maria@Example.com", []brief{}, ""},
		{"empty", "", bad(""), "empty"},
		{"no at", "maria.example.com", bad(""), `no "@"`},
		{"two ats", "maria@garcia@example.com", bad(""), `2 "@" signs`},
		{"empty local part", "@example.com", bad(""), "before the"},
		{"empty domain", "maria@", bad(""), "no domain"},
		{"domain without dot", "maria@localhost", bad(""), "no dot"},
		{"leading dot", "maria@.example.com", bad(""), "starts with a dot"},
		{"trailing dot", "maria@example.com.", bad(""), "ends with a dot"},
		{"empty label", "maria@example..com", bad(""), "empty label"},
		{"label starts with hyphen", "maria@-example.com", bad(""), "hyphen"},
		{"label ends with hyphen", "maria@example-.com", bad(""), "hyphen"},
		{"non-ascii", "josé@example.com", bad(""), "non-ASCII"},
		{"inner space", "maria garcia@example.com", bad(""), "white space"},
		{"display name", "Maria <maria@example.com>", bad(""), "white space"},
		{"control character", "maria\u0007@example.com", bad(""), "control character"},
		{"surrounding spaces", "  maria@example.com ", bad("maria@example.com"), "white space"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := check(t, EmailFormat, mergedWith(t, map[string]any{"basic_info": map[string]any{"email": tc.email}}))
			assert.Equal(t, tc.want, briefs(got))
			if tc.why != "" {
				require.Len(t, got, 1)
				assert.Equal(t, "email-format", got[0].Rule)
				assert.Contains(t, got[0].Message, tc.why)
			}
		})
	}
}

func TestEmailFormatRedacts(t *testing.T) {
	got := checkPatch(t, EmailFormat, `{"basic_info": {"email": " maria@example.com"}}`, withSettings(Settings{Redact: true}))
	require.Len(t, got, 1)
	assert.NotContains(t, got[0].Message, "maria")
	assert.Empty(t, got[0].Suggestion)
}

func TestEmailFormatSkipsWhatItCannotRead(t *testing.T) {
	for _, in := range []string{
		`{"basic_info": {"email": 42}}`,
		`{"basic_info": {"email": null}}`,
		`{"basic_info": {}}`,
		`{"basic_info": "x"}`,
		`[]`,
		`not json`,
	} {
		assert.Empty(t, check(t, EmailFormat, in), in)
	}
}

// mergedWith returns the reference payload with v, marshalled to JSON,
// applied as a merge patch; it spares tests hand-escaping odd strings.
func mergedWith(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	out, err := MergePatch(ReferencePayload, string(b))
	require.NoError(t, err)
	return out
}
