package kinds_test

import "time"

var exampleNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
