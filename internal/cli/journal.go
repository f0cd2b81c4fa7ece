package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/refcache"
	"github.com/spf13/cobra"
)

// recentSend is how long after a request left reconcile warns that an
// "absent" may be premature: a server can still be working on a request
// whose client is long gone.
const recentSend = 2 * time.Minute

func newJournalCmd(e *env) *cobra.Command {
	var path string
	cmd := &cobra.Command{
		Use:   "journal status|list|reconcile|resolve",
		Short: "Read and settle the submission journal",
		Long: `The submission journal records every payload lint --submit sent: a pending
line before the request leaves, a line with the outcome after the answer. A
payload whose outcome is unknown (the run died, the answer was lost, the API
answered a server error) is never sent again until it is settled: reconcile
looks it up through GET /v2/customers, resolve settles one by hand.

By default the journal is the current FIN_BASE_URL's, in finlint's state
folder (FINLINT_STATE_DIR, else finlint under the user's state folder), the
one lint --submit uses. Every subcommand takes the journal's lock, so none
runs while a submission is using the journal.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return journalStatus(e, path)
		},
	}
	cmd.PersistentFlags().StringVar(&path, "journal", "", "journal `FILE` (default: FIN_BASE_URL's journal in the state folder)")

	cmd.AddCommand(&cobra.Command{
		Use:   "status",
		Short: "Count the payloads by outcome and show the oldest unknown one",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return journalStatus(e, path)
		},
	})

	var status, format string
	list := &cobra.Command{
		Use:   "list [--status S] [--format text|json]",
		Short: "One line per payload: key, source, record, kind, status, customer id, time",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return journalList(e, path, status, format)
		},
	}
	list.Flags().StringVar(&status, "status", "", "only payloads with this `STATUS`: created, unknown, absent, rejected, failed or not-sent")
	list.Flags().StringVar(&format, "format", "text", "output `FORMAT`: text or json")
	cmd.AddCommand(list)

	cmd.AddCommand(&cobra.Command{
		Use:   "reconcile",
		Short: "Settle every unknown payload by looking its customer up at the API",
		Long: `For every payload whose outcome is unknown, reconcile reads every page of
GET /v2/customers and looks for its customer: an individual by email, first
and last name and phone, a business by legal name and email. One match is
recorded created, with the customer id; no match, once every page was read,
is recorded absent, which a later lint --submit sends again only with
--resend-absent. Several matches are left unknown for journal resolve.

Run it once the crashed run's requests can no longer be in the server's
hands: a server may still create a customer some time after the client that
asked for it died.

Needs FIN_CLIENT_ID and FIN_CLIENT_SECRET (or FIN_ACCESS_TOKEN) and uses
FIN_BASE_URL. Exit code 1 when some payload is still unknown afterwards.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return journalReconcile(cmd.Context(), e, path)
		},
	})

	var created, reason string
	var absent bool
	resolve := &cobra.Command{
		Use:   "resolve KEY (--created CUSTOMER_ID | --absent --reason TEXT)",
		Short: "Settle one payload by hand; KEY may be a unique prefix of its key",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return journalResolve(e, path, args[0], created, absent, reason)
		},
	}
	resolve.Flags().StringVar(&created, "created", "", "the API holds the customer: record it created with this `CUSTOMER_ID`")
	resolve.Flags().BoolVar(&absent, "absent", false, "the API holds no such customer: record it absent (needs --reason)")
	resolve.Flags().StringVar(&reason, "reason", "", "why, in a few words; recorded in the journal")
	cmd.AddCommand(resolve)
	return cmd
}

// openJournalCmd opens the journal of a journal subcommand. Reading
// commands do not create a missing journal.
func openJournalCmd(e *env, path string, create bool) (*finapi.Journal, error) {
	base := finapi.BaseURLFromEnv(e.getenv)
	if err := finapi.CheckBaseURL(base); err != nil {
		return nil, usageErr("FIN_BASE_URL: %v", err)
	}
	return openJournalFor(e, path, base, create)
}

// shownStatus is the status people see: a pending line with no outcome is
// as unknown as an unknown outcome.
func shownStatus(s finapi.Status) finapi.Status {
	if s == finapi.StatusPending {
		return finapi.StatusUnknown
	}
	return s
}

func where(en finapi.Entry) string {
	if en.Record > 0 {
		return fmt.Sprintf("%s:%d", en.Source, en.Record)
	}
	return en.Source
}

func shortKey(k string) string {
	if len(k) > 12 {
		return k[:12]
	}
	return k
}

func journalStatus(e *env, path string) error {
	j, err := openJournalCmd(e, path, false)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(e.stdout, "no journal yet: nothing was submitted to %s with it\n", refcache.NormalizeURL(finapi.BaseURLFromEnv(e.getenv)))
			return nil
		}
		return err
	}
	defer j.Close()
	api := strings.Join(j.APIs(), ", ")
	if api == "" {
		api = refcache.NormalizeURL(finapi.BaseURLFromEnv(e.getenv))
	}
	entries := j.Entries()
	counts := map[finapi.Status]int{}
	var oldest *finapi.Entry
	for i, en := range entries {
		st := shownStatus(en.Status)
		counts[st]++
		if st == finapi.StatusUnknown && (oldest == nil || en.SentAt.Before(oldest.SentAt)) {
			oldest = &entries[i]
		}
	}
	fmt.Fprintf(e.stdout, "journal:  %s\nAPI:      %s\npayloads: %d\n", j.Path(), api, len(entries))
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	for _, st := range finapi.Statuses() {
		if st == finapi.StatusPending {
			continue
		}
		fmt.Fprintf(tw, "  %s\t%d\n", st, counts[st])
	}
	if err := tw.Flush(); err != nil {
		return &exitError{code: exitTool, err: err}
	}
	if oldest != nil {
		fmt.Fprintf(e.stdout, "oldest unknown: %s (%s), sent %s\n", shortKey(oldest.Key), where(*oldest), oldest.SentAt.UTC().Format(time.RFC3339))
		fmt.Fprintln(e.stdout, "settle the unknown ones with finlint journal reconcile")
	}
	return nil
}

// listed is one payload as journal list --format json prints it. It holds
// no match fields: the list is for finding payloads, not people.
type listed struct {
	Key        string    `json:"key"`
	Source     string    `json:"source,omitempty"`
	Record     int       `json:"record,omitempty"`
	Kind       string    `json:"kind,omitempty"`
	Status     string    `json:"status"`
	HTTPStatus int       `json:"http_status,omitempty"`
	CustomerID string    `json:"customer_id,omitempty"`
	Time       time.Time `json:"time"`
	Via        string    `json:"via,omitempty"`
	Reason     string    `json:"reason,omitempty"`
	Error      string    `json:"error,omitempty"`
}

func journalList(e *env, path, status, format string) error {
	if format != "text" && format != "json" {
		return usageErr("--format: want text or json, not %q", format)
	}
	if status != "" {
		ok := false
		for _, st := range finapi.Statuses() {
			ok = ok || (st != finapi.StatusPending && string(st) == status)
		}
		if !ok {
			return usageErr("--status: want created, unknown, absent, rejected, failed or not-sent, not %q", status)
		}
	}
	var rows []listed
	j, err := openJournalCmd(e, path, false)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return err
	default:
		defer j.Close()
		for _, en := range j.Entries() {
			st := shownStatus(en.Status)
			if status != "" && string(st) != status {
				continue
			}
			rows = append(rows, listed{
				Key: en.Key, Source: en.Source, Record: en.Record, Kind: en.Kind, Status: string(st),
				HTTPStatus: en.HTTPStatus, CustomerID: en.CustomerID, Time: en.Time.UTC(),
				Via: en.Via, Reason: en.Reason, Error: en.Error,
			})
		}
	}
	if format == "json" {
		if rows == nil {
			rows = []listed{}
		}
		return printJSON(e, rows)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tSOURCE\tRECORD\tKIND\tSTATUS\tCUSTOMER\tTIME")
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	for _, r := range rows {
		rec := "-"
		if r.Record > 0 {
			rec = fmt.Sprint(r.Record)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", shortKey(r.Key), dash(r.Source), rec, dash(r.Kind), r.Status, dash(r.CustomerID), r.Time.Format(time.RFC3339))
	}
	if err := tw.Flush(); err != nil {
		return &exitError{code: exitTool, err: err}
	}
	return nil
}

func journalReconcile(ctx context.Context, e *env, path string) error {
	base := finapi.BaseURLFromEnv(e.getenv)
	if err := finapi.CheckBaseURL(base); err != nil {
		return usageErr("FIN_BASE_URL: %v", err)
	}
	creds := finapi.CredentialsFromEnv(e.getenv)
	if !creds.Set() {
		return usageErr("journal reconcile needs FIN_CLIENT_ID and FIN_CLIENT_SECRET, or FIN_ACCESS_TOKEN")
	}
	j, err := openJournalCmd(e, path, false)
	if errors.Is(err, os.ErrNotExist) {
		fmt.Fprintln(e.stdout, "no journal yet: nothing to reconcile")
		return nil
	}
	if err != nil {
		return err
	}
	defer j.Close()
	client, err := newClient(e, base, creds)
	if err != nil {
		return usageErr("%v", err)
	}
	settled, err := finapi.Reconcile(ctx, client, j)
	counts := map[finapi.Status]int{}
	now := e.now()
	for _, s := range settled {
		counts[s.Status]++
		switch s.Status {
		case finapi.StatusCreated:
			fmt.Fprintf(e.stdout, "%s %s: created, customer %s (%s)\n", shortKey(s.Entry.Key), where(s.Entry), s.CustomerID, s.Note)
		case finapi.StatusAbsent:
			fmt.Fprintf(e.stdout, "%s %s: absent (%s)\n", shortKey(s.Entry.Key), where(s.Entry), s.Note)
			if !s.Entry.SentAt.IsZero() && now.Sub(s.Entry.SentAt) < recentSend {
				fmt.Fprintf(e.stderr, "finlint: warning: %s was sent less than %s ago; a server still working on it could create it yet: run reconcile again before --resend-absent\n", shortKey(s.Entry.Key), recentSend)
			}
		default:
			fmt.Fprintf(e.stdout, "%s %s: still unknown: %s\n", shortKey(s.Entry.Key), where(s.Entry), s.Note)
		}
	}
	if err != nil {
		return &exitError{code: exitTool, err: fmt.Errorf("reconcile: %w", err)}
	}
	if len(settled) == 0 {
		fmt.Fprintln(e.stdout, "nothing to reconcile: no payload's outcome is unknown")
		return nil
	}
	fmt.Fprintf(e.stdout, "reconciled %d: %d created, %d absent, %d still unknown\n", len(settled),
		counts[finapi.StatusCreated], counts[finapi.StatusAbsent], counts[finapi.StatusUnknown])
	if counts[finapi.StatusUnknown] > 0 {
		return &exitError{code: exitFindings}
	}
	return nil
}

func journalResolve(e *env, path, prefix, created string, absent bool, reason string) error {
	created, reason = strings.TrimSpace(created), strings.TrimSpace(reason)
	switch {
	case (created != "") == absent:
		return usageErr("journal resolve: give either --created CUSTOMER_ID or --absent --reason TEXT")
	case absent && reason == "":
		return usageErr("journal resolve --absent needs --reason: say how you know the API holds no such customer")
	case strings.ContainsFunc(created, func(r rune) bool { return r <= ' ' }):
		return usageErr("--created: %q does not look like a customer id", created)
	}
	j, err := openJournalCmd(e, path, false)
	if err != nil {
		return err
	}
	defer j.Close()
	key, err := j.FindKey(prefix)
	if err != nil {
		return usageErr("journal resolve: %v", err)
	}
	prev, _ := j.Lookup(key)
	if prev.Status == finapi.StatusCreated {
		return usageErr("journal resolve: %s is already created (customer %s)", shortKey(key), prev.CustomerID)
	}
	rec := finapi.Entry{Via: "resolve", Reason: reason}
	if absent {
		rec.Status = finapi.StatusAbsent
	} else {
		rec.Status, rec.CustomerID = finapi.StatusCreated, created
	}
	if err := j.Outcome(key, rec); err != nil {
		return &exitError{code: exitTool, err: err}
	}
	fmt.Fprintf(e.stdout, "%s %s: was %s, now %s\n", shortKey(key), where(prev), shownStatus(prev.Status), rec.Status)
	return nil
}
