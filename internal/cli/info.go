package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/kinds"
	"github.com/finlint/finlint/rules"
	"github.com/spf13/cobra"
)

// printJSON writes v to standard output as indented JSON, as the json
// forms of rules, config and journal list print their lists.
func printJSON(e *env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return &exitError{code: exitTool, err: err}
	}
	return nil
}

// ruleKinds names the kinds a rule checks, in the order of kinds.All.
func ruleKinds(r *rules.Rule) []*kind.Kind {
	var out []*kind.Kind
	for _, k := range kinds.All() {
		if r.AppliesTo(k) {
			out = append(out, k)
		}
	}
	return out
}

func kindNames(ks []*kind.Kind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.Name
	}
	return out
}

func newRulesCmd(e *env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule: id, default severity, the kinds it checks, title",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch format {
			case "json":
				type row struct {
					ID       string   `json:"id"`
					Severity string   `json:"severity"`
					Kinds    []string `json:"kinds"`
					Title    string   `json:"title"`
					Source   string   `json:"source,omitempty"`
				}
				var rows []row
				for _, r := range kinds.Rules() {
					rows = append(rows, row{r.ID, r.Severity.String(), kindNames(ruleKinds(r)), r.Title, r.Source})
				}
				return printJSON(e, rows)
			case "text":
			default:
				return usageErr("--format: want text or json, not %q", format)
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "RULE\tSEVERITY\tKINDS\tTITLE")
			all := len(kinds.All())
			for _, r := range kinds.Rules() {
				ks := ruleKinds(r)
				names := strings.Join(kindNames(ks), ",")
				if len(ks) == all && all > 1 {
					names = "all"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, names, r.Title)
			}
			if err := tw.Flush(); err != nil {
				return &exitError{code: exitTool, err: err}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output `FORMAT`: text or json (id, severity, kinds, title, source)")
	return cmd
}

func newExplainCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Show a rule's whole documentation, with a failing and a fixed example",
		Args:  cobra.ExactArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			var ids []string
			for _, r := range kinds.Rules() {
				ids = append(ids, r.ID)
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			r := rules.Lookup(kinds.Rules(), args[0])
			if r == nil {
				return usageErr("unknown rule %q%s (see finlint rules)", args[0], didYouMeanRule(args[0]))
			}
			text, err := explain(r)
			if err != nil {
				return &exitError{code: exitTool, err: err}
			}
			fmt.Fprint(e.stdout, text)
			return nil
		},
	}
}

// explain renders a rule's documentation, running its examples so that
// what it shows is what finlint really reports.
func explain(r *rules.Rule) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s by default)\n  %s\n\n", r.ID, r.Severity, r.Title)
	b.WriteString(indent(strings.TrimSpace(r.Doc), "  "))
	b.WriteString("\n")
	if r.Source != "" {
		fmt.Fprintf(&b, "\n  Source: %s\n", r.Source)
	}
	ks := ruleKinds(r)
	fmt.Fprintf(&b, "  Kinds: %s\n", strings.Join(kindNames(ks), ", "))
	// Each kind's examples are payloads of that kind: Bad and Good of the
	// first kind the rule checks, KindExamples of the others.
	for i, k := range ks {
		bad, good, ok := r.ExamplesFor(k.Name, i == 0)
		if !ok {
			continue
		}
		for _, ex := range []struct {
			title string
			e     rules.Example
		}{{"Failing example", bad}, {"Fixed example", good}} {
			if ex.e.Raw == "" && ex.e.Patch == "" {
				continue
			}
			if ex.e.Raw != "" {
				fmt.Fprintf(&b, "\n%s (the whole input):\n\n%s\n", ex.title, indent(ex.e.Raw, "    "))
			} else {
				fmt.Fprintf(&b, "\n%s (a JSON merge patch over the %s reference payload):\n\n%s\n", ex.title, k.Name, indent(ex.e.Patch, "    "))
			}
			fs, err := rules.RunExample(k, r, ex.e)
			if err != nil {
				return "", fmt.Errorf("rule %s: example: %w", r.ID, err)
			}
			if len(fs) == 0 {
				fmt.Fprintf(&b, "\n  finlint reports nothing for %s.\n", r.ID)
				continue
			}
			b.WriteString("\n  finlint reports:\n")
			for _, f := range fs {
				path := f.Path
				if path == "" {
					path = `""`
				}
				fmt.Fprintf(&b, "    %s: %s: %s (%s)\n", path, f.Severity, f.Message, f.Rule)
				if f.Suggestion != "" {
					fmt.Fprintf(&b, "      suggestion: %s\n", f.Suggestion)
				}
			}
		}
	}
	fmt.Fprintf(&b, "\n  To change its severity or turn it off: --rule %s=off, or in .finlint.yaml:\n    rules:\n      %s: warning\n", r.ID, r.ID)
	return b.String(), nil
}

func indent(s, pre string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pre + l
		}
	}
	return strings.Join(lines, "\n")
}

func newSchemaCmd(e *env) *cobra.Command {
	name := kinds.Names()[0]
	cmd := &cobra.Command{
		Use:   "schema [--kind KIND]",
		Short: "Print a payload kind's embedded JSON Schema (draft 2020-12)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			k := kinds.Lookup(name)
			if k == nil {
				return usageErr("--kind: unknown payload kind %q: want one of %s", name, strings.Join(kinds.Names(), ", "))
			}
			if _, err := e.stdout.Write(k.SchemaJSON); err != nil {
				return &exitError{code: exitTool, err: err}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&name, "kind", name, "the payload `KIND` whose schema to print: "+strings.Join(kinds.Names(), ", "))
	return cmd
}
