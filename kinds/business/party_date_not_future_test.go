package business

import (
	"testing"
	"time"

	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDateNotFuture(t *testing.T) {
	assert.Empty(t, runRule(t, DateNotFuture, Kind.Reference))

	f := one(t, DateNotFuture, runPatch(t, DateNotFuture, `{"basic_info": {"incorporation_date": "2035-01-15"}}`))
	assert.Equal(t, rules.Error, f.Severity)
	assert.Equal(t, "/basic_info/incorporation_date", f.Path)
	assert.Equal(t, `incorporation_date "2035-01-15" is in the future (today is 2026-12-02 UTC)`, f.Message)

	// Today is not the future; tomorrow is, whatever the time of day.
	late := func(p *rules.Pass) { p.Now = today.Add(23*time.Hour + 59*time.Minute) }
	assert.Empty(t, runPatch(t, DateNotFuture, `{"basic_info": {"incorporation_date": "2026-12-02"}}`))
	assert.Empty(t, runPatch(t, DateNotFuture, `{"basic_info": {"incorporation_date": "2026-12-02"}}`, late))
	f = one(t, DateNotFuture, runPatch(t, DateNotFuture, `{"basic_info": {"incorporation_date": "2026-12-03"}}`))
	assert.Equal(t, `incorporation_date "2026-12-03" is in the future (today is 2026-12-02 UTC)`, f.Message)

	in := editReference(t, func(doc map[string]any) {
		secondParty(t, doc)["ownership_info"].(map[string]any)["relationship_establishment_date"] = "2035-03-14"
	})
	f = one(t, DateNotFuture, runRule(t, DateNotFuture, in))
	assert.Equal(t, "/associated_parties/1/ownership_info/relationship_establishment_date", f.Path)
	assert.Equal(t, `associated_parties[1].ownership_info.relationship_establishment_date "2035-03-14" is in the future (today is 2026-12-02 UTC)`, f.Message)

	// Both, in document order.
	in = editReference(t, func(doc map[string]any) {
		doc["basic_info"].(map[string]any)["incorporation_date"] = "2027-01-01"
		party(doc, 0)["ownership_info"].(map[string]any)["relationship_establishment_date"] = "2027-01-02"
	})
	fs := runRule(t, DateNotFuture, in)
	require.Len(t, fs, 2)
	assert.Equal(t, "/basic_info/incorporation_date", fs[0].Path)
	assert.Equal(t, "/associated_parties/0/ownership_info/relationship_establishment_date", fs[1].Path)

	// Redacted: the date is masked.
	f = one(t, DateNotFuture, runPatch(t, DateNotFuture, `{"basic_info": {"incorporation_date": "2035-01-15"}}`, redact))
	assert.Equal(t, `incorporation_date "**********" is in the future (today is 2026-12-02 UTC)`, f.Message)
}

func TestDateNotFutureSkipsWhatIsNoDate(t *testing.T) {
	for _, d := range []string{`"2035-02-30"`, `"2035-1-15"`, `"2035-01-15T00:00:00Z"`, `"20350115"`, `"+2035-01-15"`, `2035`, `null`, `""`, `"9999-99-99"`} {
		assert.Empty(t, runPatch(t, DateNotFuture, `{"basic_info": {"incorporation_date": `+d+`}}`), d)
	}
	for _, in := range []string{`{}`, `[]`, `{"basic_info": "x"}`, `{"associated_parties": [null, {"ownership_info": []}, {"ownership_info": {"relationship_establishment_date": 1}}]}`} {
		assert.Empty(t, runRule(t, DateNotFuture, in), in)
	}
}
