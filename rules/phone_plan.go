package rules

import (
	"regexp"
	"strconv"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// The phone rules ask libphonenumber three questions of each number: how
// Parse reads it, its region (GetRegionCodeForNumber) and whether it is
// valid (IsValidNumber), and phone-country a fourth (IsValidNumberForRegion).
// The library answers each from scratch: it builds every pattern string
// anew, looks it up in a locked cache, matches each type pattern twice, and
// for a calling code shared by many regions types the number region after
// region, then types it again to validate it. The functions here answer the
// same questions from the same metadata, read through the library's
// exported API, with the patterns compiled once per process; the
// differential test and FuzzPhoneMatchesLibrary hold them to the library's
// answers.

// phoneDesc is one number description (the general one, or one type's),
// matched as the library's isNumberMatchingDesc matches it: the possible
// lengths first, when given, then the whole national number against the
// pattern.
type phoneDesc struct {
	lengths uint64 // bit n is set when length n is possible
	sized   bool   // lengths applies: the description lists its lengths
	re      *regexp.Regexp
}

func newPhoneDesc(d *phonenumbers.PhoneNumberDesc) phoneDesc {
	out := phoneDesc{sized: len(d.PossibleLength) > 0}
	for _, n := range d.PossibleLength {
		// A type the region does not have lists only -1, which no
		// number's length equals.
		if n >= 0 && n < 64 {
			out.lengths |= 1 << n
		}
	}
	out.re = regexp.MustCompile("^(?:" + d.GetNationalNumberPattern() + ")$")
	return out
}

// never says the description matches no number at all, so that the type
// need not be tried.
func (d *phoneDesc) never() bool { return d.sized && d.lengths == 0 }

func (d *phoneDesc) match(nsn string) bool {
	if d.sized && (len(nsn) >= 64 || d.lengths&(1<<len(nsn)) == 0) {
		return false
	}
	return d.re.MatchString(nsn)
}

// phoneRegion is one region's metadata (or one non-geographic calling
// code's) with its patterns compiled, on first use, for the life of the
// process.
type phoneRegion struct {
	meta *phonenumbers.PhoneMetadata
	once sync.Once

	// leading picks the region among those sharing its calling code
	// without typing the number; nil when the region has none.
	leading *regexp.Regexp
	general phoneDesc
	// types are the descriptions of which one must match for the number to
	// be of some type, fixed line and mobile first as the commonest: which
	// type matches does not matter, only that one does.
	types []phoneDesc

	// What Parse needs to strip a national prefix: the prefix pattern
	// anchored at the start (nil when the region has none), the general
	// pattern without the length check, the transform rule, and the
	// general description's possible lengths.
	prefix          *regexp.Regexp
	rule            *regexp.Regexp
	transform       string
	possible, local []int32
}

func (r *phoneRegion) compile() {
	r.once.Do(func() {
		m := r.meta
		if ld := m.GetLeadingDigits(); ld != "" {
			r.leading = regexp.MustCompile("^(?:" + ld + ")")
		}
		r.general = newPhoneDesc(m.GetGeneralDesc())
		descs := []*phonenumbers.PhoneNumberDesc{m.GetFixedLine()}
		// As in getNumberTypeHelper, the mobile pattern counts only when it
		// is not declared the same as the fixed-line one.
		if !m.GetSameMobileAndFixedLinePattern() {
			descs = append(descs, m.GetMobile())
		}
		descs = append(descs, m.GetPremiumRate(), m.GetTollFree(), m.GetSharedCost(), m.GetVoip(),
			m.GetPersonalNumber(), m.GetPager(), m.GetUan(), m.GetVoicemail())
		for _, d := range descs {
			if d := newPhoneDesc(d); !d.never() {
				r.types = append(r.types, d)
			}
		}
		if p := m.GetNationalPrefixForParsing(); p != "" {
			r.prefix = regexp.MustCompile("^(?:" + p + ")")
		}
		r.rule = r.general.re
		r.transform = m.GetNationalPrefixTransformRule()
		r.possible = m.GetGeneralDesc().PossibleLength
		r.local = m.GetGeneralDesc().PossibleLengthLocalOnly
	})
}

// typed says the national number is of some type in the region: the
// library's getNumberTypeHelper returns other than UNKNOWN.
func (r *phoneRegion) typed(nsn string) bool {
	r.compile()
	if !r.general.match(nsn) {
		return false
	}
	for i := range r.types {
		if r.types[i].match(nsn) {
			return true
		}
	}
	return false
}

// stripNationalPrefix is what Parse does, in
// maybeStripNationalPrefixAndCarrierCode and the length test after it, to
// the national number of an international number: it removes or
// transforms a national prefix when what is left is still a number of a
// possible length.
func (r *phoneRegion) stripNationalPrefix(nat string) string {
	r.compile()
	if r.prefix == nil {
		return nat
	}
	groups := r.prefix.FindStringSubmatchIndex(nat)
	if groups == nil {
		return nat
	}
	viable := r.rule.MatchString(nat)
	last := len(groups)/2 - 1
	var out string
	if r.transform == "" || groups[last*2] < 0 {
		out = nat[groups[1]:]
	} else {
		out = r.prefix.ReplaceAllString(nat, r.transform)
	}
	if viable && !r.rule.MatchString(out) {
		return nat
	}
	switch phoneLength(len(out), r.possible, r.local) {
	case phonenumbers.TOO_SHORT, phonenumbers.IS_POSSIBLE_LOCAL_ONLY, phonenumbers.INVALID_LENGTH:
		return nat
	}
	return out
}

// phoneLength is the library's testNumberLength for the general
// description. The library indexes possible[0] unguarded; every region's
// general description lists its lengths (the differential test checks).
func phoneLength(n int, possible, local []int32) phonenumbers.ValidationResult {
	if len(possible) == 0 || possible[0] == -1 {
		return phonenumbers.INVALID_LENGTH
	}
	for _, l := range local {
		if int(l) == n {
			return phonenumbers.IS_POSSIBLE_LOCAL_ONLY
		}
	}
	switch {
	case int(possible[0]) == n:
		return phonenumbers.IS_POSSIBLE
	case int(possible[0]) > n:
		return phonenumbers.TOO_SHORT
	case int(possible[len(possible)-1]) < n:
		return phonenumbers.TOO_LONG
	}
	for _, l := range possible[1:] {
		if int(l) == n {
			return phonenumbers.IS_POSSIBLE
		}
	}
	return phonenumbers.INVALID_LENGTH
}

// phoneCode is what one calling code shares: its regions in the library's
// order and the metadata Parse reads its numbers with.
type phoneCode struct {
	regions []string
	// plan holds the regions' metadata, in the order of regions, for a
	// code shared by several regions.
	plan []*phoneRegion
	main *phoneRegion // nil when the code has no metadata
}

// phoneTable is the library's metadata indexed as its unexported maps
// index it: regions by code (supported regions only), non-geographic
// entities and region lists by calling code.
type phoneTable struct {
	geo    map[string]*phoneRegion
	nonGeo map[int]*phoneRegion
	codes  [1000]*phoneCode // by calling code, which has at most 3 digits
}

var phoneTab = sync.OnceValue(func() *phoneTable {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		// The library reads the same collection when it loads and panics
		// there if it cannot, so this is never reached.
		panic("phone metadata: " + err.Error())
	}
	t := &phoneTable{geo: map[string]*phoneRegion{}, nonGeo: map[int]*phoneRegion{}}
	supported := phonenumbers.GetSupportedRegions()
	// Later entries win, as they do where the library builds its maps.
	for _, m := range coll.GetMetadata() {
		if m.GetId() == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY {
			t.nonGeo[int(m.GetCountryCode())] = &phoneRegion{meta: m}
		} else if supported[m.GetId()] {
			t.geo[m.GetId()] = &phoneRegion{meta: m}
		}
	}
	for cc := range phonenumbers.GetSupportedCallingCodes() {
		if cc <= 0 || cc >= len(t.codes) {
			continue
		}
		c := &phoneCode{regions: phonenumbers.GetRegionCodesForCountryCode(cc)}
		main := phonenumbers.UNKNOWN_REGION
		if len(c.regions) > 0 {
			main = c.regions[0]
		}
		c.main = t.region(cc, main)
		if len(c.regions) > 1 {
			for _, r := range c.regions {
				c.plan = append(c.plan, t.geo[r])
			}
		}
		t.codes[cc] = c
	}
	return t
})

// code returns the calling code's entry, or nil when no region uses it.
func (t *phoneTable) code(cc int) *phoneCode {
	if cc <= 0 || cc >= len(t.codes) {
		return nil
	}
	return t.codes[cc]
}

// region is the library's getMetadataForRegionOrCallingCode.
func (t *phoneTable) region(cc int, region string) *phoneRegion {
	if region == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY {
		if t.code(cc) == nil {
			return nil
		}
		return t.nonGeo[cc]
	}
	return t.geo[region]
}

// validFor is the library's IsValidNumberForRegion for a number with
// calling code cc and national significant number nsn.
func (t *phoneTable) validFor(cc int, nsn, region string) bool {
	r := t.region(cc, region)
	if r == nil || region != phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY && int(r.meta.GetCountryCode()) != cc {
		return false
	}
	return r.typed(nsn)
}

// regionOf is the library's GetRegionCodeForNumber and IsValidNumber at
// once: the region search types the number in each region it tries, so
// validity needs typing again only in a region chosen by its leading
// digits.
func (t *phoneTable) regionOf(cc int, nsn string) (region string, valid bool) {
	c := t.code(cc)
	if c == nil || len(c.regions) == 0 {
		return "", false
	}
	if len(c.regions) == 1 {
		return c.regions[0], t.validFor(cc, nsn, c.regions[0])
	}
	for i, r := range c.plan {
		// The library assumes every region of a calling code has
		// metadata; the differential test checks that it does.
		if r == nil {
			continue
		}
		r.compile()
		if r.leading != nil {
			if r.leading.MatchString(nsn) {
				return c.regions[i], int(r.meta.GetCountryCode()) == cc && r.typed(nsn)
			}
		} else if r.typed(nsn) {
			return c.regions[i], int(r.meta.GetCountryCode()) == cc
		}
	}
	return "", false
}

// parsedPhone is a phone number as the phone rules see it: Parse(s, "ZZ")
// and what IsValidNumber, GetRegionCodeForNumber and Format(E164) say of
// it.
type parsedPhone struct {
	num    *phonenumbers.PhoneNumber
	err    error
	nsn    string // GetNationalSignificantNumber
	region string
	valid  bool
	e164   string // Format(num, E164), when err is nil

	// The fast path keeps the number's fields here, so that it and they
	// take one allocation.
	pn       phonenumbers.PhoneNumber
	cc       int32
	national uint64
	zero     bool
	zeros    int32
}

// readPhone parses s as Parse(s, "ZZ") does and judges it. A string of
// the E.164 shape that names a calling code in use is read directly, as
// the steps of Parse reduce to for it; anything else goes to Parse.
func readPhone(s string) *parsedPhone {
	if ph := readE164(s); ph != nil {
		return ph
	}
	ph := &parsedPhone{}
	ph.num, ph.err = phonenumbers.Parse(s, phonenumbers.UNKNOWN_REGION)
	if ph.err == nil {
		ph.judge()
		ph.e164 = phonenumbers.Format(ph.num, phonenumbers.E164)
	}
	return ph
}

func (ph *parsedPhone) judge() {
	ph.nsn = phonenumbers.GetNationalSignificantNumber(ph.num)
	ph.region, ph.valid = phoneTab().regionOf(int(ph.num.GetCountryCode()), ph.nsn)
}

// validForRegion is IsValidNumberForRegion(ph.num, region).
func (ph *parsedPhone) validForRegion(region string) bool {
	return ph.err == nil && phoneTab().validFor(int(ph.num.GetCountryCode()), ph.nsn, region)
}

// readE164 is Parse(s, "ZZ") for s a plus sign and ASCII digits, or nil
// for any other s and for those Parse refuses. For such a string Parse
// finds no RFC 3966 parts, nothing to trim, no extension, no letters and
// nothing to normalise: it takes the calling code from the first one to
// three digits, strips a national prefix by the metadata of the code's
// main region, and stores the rest as the national number and its leading
// zeros.
func readE164(s string) *parsedPhone {
	if len(s) < 4 || len(s) > phonenumbers.MAX_INPUT_STRING_LENGTH || s[0] != '+' || !phoneDigits(s[1:]) {
		return nil // Parse refuses two digits or fewer, each case in its own way
	}
	digits := s[1:]
	if digits[0] == '0' {
		return nil
	}
	t := phoneTab()
	cc, n := 0, 0
	for i := 1; i <= 3; i++ {
		v, _ := strconv.Atoi(digits[:i])
		if t.code(v) != nil {
			cc, n = v, i
			break
		}
	}
	if cc == 0 {
		return nil // Parse's ErrInvalidCountryCode
	}
	nat := digits[n:]
	if len(nat) < phonenumbers.MIN_LENGTH_FOR_NSN {
		return nil
	}
	if m := t.codes[cc].main; m != nil {
		nat = m.stripNationalPrefix(nat)
	}
	if len(nat) < phonenumbers.MIN_LENGTH_FOR_NSN || len(nat) > phonenumbers.MAX_LENGTH_FOR_NSN {
		return nil
	}
	national, err := strconv.ParseUint(nat, 10, 64)
	if err != nil {
		return nil
	}
	ph := &parsedPhone{cc: int32(cc), national: national, nsn: nat}
	ph.pn.CountryCode, ph.pn.NationalNumber = &ph.cc, &ph.national
	// As setItalianLeadingZerosForPhoneNumber: the zeros before the first
	// other digit, though never the last digit, and the count only when
	// it is not the default of one.
	if len(nat) >= 2 && nat[0] == '0' {
		ph.zero = true
		ph.pn.ItalianLeadingZero = &ph.zero
		z := 1
		for z < len(nat)-1 && nat[z] == '0' {
			z++
		}
		if z != 1 {
			ph.zeros = int32(z)
			ph.pn.NumberOfLeadingZeros = &ph.zeros
		}
	}
	ph.num = &ph.pn
	// The national significant number is the national number written
	// back with its leading zeros, which is nat itself, and the E.164 form
	// the plus sign, the calling code and that.
	if nat == digits[n:] {
		ph.e164 = s
	} else {
		ph.e164 = s[:1+n] + nat
	}
	ph.region, ph.valid = t.regionOf(cc, nat)
	return ph
}

func phoneDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isE164Shape says s is E.164 as the vendor writes it: a plus sign, a
// country calling code (which never starts with 0) and at most 15 digits
// in all.
func isE164Shape(s string) bool {
	return len(s) >= 3 && len(s) <= 16 && s[0] == '+' && s[1] != '0' && phoneDigits(s[1:])
}
