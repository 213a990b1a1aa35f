package cli

import (
	"fmt"
	"io"

	jstore "github.com/throughline/throughline/journal/store"
)

// upgradeLines writes an upgrade's progress to w a line at a time: when
// it starts, at each quarter, and when it tidies up, so a long upgrade
// says what it is doing without filling the terminal.
func upgradeLines(w io.Writer) jstore.OpenOption {
	shown := -1 // the last quarter shown
	tidying := false
	return jstore.ReportUpgrade(func(p jstore.UpgradeProgress) {
		if p.Tidying {
			if !tidying {
				fmt.Fprintln(w, p)
			}
			tidying = true
			return
		}
		if quarter := int(4 * p.Fraction()); quarter > shown {
			shown = quarter
			fmt.Fprintln(w, p)
		}
	})
}
