package iso3166

import (
	"slices"
	"strings"
)

// RemovalKind tells why a code is refused although a source still lists it.
type RemovalKind int

const (
	// Withdrawn codes were deleted from ISO 3166-2.
	Withdrawn RemovalKind = iota + 1
	// Grouping codes name several of a country's subdivisions taken
	// together ("Great Britain"): ISO listed them for completeness, never
	// as a subdivision an address lies in.
	Grouping
)

// Removal is a code that the npm table (see internal/gen) still lists and
// that finlint refuses. The generator leaves every one of them out of the
// subdivision table and fails on any other code that the npm table has and
// the iso-codes table lacks, so each line here is a reviewed decision.
type Removal struct {
	// Code is the refused code, such as "PK-TA".
	Code string
	// Name is the subdivision's name, as the npm table gives it (less the
	// language tags it adds to two of Luxembourg's districts).
	Name string
	Kind RemovalKind
	// Date is when ISO withdrew the code (YYYY-MM-DD). For a grouping, whose
	// withdrawal ISO did not announce, it is the date by which ISO's own
	// list no longer had it.
	Date string
	// Source is where the change is published, and the record of the
	// second source that confirms it.
	Source string
	// Note says, as a clause to follow the date in a message, what
	// replaced the code or what to send instead.
	Note string
	// Successor is the current code that covers all of the removed
	// subdivision, or "" when its area went to several.
	Successor string
}

// isoCodesMajorUpdate is the iso-codes change that took ISO's own pages as
// its source and dropped most of the codes below.
const isoCodesMajorUpdate = "; iso-codes dropped it on 2021-08-27 (c03263f5, data taken from ISO's Online Browsing Platform)"

// isoCodesDanishRegions is the iso-codes change that replaced the Danish
// counties.
const isoCodesDanishRegions = "; iso-codes dropped it on 2009-03-03 (b5b0738f, regions as in ISO 3166-2:2007)"

const danishRegions = "ISO 3166-2:2007, second edition: the 14 counties and 2 municipalities of the first edition replaced by the regions DK-81 to DK-85" + isoCodesDanishRegions

// removals is sorted by code.
var removals = [...]Removal{
	// Denmark's 2007 reform merged the counties into five regions. A
	// successor is given only where the whole county went into one region.
	{"DK-015", "København", Withdrawn, "2007-12-13", danishRegions, "it is now part of DK-84 Hovedstaden", "DK-84"},
	{"DK-020", "Frederiksborg", Withdrawn, "2007-12-13", danishRegions, "it is now part of DK-84 Hovedstaden", "DK-84"},
	{"DK-025", "Roskilde", Withdrawn, "2007-12-13", danishRegions, "it is now part of DK-85 Sjælland", "DK-85"},
	{"DK-030", "Vestsjælland", Withdrawn, "2007-12-13", danishRegions, "it is now part of DK-85 Sjælland", "DK-85"},
	{"DK-035", "Storstrøm", Withdrawn, "2007-12-13", danishRegions, "it is now part of DK-85 Sjælland", "DK-85"},
	{"DK-040", "Bornholm", Withdrawn, "2007-12-13", danishRegions, "it is now part of DK-84 Hovedstaden", "DK-84"},
	{"DK-042", "Fyn", Withdrawn, "2007-12-13", danishRegions, "it is now part of DK-83 Syddanmark", "DK-83"},
	{"DK-050", "Sønderjylland", Withdrawn, "2007-12-13", danishRegions, "it is now part of DK-83 Syddanmark", "DK-83"},
	{"DK-055", "Ribe", Withdrawn, "2007-12-13", danishRegions, "it is now part of DK-83 Syddanmark", "DK-83"},
	{"DK-060", "Vejle", Withdrawn, "2007-12-13", danishRegions, "it was split between DK-82 Midtjylland and DK-83 Syddanmark", ""},
	{"DK-065", "Ringkøbing", Withdrawn, "2007-12-13", danishRegions, "the regions DK-81 to DK-85 replaced it: send the region of the address's municipality", ""},
	{"DK-070", "Århus", Withdrawn, "2007-12-13", danishRegions, "the regions DK-81 to DK-85 replaced it: send the region of the address's municipality", ""},
	{"DK-076", "Viborg", Withdrawn, "2007-12-13", danishRegions, "it was split between DK-81 Nordjylland and DK-82 Midtjylland", ""},
	{"DK-080", "Nordjylland", Withdrawn, "2007-12-13", danishRegions, "the regions DK-81 to DK-85 replaced it: send the region of the address's municipality", ""},
	{"DK-101", "København", Withdrawn, "2007-12-13", danishRegions, "it is now part of DK-84 Hovedstaden", "DK-84"},
	{"DK-147", "Frederiksberg", Withdrawn, "2007-12-13", danishRegions, "it is now part of DK-84 Hovedstaden", "DK-84"},
	// England and Wales, Great Britain and the United Kingdom each hold
	// several of GB-ENG, GB-NIR, GB-SCT and GB-WLS: no address is in one of
	// them rather than in one of those.
	{"GB-EAW", "England and Wales", Grouping, "2021-08-27", "ISO 3166-2:GB listed it for completeness only; absent from ISO's list when iso-codes took its 2021-08-27 update (c03263f5), and from iso-codes 4.20.1", "send GB-ENG or GB-WLS, or a finer subdivision such as a county, London borough or unitary authority", ""},
	{"GB-GBN", "Great Britain", Grouping, "2021-08-27", "ISO 3166-2:GB listed it for completeness only; absent from ISO's list when iso-codes took its 2021-08-27 update (c03263f5), and from iso-codes 4.20.1", "send GB-ENG, GB-SCT or GB-WLS, or a finer subdivision such as a county, council area or unitary authority", ""},
	{"GB-UKM", "United Kingdom", Grouping, "2021-08-27", "ISO 3166-2:GB listed it for completeness only; absent from ISO's list when iso-codes took its 2021-08-27 update (c03263f5), and from iso-codes 4.20.1", "send GB-ENG, GB-NIR, GB-SCT or GB-WLS, or a finer subdivision such as a county, council area, district or unitary authority", ""},
	{"GH-BA", "Brong-Ahafo", Withdrawn, "2019-11-22", "ISO Online Browsing Platform, change of 2019-11-22: deletion of region GH-BA, addition of GH-AF, GH-BE, GH-BO, GH-NE, GH-OT, GH-SV, GH-WN" + isoCodesMajorUpdate, "it was split into GH-AF Ahafo, GH-BE Bono East and GH-BO Bono", ""},
	{"LU-D", "Diekirch", Withdrawn, "2015-11-27", "ISO Online Browsing Platform, change of 2015-11-27: deletion of the districts LU-D, LU-G, LU-L, addition of the 12 cantons" + isoCodesMajorUpdate, "the districts were abolished in 2015: send the canton, LU-CL, LU-DI, LU-RD, LU-VD or LU-WI", ""},
	{"LU-G", "Grevenmacher", Withdrawn, "2015-11-27", "ISO Online Browsing Platform, change of 2015-11-27: deletion of the districts LU-D, LU-G, LU-L, addition of the 12 cantons" + isoCodesMajorUpdate, "the districts were abolished in 2015: send the canton, LU-EC, LU-GR or LU-RM", ""},
	{"LU-L", "Luxembourg", Withdrawn, "2015-11-27", "ISO Online Browsing Platform, change of 2015-11-27: deletion of the districts LU-D, LU-G, LU-L, addition of the 12 cantons" + isoCodesMajorUpdate, "the districts were abolished in 2015: send the canton, LU-CA, LU-ES, LU-LU or LU-ME", ""},
	{"PK-TA", "Federally Administered Tribal Areas", Withdrawn, "2019-11-22", "ISO Online Browsing Platform, change of 2019-11-22: deletion of territory PK-TA" + isoCodesMajorUpdate + "; reported upstream as wooorm/iso-3166 issue 13", "it was merged into PK-KP Khyber Pakhtunkhwa in 2018", "PK-KP"},
}

// Removals returns every code the npm table lists and finlint refuses,
// sorted by code. The slice is the caller's.
func Removals() []Removal { return slices.Clone(removals[:]) }

// Removed returns the removal that input names: the code exactly, in
// another case or with another separator ("pk_ta"), or, when alpha2 is
// given, the part after the hyphen alone ("TA" for PK). A full code is
// recognised whatever alpha2 says, since a withdrawn code is wrong for any
// address and the message should say why.
func Removed(alpha2, input string) (Removal, bool) {
	code := codeForm(input)
	if code == "" {
		return Removal{}, false
	}
	candidates := []string{code}
	if alpha2 != "" {
		candidates = append(candidates, alpha2+"-"+code)
	}
	for _, c := range candidates {
		if i, ok := slices.BinarySearchFunc(removals[:], c, func(r Removal, c string) int {
			return strings.Compare(r.Code, c)
		}); ok {
			return removals[i], true
		}
	}
	return Removal{}, false
}
