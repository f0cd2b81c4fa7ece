package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/finlint/finlint/internal/iso3166"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ref(codes ...string) []isoEntry {
	out := make([]isoEntry, 0, len(codes))
	for _, c := range codes {
		out = append(out, isoEntry{Code: c, Name: "ref " + c, Type: "Region"})
	}
	return out
}

func npmOf(codes ...string) []entry {
	out := make([]entry, 0, len(codes))
	for _, c := range codes {
		out = append(out, entry{Code: c, Name: "ref " + c, Parent: c[:2]})
	}
	return out
}

var testRemovals = []iso3166.Removal{
	{Code: "PK-TA", Name: "Tribal Areas", Kind: iso3166.Withdrawn, Date: "2019-11-22", Source: "OBP 2019-11-22", Note: "merged into PK-KP", Successor: "PK-KP"},
}

func TestCrossCheck(t *testing.T) {
	npm := npmOf("PK-KP", "PK-TA", "PK-SD", "US-CA")
	npm[0].Name = "Khaībar Pakhtūnkhwā"
	table, rep, err := crossCheck(npm, ref("PK-KP", "PK-SD", "US-CA", "ZZ-01"), testRemovals)
	require.NoError(t, err)
	var codes []string
	for _, e := range table {
		codes = append(codes, e.Code)
	}
	assert.Equal(t, []string{"PK-KP", "PK-SD", "US-CA", "ZZ-01"}, codes, "the removal is left out, the iso-codes-only code added")
	assert.Equal(t, "Khaībar Pakhtūnkhwā", table[0].Name, "the iso-3166 name is kept")
	assert.Equal(t, entry{Code: "ZZ-01", Name: "ref ZZ-01", Parent: "ZZ"}, table[3])
	assert.Equal(t, report{NPM: 4, IsoCodes: 4, Removed: []string{"PK-TA"}, Added: []string{"ZZ-01"}, Renamed: 1}, rep)
	assert.Contains(t, rep.String(), "left out, as reviewed removals: 1 PK-TA")
}

func TestCrossCheckRefuses(t *testing.T) {
	for name, tc := range map[string]struct {
		npm      []entry
		ref      []isoEntry
		removals []iso3166.Removal
		want     string
	}{
		"unexplained code":         {npmOf("PK-KP", "PK-TA", "LU-D"), ref("PK-KP"), testRemovals, "LU-D (ref LU-D)"},
		"removal still current":    {npmOf("PK-KP", "PK-TA"), ref("PK-KP", "PK-TA"), testRemovals, "removal PK-TA is still in iso-codes"},
		"successor not current":    {npmOf("PK-TA"), ref("PK-SD"), testRemovals, "successor PK-KP"},
		"removal without a date":   {npmOf("PK-KP"), ref("PK-KP"), []iso3166.Removal{{Code: "PK-TA", Source: "x", Note: "y"}}, "needs a date"},
		"removal without a source": {npmOf("PK-KP"), ref("PK-KP"), []iso3166.Removal{{Code: "PK-TA", Date: "2019-11-22", Note: "y"}}, "needs a date, a source"},
		"removal twice":            {npmOf("PK-KP"), ref("PK-KP"), append(testRemovals, testRemovals[0]), "listed twice"},
		"iso-codes duplicate":      {npmOf("PK-KP"), ref("PK-KP", "PK-KP"), nil, "twice"},
	} {
		_, _, err := crossCheck(tc.npm, tc.ref, tc.removals)
		if assert.Error(t, err, name) {
			assert.Contains(t, err.Error(), tc.want, name)
		}
	}
}

// The reviewed list itself must pass the checks crossCheck makes of it.
func TestRemovalsListIsWellFormed(t *testing.T) {
	list := iso3166.Removals()
	var npm []entry
	current := map[string]bool{}
	for _, r := range list {
		npm = append(npm, entry{Code: r.Code, Name: r.Name, Parent: r.Code[:2]})
		if r.Successor != "" && !current[r.Successor] {
			current[r.Successor] = true
			npm = append(npm, entry{Code: r.Successor, Name: "x", Parent: r.Successor[:2]})
		}
	}
	var reference []isoEntry
	for c := range current {
		reference = append(reference, isoEntry{Code: c, Name: "x"})
	}
	table, rep, err := crossCheck(npm, reference, list)
	require.NoError(t, err)
	assert.Len(t, rep.Removed, len(list))
	assert.Len(t, table, len(current))
}

func TestReadIsoCodesChecksTheChecksum(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "iso_3166-2.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"3166-2": []}`), 0o644))
	_, err := readIsoCodes(path)
	if assert.Error(t, err) {
		assert.Contains(t, err.Error(), isoCodesSHA256)
	}

	raw := []byte("pinned")
	sum := sha256.Sum256(raw)
	assert.NoError(t, checkSum(raw, hex.EncodeToString(sum[:])))
	assert.Error(t, checkSum([]byte("pinned "), hex.EncodeToString(sum[:])))
}

func TestDecodeIsoCodes(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"3166-2": [`)
	for i := range 4000 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"code": "AA-` + strings.Repeat("1", 1+i%3) + `", "name": "n", "type": "Region", "parent": "AA-X"}`)
	}
	b.WriteString(`]}`)
	got, err := decodeIsoCodes([]byte(b.String()))
	require.NoError(t, err)
	require.Len(t, got, 4000)
	assert.Equal(t, isoEntry{Code: "AA-1", Name: "n", Type: "Region", Parent: "AA-X"}, got[0])

	_, err = decodeIsoCodes([]byte(`{"3166-2": [{"code": "AA-1"}]}`))
	assert.Error(t, err, "a short file means the layout changed")
	_, err = decodeIsoCodes([]byte(`{"3166-2": `))
	assert.Error(t, err)
}
