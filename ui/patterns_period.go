package ui

import (
	"time"

	"github.com/throughline/throughline/journal"
	analysis "github.com/throughline/throughline/patterns"
)

// Periods offered by the pattern view, in order.
const (
	periodWeek    = "Last 7 days"
	periodMonth   = "Last 30 days"
	periodQuarter = "Last 90 days"
	periodAll     = "All time"
	periodCustom  = "Custom range"
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

// customWindow reads a typed range of days, both included.
func customWindow(from, to string) (analysis.Window, error) {
	f, err := journal.ParseDay(from, time.Local)
	if err != nil {
		return analysis.Window{}, err
	}
	t, err := journal.ParseDay(to, time.Local)
	if err != nil {
		return analysis.Window{}, err
	}
	w := analysis.Days(f, t)
	if !w.From.Before(w.To) {
		return analysis.Window{}, journal.Errorf(journal.EInvalid, "The range starts (%s) after it ends (%s). Swap the two dates.", from, to)
	}
	return w, nil
}
