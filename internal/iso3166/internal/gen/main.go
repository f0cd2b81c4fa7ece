// Command gen rebuilds the embedded ISO 3166-2 subdivision table from one
// pinned release of the npm package iso-3166 (Titus Wormer, MIT licence),
// checked against one pinned release of the iso-codes project (Debian's
// iso-codes team, LGPL-2.1-or-later), whose data/iso_3166-2.json follows
// ISO's Online Browsing Platform.
//
// The two disagree, and the check makes every difference a decision:
//
//   - a code in iso-3166 but not in iso-codes must be in the reviewed list
//     of removals (Removals in package iso3166, with the date and source of
//     each); it is left out of the table. Any other such code stops the
//     generator, which names it, so that it is looked up and either listed
//     there with its date and source or reported to iso-codes.
//   - a code of the removals list that iso-codes does list stops the
//     generator too: one of the two is wrong.
//   - a code in iso-codes but not in iso-3166 is added with the iso-codes
//     name, and named on standard error.
//
// Names are those of iso-3166, which gives one name per code where
// iso-codes adds other forms in brackets; the number that differ is
// printed.
//
// It needs npm and node on the PATH and access to the npm registry. The
// iso-codes file is downloaded from the release tag on salsa.debian.org,
// or read from the file -iso-codes names (data/iso_3166-2.json of a
// checkout of tag v4.20.1); either way its SHA-256 must be the pinned one.
// Building and testing finlint need none of this, because the table it
// writes is kept in the repository. To move to a newer release of either,
// change its version (and, for iso-codes, the checksum), run
// `go generate ./internal/iso3166`, review the diff of subdivisions.tsv
// and of the removals list and update the counts pinned in the package's
// tests.
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/finlint/finlint/internal/iso3166"
)

// version is the release of iso-3166 the table is taken from.
const version = "4.4.0"

// isoCodesVersion is the release of iso-codes the table is checked
// against, and isoCodesSHA256 the checksum of its data/iso_3166-2.json.
const (
	isoCodesVersion = "4.20.1"
	isoCodesSHA256  = "78c90ef7fc25b5c2631aac5f089bc9ff6ec22c025c05b6ddbc087a1f1be2e46a"
	isoCodesURL     = "https://salsa.debian.org/iso-codes-team/iso-codes/-/raw/v" + isoCodesVersion + "/data/iso_3166-2.json"
)

func main() {
	out := flag.String("out", "subdivisions.tsv", "file to write the table to")
	isoCodes := flag.String("iso-codes", "", "data/iso_3166-2.json of iso-codes "+isoCodesVersion+" (default: download it)")
	flag.Parse()
	if err := run(*out, *isoCodes); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

type entry struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Parent string `json:"parent"`
}

var codePattern = regexp.MustCompile(`^[A-Z]{2}-[A-Z0-9]{1,3}$`)

// isoEntry is one subdivision of the iso-codes file.
type isoEntry struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Type   string `json:"type"`
	Parent string `json:"parent"`
}

func run(out, isoCodesFile string) error {
	raw, err := readIsoCodes(isoCodesFile)
	if err != nil {
		return err
	}
	reference, err := decodeIsoCodes(raw)
	if err != nil {
		return err
	}
	entries, err := npmEntries()
	if err != nil {
		return err
	}
	table, rep, err := crossCheck(entries, reference, iso3166.Removals())
	if err != nil {
		return err
	}
	fmt.Fprint(os.Stderr, rep)
	b, err := format(table, len(rep.Removed), len(rep.Added))
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

// npmEntries reads the subdivisions of the pinned iso-3166 release.
func npmEntries() ([]entry, error) {
	dir, err := os.MkdirTemp("", "iso-3166-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)

	pack := exec.Command("npm", "pack", "--silent", "iso-3166@"+version)
	pack.Dir = dir
	pack.Stderr = os.Stderr
	name, err := pack.Output()
	if err != nil {
		return nil, fmt.Errorf("npm pack: %w", err)
	}
	tgz := filepath.Join(dir, strings.TrimSpace(string(name)))
	if err := extract(tgz, dir); err != nil {
		return nil, fmt.Errorf("unpack %s: %w", filepath.Base(tgz), err)
	}
	pkg := filepath.Join(dir, "package")
	if err := checkManifest(filepath.Join(pkg, "package.json")); err != nil {
		return nil, err
	}

	// The data is an ES module; node reads it exactly as its users do, which
	// is safer than parsing JavaScript here.
	script := `import {iso31662} from ` + jsString("file://"+filepath.ToSlash(filepath.Join(pkg, "2.js"))) +
		`; process.stdout.write(JSON.stringify(iso31662))`
	node := exec.Command("node", "--input-type=module", "-e", script)
	node.Stderr = os.Stderr
	raw, err := node.Output()
	if err != nil {
		return nil, fmt.Errorf("node: %w", err)
	}
	var entries []entry
	if err := json.Unmarshal(raw, &entries); err != nil {
		return nil, fmt.Errorf("decode subdivisions: %w", err)
	}
	return entries, nil
}

// format checks every entry and renders the table: a comment line, then
// "code<TAB>name" lines sorted by code.
func format(entries []entry, removed, added int) ([]byte, error) {
	if len(entries) < 4000 {
		return nil, fmt.Errorf("only %d subdivisions: the package layout has changed", len(entries))
	}
	seen := make(map[string]bool, len(entries))
	for _, e := range entries {
		switch {
		case !codePattern.MatchString(e.Code):
			return nil, fmt.Errorf("malformed code %q", e.Code)
		case seen[e.Code]:
			return nil, fmt.Errorf("code %q appears twice", e.Code)
		case e.Name == "" || strings.ContainsAny(e.Name, "\t\r\n"):
			return nil, fmt.Errorf("code %q: name %q cannot go in the table", e.Code, e.Name)
		case !strings.HasPrefix(e.Parent, e.Code[:2]):
			return nil, fmt.Errorf("code %q: parent %q is in another country", e.Code, e.Parent)
		}
		seen[e.Code] = true
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.Code, b.Code) })
	var b bytes.Buffer
	fmt.Fprintf(&b, "# ISO 3166-2 subdivisions from the npm package iso-3166@%s (MIT, see LICENSE.iso-3166), checked against iso-codes %s (see LICENSE.iso-codes), less %d removed codes (removals.go), plus %d codes only iso-codes has. Generated by internal/gen: do not edit.\n", version, isoCodesVersion, removed, added)
	for _, e := range entries {
		fmt.Fprintf(&b, "%s\t%s\n", e.Code, e.Name)
	}
	return b.Bytes(), nil
}

func checkManifest(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var m struct {
		Name, Version, License string
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return fmt.Errorf("package.json: %w", err)
	}
	if m.Name != "iso-3166" || m.Version != version || m.License != "MIT" {
		return fmt.Errorf("package.json says %s@%s under %q; want iso-3166@%s under MIT", m.Name, m.Version, m.License, version)
	}
	return nil
}

// extract unpacks a gzipped tarball into dir, refusing entries that would
// land outside it.
func extract(tgz, dir string) error {
	f, err := os.Open(tgz)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		dst := filepath.Join(dir, filepath.FromSlash(h.Name))
		if !strings.HasPrefix(dst, dir+string(filepath.Separator)) {
			return fmt.Errorf("entry %q leaves the folder", h.Name)
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		data, err := io.ReadAll(io.LimitReader(tr, 64<<20))
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
