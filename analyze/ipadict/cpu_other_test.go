//go:build !unix

package ipadict

import "time"

// cpuTime is 0 where getrusage is missing: the benchmarks then report no CPU.
func cpuTime() time.Duration { return 0 }
