package rules

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/kinds/individual"
)

// payloadWith puts a string at one field of the reference payload.
func payloadWith(t *testing.T, section, key, value string) string {
	v, err := json.Marshal(value)
	if err != nil {
		t.Skip()
	}
	in, err := MergePatch(ReferencePayload, `{"`+section+`": {"`+key+`": `+string(v)+`}}`)
	if err != nil {
		t.Skip()
	}
	return in
}

func runRules(in string, list ...*Rule) []Finding {
	var out []Finding
	p := NewPass(jsondoc.Parse([]byte(in), jsondoc.Limits{}), testNow, testCatalogues, Settings{}, &out)
	p.Kind, p.Kinds = individual.Kind, []*kind.Kind{individual.Kind}
	Run(p, list, nil)
	return out
}

// FuzzPhone feeds any string to the phone rules: they never panic, a
// suggestion is always strict E.164 that the rules then accept, and a
// phone they accept is strict E.164.
func FuzzPhone(f *testing.F) {
	for _, s := range []string{"+14155552671", "+1 415-555-2671", "(415) 555-2671", "0044 20 7183 8750", "+", "", "+999", "+4930901820", "+1415555267１", "++1", "+14155552671 ext 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, phone string) {
		in := payloadWith(t, "basic_info", "phone", phone)
		fs := runRules(in, PhoneFormat, PhoneCountry)
		for _, fd := range fs {
			if fd.Message == "" || fd.Path != "/basic_info/phone" {
				t.Fatalf("bad finding %+v", fd)
			}
			if fd.Suggestion != "" {
				if !e164Shape.MatchString(fd.Suggestion) {
					t.Fatalf("suggestion %q for %q is not E.164", fd.Suggestion, phone)
				}
				again := runRules(payloadWith(t, "basic_info", "phone", fd.Suggestion), PhoneFormat)
				if len(again) != 0 {
					t.Fatalf("suggestion %q for %q is itself refused: %v", fd.Suggestion, phone, again)
				}
			}
		}
		if len(runRules(in, PhoneFormat)) == 0 && utf8.ValidString(phone) && !e164Shape.MatchString(phone) {
			t.Fatalf("phone-format accepted %q", phone)
		}
	})
}

// FuzzTransliterate feeds any name to the text rules: no panic, every
// transliteration suggested is printable ASCII, and a twin set to the suggestion is
// accepted.
func FuzzTransliterate(f *testing.F) {
	for _, s := range []string{"José", "Königstraße", "Łódź", "Ærø", "Þór", "田中", "Москва", "Zoë\u0007", "ǅ", "\u0301a", "ﬁ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if !utf8.ValidString(name) {
			t.Skip()
		}
		in := payloadWith(t, "basic_info", "first_name", name)
		for _, fd := range runRules(in, Transliteration, NonASCII, ControlCharacter) {
			if fd.Rule == ControlCharacter.ID {
				continue // it removes controls only; letters are the other rules' business
			}
			for _, c := range fd.Suggestion {
				if c < 0x20 || c > 0x7e {
					t.Fatalf("suggestion %q for %q is not printable ASCII", fd.Suggestion, name)
				}
			}
			if fd.Rule == Transliteration.ID && fd.Suggestion != "" {
				v, _ := json.Marshal(fd.Suggestion)
				n, _ := json.Marshal(name)
				fixed, err := MergePatch(ReferencePayload, `{"basic_info": {"first_name": `+string(n)+`, "first_name_en": `+string(v)+`}}`)
				if err != nil {
					t.Fatal(err)
				}
				if left := runRules(fixed, Transliteration); len(left) != 0 {
					t.Fatalf("with first_name_en %q, %q still has %v", fd.Suggestion, name, left)
				}
			}
		}
	})
}
