package rules

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/finlint/finlint/internal/iso3166"
	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/kinds/individual"
	"github.com/nyaruka/phonenumbers"
	"github.com/stretchr/testify/require"
)

// The phone rules read numbers through phone_plan.go rather than through
// libphonenumber's own calls. These tests hold every answer to the
// library's: Parse(s, "ZZ") with IsValidNumber, GetRegionCodeForNumber,
// IsValidNumberForRegion, IsPossibleNumberWithReason and Format(E164), and
// the findings to those of the rules as they were written on the library
// calls alone.

// e164Shape is E.164 as the vendor writes it: a plus sign, a country
// calling code (which never starts with 0) and at most 15 digits in all.
// The rules test the shape with isE164Shape; the tests hold it to this.
var e164Shape = regexp.MustCompile(`^\+[1-9][0-9]{1,14}$`)

var phoneNumberTypes = []phonenumbers.PhoneNumberType{
	phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE, phonenumbers.PREMIUM_RATE,
	phonenumbers.SHARED_COST, phonenumbers.VOIP, phonenumbers.PERSONAL_NUMBER, phonenumbers.PAGER,
	phonenumbers.UAN, phonenumbers.VOICEMAIL,
}

// phoneExample is a valid number in E.164 form and the region it is an
// example of ("001" for a non-geographic one).
type phoneExample struct{ e164, region string }

// phoneExamples are the library's example numbers of every type of every
// region and non-geographic calling code, each once.
func phoneExamples(t testing.TB) []phoneExample {
	t.Helper()
	seen := map[string]bool{}
	var out []phoneExample
	add := func(num *phonenumbers.PhoneNumber, region string) {
		if num == nil {
			return
		}
		e := phonenumbers.Format(num, phonenumbers.E164)
		if !seen[e] {
			seen[e] = true
			out = append(out, phoneExample{e, region})
		}
	}
	regions := make([]string, 0, 256)
	for r := range phonenumbers.GetSupportedRegions() {
		regions = append(regions, r)
	}
	slices.Sort(regions)
	for _, r := range regions {
		for _, typ := range phoneNumberTypes {
			add(phonenumbers.GetExampleNumberForType(r, typ), r)
		}
	}
	// The non-geographic entities' examples of every type, which
	// GetExampleNumberForNonGeoEntity gives only one of.
	coll, err := phonenumbers.MetadataCollection()
	require.NoError(t, err)
	for _, m := range coll.GetMetadata() {
		if m.GetId() != phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY {
			continue
		}
		for _, d := range phoneDescs(m) {
			if ex := d.GetExampleNumber(); ex != "" {
				num, err := phonenumbers.Parse("+"+strconv.Itoa(int(m.GetCountryCode()))+ex, "ZZ")
				if err == nil {
					add(num, m.GetId())
				}
			}
		}
	}
	return out
}

func phoneDescs(m *phonenumbers.PhoneMetadata) []*phonenumbers.PhoneNumberDesc {
	return []*phonenumbers.PhoneNumberDesc{m.GetGeneralDesc(), m.GetFixedLine(), m.GetMobile(), m.GetTollFree(),
		m.GetPremiumRate(), m.GetSharedCost(), m.GetVoip(), m.GetPersonalNumber(), m.GetPager(), m.GetUan(), m.GetVoicemail()}
}

// phoneMutations are the ways a number is mistyped, from the E.164 form e
// of a number of calling code cc, and when loose the ways it is written
// loosely.
func phoneMutations(e string, cc int, loose bool) []string {
	code := strconv.Itoa(cc)
	nsn := e[1+len(code):]
	out := []string{e}
	add := func(s ...string) { out = append(out, s...) }
	for d := '0'; d <= '9'; d++ {
		add(e + string(d)) // a digit added
	}
	for i := range len(nsn) {
		changed := []byte(nsn)
		changed[i] = '0' + (changed[i]-'0'+1)%10
		add("+"+code+nsn[:i]+nsn[i+1:], // a digit removed
			"+"+code+string(changed),     // a digit changed
			"+"+code+nsn[:i]+"0"+nsn[i:]) // a zero slipped in
	}
	// National and trunk prefixes, and the prefixes some plans transform
	// (Argentina's 15, Brazil's carrier codes, the Crown Dependencies').
	for _, p := range []string{"0", "1", "8", "9", "15", "90", "180020"} {
		for _, at := range []int{0, 3} {
			if at <= len(nsn) {
				add("+" + code + nsn[:at] + p + nsn[at:])
			}
		}
	}
	// Another calling code, or none.
	add("+0"+code+nsn, "+"+nsn, "+1"+nsn, "+7"+nsn, "+44"+nsn, "+999"+nsn, "+"+code[:len(code)-1]+nsn,
		"+"+strconv.Itoa(cc+1)+nsn, "+"+code+"0"+nsn, "+"+code+code+nsn)
	// Too long, too short.
	add(e+"123456", e+"1234567890", e[:len(e)-3], e[:min(len(e), 4)], e[:min(len(e), 3)], e[:2])
	if !loose {
		return out
	}
	// Loose forms phone-format suggests for.
	add("+"+code+" "+nsn, "+"+code+"-"+nsn, "+"+code+"."+nsn, "(+"+code+") "+nsn,
		"00"+code+nsn, "00 "+code+" "+nsn, "011"+code+nsn, "0"+nsn, nsn, code+nsn, " "+e, e+" ", "++"+code+nsn)
	if len(nsn) > 4 {
		add("+"+code+" ("+nsn[:3]+") "+nsn[3:], "+"+code+" "+nsn[:3]+"-"+nsn[3:], "+"+code+"."+nsn[:2]+"."+nsn[2:])
	}
	// Extensions and letters.
	add(e+" ext 12", e+"x12", e+";ext=12", e+" #12", e+",,12", e+" - 503#", e+"a", e[:len(e)-3]+"ABC",
		"tel:"+e, "tel:"+nsn+";phone-context=+"+code, e+";isub=12", "＋"+code+nsn, "+"+code+phoneWide(nsn))
	return out
}

// phoneWide writes ASCII digits as full-width ones.
func phoneWide(s string) string {
	var b strings.Builder
	for _, c := range s {
		b.WriteRune(c - '0' + '０')
	}
	return b.String()
}

// phoneCases are the example numbers and their mutations, each with the
// region its example is of: some 60,000 strings.
func phoneCases(t testing.TB) []phoneExample {
	t.Helper()
	seen := map[string]bool{}
	var out []phoneExample
	for i, ex := range phoneExamples(t) {
		num, err := phonenumbers.Parse(ex.e164, "ZZ")
		require.NoError(t, err, ex.e164)
		// Parse reads the loose forms for the rules too, so a third of
		// the examples' are enough to test validation on.
		for _, s := range phoneMutations(ex.e164, int(num.GetCountryCode()), i%3 == 0) {
			if !seen[s] {
				seen[s] = true
				out = append(out, phoneExample{s, ex.region})
			}
		}
	}
	return out
}

// phoneFields renders every field of a parsed number, set or not.
func phoneFields(n *phonenumbers.PhoneNumber) string {
	if n == nil {
		return "nil"
	}
	f := func(set bool, v any) string {
		if !set {
			return "-"
		}
		return fmt.Sprint(v)
	}
	return strings.Join([]string{
		f(n.CountryCode != nil, n.GetCountryCode()),
		f(n.NationalNumber != nil, n.GetNationalNumber()),
		f(n.Extension != nil, n.GetExtension()),
		f(n.ItalianLeadingZero != nil, n.GetItalianLeadingZero()),
		f(n.NumberOfLeadingZeros != nil, n.GetNumberOfLeadingZeros()),
		f(n.RawInput != nil, n.GetRawInput()),
		f(n.CountryCodeSource != nil, n.GetCountryCodeSource()),
		f(n.PreferredDomesticCarrierCode != nil, n.GetPreferredDomesticCarrierCode()),
	}, " ")
}

// comparePhone checks what the phone rules make of s against the library,
// with the residences the number is judged against. It reports whether
// readPhone took its own path rather than Parse's.
func comparePhone(t testing.TB, s string, residences func(*phonenumbers.PhoneNumber) []string) (fast bool) {
	t.Helper()
	if got, want := isE164Shape(s), e164Shape.MatchString(s); got != want {
		t.Fatalf("%q: isE164Shape %v, the pattern %v", s, got, want)
	}
	ph := readPhone(s)
	num, err := phonenumbers.Parse(s, "ZZ")
	if !errors.Is(ph.err, err) || !errors.Is(err, ph.err) {
		t.Fatalf("%q: error %v, library %v", s, ph.err, err)
	}
	fast = ph.num == &ph.pn
	if err != nil {
		return fast
	}
	if got, want := phoneFields(ph.num), phoneFields(num); got != want {
		t.Fatalf("%q: parsed as %s, library %s", s, got, want)
	}
	want := struct {
		nsn, region, e164 string
		valid             bool
		possible          phonenumbers.ValidationResult
	}{phonenumbers.GetNationalSignificantNumber(num), phonenumbers.GetRegionCodeForNumber(num),
		phonenumbers.Format(num, phonenumbers.E164), phonenumbers.IsValidNumber(num), phonenumbers.IsPossibleNumberWithReason(num)}
	if ph.nsn != want.nsn || ph.region != want.region || ph.e164 != want.e164 || ph.valid != want.valid ||
		phonenumbers.IsPossibleNumberWithReason(ph.num) != want.possible {
		t.Fatalf("%q: nsn %q region %q e164 %q valid %v possible %v; library %+v", s, ph.nsn, ph.region, ph.e164, ph.valid,
			phonenumbers.IsPossibleNumberWithReason(ph.num), want)
	}
	if got := phoneValid(num); got != want.valid {
		t.Fatalf("%q: phoneValid %v, library %v", s, got, want.valid)
	}
	for _, r := range residences(num) {
		if got, want := ph.validForRegion(r), phonenumbers.IsValidNumberForRegion(num, r); got != want {
			t.Fatalf("%q in %q: valid %v, library %v", s, r, got, want)
		}
	}
	return fast
}

// phoneResidences are the regions a number is weighed against: every
// region of its calling code when all is true (else the first, the found
// and the example's), and a few of other codes.
func phoneResidences(example string, all bool) func(*phonenumbers.PhoneNumber) []string {
	return func(num *phonenumbers.PhoneNumber) []string {
		return phoneResidencesOf(num, example, all)
	}
}

func phoneResidencesOf(num *phonenumbers.PhoneNumber, example string, all bool) []string {
	regions := phonenumbers.GetRegionCodesForCountryCode(int(num.GetCountryCode()))
	if all {
		return append([]string{example, "US", "GB", "RU", "001", "ZZ", "", "AQ"}, regions...)
	}
	out := []string{example, "US", "001"}
	if len(regions) <= 4 {
		return append(out, regions...)
	}
	return append(out, regions[0], regions[len(regions)-1], phonenumbers.GetRegionCodeForNumber(num))
}

func TestIsE164Shape(t *testing.T) {
	for _, s := range []string{"", "+", "+1", "+12", "+0123", "+123456789012345", "+1234567890123456",
		"+12345678901234", "1234", "++123", "+123\n", "+12a3", "+１２３", "＋123", " +123", "+123 "} {
		require.Equal(t, e164Shape.MatchString(s), isE164Shape(s), "%q", s)
	}
	require.True(t, isE164Shape("+123456789012345"))
	require.False(t, isE164Shape("+1234567890123456"))
}

func TestPhoneMetadataAssumptions(t *testing.T) {
	// The library indexes and dereferences these unguarded, so where they
	// hold the compiled path need not mirror its panics.
	coll, err := phonenumbers.MetadataCollection()
	require.NoError(t, err)
	for _, m := range coll.GetMetadata() {
		for i, d := range phoneDescs(m) {
			require.NotNil(t, d, "%s description %d", m.GetId(), i)
		}
		require.NotEmpty(t, m.GetGeneralDesc().PossibleLength, m.GetId())
	}
	tab := phoneTab()
	for cc := range phonenumbers.GetSupportedCallingCodes() {
		c := tab.code(cc)
		require.NotNil(t, c, cc)
		for i, r := range c.plan {
			require.NotNil(t, r, "%d %s", cc, c.regions[i])
		}
	}
}

func TestPhoneMatchesLibrary(t *testing.T) {
	cases := phoneCases(t)
	require.Greater(t, len(cases), 40000)
	// The shards run in parallel, as linters do, over the metadata each
	// compiles on first use.
	const shards = 4
	var fast [shards]int
	t.Run("shards", func(t *testing.T) {
		for k := range shards {
			t.Run(strconv.Itoa(k), func(t *testing.T) {
				t.Parallel()
				for i := k * phoneSample; i < len(cases); i += shards * phoneSample {
					c := cases[i]
					// Every residence for one case in eight, a sample
					// of them for the rest.
					if comparePhone(t, c.e164, phoneResidences(c.region, i%8 == 0)) {
						fast[k]++
					}
					// Loosely written numbers are read by Parse in a
					// default region and validated by the compiled
					// metadata.
					if i%4 == 0 {
						region := []string{c.region, "US", "DE"}[i/4%3]
						if num, err := phonenumbers.Parse(c.e164, region); err == nil {
							if got, want := phoneValid(num), phonenumbers.IsValidNumber(num); got != want {
								t.Fatalf("%q in %s: phoneValid %v, library %v", c.e164, region, got, want)
							}
						}
					}
				}
			})
		}
	})
	// Most cases are E.164-shaped and in use: the direct path must be the
	// one under test, not Parse behind it.
	total := fast[0] + fast[1] + fast[2] + fast[3]
	require.Greater(t, total, len(cases)/phoneSample/2, "of %d", len(cases)/phoneSample)
	t.Logf("%d cases, %d read directly", len(cases)/phoneSample, total)
}

// TestPhoneRulesMatchLibrary runs phone-format and phone-country, and the
// same rules as written on the library's calls, over payloads with the
// examples and a sample of their mutations, against residences of their
// own region and of others.
func TestPhoneRulesMatchLibrary(t *testing.T) {
	tmpl, err := MergePatch(ReferencePayload, `{"basic_info": {"phone": "@PHONE@", "country_of_residence": "@RES@"}}`)
	require.NoError(t, err)
	payload := func(phone, res string) string {
		v, err := json.Marshal(phone)
		require.NoError(t, err)
		return strings.Replace(strings.Replace(tmpl, `"@PHONE@"`, string(v), 1), "@RES@", res, 1)
	}
	n := 0
	for i, c := range phoneCases(t) {
		if i%(12*phoneSample) != 0 {
			continue
		}
		// m counts the cases taken: every other one also redacted, one in
		// four also against Canada and Antarctica.
		m := i / (12 * phoneSample)
		own, _ := iso3166.Alpha3(c.region)
		for j, res := range []string{own, "USA", "CAN", "ATA"} {
			if res == "" || j > 1 && m%4 != 0 {
				continue
			}
			in := payload(c.e164, res)
			for _, redact := range []bool{false, true}[:1+m%2] {
				got := runPhoneRules(in, redact, PhoneFormat, PhoneCountry)
				want := runPhoneRules(in, redact, libraryPhoneFormat, libraryPhoneCountry)
				if !slices.Equal(got, want) {
					t.Fatalf("%q in %s (redact %v):\n got %q\nwant %q", c.e164, res, redact, got, want)
				}
				n++
			}
		}
	}
	require.Greater(t, n, 8000/phoneSample)
}

// phone-format's suggestion for a loosely written number is the library's,
// for the loose forms of a sixth of the cases, read in their own region
// and in others.
func TestPhoneE164MatchesLibrary(t *testing.T) {
	n := 0
	for i, c := range phoneCases(t) {
		if i%(6*phoneSample) != 0 {
			continue
		}
		extra := []string{"+" + strings.TrimPrefix(c.e164, "+"), " (" + c.e164 + ")", c.e164 + ")-", "+ " + c.e164[1:]}
		if len(c.e164) > 6 {
			extra = append(extra, c.e164[:3]+" ("+c.e164[3:5]+") "+c.e164[5:], c.e164[:2]+"..-"+c.e164[2:]+"()", "+("+c.e164[1:2]+")"+c.e164[2:])
		}
		for _, s := range append(extra, c.e164) {
			for j, r := range []string{c.region, "US", "ZZ", "GB"} {
				if j > 1 && i%(12*phoneSample) != 0 {
					continue
				}
				got, ok := phoneE164(s, r)
				want, wantOK := libraryPhoneE164(s, r)
				if got != want || ok != wantOK {
					t.Fatalf("%q in %q: suggests %q %v, library %q %v", s, r, got, ok, want, wantOK)
				}
				n++
			}
		}
	}
	require.Greater(t, n, 20000/phoneSample)
}

func runPhoneRules(in string, redact bool, list ...*Rule) []string {
	var out []Finding
	p := NewPass(jsondoc.Parse([]byte(in), jsondoc.Limits{}), testNow, testCatalogues, Settings{Redact: redact}, &out)
	p.Kind, p.Kinds = individual.Kind, []*kind.Kind{individual.Kind}
	Run(p, list, nil)
	s := make([]string, len(out))
	for i, f := range out {
		s[i] = fmt.Sprintf("%s %s %d %s %q %v", f.Rule, f.Path, f.Offset, f.Message, f.Suggestion, f.Fix)
	}
	return s
}

// FuzzPhoneMatchesLibrary holds what the phone rules make of any string,
// weighed against any region, to what libphonenumber makes of it.
func FuzzPhoneMatchesLibrary(f *testing.F) {
	// A few hundred of the cases: the fuzzer makes its own mutations, and
	// more seeds would take all of a short run to gather coverage for.
	for i, c := range phoneCases(f) {
		if i%(256*phoneSample) == 0 {
			f.Add(c.e164, c.region)
		}
	}
	for _, n := range phoneBenchNumbers {
		f.Add(n.phone, n.residence)
	}
	// A kept trunk zero, Argentina's mobile 15, a Crown Dependency by
	// its national prefix, a non-geographic number.
	for _, s := range []string{"+4402079460958", "+5401115123456", "+54911151234567", "+4418002012345", "+80012345678", "+8881234567"} {
		f.Add(s, "US")
	}
	f.Fuzz(func(t *testing.T, s, region string) {
		comparePhone(t, s, func(*phonenumbers.PhoneNumber) []string { return []string{region, "US", "001", ""} })
		for _, r := range []string{region, "US", "ZZ"} {
			got, ok := phoneE164(s, r)
			want, wantOK := libraryPhoneE164(s, r)
			if got != want || ok != wantOK {
				t.Fatalf("%q in %q: suggests %q %v, library %q %v", s, r, got, ok, want, wantOK)
			}
		}
	})
}

// libraryPhoneFormat and libraryPhoneCountry are phone-format and
// phone-country as they were written on the library's calls alone, the
// reference the rules are held to.
var (
	libraryPhoneFormat = &Rule{ID: PhoneFormat.ID, Severity: Error, Run: func(p *Pass) {
		for _, role := range p.roles().Phones {
			kind.Each(p.Root(), role.Ptr, func(ptr string, v *jsondoc.Value) {
				libraryCheckPhone(p, role, ptr, v)
			})
		}
	}}
	libraryPhoneCountry = &Rule{ID: PhoneCountry.ID, Severity: Error, Kinds: PhoneCountry.Kinds, Run: func(p *Pass) {
		for _, role := range p.roles().Phones {
			if role.Residence == "" {
				continue
			}
			kind.Each(p.Root(), role.Ptr, func(ptr string, _ *jsondoc.Value) {
				if msg, ok := libraryPhoneCountryMismatch(p, ptr, kind.Expand(role.Residence, ptr)); ok {
					p.Report(Finding{Path: ptr, Message: msg})
				}
			})
		}
	}}
)

func libraryCheckPhone(p *Pass, role kind.Phone, ptr string, v *jsondoc.Value) {
	s, ok := v.Text()
	if !ok {
		return
	}
	name := label(ptr)
	if !e164Shape.MatchString(s) {
		f := Finding{
			Path:    ptr,
			Message: name + " " + p.Quote(s) + " is not in E.164 form: a plus sign and at most 15 digits, with no spaces or punctuation",
		}
		if e164, ok := libraryPhoneE164(s, phoneDefaultRegion(p, role, ptr)); ok {
			f.suggest(p.Suggest(e164), FixString)
		}
		p.Report(f)
		return
	}
	num, err := phonenumbers.Parse(s, "ZZ")
	if err != nil || !phonenumbers.IsValidNumber(num) {
		p.Report(Finding{
			Path:    ptr,
			Message: name + " " + p.Quote(s) + " is in E.164 form but not a valid phone number: " + phoneFault(p, num, err),
		})
		return
	}
	if e164 := phonenumbers.Format(num, phonenumbers.E164); e164 != s {
		f := Finding{
			Path:    ptr,
			Message: name + " " + p.Quote(s) + " is a valid number but not written in its E.164 form",
		}
		f.suggest(p.Suggest(e164), FixString)
		p.Report(f)
	}
}

func libraryPhoneE164(s, region string) (string, bool) {
	s = strings.TrimSpace(s)
	var tries []string
	if rest, ok := strings.CutPrefix(s, "00"); ok {
		tries = append(tries, "+"+rest)
	}
	tries = append(tries, s)
	for _, t := range tries {
		num, err := phonenumbers.Parse(t, region)
		if err == nil && phonenumbers.IsValidNumber(num) {
			if out := phonenumbers.Format(num, phonenumbers.E164); e164Shape.MatchString(out) {
				return out, true
			}
		}
	}
	return "", false
}

func libraryPhoneCountryMismatch(p *Pass, phonePtr, countryPtr string) (string, bool) {
	s, ok := p.Text(phonePtr)
	if !ok || !e164Shape.MatchString(s) {
		return "", false
	}
	res, ok := p.Text(countryPtr)
	if !ok || !iso3166.IsVendorCode(res) {
		return "", false
	}
	resA2, ok := iso3166.Alpha2(res)
	if !ok || phonenumbers.GetCountryCodeForRegion(resA2) == 0 {
		return "", false
	}
	num, err := phonenumbers.Parse(s, "ZZ")
	if err != nil || !phonenumbers.IsValidNumber(num) {
		return "", false
	}
	region := phonenumbers.GetRegionCodeForNumber(num)
	if region == resA2 || phonenumbers.IsValidNumberForRegion(num, resA2) {
		return "", false
	}
	phone, country := label(phonePtr)+" number", field(countryPtr)
	msg := phone + "'s country is not the " + strings.ReplaceAll(country, "_", " ")
	switch {
	case p.Settings.Redact:
	case region == "" || region == phonenumbers.UNKNOWN_REGION || region == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY:
		msg = phone + " is non-geographic (calling code +" + strconv.Itoa(int(num.GetCountryCode())) +
			"), not a number of the " + strings.ReplaceAll(country, "_", " ") + " " + countryLabel(res, resA2)
	default:
		a3, _ := iso3166.Alpha3(region)
		msg = phone + " is from " + countryLabel(a3, region) + " but " + country + " is " + countryLabel(res, resA2)
	}
	return msg, true
}
