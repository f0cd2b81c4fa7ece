package refcache_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint/refcache"
	"github.com/finlint/finlint/rules"
)

type fakeFetcher struct {
	data  map[string][]rules.RefItem
	errs  map[string]error
	mu    sync.Mutex
	calls []string
}

func (f *fakeFetcher) Fetch(_ context.Context, name string) ([]rules.RefItem, error) {
	f.mu.Lock()
	f.calls = append(f.calls, name)
	f.mu.Unlock()
	if err := f.errs[name]; err != nil {
		return nil, err
	}
	return f.data[name], nil
}

func items(n int, prefix string) []rules.RefItem {
	out := make([]rules.RefItem, n)
	for i := range out {
		out[i] = rules.RefItem{ID: int64(i + 1), Title: fmt.Sprintf("%s %d", prefix, i+1)}
	}
	return out
}

func goodFetcher(prefix string) *fakeFetcher {
	return &fakeFetcher{data: map[string][]rules.RefItem{
		rules.Occupations:             items(23, prefix+" occupation"),
		rules.PurposesIndividual:      items(9, prefix+" purpose"),
		rules.SourceOfFundsIndividual: items(12, prefix+" source"),
		rules.PurposesBusiness:        items(10, prefix+" business purpose"),
		rules.SourceOfFundsBusiness:   items(8, prefix+" business source"),
		rules.SourceOfWealthBusiness:  items(7, prefix+" business wealth"),
	}}
}

var t0 = time.Date(2025, 9, 3, 8, 50, 57, 0, time.UTC)

// snapshotFiles reads every file of a folder, so a test can tell whether a
// failed refresh touched anything.
func snapshotFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		out[e.Name()] = string(b)
	}
	return out
}

func TestDefaultDir(t *testing.T) {
	env := map[string]string{"FINLINT_CACHE_DIR": "/var/cache/x"}
	d, err := refcache.DefaultDir(func(k string) string { return env[k] })
	require.NoError(t, err)
	assert.Equal(t, "/var/cache/x", d)

	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	d, err = refcache.DefaultDir(func(string) string { return "" })
	require.NoError(t, err)
	assert.Equal(t, "finlint", filepath.Base(d))
	ucd, err := os.UserCacheDir()
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(ucd, "finlint"), d)
}

func TestNormalizeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://sandbox.api.fin.com":           "https://sandbox.api.fin.com",
		"https://sandbox.api.fin.com/":          "https://sandbox.api.fin.com",
		"HTTPS://Sandbox.API.fin.com:443//":     "https://sandbox.api.fin.com",
		" https://api.fin.com/?x=1#f ":          "https://api.fin.com",
		"http://127.0.0.1:8080/base/":           "http://127.0.0.1:8080/base",
		"http://localhost:80":                   "http://localhost",
		"http://[::1]:9000/":                    "http://[::1]:9000",
		"https://user:pw@api.fin.com/v":         "https://api.fin.com/v",
		"not a url/":                            "not a url",
		"https://sandbox.api.fin.com.:443/x/y/": "https://sandbox.api.fin.com/x/y",
	} {
		assert.Equal(t, want, refcache.NormalizeURL(in), in)
	}
}

func TestOpenFolderPerBaseURL(t *testing.T) {
	root := t.TempDir()
	a := refcache.Open(root, "https://sandbox.api.fin.com")
	b := refcache.Open(root, "HTTPS://sandbox.api.fin.com:443/")
	c := refcache.Open(root, "https://api.fin.com")
	d := refcache.Open(root, "http://127.0.0.1:8080")
	e := refcache.Open(root, "http://127.0.0.1:8081")

	assert.Equal(t, a.Dir(), b.Dir(), "spellings of one URL share a folder")
	assert.NotEqual(t, a.Dir(), c.Dir())
	assert.NotEqual(t, d.Dir(), e.Dir(), "ports matter")
	assert.Equal(t, root, filepath.Dir(a.Dir()))
	assert.Regexp(t, regexp.MustCompile(`^sandbox\.api\.fin\.com-[0-9a-f]{8}$`), filepath.Base(a.Dir()))
	assert.Regexp(t, regexp.MustCompile(`^127\.0\.0\.1-8080-[0-9a-f]{8}$`), filepath.Base(d.Dir()))
	assert.Equal(t, "https://sandbox.api.fin.com", b.BaseURL())
}

func TestTwoBaseURLsDoNotShare(t *testing.T) {
	root := t.TempDir()
	sandbox := refcache.Open(root, "https://sandbox.api.fin.com")
	prod := refcache.Open(root, "https://api.fin.com")
	_, err := sandbox.Refresh(context.Background(), goodFetcher("sandbox"), t0)
	require.NoError(t, err)

	snap, err := prod.Load()
	require.NoError(t, err)
	assert.True(t, snap.Empty())
	_, ok := snap.Items(rules.Occupations)
	assert.False(t, ok)

	_, err = prod.Refresh(context.Background(), goodFetcher("prod"), t0)
	require.NoError(t, err)
	s1, err := sandbox.Load()
	require.NoError(t, err)
	got, ok := s1.Items(rules.Occupations)
	require.True(t, ok)
	assert.Equal(t, "sandbox occupation 1", got[0].Title)
	s2, err := prod.Load()
	require.NoError(t, err)
	got, ok = s2.Items(rules.Occupations)
	require.True(t, ok)
	assert.Equal(t, "prod occupation 1", got[0].Title)
}

func TestLoadMissingIsEmpty(t *testing.T) {
	s := refcache.Open(filepath.Join(t.TempDir(), "does", "not", "exist"), "https://sandbox.api.fin.com")
	snap, err := s.Load()
	require.NoError(t, err)
	assert.True(t, snap.Empty())
	assert.True(t, snap.Stale(refcache.DefaultTTL, t0))
	for _, st := range snap.Status(t0) {
		assert.False(t, st.Present, st.Name)
	}
	var _ rules.Catalogues = snap
}

func TestRefreshThenLoad(t *testing.T) {
	s := refcache.Open(t.TempDir(), "https://sandbox.api.fin.com")
	f := goodFetcher("v1")
	// Servers may list entries in any order; the cache stores them sorted.
	f.data[rules.PurposesIndividual] = []rules.RefItem{{ID: 9, Title: "nine"}, {ID: 2, Title: "two"}, {ID: 5, Title: "five"}}

	fresh, err := s.Refresh(context.Background(), f, t0)
	require.NoError(t, err)
	assert.ElementsMatch(t, refcache.Names(), f.calls)

	loaded, err := s.Load()
	require.NoError(t, err)
	for _, snap := range []*refcache.Snapshot{fresh, loaded} {
		got, ok := snap.Items(rules.PurposesIndividual)
		require.True(t, ok)
		assert.Equal(t, []rules.RefItem{{ID: 2, Title: "two"}, {ID: 5, Title: "five"}, {ID: 9, Title: "nine"}}, got)
		occ, ok := snap.Items(rules.Occupations)
		require.True(t, ok)
		assert.Len(t, occ, 23)
		assert.True(t, sort.SliceIsSorted(occ, func(i, j int) bool { return occ[i].ID < occ[j].ID }))
		assert.False(t, snap.Stale(refcache.DefaultTTL, t0.Add(time.Hour)))
	}

	st := loaded.Status(t0.Add(90 * time.Minute))
	require.Len(t, st, 6)
	assert.Equal(t, refcache.CatalogueStatus{Name: rules.Occupations, Present: true, Count: 23, FetchedAt: t0, Age: 90 * time.Minute}, st[0])
	assert.Equal(t, rules.PurposesIndividual, st[1].Name)
	assert.Equal(t, 3, st[1].Count)
	assert.Equal(t, rules.SourceOfFundsIndividual, st[2].Name)
	assert.Equal(t, 12, st[2].Count)
	assert.True(t, st[0].FetchedAt.Equal(t0))
	for i, want := range []struct {
		name  string
		count int
	}{{rules.PurposesBusiness, 10}, {rules.SourceOfFundsBusiness, 8}, {rules.SourceOfWealthBusiness, 7}} {
		assert.Equal(t, refcache.CatalogueStatus{Name: want.name, Present: true, Count: want.count, FetchedAt: t0, Age: 90 * time.Minute}, st[3+i])
	}
	biz, ok := loaded.Items(rules.PurposesBusiness)
	require.True(t, ok)
	assert.Equal(t, "v1 business purpose 1", biz[0].Title, "each type has its own catalogue")

	// The folder holds exactly the six catalogues: no temporary leftovers.
	files := snapshotFiles(t, s.Dir())
	assert.Len(t, files, 6)
	for _, n := range refcache.Names() {
		assert.Contains(t, files, n+".json")
		assert.Contains(t, files[n+".json"], `"base_url": "https://sandbox.api.fin.com"`)
	}
}

func TestRefreshReplacesAtomically(t *testing.T) {
	s := refcache.Open(t.TempDir(), "https://sandbox.api.fin.com")
	_, err := s.Refresh(context.Background(), goodFetcher("old"), t0)
	require.NoError(t, err)
	oldInfo, err := os.Stat(filepath.Join(s.Dir(), "occupations.json"))
	require.NoError(t, err)

	_, err = s.Refresh(context.Background(), goodFetcher("new"), t0.Add(time.Hour))
	require.NoError(t, err)
	newInfo, err := os.Stat(filepath.Join(s.Dir(), "occupations.json"))
	require.NoError(t, err)
	// A rename installs a new file; rewriting in place would keep the old one.
	assert.False(t, os.SameFile(oldInfo, newInfo))

	snap, err := s.Load()
	require.NoError(t, err)
	got, _ := snap.Items(rules.Occupations)
	assert.Equal(t, "new occupation 1", got[0].Title)
	assert.Len(t, snapshotFiles(t, s.Dir()), 6)
}

func TestRefreshValidationKeepsThatCatalogueOnly(t *testing.T) {
	bad := map[string][]rules.RefItem{
		"empty":       {},
		"zero id":     {{ID: 0, Title: "zero"}},
		"negative id": {{ID: 1, Title: "one"}, {ID: -4, Title: "minus"}},
		"duplicate":   {{ID: 1, Title: "one"}, {ID: 2, Title: "two"}, {ID: 1, Title: "again"}},
		"blank title": {{ID: 1, Title: "one"}, {ID: 2, Title: " \t"}},
		"empty title": {{ID: 3, Title: ""}},
	}
	for label, list := range bad {
		for _, name := range refcache.Names() {
			t.Run(label+"/"+name, func(t *testing.T) {
				s := refcache.Open(t.TempDir(), "https://sandbox.api.fin.com")
				_, err := s.Refresh(context.Background(), goodFetcher("old"), t0)
				require.NoError(t, err)
				before := snapshotFiles(t, s.Dir())

				f := goodFetcher("new")
				f.data[name] = list
				later := t0.Add(time.Hour)
				snap, err := s.Refresh(context.Background(), f, later)
				require.Error(t, err)
				assert.ErrorIs(t, err, refcache.ErrInvalid)
				assert.Equal(t, "refresh "+name+": ", err.Error()[:len("refresh "+name+": ")])
				after := snapshotFiles(t, s.Dir())
				require.Len(t, after, 6)
				for _, n := range refcache.Names() {
					if n == name {
						assert.Equal(t, before[n+".json"], after[n+".json"], "the invalid download must not touch its file")
					} else {
						assert.NotEqual(t, before[n+".json"], after[n+".json"], "%s is refreshed all the same", n)
					}
				}

				// The snapshot and the cache agree: the old entries of the
				// failed catalogue, the new ones of every other.
				loaded, err := s.Load()
				require.NoError(t, err)
				for _, sn := range []*refcache.Snapshot{snap, loaded} {
					require.NotNil(t, sn)
					for _, n := range refcache.Names() {
						got, ok := sn.Items(n)
						require.True(t, ok, n)
						want := goodFetcher("new").data[n]
						if n == name {
							want = goodFetcher("old").data[n]
						}
						assert.Equal(t, want, got, n)
					}
					assert.Equal(t, t0, sn.Status(later)[slices.Index(refcache.Names(), name)].FetchedAt)
				}
			})
		}
	}
}

func TestRefreshFetchErrorStoresTheOthers(t *testing.T) {
	root := t.TempDir()
	s := refcache.Open(root, "https://sandbox.api.fin.com")
	boom := errors.New("connection reset")
	locked := errors.New("HTTP 403")
	f := goodFetcher("x")
	f.errs = map[string]error{rules.SourceOfFundsIndividual: boom, rules.SourceOfWealthBusiness: locked}
	snap, err := s.Refresh(context.Background(), f, t0)
	require.ErrorIs(t, err, boom)
	require.ErrorIs(t, err, locked)
	assert.Equal(t, "refresh source-of-funds-individual: connection reset\nrefresh source-of-wealth-business: HTTP 403", err.Error())
	assert.Equal(t, refcache.Names(), f.calls, "one failure does not stop the others")

	files := snapshotFiles(t, s.Dir())
	assert.Len(t, files, 4)
	assert.NotContains(t, files, rules.SourceOfFundsIndividual+".json")
	assert.NotContains(t, files, rules.SourceOfWealthBusiness+".json")
	loaded, err := s.Load()
	require.NoError(t, err)
	for _, sn := range []*refcache.Snapshot{snap, loaded} {
		var present []string
		for _, st := range sn.Status(t0) {
			if st.Present {
				present = append(present, st.Name)
			}
		}
		assert.Equal(t, []string{rules.Occupations, rules.PurposesIndividual, rules.PurposesBusiness, rules.SourceOfFundsBusiness}, present)
	}

	// Next time the two come through and the cache is whole.
	snap, err = s.Refresh(context.Background(), goodFetcher("y"), t0.Add(time.Hour))
	require.NoError(t, err)
	assert.False(t, snap.Stale(refcache.DefaultTTL, t0.Add(time.Hour)))
	assert.Len(t, snapshotFiles(t, s.Dir()), 6)
}

func TestRefreshEveryFetchFailingWritesNothing(t *testing.T) {
	root := t.TempDir()
	s := refcache.Open(root, "https://sandbox.api.fin.com")
	boom := errors.New("connection refused")
	f := goodFetcher("x")
	f.errs = map[string]error{}
	for _, n := range refcache.Names() {
		f.errs[n] = boom
	}
	snap, err := s.Refresh(context.Background(), f, t0)
	require.ErrorIs(t, err, boom)
	assert.Nil(t, snap)
	_, statErr := os.Stat(s.Dir())
	assert.ErrorIs(t, statErr, os.ErrNotExist, "nothing is written when nothing passed")
}

func TestRefreshCancelledWritesNothing(t *testing.T) {
	s := refcache.Open(t.TempDir(), "https://sandbox.api.fin.com")
	ctx, cancel := context.WithCancel(context.Background())
	f := &cancellingFetcher{fakeFetcher: goodFetcher("x"), cancel: cancel, after: rules.PurposesBusiness}
	snap, err := s.Refresh(ctx, f, t0)
	require.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, snap)
	_, statErr := os.Stat(s.Dir())
	assert.ErrorIs(t, statErr, os.ErrNotExist)
}

// cancellingFetcher cancels the refresh once it has served one catalogue,
// and fails every later one as a client whose context ended does.
type cancellingFetcher struct {
	*fakeFetcher
	cancel context.CancelFunc
	after  string
}

func (c *cancellingFetcher) Fetch(ctx context.Context, name string) ([]rules.RefItem, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	items, err := c.fakeFetcher.Fetch(ctx, name)
	if name == c.after {
		c.cancel()
	}
	return items, err
}

func TestOldCacheLayoutCountsAsNotCached(t *testing.T) {
	s := refcache.Open(t.TempDir(), "https://sandbox.api.fin.com")
	require.NoError(t, os.MkdirAll(s.Dir(), 0o755))
	// What a finlint that cached individual catalogues only left behind.
	for _, old := range []string{"purposes", "source-of-funds"} {
		content := `{"format":1,"base_url":"https://sandbox.api.fin.com","catalogue":"` + old +
			`","fetched_at":"2025-09-03T08:50:57Z","items":[{"id":1,"title":"a"}]}`
		require.NoError(t, os.WriteFile(filepath.Join(s.Dir(), old+".json"), []byte(content), 0o644))
	}
	snap, err := s.Load()
	require.NoError(t, err)
	assert.True(t, snap.Empty())
	for _, n := range refcache.Names() {
		_, ok := snap.Items(n)
		assert.False(t, ok, n)
	}
	for _, old := range []string{"purposes", "source-of-funds"} {
		_, ok := snap.Items(old)
		assert.False(t, ok, old)
	}
	assert.True(t, snap.Stale(refcache.DefaultTTL, t0))
}

func TestNames(t *testing.T) {
	assert.Equal(t, []string{
		"occupations", "purposes-individual", "source-of-funds-individual",
		"purposes-business", "source-of-funds-business", "source-of-wealth-business",
	}, refcache.Names())
}

func TestLoadCorruptNamesFile(t *testing.T) {
	for label, content := range map[string]string{
		"not json":      "{\"format\":1,",
		"wrong format":  `{"format":7}`,
		"wrong base":    `{"format":1,"base_url":"https://api.fin.com","catalogue":"purposes-individual","fetched_at":"2025-09-03T08:50:57Z","items":[{"id":1,"title":"a"}]}`,
		"wrong name":    `{"format":1,"base_url":"https://sandbox.api.fin.com","catalogue":"occupations","fetched_at":"2025-09-03T08:50:57Z","items":[{"id":1,"title":"a"}]}`,
		"no time":       `{"format":1,"base_url":"https://sandbox.api.fin.com","catalogue":"purposes-individual","items":[{"id":1,"title":"a"}]}`,
		"unsorted":      `{"format":1,"base_url":"https://sandbox.api.fin.com","catalogue":"purposes-individual","fetched_at":"2025-09-03T08:50:57Z","items":[{"id":2,"title":"b"},{"id":1,"title":"a"}]}`,
		"no items":      `{"format":1,"base_url":"https://sandbox.api.fin.com","catalogue":"purposes-individual","fetched_at":"2025-09-03T08:50:57Z","items":[]}`,
		"truncated mid": `{"format":1,"base_url":"https://sandbox.api.fin.com","catalogue":"purposes-individual","fetched_at":"2025-09-03T08:50:57Z","items":[{"id":1,"ti`,
	} {
		t.Run(label, func(t *testing.T) {
			s := refcache.Open(t.TempDir(), "https://sandbox.api.fin.com")
			_, err := s.Refresh(context.Background(), goodFetcher("ok"), t0)
			require.NoError(t, err)
			path := filepath.Join(s.Dir(), "purposes-individual.json")
			require.NoError(t, os.WriteFile(path, []byte(content), 0o644))

			_, err = s.Load()
			require.Error(t, err)
			assert.ErrorIs(t, err, refcache.ErrCorrupt)
			assert.Contains(t, err.Error(), path)

			// A refresh repairs it.
			_, err = s.Refresh(context.Background(), goodFetcher("ok"), t0)
			require.NoError(t, err)
			_, err = s.Load()
			require.NoError(t, err)
		})
	}
}

func TestLoadIgnoresStrayTempFiles(t *testing.T) {
	s := refcache.Open(t.TempDir(), "https://sandbox.api.fin.com")
	_, err := s.Refresh(context.Background(), goodFetcher("ok"), t0)
	require.NoError(t, err)
	// What a process killed between create and rename leaves behind.
	require.NoError(t, os.WriteFile(filepath.Join(s.Dir(), ".occupations.json.123.tmp"), []byte(`{"form`), 0o600))
	snap, err := s.Load()
	require.NoError(t, err)
	got, ok := snap.Items(rules.Occupations)
	require.True(t, ok)
	assert.Len(t, got, 23)
}

func TestStale(t *testing.T) {
	s := refcache.Open(t.TempDir(), "https://sandbox.api.fin.com")
	snap, err := s.Refresh(context.Background(), goodFetcher("ok"), t0)
	require.NoError(t, err)

	ttl := refcache.DefaultTTL
	assert.Equal(t, 24*time.Hour, ttl)
	assert.False(t, snap.Stale(ttl, t0))
	assert.False(t, snap.Stale(ttl, t0.Add(ttl)), "exactly ttl old is still fresh")
	assert.True(t, snap.Stale(ttl, t0.Add(ttl+time.Second)))
	assert.False(t, snap.Stale(time.Hour, t0.Add(59*time.Minute)))
	assert.True(t, snap.Stale(time.Hour, t0.Add(61*time.Minute)))
	assert.False(t, snap.Stale(ttl, t0.Add(-time.Minute)), "small clock differences are tolerated")
	assert.True(t, snap.Stale(ttl, t0.Add(-48*time.Hour)), "a fetch time far in the future means a wrong clock")

	// One missing catalogue makes the whole snapshot stale.
	require.NoError(t, os.Remove(filepath.Join(s.Dir(), "source-of-funds-individual.json")))
	partial, err := s.Load()
	require.NoError(t, err)
	assert.False(t, partial.Empty())
	assert.True(t, partial.Stale(ttl, t0))
	_, ok := partial.Items(rules.SourceOfFundsIndividual)
	assert.False(t, ok)
	st := partial.Status(t0)
	assert.True(t, st[0].Present)
	assert.False(t, st[2].Present)
	assert.Zero(t, st[2].Count)

	var nilSnap *refcache.Snapshot
	assert.True(t, nilSnap.Stale(ttl, t0))
	assert.True(t, nilSnap.Empty())
}

// generationFetcher serves catalogues whose every title carries the same
// generation number and whose length depends on it, so a reader can tell a
// consistent file from a mixture of two writes.
type generationFetcher struct{ gen int }

func (g generationFetcher) Fetch(_ context.Context, name string) ([]rules.RefItem, error) {
	n := 5 + g.gen%17
	out := make([]rules.RefItem, n)
	for i := range out {
		out[i] = rules.RefItem{ID: int64(i + 1), Title: fmt.Sprintf("%s gen %d", name, g.gen)}
	}
	return out, nil
}

func TestConcurrentReadersDuringRefresh(t *testing.T) {
	root := t.TempDir()
	s := refcache.Open(root, "http://127.0.0.1:9999")
	_, err := s.Refresh(context.Background(), generationFetcher{0}, t0)
	require.NoError(t, err)

	stop := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A second Store on the same folder stands for another process.
			reader := refcache.Open(root, "http://127.0.0.1:9999/")
			for {
				select {
				case <-stop:
					return
				default:
				}
				snap, err := reader.Load()
				if err != nil {
					errs <- err
					return
				}
				for _, name := range refcache.Names() {
					got, ok := snap.Items(name)
					if !ok {
						errs <- fmt.Errorf("%s vanished during a refresh", name)
						return
					}
					var gen int
					if _, err := fmt.Sscanf(got[0].Title[len(name):], " gen %d", &gen); err != nil {
						errs <- err
						return
					}
					if len(got) != 5+gen%17 {
						errs <- fmt.Errorf("%s: %d items for generation %d", name, len(got), gen)
						return
					}
				}
			}
		}()
	}
	for gen := 1; gen <= 60; gen++ {
		_, err := s.Refresh(context.Background(), generationFetcher{gen}, t0.Add(time.Duration(gen)*time.Minute))
		require.NoError(t, err)
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
	snap, err := s.Load()
	require.NoError(t, err)
	got, _ := snap.Items(rules.PurposesIndividual)
	assert.Equal(t, "purposes-individual gen 60", got[0].Title)
	assert.Len(t, snapshotFiles(t, s.Dir()), 6)
}
