package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/finlint/finlint/internal/iso3166"
)

// readIsoCodes returns the pinned iso-codes file, from path or, with path
// empty, from the release tag, after checking its checksum: a file of
// another release would change the check without any diff to review.
func readIsoCodes(path string) ([]byte, error) {
	var raw []byte
	var err error
	if path != "" {
		raw, err = os.ReadFile(path)
	} else {
		raw, err = download(isoCodesURL)
	}
	if err != nil {
		return nil, fmt.Errorf("iso-codes %s: %w", isoCodesVersion, err)
	}
	if err := checkSum(raw, isoCodesSHA256); err != nil {
		return nil, fmt.Errorf("iso-codes %s: %w", isoCodesVersion, err)
	}
	return raw, nil
}

func checkSum(raw []byte, want string) error {
	sum := sha256.Sum256(raw)
	if got := hex.EncodeToString(sum[:]); got != want {
		return fmt.Errorf("iso_3166-2.json has SHA-256 %s, want %s", got, want)
	}
	return nil
}

func download(url string) ([]byte, error) {
	c := &http.Client{Timeout: 2 * time.Minute}
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, 16<<20))
}

// decodeIsoCodes reads the subdivisions of an iso-codes iso_3166-2.json.
func decodeIsoCodes(raw []byte) ([]isoEntry, error) {
	var doc struct {
		Subdivisions []isoEntry `json:"3166-2"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("decode iso-codes: %w", err)
	}
	if len(doc.Subdivisions) < 4000 {
		return nil, fmt.Errorf("iso-codes has only %d subdivisions: the file layout has changed", len(doc.Subdivisions))
	}
	return doc.Subdivisions, nil
}

// report is what the cross-check found, for whoever runs the generator.
type report struct {
	NPM, IsoCodes int
	// Removed are the codes of the npm table left out as listed removals.
	Removed []string
	// Added are the codes only iso-codes has.
	Added []string
	// Renamed counts the codes the two name differently.
	Renamed int
}

func (r report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "iso-3166@%s: %d codes; iso-codes %s: %d codes\n", version, r.NPM, isoCodesVersion, r.IsoCodes)
	fmt.Fprintf(&b, "left out, as reviewed removals: %d %s\n", len(r.Removed), strings.Join(r.Removed, " "))
	fmt.Fprintf(&b, "added from iso-codes: %d %s\n", len(r.Added), strings.Join(r.Added, " "))
	fmt.Fprintf(&b, "named differently by the two: %d (the iso-3166 name is kept)\n", r.Renamed)
	return b.String()
}

// crossCheck returns the table to write: the npm entries less the listed
// removals, plus the codes only iso-codes has. It fails on a code the npm
// table has and iso-codes lacks that the list does not explain, on a
// listed removal that iso-codes still has, and on a malformed list.
func crossCheck(npm []entry, reference []isoEntry, removals []iso3166.Removal) ([]entry, report, error) {
	rep := report{NPM: len(npm), IsoCodes: len(reference)}
	current := make(map[string]isoEntry, len(reference))
	for _, e := range reference {
		if _, dup := current[e.Code]; dup {
			return nil, rep, fmt.Errorf("iso-codes lists %q twice", e.Code)
		}
		current[e.Code] = e
	}
	removed := make(map[string]bool, len(removals))
	var errs []string
	for _, r := range removals {
		switch {
		case removed[r.Code]:
			errs = append(errs, fmt.Sprintf("removal %s is listed twice", r.Code))
		case r.Date == "" || r.Source == "" || r.Note == "":
			errs = append(errs, fmt.Sprintf("removal %s needs a date, a source and a note", r.Code))
		case current[r.Code].Code != "":
			errs = append(errs, fmt.Sprintf("removal %s is still in iso-codes %s: check which of the two is right", r.Code, isoCodesVersion))
		case r.Successor != "" && current[r.Successor].Code == "":
			errs = append(errs, fmt.Sprintf("removal %s: successor %s is not in iso-codes %s", r.Code, r.Successor, isoCodesVersion))
		}
		removed[r.Code] = true
	}

	table := make([]entry, 0, len(npm)+8)
	inNPM := make(map[string]bool, len(npm))
	var unexplained []string
	for _, e := range npm {
		inNPM[e.Code] = true
		ref, ok := current[e.Code]
		switch {
		case removed[e.Code]:
			rep.Removed = append(rep.Removed, e.Code)
			continue
		case !ok:
			unexplained = append(unexplained, e.Code+" ("+e.Name+")")
			continue
		case ref.Name != e.Name:
			rep.Renamed++
		}
		table = append(table, e)
	}
	if len(unexplained) > 0 {
		slices.Sort(unexplained)
		errs = append(errs, fmt.Sprintf("%d codes of iso-3166@%s are not in iso-codes %s and not in the removals list: %s; look each up in ISO's change history and list it in removals.go with its date and source, or report it to iso-codes",
			len(unexplained), version, isoCodesVersion, strings.Join(unexplained, ", ")))
	}
	if len(errs) > 0 {
		return nil, rep, fmt.Errorf("cross-check with iso-codes:\n  %s", strings.Join(errs, "\n  "))
	}
	for _, e := range reference {
		if inNPM[e.Code] {
			continue
		}
		parent := e.Parent
		if parent == "" {
			parent = e.Code[:2]
		}
		table = append(table, entry{Code: e.Code, Name: e.Name, Parent: parent})
		rep.Added = append(rep.Added, e.Code)
	}
	slices.Sort(rep.Removed)
	slices.Sort(rep.Added)
	return table, rep, nil
}
