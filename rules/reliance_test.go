package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReliance(t *testing.T) {
	tests := []struct {
		name, patch string
		enabled     bool
		want        []brief
	}{
		{"standard", `{}`, false, []brief{}},
		{"reliance, not enabled", `{"verification_type": "RELIANCE"}`, false, []brief{{"/verification_type", Warning, ""}}},
		{"reliance, enabled", `{"verification_type": "RELIANCE"}`, true, []brief{}},
		// Other spellings are enum-value's to report.
		{"lowercase", `{"verification_type": "reliance"}`, false, []brief{}},
		{"not a string", `{"verification_type": ["RELIANCE"]}`, false, []brief{}},
		{"missing", `{"verification_type": null}`, false, []brief{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkPatch(t, Reliance, tc.patch, withSettings(Settings{RelianceEnabled: tc.enabled}))
			assert.Equal(t, tc.want, briefs(got))
		})
	}
}

func TestRelianceMessage(t *testing.T) {
	got := checkPatch(t, Reliance, `{"verification_type": "RELIANCE"}`)
	require.Len(t, got, 1)
	assert.Equal(t, "reliance-verification", got[0].Rule)
	assert.Contains(t, got[0].Message, "423")
	assert.Equal(t, "RELIANCE verification is answered with 423 unless it is enabled for your client", got[0].Message, "names no flag or file of the CLI")
}

func TestRelianceSkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{`["RELIANCE"]`, `"RELIANCE"`, `{"basic_info": {"verification_type": "RELIANCE"}}`, `{"verification_type": "RELIANCE"`} {
		assert.Empty(t, check(t, Reliance, in), in)
	}
}
