// Command finlint checks Fin.com API payloads before they are sent.
package main

import (
	"os"

	"github.com/finlint/finlint/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
