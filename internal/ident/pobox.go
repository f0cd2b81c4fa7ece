package ident

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// poBoxRE finds candidates; FindPOBox then checks word boundaries and the
// forms that need a number after them. Separators between the letters of
// "P.O." and before "Box" may be dots, white space (including no-break
// spaces) or nothing.
var poBoxRE = regexp.MustCompile(`(?i)` +
	`p[\s\x{00A0}]*\.?[\s\x{00A0}]*o[\s\x{00A0}]*\.?[\s\x{00A0}]*box` +
	`|post[\s\x{00A0}.-]*office[\s\x{00A0}.-]*box` +
	`|postfach` +
	`|apdo\.?` +
	`|apartado`)

// FindPOBox reports whether a street-address line mentions a post-office
// box, and returns the words that do, as written (for a message such as
// "street line has a P.O. box (PO Box)"). Matching ignores case.
//
// Detected, as whole words anywhere in the line ("Suite 5, PO Box 12"):
//   - "P.O. Box", "PO Box", "P O Box", "P. O. Box", "P.O.Box", "PO.Box",
//     "Post Office Box" (and "Post-Office Box");
//   - German "Postfach";
//   - Spanish and Portuguese "Apdo." / "Apdo".
//
// Two forms need more, because they are also ordinary words or names:
//   - "POBox" written as one word counts only when a number follows
//     ("POBox 12", "POBox12"); "Pobox Street" does not.
//   - "Apartado" counts only when followed by a number or by "de correos",
//     "postal" or "aéreo"/"aereo" ("Apartado 1234", "Apartado Postal 45");
//     it is also a town (Apartadó, Colombia) and a common Spanish word.
//
// A word must not run on into letters: "Postfachstraße", "P.O. Boxer Rd",
// "Hippo Box Ltd" and "Boxwood Rd" are not P.O. boxes. A number may follow
// directly ("PO Box12"). Not detected: a bare "Box 12" (also used for rural
// route boxes, "RR 2 Box 152"), "POB", "PMB" and "Post Box".
func FindPOBox(line string) (match string, found bool) {
	for _, loc := range poBoxRE.FindAllStringIndex(line, -1) {
		m := line[loc[0]:loc[1]]
		before, _ := utf8.DecodeLastRuneInString(line[:loc[0]])
		if loc[0] > 0 && (unicode.IsLetter(before) || unicode.IsDigit(before)) {
			continue
		}
		rest := line[loc[1]:]
		after, _ := utf8.DecodeRuneInString(rest)
		if rest != "" && unicode.IsLetter(after) && !strings.HasSuffix(m, ".") {
			continue
		}
		lower := strings.ToLower(m)
		switch {
		case lower == "pobox":
			if !numberFollows(rest) {
				continue
			}
		case lower == "apartado":
			if !numberFollows(rest) && !postalWordFollows(rest) {
				continue
			}
		}
		return m, true
	}
	return "", false
}

// numberFollows reports whether rest starts, after spaces and the marks
// people put before a box number ("#", "No.", ":"), with a digit.
func numberFollows(rest string) bool {
	rest = strings.TrimLeft(rest, " \t.,:#-")
	for _, no := range []string{"no.", "no ", "nº", "n°", "nr.", "nr "} {
		if len(rest) >= len(no) && strings.EqualFold(rest[:len(no)], no) {
			rest = strings.TrimLeft(rest[len(no):], " \t.:#")
			break
		}
	}
	return rest != "" && isDigit(rest[0])
}

// postalWordFollows reports whether rest starts with a word that makes
// "Apartado" a post-office box.
func postalWordFollows(rest string) bool {
	rest = strings.ToLower(strings.TrimLeft(rest, " \t.,:"))
	for _, w := range []string{"de correos", "postal", "aéreo", "aereo"} {
		if strings.HasPrefix(rest, w) {
			r, _ := utf8.DecodeRuneInString(rest[len(w):])
			if len(rest) == len(w) || !unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}
