package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/finlint/finlint/rules"
	"github.com/finlint/finlint/schema"
	"github.com/spf13/cobra"
)

func newRulesCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "List every rule: id, default severity, title",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "RULE\tSEVERITY\tTITLE")
			for _, r := range rules.All() {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Severity, r.Title)
			}
			if err := tw.Flush(); err != nil {
				return &exitError{code: exitTool, err: err}
			}
			return nil
		},
	}
}

func newExplainCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Show a rule's whole documentation, with a failing and a fixed example",
		Args:  cobra.ExactArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			var ids []string
			for _, r := range rules.All() {
				ids = append(ids, r.ID)
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			r := rules.Lookup(rules.All(), args[0])
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
	for _, ex := range []struct {
		title string
		e     rules.Example
	}{{"Failing example", r.Bad}, {"Fixed example", r.Good}} {
		if ex.e.Raw == "" && ex.e.Patch == "" {
			continue
		}
		if ex.e.Raw != "" {
			fmt.Fprintf(&b, "\n%s (the whole input):\n\n%s\n", ex.title, indent(ex.e.Raw, "    "))
		} else {
			fmt.Fprintf(&b, "\n%s (a JSON merge patch over the reference payload):\n\n%s\n", ex.title, indent(ex.e.Patch, "    "))
		}
		fs, err := rules.RunExample(r, ex.e)
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
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the embedded JSON Schema (draft 2020-12) of the payload",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := e.stdout.Write(schema.Source())
			if err != nil {
				return &exitError{code: exitTool, err: err}
			}
			return nil
		},
	}
}
