// Command midreview turns a ward's 地域福祉保健計画 midpoint review batch into
// committee handouts, a tabulation book, a dashboard and tidy CSVs.
package main

import (
	"context"
	"os"
)

// Version is the tool version written in manifest.json, set at build time with
// -ldflags "-X main.Version=v1.0.0".
var Version = "dev"

func main() { os.Exit(exitCode(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))) }
