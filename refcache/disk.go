package refcache

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/finlint/finlint/rules"
)

// ErrCorrupt marks a cache file that exists but cannot be used. Refreshing
// replaces it.
var ErrCorrupt = errors.New("corrupt reference cache file")

// fileFormat versions the on-disk layout so that a later finlint can tell an
// old file from a damaged one.
const fileFormat = 1

type diskFile struct {
	Format    int             `json:"format"`
	BaseURL   string          `json:"base_url"`
	Catalogue string          `json:"catalogue"`
	FetchedAt time.Time       `json:"fetched_at"`
	Items     []rules.RefItem `json:"items"`
}

// Load reads whatever is cached for the store's base URL. A catalogue that
// was never fetched is simply absent from the snapshot (a missing cache is
// not an error); a file that cannot be read or fails validation is an error
// wrapping ErrCorrupt and naming the file.
func (s *Store) Load() (*Snapshot, error) {
	snap := &Snapshot{base: s.base, cats: map[string]catalogue{}}
	for _, name := range Names() {
		c, ok, err := s.load(name)
		if err != nil {
			return nil, err
		}
		if ok {
			snap.cats[name] = c
		}
	}
	return snap, nil
}

// load reads one catalogue's file; ok is false when there is none.
func (s *Store) load(name string) (c catalogue, ok bool, err error) {
	path := s.file(name)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return catalogue{}, false, nil
	}
	if err != nil {
		return catalogue{}, false, fmt.Errorf("reference cache: %w", err)
	}
	c, err = s.decode(name, data)
	if err != nil {
		return catalogue{}, false, fmt.Errorf("%w %s: %w", ErrCorrupt, path, err)
	}
	return c, true, nil
}

func (s *Store) decode(name string, data []byte) (catalogue, error) {
	var f diskFile
	if err := json.Unmarshal(data, &f); err != nil {
		return catalogue{}, err
	}
	switch {
	case f.Format != fileFormat:
		return catalogue{}, fmt.Errorf("unknown format %d", f.Format)
	case f.Catalogue != name:
		return catalogue{}, fmt.Errorf("holds catalogue %q, not %q", f.Catalogue, name)
	case f.BaseURL != s.base:
		return catalogue{}, fmt.Errorf("belongs to %q, not %q", f.BaseURL, s.base)
	case f.FetchedAt.IsZero():
		return catalogue{}, errors.New("no fetch time")
	}
	// Files are written sorted, so disorder on disk means tampering or
	// damage rather than a server's whim.
	if err := validate(f.Items); err != nil {
		return catalogue{}, err
	}
	return catalogue{items: f.Items, fetchedAt: f.FetchedAt}, nil
}

// Refresh downloads every catalogue of Names through f and validates each.
// Every catalogue that passes replaces its cached file, atomically and
// stamped with now; one whose download or validation fails leaves its file
// as it was, so that one broken catalogue (a customer type the client is
// not enabled for, say) does not keep the others from being refreshed.
//
// The error joins one "refresh NAME: ..." error for every catalogue that
// failed. The snapshot is what the cache holds afterwards: the fresh
// catalogues and, for the failed ones, the files already cached. It is nil
// when nothing was stored: every catalogue failed, the context ended (then
// nothing is written at all), or writing itself failed. Should writing
// fail part-way (a full disk), each file is still either wholly old or
// wholly new.
func (s *Store) Refresh(ctx context.Context, f Fetcher, now time.Time) (*Snapshot, error) {
	fresh := map[string]catalogue{}
	var errs []error
	for _, name := range Names() {
		items, err := f.Fetch(ctx, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("refresh %s: %w", name, err))
			continue
		}
		// Servers list catalogues in whatever order suits them; order is
		// not a sign of bad data, so sort before judging.
		items = slices.Clone(items)
		slices.SortStableFunc(items, func(a, b rules.RefItem) int {
			switch {
			case a.ID < b.ID:
				return -1
			case a.ID > b.ID:
				return 1
			}
			return 0
		})
		if err := validate(items); err != nil {
			errs = append(errs, fmt.Errorf("refresh %s: %w", name, err))
			continue
		}
		fresh[name] = catalogue{items: items, fetchedAt: now}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("refresh: %w", err)
	}
	if len(fresh) == 0 {
		return nil, errors.Join(errs...)
	}
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return nil, fmt.Errorf("refresh: %w", err)
	}
	snap := &Snapshot{base: s.base, cats: map[string]catalogue{}}
	for _, name := range Names() {
		c, ok := fresh[name]
		if !ok {
			// Failed this time: what was cached stays in use, unless it
			// is unreadable too.
			if old, ok, err := s.load(name); err == nil && ok {
				snap.cats[name] = old
			}
			continue
		}
		data, err := json.MarshalIndent(diskFile{
			Format:    fileFormat,
			BaseURL:   s.base,
			Catalogue: name,
			FetchedAt: now.UTC(),
			Items:     c.items,
		}, "", "  ")
		if err != nil {
			return nil, fmt.Errorf("refresh %s: %w", name, err)
		}
		if err := writeAtomic(s.file(name), append(data, '\n')); err != nil {
			return nil, fmt.Errorf("refresh %s: %w", name, err)
		}
		snap.cats[name] = c
	}
	syncDir(s.dir)
	return snap, errors.Join(errs...)
}

// validate accepts a catalogue that is non-empty, has strictly increasing
// positive ids (so sorted and unique) and no blank title.
func validate(items []rules.RefItem) error {
	if len(items) == 0 {
		return fmt.Errorf("%w: no entries", ErrInvalid)
	}
	for i, it := range items {
		if it.ID <= 0 {
			return fmt.Errorf("%w: entry %d has id %d, not a positive number", ErrInvalid, i, it.ID)
		}
		if strings.TrimSpace(it.Title) == "" {
			return fmt.Errorf("%w: id %d has a blank title", ErrInvalid, it.ID)
		}
		if i == 0 {
			continue
		}
		switch prev := items[i-1].ID; {
		case it.ID == prev:
			return fmt.Errorf("%w: id %d appears more than once", ErrInvalid, it.ID)
		case it.ID < prev:
			return fmt.Errorf("%w: id %d follows id %d, not sorted", ErrInvalid, it.ID, prev)
		}
	}
	return nil
}

// writeAtomic puts data at path through a temporary file in the same folder
// (a rename is atomic only within one file system), synced before the
// rename so that a crash cannot leave the new name pointing at lost blocks.
func writeAtomic(path string, data []byte) (err error) {
	dir, base := filepath.Split(path)
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// syncDir makes the renames themselves durable. Not every platform can sync
// a directory (Windows cannot); the files are complete either way, so a
// failure here costs at most a re-download and is ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
