package ui

import (
	"time"

	analysis "github.com/throughline/throughline/patterns"
)

// Periods offered by the pattern view, in order.
const (
	periodWeek    = "Last 7 days"
	periodMonth   = "Last 30 days"
	periodQuarter = "Last 90 days"
	periodAll     = "All time"
	periodCustom  = "Custom range"
	// periodSinceSession is offered once a session is logged.
	periodSinceSession = "Since last session"
)

var periods = []string{periodWeek, periodMonth, periodQuarter, periodAll, periodCustom}

// periodWindow is the window a period stands for on the day of now:
// whole days, ending with today.
func periodWindow(period string, now time.Time) analysis.Window {
	days := map[string]int{periodWeek: 7, periodMonth: 30, periodQuarter: 90}[period]
	if days == 0 {
		return analysis.Window{}
	}
	return analysis.LastDays(days, now)
}
