package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/refcache"
	"github.com/finlint/finlint/rules"
	"github.com/spf13/cobra"
)

func newRefcacheCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "refcache refresh|status",
		Short: "Fetch the reference catalogues into the cache, or show what is cached",
		Long: `The reference catalogues hold the ids that financial_profile may use:
occupations, purposes and sources of funds for individuals, and purposes,
sources of funds and sources of wealth for businesses (each customer type
has its own lists). They change over time and differ between sandbox and
production, so finlint embeds none: it caches them per base URL under
FINLINT_CACHE_DIR (default: finlint under the user's cache folder).

refresh needs FIN_CLIENT_ID and FIN_CLIENT_SECRET (or FIN_ACCESS_TOKEN) and
uses FIN_BASE_URL (default https://sandbox.api.fin.com).`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "refresh",
		Short: "Fetch every page of every catalogue and replace each in the cache atomically",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			store, err := openStore(e)
			if err != nil {
				return err
			}
			creds := finapi.CredentialsFromEnv(e.getenv)
			if !creds.Set() {
				return usageErr("refcache refresh needs FIN_CLIENT_ID and FIN_CLIENT_SECRET, or FIN_ACCESS_TOKEN")
			}
			client, err := newClient(e, store.BaseURL(), creds)
			if err != nil {
				return usageErr("%v", err)
			}
			snap, err := refresh(cmd.Context(), store, client, e.now())
			if err != nil {
				// The catalogues that did come through are stored; show
				// what the cache holds now, then fail.
				if snap != nil {
					if perr := printStatus(e, store, snap); perr != nil {
						return perr
					}
				}
				return &exitError{code: exitTool, err: errors.New(oneLine(err))}
			}
			return printStatus(e, store, snap)
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "status",
		Short: "Show the cached catalogues for FIN_BASE_URL: counts and age",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			store, err := openStore(e)
			if err != nil {
				return err
			}
			snap, err := store.Load()
			if err != nil {
				return &exitError{code: exitTool, err: err}
			}
			return printStatus(e, store, snap)
		},
	})
	return cmd
}

func openStore(e *env) (*refcache.Store, error) {
	base := finapi.BaseURLFromEnv(e.getenv)
	if err := finapi.CheckBaseURL(base); err != nil {
		return nil, usageErr("FIN_BASE_URL: %v", err)
	}
	dir, err := refcache.DefaultDir(e.getenv)
	if err != nil {
		return nil, usageErr("reference cache: %v", err)
	}
	return refcache.Open(dir, base), nil
}

// newClient returns the API client of a run: one client, and so one
// token, serves the catalogue refresh and the submissions alike.
func newClient(e *env, base string, creds finapi.Credentials) (*finapi.Client, error) {
	return finapi.New(base, creds, finapi.Options{Now: e.now, UserAgent: "finlint/" + buildVersion()})
}

// oneLine puts the joined errors of a refresh (one a line) on one line.
func oneLine(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}

// refresh refreshes every catalogue; on an error the snapshot, when not
// nil, is what the cache holds now (the catalogues that failed keep their
// earlier files).
func refresh(ctx context.Context, store *refcache.Store, client *finapi.Client, now time.Time) (*refcache.Snapshot, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	return store.Refresh(ctx, client, now)
}

func printStatus(e *env, store *refcache.Store, snap *refcache.Snapshot) error {
	fmt.Fprintf(e.stdout, "base URL: %s\ncache:    %s\n\n", store.BaseURL(), store.Dir())
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CATALOGUE\tITEMS\tFETCHED\tAGE")
	now := e.now()
	for _, st := range snap.Status(now) {
		if !st.Present {
			fmt.Fprintf(tw, "%s\t-\tnever\t-\n", st.Name)
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", st.Name, st.Count, st.FetchedAt.UTC().Format(time.RFC3339), st.Age.Round(time.Second))
	}
	if err := tw.Flush(); err != nil {
		return &exitError{code: exitTool, err: err}
	}
	if snap.Empty() {
		fmt.Fprintln(e.stdout, "\nnothing cached: run finlint refcache refresh with FIN_CLIENT_ID and FIN_CLIENT_SECRET set")
	}
	return nil
}

// loadCatalogues returns the cached catalogues for FIN_BASE_URL, first
// refreshing them when they are missing or stale, credentials are set and
// the network is allowed. A failed refresh falls back to what is cached,
// with a warning; so does a partly failed one, which still stored the
// catalogues that came through. No catalogue at all is not an error (the
// reference-id rule then says how to fetch them).
func loadCatalogues(ctx context.Context, e *env, client func() (*finapi.Client, error), offline bool, ttl *time.Duration) rules.Catalogues {
	warn := func(format string, args ...any) {
		fmt.Fprintf(e.stderr, "finlint: warning: "+format+"\n", args...)
	}
	store, err := openStore(e)
	if err != nil {
		warn("reference catalogues not used: %v", err)
		return nil
	}
	snap, err := store.Load()
	if err != nil {
		warn("reference cache: %v", err)
		snap = nil
	}
	maxAge := refcache.DefaultTTL
	if ttl != nil {
		maxAge = *ttl
	}
	creds := finapi.CredentialsFromEnv(e.getenv)
	if !offline && creds.Set() && (snap.Empty() || snap.Stale(maxAge, e.now())) {
		c, err := client()
		var fresh *refcache.Snapshot
		if err == nil {
			fresh, err = refresh(ctx, store, c, e.now())
		}
		if fresh != nil {
			snap = fresh
		}
		switch {
		case err == nil:
		case errors.Is(err, context.Canceled):
			return nil
		case snap.Empty():
			warn("reference catalogues could not be fetched: %s", oneLine(err))
		default:
			warn("reference catalogues could not be refreshed, using the cached ones: %s", oneLine(err))
		}
	}
	if snap.Empty() {
		return nil
	}
	return snap
}
