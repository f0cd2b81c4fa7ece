package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/finlint/finlint"
	businesskind "github.com/finlint/finlint/kinds/business"
	"github.com/finlint/finlint/rules"
	"github.com/nyaruka/phonenumbers"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The individual corpus is what earlier benchmark figures were measured on,
// so its bytes for a seed must never change; these digests were taken
// before the business corpus was added.
func TestIndividualCorpusUnchanged(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteNDJSON(&buf, 1000, 1); err != nil {
		t.Fatal(err)
	}
	if got, want := digest(buf.Bytes()), "5631f0b7752eba9a67129f9144bb423cd0dfb358d8a85be5391bd385ce0d0e51"; got != want {
		t.Errorf("NDJSON seed 1: sha256 %s, want %s", got, want)
	}

	dir := t.TempDir()
	if err := WriteFiles(dir, 1500, 1); err != nil {
		t.Fatal(err)
	}
	var all []byte
	var names []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		names = append(names, rel)
		data, err := os.ReadFile(path)
		all = append(all, data...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 1500 || names[0] != filepath.Join("000", "payload-000000.json") || names[1499] != filepath.Join("001", "payload-001499.json") {
		t.Fatalf("files: %d, first %s, last %s", len(names), names[0], names[len(names)-1])
	}
	if got, want := digest(all), "bbe6ccac1da9c99e885e1da2e9037b0aeb23d71f65afb1ff25d0edd9ffb1353d"; got != want {
		t.Errorf("files seed 1: sha256 %s, want %s", got, want)
	}
}

func digest(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func TestForKind(t *testing.T) {
	for name, want := range map[string]Generator{"individual-v2": Payload, "business-v2": BusinessPayload} {
		g, err := ForKind(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(g(3, 7), want(3, 7)) {
			t.Errorf("%s: ForKind gives another generator", name)
		}
	}
	if _, err := ForKind("business"); err == nil || !strings.Contains(err.Error(), `"business"`) {
		t.Errorf("unknown kind: err = %v", err)
	}
}

const businessN = 1000

// Every business payload without a mistake lints with no finding at all,
// against the documentation catalogues so that reference ids are checked
// too, and every payload with one is invalid for the rule that mistake
// breaks. About one in five carries a mistake.
func TestBusinessCorpusLint(t *testing.T) {
	l, err := finlint.New(finlint.Options{
		Kind:       "business-v2",
		Catalogues: rules.ExampleCatalogues(),
		Now:        func() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) },
		Jobs:       1,
	})
	if err != nil {
		t.Fatal(err)
	}
	valid := 0
	perMistake := map[string]int{}
	for i := range businessN {
		doc, mistake := business(1, i)
		data, err := json.MarshalIndent(doc, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		res := l.Lint(context.Background(), "payload.json", data)
		if mistake == "" {
			if len(res.Findings) != 0 || !res.Valid {
				t.Errorf("payload %d has no mistake, yet: %+v", i, res.Findings)
			}
			valid++
			continue
		}
		perMistake[mistake]++
		found := false
		for _, f := range res.Findings {
			found = found || f.Rule == mistake && f.Severity == rules.Error
		}
		if res.Valid || !found {
			t.Errorf("payload %d: mistake %s not reported as an error: %+v", i, mistake, res.Findings)
		}
	}
	if valid < businessN*75/100 || valid > businessN*85/100 {
		t.Errorf("%d of %d payloads valid, want about 80%%", valid, businessN)
	}
	for _, m := range businessMistakes {
		if perMistake[m] == 0 {
			t.Errorf("mistake %s never made in %d payloads", m, businessN)
		}
	}
}

// The JSON Schema library is the outside reference for what a schema-only
// validator sees: the payloads without a mistake, and those whose mistake
// only a rule beyond the schema catches, pass; those with a schema mistake
// (the first five) fail. Phones are checked against libphonenumber, and
// LEIs against ISO 17442's MOD 97-10 computed here.
func TestBusinessCorpusSchema(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(businesskind.SchemaJSON))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(businesskind.Kind.SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(businesskind.Kind.SchemaID)
	if err != nil {
		t.Fatal(err)
	}
	schemaMistake := map[string]bool{}
	for _, m := range businessMistakes[:5] {
		schemaMistake[m] = true
	}
	seen, entities, names := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i := range businessN {
		p, mistake := business(1, i)
		data, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		err = sch.Validate(inst)
		if schemaMistake[mistake] != (err != nil) {
			t.Errorf("payload %d (mistake %q): schema says %v", i, mistake, err)
		}
		if mistake != "" {
			continue
		}
		bi := p["basic_info"].(map[string]any)
		seen[bi["country_of_incorporation"].(string)] = true
		entities[bi["entity_type"].(string)] = true
		names[bi["legal_name"].(string)] = true
		region := p["addresses"].(map[string]any)["incorporated_address"].(map[string]any)["country"].(string)
		phones := []string{bi["phone"].(string)}
		for _, party := range p["associated_parties"].([]any) {
			phones = append(phones, party.(map[string]any)["basic_info"].(map[string]any)["phone"].(string))
		}
		for _, ph := range phones {
			num, err := phonenumbers.Parse(ph, "")
			if err != nil || !phonenumbers.IsValidNumber(num) || phonenumbers.GetRegionCodeForNumber(num) != alpha2Of(region) {
				t.Errorf("payload %d: phone %s is not a valid number of %s", i, ph, region)
			}
		}
		if lei, ok := bi["legal_entity_identifier"].(string); ok && mod97(lei) != 1 {
			t.Errorf("payload %d: LEI %s fails MOD 97-10", i, lei)
		}
	}
	if len(seen) != len(countries) {
		t.Errorf("%d countries of incorporation, want %d", len(seen), len(countries))
	}
	if len(entities) < 4 || !entities["PUBLICLY_LISTED_COMPANY"] {
		t.Errorf("entity types: %v", entities)
	}
	if len(names) < 500 {
		t.Errorf("%d distinct legal names in %d payloads", len(names), businessN)
	}
}

func alpha2Of(alpha3 string) string {
	for _, c := range countries {
		if c.alpha3 == alpha3 {
			return c.alpha2
		}
	}
	return ""
}

// mod97 reads letters as 10 to 35, as ISO 7064 MOD 97-10 does.
func mod97(s string) int64 {
	var digits strings.Builder
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			digits.WriteString(strconv.Itoa(int(r - 'A' + 10)))
		} else {
			digits.WriteRune(r)
		}
	}
	n, _ := new(big.Int).SetString(digits.String(), 10)
	return new(big.Int).Mod(n, big.NewInt(97)).Int64()
}

func TestBusinessPayloadReproducible(t *testing.T) {
	a, b := BusinessPayload(5, 42), BusinessPayload(5, 42)
	if !reflect.DeepEqual(a, b) {
		t.Error("the same seed and index gave two payloads")
	}
	if reflect.DeepEqual(BusinessPayload(5, 42), BusinessPayload(6, 42)) {
		t.Error("two seeds gave the same payload")
	}
	var x, y bytes.Buffer
	if err := Generator(BusinessPayload).WriteNDJSON(&x, 50, 9); err != nil {
		t.Fatal(err)
	}
	if err := Generator(BusinessPayload).WriteNDJSON(&y, 50, 9); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x.Bytes(), y.Bytes()) || bytes.Count(x.Bytes(), []byte("\n")) != 50 {
		t.Errorf("NDJSON: %d lines, equal %v", bytes.Count(x.Bytes(), []byte("\n")), bytes.Equal(x.Bytes(), y.Bytes()))
	}
}
