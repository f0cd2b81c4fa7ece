// Package corpus generates payload corpora for benchmarks and load tests:
// many realistic payloads of a kind, some with the mistakes real pipelines
// make (one in four individual payloads, one in five business ones),
// reproducible from a seed. Nothing it writes is committed; `make corpus`
// makes one.
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
)

type person struct {
	first, last, country, alpha2, sub, phone, city, postal, taxType, taxID string
}

var people = []person{
	{"Maria", "Garcia", "USA", "us", "US-CA", "+14155552671", "San Francisco", "94103", "SSN", "123-45-6789"},
	{"Liam", "Tremblay", "CAN", "ca", "CA-ON", "+14165550123", "Toronto", "M5H 2N2", "SIN", "046-454-286"},
	{"Amelie", "Lefevre", "FRA", "fr", "FR-75C", "+33612345678", "Paris", "75007", "TIN", "1234567890123"},
	{"Juergen", "Koenig", "DEU", "de", "DE-BE", "+4930901820", "Berlin", "10178", "TIN", "65929970489"},
	{"Priya", "Reddy", "IND", "in", "IN-TS", "+919876543210", "Hyderabad", "500034", "PAN", "ABCDE1234F"},
	{"Oliver", "Smith", "GBR", "gb", "GB-LND", "+447400123456", "London", "NW1 6XE", "NINO", "QQ123456C"},
	{"Sofia", "Hernandez", "MEX", "mx", "MX-CMX", "+525512345678", "Ciudad de Mexico", "06600", "RFC", "HEMS000101AB1"},
	{"Yuki", "Tanaka", "JPN", "jp", "JP-13", "+819012345678", "Tokyo", "100-0005", "TIN", "123456789012"},
}

// Payload returns payload i of the corpus for seed: a valid payload, or
// (one in four) one with a mistake a real pipeline makes.
func Payload(seed uint64, i int) map[string]any {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	p := people[r.IntN(len(people))]
	doc := map[string]any{
		"verification_type": "STANDARD",
		"basic_info": map[string]any{
			"first_name":           p.first,
			"last_name":            p.last,
			"dob":                  fmt.Sprintf("%d-%02d-%02d", 1950+r.IntN(50), 1+r.IntN(12), 1+r.IntN(28)),
			"email":                fmt.Sprintf("%s.%s.%d@example.com", lower(p.first), lower(p.last), i),
			"phone":                p.phone,
			"country_of_residence": p.country,
			"primary_nationality":  p.country,
			"tax_info":             []any{map[string]any{"country_code": p.country, "document_type": p.taxType, "document_id": p.taxID}},
		},
		"address": map[string]any{
			"street_line_1":    fmt.Sprintf("%d Main Street", 1+r.IntN(999)),
			"city":             p.city,
			"subdivision_code": p.sub,
			"postal_code":      p.postal,
			"country":          p.country,
		},
		"financial_profile": map[string]any{
			"employment_status":  "EMPLOYED",
			"occupation_id":      41 + r.IntN(3),
			"purpose_id":         []int{1, 3}[r.IntN(2)],
			"source_of_fund_ids": []any{1, 5},
			"monthly_volume_usd": r.IntN(20000),
		},
		"meta_data": map[string]any{"reference": fmt.Sprintf("ref-%08d", i)},
	}
	if r.IntN(4) == 0 {
		bi := doc["basic_info"].(map[string]any)
		ad := doc["address"].(map[string]any)
		switch r.IntN(6) {
		case 0:
			bi["email"] = "UPPER." + bi["email"].(string)
		case 1:
			ad["country"] = p.alpha2
		case 2:
			bi["phone"] = "+1 (415) 555-2671"
		case 3:
			ad["postal_code"] = 94103
		case 4:
			bi["dob"] = "2015-02-30"
		case 5:
			bi["first_nmae"] = "x"
			delete(bi, "tax_info")
		}
	}
	return doc
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// A Generator returns payload i of a corpus for seed; the same seed and i
// always give the same payload.
type Generator func(seed uint64, i int) map[string]any

// ForKind returns the generator of payloads of the named kind:
// "individual-v2" (Payload) or "business-v2" (BusinessPayload).
func ForKind(name string) (Generator, error) {
	switch name {
	case "individual-v2":
		return Payload, nil
	case "business-v2":
		return BusinessPayload, nil
	}
	return nil, fmt.Errorf("no corpus of kind %q: individual-v2 or business-v2", name)
}

// WriteFiles writes n pretty-printed individual payloads as files under
// dir, 1,000 a folder.
func WriteFiles(dir string, n int, seed uint64) error {
	return Generator(Payload).WriteFiles(dir, n, seed)
}

// WriteNDJSON writes n individual payloads, one a line, to w.
func WriteNDJSON(w io.Writer, n int, seed uint64) error {
	return Generator(Payload).WriteNDJSON(w, n, seed)
}

// WriteFiles writes n pretty-printed payloads of g as files under dir,
// 1,000 a folder.
func (g Generator) WriteFiles(dir string, n int, seed uint64) error {
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
		}
		data, err := json.MarshalIndent(g(seed, i), "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("payload-%06d.json", i)), append(data, '\n'), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// WriteNDJSON writes n payloads of g, one a line, to w.
func (g Generator) WriteNDJSON(w io.Writer, n int, seed uint64) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	for i := range n {
		data, err := json.Marshal(g(seed, i))
		if err != nil {
			return err
		}
		bw.Write(data)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
