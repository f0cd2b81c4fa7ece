package business

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/require"
)

// editReference returns the reference payload as edit leaves it; numbers
// keep their literals.
func editReference(t *testing.T, edit func(doc map[string]any)) string {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader([]byte(Kind.Reference)))
	d.UseNumber()
	var doc map[string]any
	require.NoError(t, d.Decode(&doc))
	edit(doc)
	out, err := json.MarshalIndent(doc, "", "  ")
	require.NoError(t, err)
	return string(out)
}

// party returns the reference payload's first associated party, to edit.
func party(doc map[string]any, i int) map[string]any {
	return doc["associated_parties"].([]any)[i].(map[string]any)
}

// secondParty adds a second party to doc, a copy of the first with its
// own email, and returns it.
func secondParty(t *testing.T, doc map[string]any) map[string]any {
	t.Helper()
	b, err := json.Marshal(party(doc, 0))
	require.NoError(t, err)
	var p map[string]any
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	require.NoError(t, d.Decode(&p))
	p["ref"] = "owner-002"
	p["basic_info"].(map[string]any)["email"] = "mark.lee@harborpoint.example.com"
	p["roles"] = []any{"shareholder"}
	p["ownership_info"].(map[string]any)["percentage_of_ownership"] = json.Number("10")
	doc["associated_parties"] = append(doc["associated_parties"].([]any), p)
	return p
}

// one asserts that fs is a single finding of rule r and returns it.
func one(t *testing.T, r *rules.Rule, fs []rules.Finding) rules.Finding {
	t.Helper()
	require.Len(t, fs, 1, "%+v", fs)
	require.Equal(t, r.ID, fs[0].Rule)
	require.Equal(t, r.Severity, fs[0].Severity)
	return fs[0]
}

func redact(p *rules.Pass) { p.Settings.Redact = true }
