package cli

import (
	"errors"
	"sort"
	"strings"

	"github.com/finlint/finlint/rules"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// suggestDistance is how many edits a mistyped command or flag name may be
// from a real one and still be suggested, as cobra's
// SuggestionsMinimumDistance counts them.
const suggestDistance = 2

// installSuggestions makes every mistyped word in the command tree under
// root a usage error (exit 2) that names the nearest real words:
//
//   - an unknown subcommand of any command that has subcommands, whether or
//     not that command runs on its own (cobra would print the help of one
//     that does not and exit 0); run bare, such a command still prints its
//     help and exits 0;
//   - an unknown help topic (cobra prints "Unknown help topic" and exits 0);
//   - an unknown flag, through root's flag error function.
//
// It creates cobra's help and completion commands itself, so that they are
// part of the tree it walks; root's output must already be set, since the
// completion commands keep the writer they were created with.
func installSuggestions(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	walkCommands(root, func(c *cobra.Command) {
		c.SuggestionsMinimumDistance = suggestDistance
		// root's unknown words are cobra's own: it checks them, with
		// suggestions, before root would run.
		if c.HasParent() && c.HasSubCommands() {
			requireSubcommand(c)
		}
	})
	if help := subcommand(root, "help"); help != nil {
		checkHelpTopics(help)
	}
	root.SetFlagErrorFunc(flagError)
}

// walkCommands calls fn on c and on every command below it.
func walkCommands(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, sub := range c.Commands() {
		walkCommands(sub, fn)
	}
}

// requireSubcommand makes a word that is not one of c's subcommands an
// unknown command, unless c's own argument check accepts it, and makes c
// runnable, printing its help, so that cobra checks its arguments at all
// (it prints the help of a command that does not run before checking).
// A command with subcommands and no argument check takes no arguments.
func requireSubcommand(c *cobra.Command) {
	check := c.Args
	c.Args = func(cmd *cobra.Command, args []string) error {
		var err error
		if check != nil {
			err = check(cmd, args)
		}
		if len(args) > 0 && (check == nil || err != nil) {
			return unknownCommand(cmd, args[0])
		}
		return err
	}
	if !c.Runnable() {
		c.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
		// Its usage line then stays "finlint completion", not "finlint
		// completion [flags]": run bare, it only prints this help.
		c.DisableFlagsInUseLine = true
	}
}

// unknownCommand is the usage error for word given to c, in the form cobra
// uses for an unknown command of the root.
func unknownCommand(c *cobra.Command, word string) error {
	return usageErr("unknown command %q for %q%s", word, c.CommandPath(), didYouMeanLines(commandSuggestions(c, word)))
}

// commandSuggestions are the subcommands of c that word may have meant, as
// cobra chooses them (within suggestDistance edits, or starting with word),
// ranked by nearest.
func commandSuggestions(c *cobra.Command, word string) []string {
	return nearest(word, c.SuggestionsFor(word))
}

// checkHelpTopics makes the help command fail with a usage error, and
// suggestions, when a word of its topic is not a command. Words past a
// command without subcommands are left alone, as cobra leaves them: that
// command's help is shown.
func checkHelpTopics(help *cobra.Command) {
	show := help.Run
	help.Run = nil
	help.RunE = func(cmd *cobra.Command, args []string) error {
		c := cmd.Root()
		for _, word := range args {
			if !c.HasSubCommands() {
				break
			}
			next := subcommand(c, word)
			if next == nil {
				return usageErr("unknown help topic %q for %q%s", word, c.CommandPath(), didYouMeanLines(commandSuggestions(c, word)))
			}
			c = next
		}
		show(cmd, args)
		return nil
	}
}

// subcommand is c's subcommand called word, by name or alias, or nil.
func subcommand(c *cobra.Command, word string) *cobra.Command {
	for _, sub := range c.Commands() {
		if sub.Name() == word || sub.HasAlias(word) {
			return sub
		}
	}
	return nil
}

// flagError is every command's flag error function: a usage error that
// points at the command's help and, for an unknown flag, suggests the
// nearest of its flags.
func flagError(c *cobra.Command, err error) error {
	return usageErr("%v (see %s --help)%s", err, c.CommandPath(), didYouMeanLines(flagSuggestions(c, err)))
}

// unknownFlag is what the flag parser's error for an unknown flag tells:
// the name as typed, and the group of shorthands it was part of ("" for a
// long flag).
type unknownFlag interface {
	GetSpecifiedName() string
	GetSpecifiedShortnames() string
}

// flagSuggestions are the long flags of c (its own and those it inherits)
// that err's unknown flag may have meant, nearest first. A long flag is
// matched by its name; a group of shorthands by the whole group, so that
// -format suggests --format, while a single unknown shorthand suggests
// nothing.
func flagSuggestions(c *cobra.Command, err error) []string {
	var uf unknownFlag
	if !errors.As(err, &uf) {
		return nil
	}
	typed := uf.GetSpecifiedName()
	if group := uf.GetSpecifiedShortnames(); group != "" {
		if len([]rune(group)) < 2 {
			return nil
		}
		typed = group
	}
	var names []string
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Deprecated != "" {
			return
		}
		d := rules.EditDistance(strings.ToLower(typed), strings.ToLower(f.Name))
		if d <= suggestDistance || hasPrefixFold(f.Name, typed) {
			names = append(names, f.Name)
		}
	})
	var out []string
	for _, n := range nearest(typed, names) {
		out = append(out, "--"+n)
	}
	return out
}

// nearest ranks the candidates for typed: the ones nearest to it by edit
// distance first, then the ones it is the start of, then any others (cobra
// suggests a command whose SuggestFor lists typed). Of the candidates
// within suggestDistance edits only the nearest are kept, so that "bsh"
// suggests bash and zsh but not fish.
func nearest(typed string, candidates []string) []string {
	lt := strings.ToLower(typed)
	dist := map[string]int{}
	best := suggestDistance + 1
	for _, c := range candidates {
		d := rules.EditDistance(lt, strings.ToLower(c))
		dist[c] = d
		best = min(best, d)
	}
	var out []string
	seen := map[string]bool{}
	for _, c := range candidates {
		if seen[c] || dist[c] <= suggestDistance && dist[c] > best {
			continue
		}
		seen[c] = true
		out = append(out, c)
	}
	// rank is 0 for the nearest, 1 for a name typed begins, 2 for others.
	rank := func(c string) int {
		switch {
		case dist[c] <= suggestDistance:
			return 0
		case hasPrefixFold(c, typed):
			return 1
		}
		return 2
	}
	sort.SliceStable(out, func(i, j int) bool {
		ri, rj := rank(out[i]), rank(out[j])
		if ri != rj {
			return ri < rj
		}
		return out[i] < out[j]
	})
	return out
}

// hasPrefixFold reports whether s begins with prefix, ignoring case.
func hasPrefixFold(s, prefix string) bool {
	return strings.HasPrefix(strings.ToLower(s), strings.ToLower(prefix))
}

// didYouMeanLines is the "Did you mean this?" block cobra appends to an
// unknown command, one suggestion a line, or "" when there is none.
func didYouMeanLines(suggestions []string) string {
	if len(suggestions) == 0 {
		return ""
	}
	return "\n\nDid you mean this?\n\t" + strings.Join(suggestions, "\n\t")
}
