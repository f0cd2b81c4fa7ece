package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEmailLowercase(t *testing.T) {
	tests := []struct {
		email string
		want  []brief
	}{
		{"maria.garcia@example.com", []brief{}},
		{"Maria.Garcia@Example.COM", []brief{{"/basic_info/email", Error, "maria.garcia@example.com"}}},
		// Independent of email-format: a malformed address is still judged.
		{"MARIA", []brief{{"/basic_info/email", Error, "maria"}}},
		{"ÉLODIE@example.com", []brief{{"/basic_info/email", Error, "élodie@example.com"}}},
		{"", []brief{}},
		{"1234@example.com", []brief{}},
	}
	for _, tc := range tests {
		t.Run(tc.email, func(t *testing.T) {
			got := check(t, EmailLowercase, mergedWith(t, map[string]any{"basic_info": map[string]any{"email": tc.email}}))
			assert.Equal(t, tc.want, briefs(got))
			for _, f := range got {
				assert.Equal(t, "email-lowercase", f.Rule)
				assert.Equal(t, fixIfSuggested(f, FixString), f.Fix, "fix kind")
				assert.Contains(t, f.Message, "lowercase")
			}
		})
	}
}

func TestEmailLowercaseRedacts(t *testing.T) {
	got := checkPatch(t, EmailLowercase, `{"basic_info": {"email": "Maria@example.com"}}`, withSettings(Settings{Redact: true}))
	require.Len(t, got, 1)
	assert.Equal(t, brief{"/basic_info/email", Error, ""}, briefs(got)[0])
	assert.NotContains(t, got[0].Message, "aria")
}

func TestEmailLowercaseSkipsWhatItCannotRead(t *testing.T) {
	for _, in := range []string{`{"basic_info": {"email": ["A@B.C"]}}`, `{"basic_info": {}}`, `{}`, `"A@B.C"`, `{`} {
		assert.Empty(t, check(t, EmailLowercase, in), in)
	}
}
