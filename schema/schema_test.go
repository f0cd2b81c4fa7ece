package schema_test

import (
	"encoding/json"
	"testing"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kinds/individual"
	"github.com/finlint/finlint/schema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func decode(t *testing.T, s string) any {
	t.Helper()
	var v any
	d := json.NewDecoder(stringsReader(s))
	d.UseNumber()
	require.NoError(t, d.Decode(&v))
	return v
}

// validate runs the individual kind's generated validator, the fullest
// one, on v written out as JSON and parsed as the linter parses it.
func validate(t *testing.T, v any) []schema.Error {
	t.Helper()
	src, err := json.Marshal(v)
	require.NoError(t, err)
	d := jsondoc.Parse(src, jsondoc.Limits{})
	require.NotNil(t, d.Root)
	return individual.Kind.Validate(d.Root)
}

func TestValidPayloadHasNoErrors(t *testing.T) {
	assert.Empty(t, validate(t, decode(t, validPayload)))
}

func TestErrorsAreLeavesAtExactPointers(t *testing.T) {
	v := decode(t, validPayload).(map[string]any)
	bi := v["basic_info"].(map[string]any)
	delete(bi, "email")
	bi["first_nmae"] = "x"
	bi["gender"] = "F"
	bi["dob"] = "1990-02-30"
	bi["country_of_residence"] = "US"
	bi["middle_name"] = "  "
	v["address"].(map[string]any)["postal_code"] = json.Number("94103")
	v["financial_profile"].(map[string]any)["monthly_volume_usd"] = json.Number("-1")
	v["financial_profile"].(map[string]any)["source_of_fund_ids"] = []any{}
	got := map[string]string{}
	var order []string
	for _, e := range validate(t, v) {
		got[e.Pointer] = e.Keyword + "|" + e.Def + "|" + e.Message
		order = append(order, e.Pointer)
	}
	assert.Equal(t, map[string]string{
		"/basic_info/email":                     "required||missing required field",
		"/basic_info/first_nmae":                "additionalProperties||unknown field",
		"/basic_info/gender":                    "enum||must be one of MALE, FEMALE",
		"/basic_info/dob":                       "format||must be a real calendar date written YYYY-MM-DD",
		"/basic_info/middle_name":               `pattern|nonBlank|must match \S`,
		"/address/postal_code":                  "type||must be a string, not a number",
		"/financial_profile/monthly_volume_usd": "minimum||must be at least 0",
		"/financial_profile/source_of_fund_ids": "minItems||must have at least 1 item",
	}, got)
	assert.Equal(t, []string{
		"/address/postal_code", "/basic_info/dob", "/basic_info/email", "/basic_info/first_nmae",
		"/basic_info/gender", "/basic_info/middle_name", "/financial_profile/monthly_volume_usd",
		"/financial_profile/source_of_fund_ids",
	}, order, "ordered by pointer")
}

func TestUnknownFieldListsKnownKeys(t *testing.T) {
	v := decode(t, validPayload).(map[string]any)
	v["address"].(map[string]any)["zip"] = "1"
	errs := validate(t, v)
	require.Len(t, errs, 1)
	assert.Equal(t, "/address/zip", errs[0].Pointer)
	assert.Contains(t, errs[0].Known, "postal_code")
	assert.Contains(t, errs[0].Known, "street_line_1_en")
	errs[0].Known[0] = "changed"
	assert.NotContains(t, validate(t, v)[0].Known, "changed", "each error has a copy of its own")
}

// The country list and the phone pattern are the rules' to report.
func TestRuleOwnedAssertionsAreLeftToRules(t *testing.T) {
	v := decode(t, validPayload).(map[string]any)
	bi := v["basic_info"].(map[string]any)
	bi["country_of_residence"] = "US"
	bi["phone"] = "+1 415"
	bi["email"] = "not an address"
	assert.Empty(t, validate(t, v), "country-code, phone-format and email-format report these")
}

// When a key repeats, the last occurrence is the one checked, as in the
// map the library is handed, and an unknown key is reported once.
func TestRepeatedKeys(t *testing.T) {
	ref := individual.Kind.Reference
	d := jsondoc.Parse([]byte(`{"verification_type": 1, "verification_type": "STANDARD", "x": 1, "x": 2,`+ref[1:]), jsondoc.Limits{})
	require.NotNil(t, d.Root)
	errs := individual.Kind.Validate(d.Root)
	require.Len(t, errs, 1, "%v", errs)
	assert.Equal(t, "/x", errs[0].Pointer)

	d = jsondoc.Parse([]byte(ref[:len(ref)-2]+`, "verification_type": null}`), jsondoc.Limits{})
	require.NotNil(t, d.Root)
	errs = individual.Kind.Validate(d.Root)
	require.Len(t, errs, 1, "%v", errs)
	assert.Equal(t, schema.Error{Pointer: "/verification_type", Keyword: "type", Got: "null", Want: []string{"string"}, Message: "must be a string, not null"}, errs[0])
}

func TestSortKeepsTheOrderFound(t *testing.T) {
	errs := []schema.Error{
		{Pointer: "/b", Keyword: "type", Def: "1"},
		{Pointer: "/a", Keyword: "type", Def: "2"},
		{Pointer: "/b", Keyword: "pattern", Def: "3"},
		{Pointer: "/b", Keyword: "type", Def: "4"},
		{Pointer: "", Keyword: "required", Def: "5"},
	}
	schema.Sort(errs)
	var defs []string
	for _, e := range errs {
		defs = append(defs, e.Def)
	}
	assert.Equal(t, []string{"5", "2", "3", "1", "4"}, defs)
}

func TestLocPointer(t *testing.T) {
	var root *schema.Loc
	assert.Equal(t, "", root.Pointer())
	a := root.Key("a/b~c")
	i := a.Index(12)
	e := i.Key("")
	assert.Equal(t, "/a~1b~0c", a.Pointer())
	assert.Equal(t, "/a~1b~0c/12", i.Pointer())
	assert.Equal(t, "/a~1b~0c/12/", e.Pointer())
	var errs []schema.Error
	schema.AddRequired(&errs, &i, "d", "k~")
	schema.AddUnknown(&errs, &i, "", "/", nil)
	assert.Equal(t, []schema.Error{
		{Pointer: "/a~1b~0c/12/k~0", Keyword: "required", Def: "d", Message: "missing required field"},
		{Pointer: "/a~1b~0c/12/~1", Keyword: "additionalProperties", Message: "unknown field"},
	}, errs)
}

// A valid payload costs the generated validator no allocation at all.
func TestValidPayloadAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	d := jsondoc.Parse([]byte(individual.Kind.Reference), jsondoc.Limits{})
	require.NotNil(t, d.Root)
	allocs := testing.AllocsPerRun(100, func() {
		if errs := individual.Kind.Validate(d.Root); errs != nil {
			t.Fatal(errs)
		}
	})
	assert.Zero(t, allocs)
}
