// Package refcache keeps the vendor's reference catalogues (occupations,
// and account purposes and sources of funds for individuals and for
// businesses, and sources of wealth for businesses) on disk, so that
// linting needs the network at most once a day and not at all with
// --offline. Each catalogue is one file named by its catalogue id
// (rules.PurposesBusiness is purposes-business.json); a file of another
// name, such as one left by an older finlint, is not read.
//
// Catalogue ids differ per environment (sandbox and production number their
// entries independently), so every base URL gets its own folder and a cache
// filled from one environment is never consulted for another.
//
// A download is checked before it is stored: an empty list, a non-positive
// or repeated id, or a blank title rejects that catalogue, and its file
// already on disk stays as it was; the other catalogues are still stored.
// Each catalogue is written to a temporary
// file in its final folder, flushed to stable storage and then renamed over
// the old file, so a reader (another finlint process, say) sees either the old
// or the new catalogue, never a half-written one.
//
// The package knows nothing of HTTP: it pulls catalogues through a Fetcher,
// which the API client implements.
package refcache

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/finlint/finlint/rules"
)

// Fetcher downloads one whole catalogue, every page of it, by its
// catalogue id (one of Names).
type Fetcher interface {
	Fetch(ctx context.Context, name string) ([]rules.RefItem, error)
}

// ErrInvalid marks a catalogue that failed validation, whether it came from
// a Fetcher or from a file on disk.
var ErrInvalid = errors.New("invalid catalogue")

// Names returns the ids of the catalogues the cache holds, in a fixed
// order: the individual ones first, as rules.Occupations,
// rules.PurposesIndividual, rules.SourceOfFundsIndividual, then
// rules.PurposesBusiness, rules.SourceOfFundsBusiness and
// rules.SourceOfWealthBusiness.
func Names() []string {
	return []string{
		rules.Occupations, rules.PurposesIndividual, rules.SourceOfFundsIndividual,
		rules.PurposesBusiness, rules.SourceOfFundsBusiness, rules.SourceOfWealthBusiness,
	}
}

// DefaultDir returns the cache root: FINLINT_CACHE_DIR when it is set,
// otherwise a finlint folder under the user's cache folder.
func DefaultDir(getenv func(string) string) (string, error) {
	if d := strings.TrimSpace(getenv("FINLINT_CACHE_DIR")); d != "" {
		return d, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("reference cache folder: %w (set FINLINT_CACHE_DIR)", err)
	}
	return filepath.Join(base, "finlint"), nil
}

// Store is the cache of one base URL. Its methods are safe for concurrent
// use, and for use by several processes at once.
type Store struct {
	dir  string
	base string
}

// Open returns the store for baseURL under the cache root dir. Nothing is
// read or created until Load or Refresh.
func Open(dir, baseURL string) *Store {
	base := NormalizeURL(baseURL)
	return &Store{dir: filepath.Join(dir, FolderName(base)), base: base}
}

// Dir returns the folder that holds this base URL's catalogues.
func (s *Store) Dir() string { return s.dir }

// BaseURL returns the normalised base URL the store belongs to.
func (s *Store) BaseURL() string { return s.base }

// NormalizeURL reduces a base URL to scheme, host, port and path, lowercases
// the scheme and host, drops a default port and trailing slashes, so that
// spellings of the same API share one cache folder. Text that does not parse
// as an absolute URL is only trimmed.
func NormalizeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return strings.TrimRight(raw, "/")
	}
	scheme := strings.ToLower(u.Scheme)
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if p := u.Port(); p != "" && !(scheme == "https" && p == "443") && !(scheme == "http" && p == "80") {
		host += ":" + p
	}
	return scheme + "://" + host + strings.TrimRight(u.EscapedPath(), "/")
}

// FolderName gives a normalised base URL (NormalizeURL) a file name: a
// readable part for people looking into the folder and a hash so that
// different URLs which read alike never share one. The cache names its
// folders so, and the submission journals their files.
func FolderName(base string) string {
	sum := sha256.Sum256([]byte(base))
	readable := base
	if i := strings.Index(readable, "://"); i >= 0 {
		readable = readable[i+3:]
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(readable) {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.'
		switch {
		case ok:
			b.WriteRune(r)
			dash = false
		case !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	name := strings.Trim(b.String(), "-.")
	if len(name) > 60 {
		name = strings.TrimRight(name[:60], "-.")
	}
	if name == "" {
		name = "api"
	}
	return name + "-" + hex.EncodeToString(sum[:4])
}

func (s *Store) file(name string) string {
	return filepath.Join(s.dir, name+".json")
}
