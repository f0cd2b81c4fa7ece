package finapi

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/finlint/finlint/refcache"
)

// KindIndividualV2 is the payload kind sent to POST /v2/customers/individual.
const KindIndividualV2 = "individual-v2"

// KindBusinessV2 is the payload kind sent to POST /v2/customers/business.
const KindBusinessV2 = "business-v2"

// StateDir returns the folder of finlint's default submission journals:
// FINLINT_STATE_DIR when it is set, otherwise a finlint folder in the
// user's state location for goos. getenv is the only source read, so that
// a caller with an empty environment never touches the user's real folders.
//
//   - Linux and other Unix: $XDG_STATE_HOME/finlint (when absolute), else
//     ~/.local/state/finlint, as the XDG Base Directory specification says.
//   - macOS: ~/Library/Application Support/finlint; macOS has no separate
//     place for state, and caches there may be purged.
//   - Windows: %LocalAppData%\finlint, which stays on the machine.
func StateDir(getenv func(string) string, goos string) (string, error) {
	if d := strings.TrimSpace(getenv("FINLINT_STATE_DIR")); d != "" {
		return d, nil
	}
	switch goos {
	case "windows":
		if d := getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "finlint"), nil
		}
		return "", errors.New("state folder: %LocalAppData% is not set (set FINLINT_STATE_DIR)")
	case "darwin", "ios":
		if h := getenv("HOME"); h != "" {
			return filepath.Join(h, "Library", "Application Support", "finlint"), nil
		}
	case "plan9":
		if h := getenv("home"); h != "" {
			return filepath.Join(h, "lib", "finlint"), nil
		}
	default:
		// A relative XDG_STATE_HOME is invalid by the specification and
		// would make the journal depend on the working directory again.
		if d := getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
			return filepath.Join(d, "finlint"), nil
		}
		if h := getenv("HOME"); h != "" {
			return filepath.Join(h, ".local", "state", "finlint"), nil
		}
	}
	return "", errors.New("state folder: no home folder is known (set FINLINT_STATE_DIR)")
}

// JournalPath returns the default journal of the API at base (already
// normalised, as refcache.NormalizeURL does) under the state folder dir:
// one file per API, named like the reference cache's folder for it, a
// readable part and a hash, so that URLs which read alike never share one.
func JournalPath(dir, base string) string {
	return filepath.Join(dir, "journals", refcache.FolderName(base)+".jsonl")
}
