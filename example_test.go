package finlint_test

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/finlint/finlint/kinds/individual"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/rules"
)

// exampleNow pins the date so that the examples' output does not drift.
func exampleNow() time.Time { return time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC) }

// A CI job lints a fixture file and prints each finding at its position.
func ExampleLinter_Lint() {
	l, err := finlint.New(finlint.Options{Now: exampleNow, Catalogues: rules.ExampleCatalogues()})
	if err != nil {
		panic(err)
	}
	payload, _ := rules.MergePatch(individual.Kind.Reference, `{"basic_info": {"email": "Maria.Garcia@Example.com"}}`)
	res := l.Lint(context.Background(), "fixtures/maria.json", []byte(payload))
	for _, f := range res.Findings {
		fmt.Printf("%s:%d:%d: %s: %s (%s) -> %s\n", res.Source, f.Line, f.Column, f.Severity, f.Message, f.Rule, f.Suggestion)
	}
	fmt.Println("valid:", res.Valid)
	// Output:
	// fixtures/maria.json:13:14: error: email "Maria.Garcia@Example.com" has upper-case letters; the API accepts only lowercase (email-lowercase) -> maria.garcia@example.com
	// valid: false
}

// A data pipeline pre-flights newline-delimited records and keeps the good
// ones; results arrive in input order whatever the number of workers.
func ExampleLinter_LintStream() {
	l, _ := finlint.New(finlint.Options{Now: exampleNow, Catalogues: rules.ExampleCatalogues(), Jobs: 4})
	good, _ := rules.MergePatch(individual.Kind.Reference, `{}`)
	bad, _ := rules.MergePatch(individual.Kind.Reference, `{"address": {"country": "MEX"}}`)
	oneLine := func(s string) string {
		var v any
		_ = json.Unmarshal([]byte(s), &v)
		b, _ := json.Marshal(v)
		return string(b)
	}
	stream := strings.NewReader(oneLine(good) + "\n" + oneLine(bad) + "\n\n" + oneLine(good) + "\n")
	err := l.LintStream(context.Background(), stream, func(r finlint.Result) error {
		fmt.Printf("record %d valid=%v\n", r.Record, r.Valid)
		for _, f := range r.Findings {
			fmt.Printf("  %s %s\n", f.Path, f.Rule)
		}
		return nil
	})
	fmt.Println("err:", err)
	// Output:
	// record 1 valid=true
	// record 2 valid=false
	//   /address/country address-country
	//   /address/subdivision_code subdivision-code
	// record 4 valid=true
	// err: <nil>
}

// A Go service lints every request body before forwarding it, and answers
// 422 with the findings when the payload would be rejected.
func Example_serviceHandler() {
	l, _ := finlint.New(finlint.Options{Now: exampleNow, Catalogues: rules.ExampleCatalogues()})
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, finlint.DefaultMaxPayloadSize+1))
		if err != nil {
			http.Error(w, "cannot read body", http.StatusBadRequest)
			return
		}
		res := l.Lint(r.Context(), "request", body)
		if !res.Valid {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnprocessableEntity)
			_ = json.NewEncoder(w).Encode(res.Findings)
			return
		}
		w.WriteHeader(http.StatusAccepted) // forward to the API here
	})

	payload, _ := rules.MergePatch(individual.Kind.Reference, `{"basic_info": {"dob": "2015-01-01"}}`)
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/customers", strings.NewReader(payload)))
	var findings []rules.Finding
	_ = json.Unmarshal(rec.Body.Bytes(), &findings)
	fmt.Println(rec.Code)
	for _, f := range findings {
		fmt.Println(f.Path, f.Rule, f.Severity)
	}
	// Output:
	// 422
	// /basic_info/dob age-range error
}
