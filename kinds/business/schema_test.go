package business

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/finlint/finlint/internal/iso3166"
	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/schema"
	"github.com/nyaruka/phonenumbers"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

const (
	schemaID   = "https://github.com/finlint/finlint/schema/create-business-customer-v2.json"
	testdata   = "../../testdata/business"
	invalidDir = testdata + "/invalid"
	validDir   = testdata + "/valid"
)

// today is the date ages and "not in the future" are judged on.
var today = time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)

func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(SchemaJSON))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(schemaID, doc); err != nil {
		t.Fatalf("add schema: %v", err)
	}
	sch, err := c.Compile(schemaID)
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	return sch
}

func decode(t *testing.T, name string, data []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if d.More() {
		t.Fatalf("%s: data after the JSON value", name)
	}
	return v
}

func readJSON(t *testing.T, path string) any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, path, data)
}

func escape(tok string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(tok)
}

func pointer(loc []string) string {
	var b strings.Builder
	for _, tok := range loc {
		b.WriteString("/" + escape(tok))
	}
	return b.String()
}

// errorPointers returns the JSON Pointers of the leaf errors of err: for a
// missing required key or an unknown key, the pointer of that key.
func errorPointers(err error) []string {
	var out []string
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		ptr := pointer(e.InstanceLocation)
		switch k := e.ErrorKind.(type) {
		case *kind.Required:
			for _, m := range k.Missing {
				out = append(out, ptr+"/"+escape(m))
			}
		case *kind.AdditionalProperties:
			for _, p := range k.Properties {
				out = append(out, ptr+"/"+escape(p))
			}
		default:
			out = append(out, ptr)
		}
	}
	if ve, ok := err.(*jsonschema.ValidationError); ok {
		walk(ve)
	}
	sort.Strings(out)
	return slices.Compact(out)
}

func TestSchemaCompiles(t *testing.T) {
	compile(t)
}

// TestSchemaConventions: the conventions the individual schema follows, so
// that both kinds are handled alike.
func TestSchemaConventions(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(SchemaJSON, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v", doc["$schema"])
	}
	if doc["$id"] != schemaID {
		t.Errorf("$id = %v", doc["$id"])
	}
	defs, _ := doc["$defs"].(map[string]any)
	for _, name := range []string{"nonBlank", "latinText", "printableAscii", "e164", "subdivisionCode", "countryCode"} {
		if _, ok := defs[name]; !ok {
			t.Errorf("$defs/%s is missing", name)
		}
	}
	for name, d := range defs {
		if desc, _ := d.(map[string]any)["description"].(string); desc == "" {
			t.Errorf("$defs/%s has no description", name)
		}
	}
	if cc, _ := defs["countryCode"].(map[string]any); cc == nil || len(cc["enum"].([]any)) != 249 {
		t.Errorf("countryCode must list the vendor's 249 codes")
	}
	var walk func(v any, loc string)
	walk = func(v any, loc string) {
		switch n := v.(type) {
		case map[string]any:
			if _, ok := n["properties"]; ok {
				want := loc != "/properties/meta_data"
				if got, _ := n["additionalProperties"].(bool); got == want || n["additionalProperties"] == nil {
					t.Errorf("%s: additionalProperties must be %v", loc, !want)
				}
			}
			for k, c := range n {
				walk(c, loc+"/"+k)
			}
		case []any:
			for i, c := range n {
				walk(c, fmt.Sprintf("%s/%d", loc, i))
			}
		}
	}
	walk(doc, "")
}

func TestReferencePasses(t *testing.T) {
	sch := compile(t)
	v := decode(t, "reference.json", ReferenceJSON)
	if err := sch.Validate(v); err != nil {
		t.Fatalf("reference.json: %v", err)
	}
	for _, p := range semanticProblems(v) {
		t.Errorf("reference.json: %s", p)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, bytes.TrimSpace(ReferenceJSON), "", "  "); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(append(pretty.Bytes(), '\n'), ReferenceJSON) {
		t.Errorf("reference.json is not indented with two spaces")
	}
}

func TestValidFilesPass(t *testing.T) {
	sch := compile(t)
	files, _ := filepath.Glob(validDir + "/*.json")
	if len(files) < 6 {
		t.Fatalf("%d valid files, want at least 6", len(files))
	}
	for _, f := range files {
		v := readJSON(t, f)
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		for _, p := range semanticProblems(v) {
			t.Errorf("%s: %s", f, p)
		}
	}
}

type invalidCase struct {
	file, pointer, check, severity string
	schema                         bool
}

func readmeCases(t *testing.T) []invalidCase {
	t.Helper()
	f, err := os.Open(invalidDir + "/README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []invalidCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) < 5 {
			t.Fatalf("README row with %d cells: %s", len(cells), line)
		}
		for i := range cells {
			cells[i] = strings.Trim(strings.TrimSpace(cells[i]), "`")
		}
		c := invalidCase{file: cells[0], pointer: cells[1], check: cells[2], severity: cells[3]}
		switch cells[4] {
		case "yes":
			c.schema = true
		case "no":
		default:
			t.Fatalf("%s: schema column must be yes or no, not %q", c.file, cells[4])
		}
		if !slices.Contains([]string{"error", "warning", "info"}, c.severity) {
			t.Errorf("%s: severity %q", c.file, c.severity)
		}
		if !strings.HasPrefix(c.pointer, "/") {
			t.Errorf("%s: pointer %q", c.file, c.pointer)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReadmeListsEveryInvalidFile(t *testing.T) {
	cases := readmeCases(t)
	listed := map[string]bool{}
	for _, c := range cases {
		if listed[c.file] {
			t.Errorf("%s is listed twice", c.file)
		}
		listed[c.file] = true
		if _, err := os.Stat(filepath.Join(invalidDir, c.file)); err != nil {
			t.Errorf("listed but missing: %v", err)
		}
	}
	files, _ := filepath.Glob(invalidDir + "/*.json")
	for _, f := range files {
		if !listed[filepath.Base(f)] {
			t.Errorf("%s is not listed in README.md", f)
		}
	}
	if len(files) < 20 {
		t.Errorf("%d invalid files, want at least 20", len(files))
	}
}

// TestInvalidFiles: a file the schema catches fails at the listed pointer;
// any other passes the schema, so its one problem is a semantic one.
func TestInvalidFiles(t *testing.T) {
	sch := compile(t)
	for _, c := range readmeCases(t) {
		t.Run(strings.TrimSuffix(c.file, ".json"), func(t *testing.T) {
			v := readJSON(t, filepath.Join(invalidDir, c.file))
			err := sch.Validate(v)
			if !c.schema {
				if err != nil {
					t.Fatalf("marked as not caught by the schema, but: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("passes the schema, want an error at %s", c.pointer)
			}
			if got := errorPointers(err); !slices.Contains(got, c.pointer) {
				t.Fatalf("errors at %q, want one at %s:\n%v", got, c.pointer, err)
			}
		})
	}
}

// ruleOwned reports whether every leaf error of err at ptr is one the
// linter's validator leaves to a rule: the country list, the E.164, the
// printable-ASCII and the subdivision patterns.
func ruleOwned(err error, ptr string) bool {
	owned := map[string]bool{"countryCode": true, "e164": true, "printableAscii": true, "subdivisionCode": true}
	all, seen := true, false
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		_, frag, _ := strings.Cut(e.SchemaURL, "#/$defs/")
		def, _, _ := strings.Cut(frag, "/")
		switch e.ErrorKind.(type) {
		case *kind.Enum, *kind.Pattern:
			if pointer(e.InstanceLocation) == ptr {
				seen = true
				all = all && owned[def]
			}
		default:
			if slices.Contains(errorPointers(e), ptr) {
				seen, all = true, false
			}
		}
	}
	if ve, ok := err.(*jsonschema.ValidationError); ok {
		walk(ve)
	}
	return seen && all
}

// TestGeneratedValidator: the validator the linter runs, generated from
// this schema, passes the reference and the valid files, lets through
// each file the schema lets through, and reports each one it catches at
// the listed pointer, unless a rule owns that check.
func TestGeneratedValidator(t *testing.T) {
	parse := func(t *testing.T, data []byte) *jsondoc.Value {
		t.Helper()
		d := jsondoc.Parse(data, jsondoc.Limits{})
		if d.Root == nil {
			t.Fatalf("does not parse: %v", d.Problems)
		}
		return d.Root
	}
	pointers := func(errs []schema.Error) []string {
		var out []string
		for _, e := range errs {
			out = append(out, e.Pointer)
		}
		return out
	}
	if errs := Kind.Validate(parse(t, ReferenceJSON)); errs != nil {
		t.Errorf("reference.json: %v", errs)
	}
	files, _ := filepath.Glob(validDir + "/*.json")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if errs := Kind.Validate(parse(t, data)); errs != nil {
			t.Errorf("%s: %v", f, errs)
		}
	}
	sch := compile(t)
	for _, c := range readmeCases(t) {
		t.Run(strings.TrimSuffix(c.file, ".json"), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(invalidDir, c.file))
			if err != nil {
				t.Fatal(err)
			}
			got := pointers(Kind.Validate(parse(t, data)))
			switch full := sch.Validate(readJSON(t, filepath.Join(invalidDir, c.file))); {
			case !c.schema || ruleOwned(full, c.pointer):
				if slices.Contains(got, c.pointer) {
					t.Fatalf("errors at %q; none was expected at %s", got, c.pointer)
				}
			case !slices.Contains(got, c.pointer):
				t.Fatalf("errors at %q, want one at %s", got, c.pointer)
			}
		})
	}
}

// TestSemanticInvalidFilesHaveOneProblem: a file the schema lets through
// has exactly one of the problems the test oracle knows (the NAICS list is
// not among them).
func TestSemanticInvalidFilesHaveOneProblem(t *testing.T) {
	needsList := map[string]bool{"naics-unknown.json": true}
	for _, c := range readmeCases(t) {
		if c.schema {
			continue
		}
		got := semanticProblems(readJSON(t, filepath.Join(invalidDir, c.file)))
		want := 1
		if needsList[c.file] {
			want = 0
		}
		if len(got) != want {
			t.Errorf("%s: %d problems, want %d: %q", c.file, len(got), want, got)
		}
	}
}

// TestInvalidFilesDifferFromReference: each invalid file is the reference
// payload with one problem, so it must differ from it.
func TestInvalidFilesDifferFromReference(t *testing.T) {
	ref := decode(t, "reference.json", ReferenceJSON)
	refJSON, _ := json.Marshal(ref)
	files, _ := filepath.Glob(invalidDir + "/*.json")
	for _, f := range files {
		got, _ := json.Marshal(readJSON(t, f))
		if bytes.Equal(got, refJSON) {
			t.Errorf("%s is the reference payload unchanged", f)
		}
	}
}

// semanticProblems applies the semantic checks of the business kind that
// need no catalogue to a payload that is valid under the schema, for the
// payloads that must produce no finding at all. It is a test oracle, not
// finlint's implementation.
func semanticProblems(payload any) []string {
	var out []string
	bad := func(format string, a ...any) { out = append(out, fmt.Sprintf(format, a...)) }
	root := payload.(map[string]any)
	bi := root["basic_info"].(map[string]any)
	fp := root["financial_profile"].(map[string]any)
	addrs := root["addresses"].(map[string]any)
	parties := root["associated_parties"].([]any)

	if root["verification_type"] != "STANDARD" {
		bad("verification_type is not STANDARD")
	}

	// Text: non-ASCII only in the fields that have a Latin twin, and then
	// with the twin; no control characters anywhere.
	twins := map[string]string{
		"legal_name": "legal_name_en", "trade_name": "trade_name_en", "entity_name": "entity_name_en",
		"first_name": "first_name_en", "middle_name": "middle_name_en", "last_name": "last_name_en",
		"street_line_1": "street_line_1_en", "street_line_2": "street_line_2_en",
	}
	var walk func(v any, ptr string, parent map[string]any, key string)
	walk = func(v any, ptr string, parent map[string]any, key string) {
		switch n := v.(type) {
		case map[string]any:
			for k, c := range n {
				walk(c, ptr+"/"+escape(k), n, k)
			}
		case []any:
			for i, c := range n {
				walk(c, fmt.Sprintf("%s/%d", ptr, i), nil, "")
			}
		case string:
			for _, r := range n {
				if unicode.IsControl(r) {
					bad("%s: control character", ptr)
					break
				}
			}
			if isASCII(n) {
				return
			}
			twin, ok := twins[key]
			switch {
			case !ok:
				bad("%s: non-ASCII text in a field without a Latin twin", ptr)
			case parent[twin] == nil:
				bad("%s: non-ASCII text without %s", ptr, twin)
			}
		}
	}
	walk(payload, "", nil, "")

	// Phones and countries.
	phone := func(ptr string, v any, alpha3 any) {
		s, _ := v.(string)
		a2, _ := iso3166.Alpha2(fmt.Sprint(alpha3))
		n, err := phonenumbers.Parse(s, "")
		switch {
		case err != nil:
			bad("%s: %v", ptr, err)
		case phonenumbers.Format(n, phonenumbers.E164) != s:
			bad("%s: not in E.164 form", ptr)
		case !phonenumbers.IsValidNumber(n):
			bad("%s: not a valid number", ptr)
		case phonenumbers.GetRegionCodeForNumber(n) != a2:
			bad("%s: region %s, want %s", ptr, phonenumbers.GetRegionCodeForNumber(n), a2)
		}
	}
	phone("/basic_info/phone", bi["phone"], bi["country_of_incorporation"])

	address := func(ptr string, v any) {
		a := v.(map[string]any)
		a2, ok := iso3166.Alpha2(fmt.Sprint(a["country"]))
		if !ok {
			bad("%s/country: unknown", ptr)
		}
		if a["state"] != a["subdivision_code"] {
			bad("%s: state differs from subdivision_code", ptr)
		}
		if sub, ok := iso3166.Subdivision(fmt.Sprint(a["subdivision_code"])); !ok || sub.Country != a2 {
			bad("%s/subdivision_code: not an ISO 3166-2 code of %s", ptr, a2)
		}
		if poBox.MatchString(fmt.Sprint(a["street_line_1"])) {
			bad("%s/street_line_1: a P.O. box", ptr)
		}
	}
	address("/addresses/incorporated_address", addrs["incorporated_address"])
	same, _ := addrs["is_incorporated_address_same"].(bool)
	if pa, ok := addrs["physical_address"]; ok {
		if same {
			bad("/addresses/physical_address: present while is_incorporated_address_same is true")
		}
		address("/addresses/physical_address", pa)
	} else if !same {
		bad("/addresses/physical_address: missing")
	}

	// Emails.
	emails := map[string]string{}
	email := func(ptr string, v any) {
		s := fmt.Sprint(v)
		if s != strings.ToLower(s) {
			bad("%s: not lowercase", ptr)
		}
	}
	email("/basic_info/email", bi["email"])

	// Dates.
	past := func(ptr string, v any) {
		d, err := time.Parse(time.DateOnly, fmt.Sprint(v))
		if err != nil || !d.Before(today) {
			bad("%s: not a date in the past", ptr)
		}
	}
	past("/basic_info/incorporation_date", bi["incorporation_date"])

	// Tax documents.
	taxes := func(ptr string, v any, checkCountry string) {
		seen := map[string]bool{}
		found := checkCountry == ""
		for i, it := range v.([]any) {
			d := it.(map[string]any)
			id := fmt.Sprint(d["document_id"])
			if seen[id] {
				bad("%s/%d: duplicate document_id", ptr, i)
			}
			seen[id] = true
			if d["country_code"] == "USA" && d["document_type"] == "EIN" && !ein.MatchString(id) {
				bad("%s/%d: EIN %q", ptr, i, id)
			}
			if d["country_code"] == "USA" && d["document_type"] == "SSN" && !ssn.MatchString(id) {
				bad("%s/%d: SSN not NNN-NN-NNNN", ptr, i)
			}
			found = found || d["country_code"] == checkCountry
		}
		if !found {
			bad("%s: no entry for %s", ptr, checkCountry)
		}
	}
	taxes("/basic_info/tax_info", bi["tax_info"], fmt.Sprint(bi["country_of_incorporation"]))

	// Parties and owners.
	total := new(big.Rat)
	add := func(ptr string, v any) {
		r, ok := new(big.Rat).SetString(fmt.Sprint(v))
		if !ok {
			bad("%s: not a number", ptr)
			return
		}
		total.Add(total, r)
	}
	both := false
	for i, it := range parties {
		ptr := fmt.Sprintf("/associated_parties/%d", i)
		p := it.(map[string]any)
		pb := p["basic_info"].(map[string]any)
		residence := fmt.Sprint(pb["country_of_residence"])
		phone(ptr+"/basic_info/phone", pb["phone"], residence)
		email(ptr+"/basic_info/email", pb["email"])
		e := strings.ToLower(fmt.Sprint(pb["email"]))
		if prev, ok := emails[e]; ok {
			bad("%s/basic_info/email: the same as %s", ptr, prev)
		}
		emails[e] = ptr
		dob, err := time.Parse(time.DateOnly, fmt.Sprint(pb["dob"]))
		if err != nil || dob.AddDate(18, 0, 0).After(today) || !dob.AddDate(121, 0, 0).After(today) {
			bad("%s/basic_info/dob: age not 18 to 120", ptr)
		}
		if pb["secondary_nationality"] != nil && pb["secondary_nationality"] == pb["primary_nationality"] {
			bad("%s/basic_info/secondary_nationality: the same as the primary one", ptr)
		}
		taxes(ptr+"/basic_info/tax_info", pb["tax_info"], residence)
		address(ptr+"/address", p["address"])
		if c := p["address"].(map[string]any)["country"]; c != residence {
			bad("%s/address/country: %v, not the country of residence", ptr, c)
		}
		var roles []string
		for _, r := range p["roles"].([]any) {
			roles = append(roles, r.(string))
		}
		sort.Strings(roles)
		if len(slices.Compact(slices.Clone(roles))) != len(roles) {
			bad("%s/roles: duplicates", ptr)
		}
		both = both || (slices.Contains(roles, "ubo") && slices.Contains(roles, "shareholder"))
		oi, ok := p["ownership_info"].(map[string]any)
		if !ok {
			if slices.Contains(roles, "ubo") {
				bad("%s: ubo without ownership_info", ptr)
			}
			continue
		}
		add(ptr+"/ownership_info/percentage_of_ownership", oi["percentage_of_ownership"])
		past(ptr+"/ownership_info/relationship_establishment_date", oi["relationship_establishment_date"])
	}
	if !both {
		bad("/associated_parties: no party is both shareholder and ubo")
	}
	if hs, ok := root["holding_structure"].(map[string]any); ok {
		if css, ok := hs["corporate_shareholders"].([]any); ok {
			for i, it := range css {
				cs := it.(map[string]any)
				ptr := fmt.Sprintf("/holding_structure/corporate_shareholders/%d", i)
				add(ptr+"/ownership_percentage", cs["ownership_percentage"])
				if d, ok := cs["incorporation_date"]; ok {
					past(ptr+"/incorporation_date", d)
				}
			}
		}
	}
	if total.Cmp(big.NewRat(100, 1)) >= 0 {
		bad("ownership adds up to %s, not less than 100", total.FloatString(2))
	}

	// Reference ids: the ones the catalogues of finlint's tests hold.
	if fp["purpose_id"] != json.Number("3") {
		bad("/financial_profile/purpose_id: not 3")
	}
	if r, _ := fp["purpose_remarks"].(string); strings.TrimSpace(r) == "" {
		bad("/financial_profile/purpose_remarks: missing")
	}
	ids := func(ptr string, v any, allowed ...string) {
		seen := map[json.Number]bool{}
		for i, x := range v.([]any) {
			n := x.(json.Number)
			if seen[n] || !slices.Contains(allowed, string(n)) {
				bad("%s/%d: %s", ptr, i, n)
			}
			seen[n] = true
		}
	}
	ids("/financial_profile/source_of_fund_ids", fp["source_of_fund_ids"], "1", "5")
	ids("/financial_profile/source_of_wealth_ids", fp["source_of_wealth_ids"], "2")

	// Industry codes, identifiers, websites.
	seen := map[string]bool{}
	for i, c := range root["industry_codes"].([]any) {
		s := c.(string)
		if !naics.MatchString(s) || seen[s] {
			bad("/industry_codes/%d: %q", i, s)
		}
		seen[s] = true
	}
	if lei, ok := bi["legal_entity_identifier"].(string); ok && !leiValid(lei) {
		bad("/basic_info/legal_entity_identifier: %q", lei)
	}
	sites := map[string]bool{}
	for i, w := range bi["websites"].([]any) {
		u, err := url.Parse(w.(string))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || sites[w.(string)] {
			bad("/basic_info/websites/%d: %q", i, w)
		}
		sites[w.(string)] = true
	}
	listings, _ := root["public_listings"].([]any)
	if bi["entity_type"] == "PUBLICLY_LISTED_COMPANY" && len(listings) == 0 {
		bad("/public_listings: none for a listed company")
	}
	for i, it := range listings {
		l := it.(map[string]any)
		if s, ok := l["isin"].(string); ok && !isinValid(s) {
			bad("/public_listings/%d/isin: %q", i, s)
		}
		if s, ok := l["mic"].(string); ok && !mic.MatchString(s) {
			bad("/public_listings/%d/mic: %q", i, s)
		}
	}

	// Compliance.
	if c, ok := root["compliance"].(map[string]any); ok {
		if rp, ok := c["risk_profile"].(map[string]any); ok {
			hra, _ := rp["high_risk_activities"].([]any)
			if ex, _ := rp["high_risk_activities_explanation"].(string); len(hra) > 0 && strings.TrimSpace(ex) == "" {
				bad("/compliance/risk_profile/high_risk_activities_explanation: missing")
			}
		}
		if aml, ok := c["aml"].(map[string]any); ok {
			if rs, ok := aml["customer_risk_split"].(map[string]any); ok {
				sum := int64(0)
				for _, k := range []string{"low_risk", "medium_risk", "high_risk"} {
					n, _ := rs[k].(json.Number).Int64()
					sum += n
				}
				if sum != 100 {
					bad("/compliance/aml/customer_risk_split: adds up to %d", sum)
				}
			}
			if d, ok := aml["planned_audit_date"]; ok {
				if _, err := time.Parse(time.DateOnly, fmt.Sprint(d)); err != nil {
					bad("/compliance/aml/planned_audit_date: %v", err)
				}
			}
		}
	}
	return out
}

var (
	poBox = regexp.MustCompile(`(?i)\b(p\.?\s*o\.?\s*box|post\s*office\s*box|postfach|apartado)\b`)
	ein   = regexp.MustCompile(`^([0-9]{2}-[0-9]{7}|[0-9]{9})$`)
	ssn   = regexp.MustCompile(`^[0-9]{3}-[0-9]{2}-[0-9]{4}$`)
	naics = regexp.MustCompile(`^[0-9]{6}$`)
	mic   = regexp.MustCompile(`^[A-Z0-9]{4}$`)
	lei   = regexp.MustCompile(`^[A-Z0-9]{20}$`)
	isin  = regexp.MustCompile(`^[A-Z]{2}[A-Z0-9]{9}[0-9]$`)
)

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// digits writes each letter as its value 10 (A) to 35 (Z), as ISO 17442
// and ISO 6166 do.
func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			fmt.Fprint(&b, int(r-'A')+10)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// leiValid: ISO 17442, the number the characters spell is 1 mod 97.
func leiValid(s string) bool {
	if !lei.MatchString(s) {
		return false
	}
	n, ok := new(big.Int).SetString(digits(s), 10)
	return ok && new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

// isinValid: ISO 6166, the Luhn check over the digits the characters spell.
func isinValid(s string) bool {
	if !isin.MatchString(s) {
		return false
	}
	d := digits(s)
	sum := 0
	for i := 0; i < len(d); i++ {
		x := int(d[len(d)-1-i] - '0')
		if i%2 == 1 {
			x *= 2
			if x > 9 {
				x -= 9
			}
		}
		sum += x
	}
	return sum%10 == 0
}

func TestCheckDigitHelpers(t *testing.T) {
	for s, want := range map[string]bool{
		"5493001KJTIIGC8Y1R12": true, // a published LEI example
		"5493001KJTIIGC8Y1R13": false,
		"5493001kjtiigc8y1r12": false,
	} {
		if leiValid(s) != want {
			t.Errorf("leiValid(%q) = %v", s, !want)
		}
	}
	for s, want := range map[string]bool{
		"US0378331005": true, // Apple Inc.
		"US0378331006": false,
		"GB0002634946": true, // BAE Systems
	} {
		if isinValid(s) != want {
			t.Errorf("isinValid(%q) = %v", s, !want)
		}
	}
}
