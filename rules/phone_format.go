package rules

import (
	"errors"
	"strconv"
	"strings"

	"github.com/finlint/finlint/internal/iso3166"
	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
	"github.com/nyaruka/phonenumbers"
)

// PhoneFormat reports a phone number that is not a valid number in strict
// E.164 form.
var PhoneFormat = &Rule{
	ID:       "phone-format",
	Title:    "phone must be a valid number in E.164 form",
	Severity: Error,
	Source:   "vendor OpenAPI basic_info.phone (E.164 format); SPEC semantic rule 3",
	Doc: `basic_info.phone is written in E.164: a plus sign, the country calling code
and the national number, at most 15 digits in all, with nothing else: no
spaces, dashes, dots, brackets, leading 00 or trunk 0. "+14155552671" is
right; "+1 415-555-2671", "(415) 555-2671" and "0044 20 7946 0958" are not.

In a business payload the company's basic_info.phone and each associated
party's phone are checked. A national number without a calling code is read
as a number of the country of incorporation in the company's phone, and of
the party's country of residence in a party's.

The number must also be a valid number for its country by libphonenumber's
rules (right length, a range in use), and be written exactly as
libphonenumber writes it in E.164: "+4402079460958" keeps the UK trunk 0 and
is rejected, its E.164 form being "+442079460958".

The message says whether the value is not E.164 at all or is E.164 but not
a valid number. The suggestion is the E.164 form of the number; a national
number without a calling code is read as a number of the country of
residence.`,
	Bad:  Example{Patch: `{"basic_info": {"phone": "+1 415-555-2671"}}`},
	Good: Example{Patch: `{"basic_info": {"phone": "+14155552671"}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"basic_info": {"phone": "+1 212-555-0148"}}`},
		Good: Example{Patch: `{"basic_info": {"phone": "+12125550148"}}`},
	}},
	Run: func(p *Pass) {
		for _, role := range p.roles().Phones {
			kind.Each(p.Root(), role.Ptr, func(ptr string, v *jsondoc.Value) {
				checkPhone(p, role, ptr, v)
			})
		}
	},
}

func checkPhone(p *Pass, role kind.Phone, ptr string, v *jsondoc.Value) {
	s, ok := v.Text()
	if !ok {
		return
	}
	name := label(ptr)
	if !isE164Shape(s) {
		f := Finding{
			Path:    ptr,
			Message: name + " " + p.Quote(s) + " is not in E.164 form: a plus sign and at most 15 digits, with no spaces or punctuation",
		}
		if e164, ok := phoneE164(s, phoneDefaultRegion(p, role, ptr)); ok {
			f.suggest(p.Suggest(e164), FixString)
		}
		p.Report(f)
		return
	}
	ph := parsePhone(p, s)
	if !ph.valid {
		p.Report(Finding{
			Path:    ptr,
			Message: name + " " + p.Quote(s) + " is in E.164 form but not a valid phone number: " + phoneFault(p, ph.num, ph.err),
		})
		return
	}
	if ph.e164 != s {
		f := Finding{
			Path:    ptr,
			Message: name + " " + p.Quote(s) + " is a valid number but not written in its E.164 form",
		}
		f.suggest(p.Suggest(ph.e164), FixString)
		p.Report(f)
	}
}

// phoneMemo holds a payload's parsed phone numbers by their text: both
// phone rules, and the kinds' rules that call PhoneCountryMismatch, ask
// of the same numbers, and parsing and validation are the costliest steps
// of a clean payload.
type phoneMemo map[string]*parsedPhone

func newPhoneMemo() any { return phoneMemo{} }

// parsePhone returns s parsed and judged, once per payload.
func parsePhone(p *Pass, s string) *parsedPhone {
	m := p.Memo("phone numbers", newPhoneMemo).(phoneMemo)
	ph, ok := m[s]
	if !ok {
		ph = readPhone(s)
		m[s] = ph
	}
	return ph
}

// phoneDefaultRegion is the alpha-2 code a number without a calling code is
// read in: the country of residence, else the address country, else none.
func phoneDefaultRegion(p *Pass, role kind.Phone, phone string) string {
	for _, pat := range role.Region {
		if c, ok := p.textAt(pat, phone); ok && iso3166.IsVendorCode(c) {
			if a2, ok := iso3166.Alpha2(c); ok {
				return a2
			}
		}
	}
	return "ZZ"
}

// phoneValid is phonenumbers.IsValidNumber(num), from the compiled
// metadata.
func phoneValid(num *phonenumbers.PhoneNumber) bool {
	_, valid := phoneTab().regionOf(int(num.GetCountryCode()), phonenumbers.GetNationalSignificantNumber(num))
	return valid
}

// phoneE164 returns the E.164 form of a loosely written number when it is
// a valid number, reading a national number in region.
func phoneE164(s, region string) (string, bool) {
	s = strings.TrimSpace(s)
	var tries []string
	if rest, ok := strings.CutPrefix(s, "00"); ok {
		// 00 is the international prefix in most of the world, though not
		// in North America, where region alone would misread it.
		tries = append(tries, "+"+rest)
	}
	tries = append(tries, s)
	for _, t := range tries {
		if ph := readLooseE164(t); ph != nil {
			if ph.valid && isE164Shape(ph.e164) {
				return ph.e164, true
			}
			continue
		}
		num, err := phonenumbers.Parse(t, region)
		if err == nil && phoneValid(num) {
			// The library accepts a few national plans longer than E.164's
			// 15 digits; such a number cannot be suggested as E.164.
			if out := phonenumbers.Format(num, phonenumbers.E164); isE164Shape(out) {
				return out, true
			}
		}
	}
	return "", false
}

// readLooseE164 is readE164 for an international number written with
// spaces, hyphens, dots or parentheses among its digits, such as
// "+1 (212) 555-0100", or nil for any other s. For such a string Parse, in
// whatever region, reads what it reads of the plus sign and the digits
// alone: the punctuation is all of its own kind, none of it starts an
// extension or a second number, and a plus sign makes the region moot.
func readLooseE164(s string) *parsedPhone {
	if len(s) < 2 || len(s) > phonenumbers.MAX_INPUT_STRING_LENGTH || s[0] != '+' {
		return nil
	}
	var buf [phonenumbers.MAX_INPUT_STRING_LENGTH]byte
	digits := append(buf[:0], '+')
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
		case c == ' ' || c == '-' || c == '.' || c == '(' || c == ')':
		default:
			return nil
		}
	}
	return readE164(string(digits))
}

// phoneFault says why an E.164-shaped number is not valid. It names the
// calling code only when values may be shown.
func phoneFault(p *Pass, num *phonenumbers.PhoneNumber, err error) string {
	if err != nil || num == nil {
		if errors.Is(err, phonenumbers.ErrInvalidCountryCode) {
			return "no country uses its calling code"
		}
		return "libphonenumber cannot read it"
	}
	where := ""
	if !p.Settings.Redact {
		where = " for calling code +" + strconv.Itoa(int(num.GetCountryCode()))
	}
	switch phonenumbers.IsPossibleNumberWithReason(num) {
	case phonenumbers.INVALID_COUNTRY_CODE:
		return "no country uses its calling code"
	case phonenumbers.TOO_SHORT, phonenumbers.IS_POSSIBLE_LOCAL_ONLY:
		return "too short" + where
	case phonenumbers.TOO_LONG:
		return "too long" + where
	case phonenumbers.INVALID_LENGTH:
		return "wrong length" + where
	}
	return "not in a range in use" + where
}
