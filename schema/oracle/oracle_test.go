package oracle_test

import (
	"encoding/json"
	"testing"

	"github.com/finlint/finlint/kinds/individual"
	"github.com/finlint/finlint/schema/oracle"
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

// individualSchema compiles the individual kind's schema, the fullest
// one, as the linter did.
func individualSchema(t *testing.T) *oracle.Schema {
	t.Helper()
	s, err := oracle.Compile(individual.Kind.SchemaID, individual.Kind.SchemaJSON)
	require.NoError(t, err)
	return s
}

func TestCompiles(t *testing.T) {
	s := individualSchema(t)
	assert.Equal(t, individual.Kind.SchemaID, s.ID())
	_, err := oracle.Compile("https://example.com/broken.json", []byte(`{"type": "nope"}`))
	assert.Error(t, err, "a schema that does not compile is an error, not a panic")
	_, err = oracle.Compile("https://example.com/pattern.json", []byte(`{"pattern": "(?=a)"}`))
	assert.Error(t, err, "a pattern Go cannot read the ECMA way is refused")
	_, err = oracle.Compile("https://example.com/bool.json", []byte(`true`))
	assert.NoError(t, err, "a boolean schema has no $defs to take assertions from")
}

func TestValidPayloadHasNoErrors(t *testing.T) {
	assert.Empty(t, individualSchema(t).Validate(decode(t, validPayload)))
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
	for _, e := range individualSchema(t).Validate(v) {
		got[e.Pointer] = e.Keyword + "|" + e.Def + "|" + e.Message
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
}

func TestUnknownFieldListsKnownKeys(t *testing.T) {
	v := decode(t, validPayload).(map[string]any)
	v["address"].(map[string]any)["zip"] = "1"
	errs := individualSchema(t).Validate(v)
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0].Known, "postal_code")
	assert.Contains(t, errs[0].Known, "street_line_1_en")
}

// TestRuleOwnedAssertionsStayInThePrintedSchema: the compiled schema leaves
// the country list and a few patterns to the rules that report them better,
// but the schema users print and reuse elsewhere keeps them.
func TestRuleOwnedAssertionsStayInThePrintedSchema(t *testing.T) {
	var doc map[string]any
	require.NoError(t, json.Unmarshal(individualSchema(t).Source(), &doc))
	defs := doc["$defs"].(map[string]any)
	assert.Len(t, defs["countryCode"].(map[string]any)["enum"], 249)
	for _, name := range []string{"e164", "printableAscii", "subdivisionCode"} {
		assert.NotEmpty(t, defs[name].(map[string]any)["pattern"], name)
	}
	v := decode(t, validPayload).(map[string]any)
	bi := v["basic_info"].(map[string]any)
	bi["country_of_residence"] = "US"
	bi["phone"] = "+1 415"
	assert.Empty(t, individualSchema(t).Validate(v), "country-code and phone-format report these")
}

// Prepare hands the generator the document Compile compiles: without
// the assertions the rules own, and with numbers as the library reads
// them.
func TestPrepare(t *testing.T) {
	doc, err := oracle.Prepare(individual.Kind.SchemaJSON)
	require.NoError(t, err)
	defs := doc.(map[string]any)["$defs"].(map[string]any)
	assert.NotContains(t, defs["countryCode"], "enum")
	for _, name := range []string{"e164", "printableAscii", "subdivisionCode"} {
		assert.NotContains(t, defs[name], "pattern", name)
	}
	assert.Contains(t, defs["nonBlank"], "pattern", "a pattern no rule owns stays")
	min := doc.(map[string]any)["properties"].(map[string]any)["financial_profile"].(map[string]any)["properties"].(map[string]any)["monthly_volume_usd"].(map[string]any)["minimum"]
	assert.Equal(t, json.Number("0"), min)
	_, err = oracle.Prepare([]byte(`{"type": `))
	assert.Error(t, err)
}

// The email format is left to the email-format rule: the schema accepts
// any string for it, and says so to the generator.
func TestEmailFormatIsLeftToTheRule(t *testing.T) {
	assert.False(t, oracle.AssertsFormat("email"))
	assert.True(t, oracle.AssertsFormat("date"))
	assert.True(t, oracle.AssertsFormat("uri"))
	s, err := oracle.Compile("https://example.com/f.json", []byte(`{"properties": {"e": {"format": "email"}, "d": {"format": "date"}}}`))
	require.NoError(t, err)
	assert.Empty(t, s.Validate(map[string]any{"e": "not an address"}))
	errs := s.Validate(map[string]any{"d": "2024-02-30"})
	require.Len(t, errs, 1)
	assert.Equal(t, "/d", errs[0].Pointer)
}

func TestTranslateECMA(t *testing.T) {
	got, err := oracle.TranslateECMA(`^a.\u00e9$`)
	require.NoError(t, err)
	assert.Equal(t, `^a[^\n\r\x{2028}\x{2029}]\x{E9}$`, got)
	_, err = oracle.TranslateECMA(`(?=a)`)
	assert.ErrorContains(t, err, "look-around")
}
