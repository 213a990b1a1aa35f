package journal

import (
	"fmt"
	"strings"
)

// ByteSize writes a size for a person: "1.2 GB", "340 KB", "12 bytes",
// counting 1,024 to the next unit as file managers do. Backups, imports
// and the command line all say sizes this way.
func ByteSize(n int64) string {
	const k = 1 << 10
	switch {
	case n >= k*k*k:
		return oneDecimal(float64(n)/(k*k*k)) + " GB"
	case n >= k*k:
		return oneDecimal(float64(n)/(k*k)) + " MB"
	case n >= k:
		return oneDecimal(float64(n)/k) + " KB"
	case n == 1:
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}

// oneDecimal is x to one decimal place, without a ".0".
func oneDecimal(x float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", x), ".0") }
