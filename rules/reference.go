package rules

// Catalogue names, as the reference cache stores them.
const (
	Occupations   = "occupations"
	Purposes      = "purposes"
	SourceOfFunds = "source-of-funds"
)

// RefItem is one entry of a reference catalogue.
type RefItem struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
}

// Catalogues gives the reference-id rule the vendor's catalogues. Items
// returns a catalogue's entries sorted by ID, and false when that catalogue
// is not available.
type Catalogues interface {
	Items(name string) ([]RefItem, bool)
}
