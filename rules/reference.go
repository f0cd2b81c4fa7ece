package rules

// Catalogue ids, as the reference cache stores them. A catalogue is one
// list of the vendor's for one customer type: purposes, sources of funds and
// sources of wealth differ between individuals and businesses, so each type
// has its own id. Occupations are untyped and serve individuals only.
const (
	Occupations             = "occupations"
	PurposesIndividual      = "purposes-individual"
	PurposesBusiness        = "purposes-business"
	SourceOfFundsIndividual = "source-of-funds-individual"
	SourceOfFundsBusiness   = "source-of-funds-business"
	SourceOfWealthBusiness  = "source-of-wealth-business"
)

// CatalogueTitle returns the word messages use for the catalogue name:
// "occupations", "purposes", "source-of-funds" or "source-of-wealth",
// whatever the customer type. A name that is not a catalogue id is
// returned as it is.
func CatalogueTitle(name string) string {
	switch name {
	case Occupations:
		return "occupations"
	case PurposesIndividual, PurposesBusiness:
		return "purposes"
	case SourceOfFundsIndividual, SourceOfFundsBusiness:
		return "source-of-funds"
	case SourceOfWealthBusiness:
		return "source-of-wealth"
	}
	return name
}

// RefItem is one entry of a reference catalogue.
type RefItem struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
}

// Catalogues gives the reference-id rule the vendor's catalogues. Items
// returns a catalogue's entries (name is one of the catalogue ids above)
// sorted by ID, and false when that catalogue is not available.
type Catalogues interface {
	Items(name string) ([]RefItem, bool)
}
