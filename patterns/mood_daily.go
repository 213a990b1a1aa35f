package patterns

import (
	"slices"
	"time"

	"github.com/throughline/throughline/journal"
)

// DayMood is one day's mood: the mean of the day's rated entries, and
// the mean over the 7 days ending with it, which smooths one hard day.
type DayMood struct {
	Day     time.Time // midnight, in the zone the day's first entry was written
	Mean    float64   // 0 when the day has no rated entry
	Rated   int       // rated entries that day
	Rolling float64   // mean of the rated entries in the 7 days ending this day; 0 when none
}

// RollingDays is the length of the rolling mood line.
const RollingDays = 7

// DailyMood lists every day from the first rated entry to the last
// (entries oldest first), with days without a rating kept as gaps so the
// chart's time axis stays true.
func DailyMood(entries []journal.Tagging) []DayMood {
	var days []DayMood
	var sums []float64
	for _, e := range entries {
		if e.Mood == 0 {
			continue
		}
		day := startOfDay(e.WrittenAt)
		if len(days) == 0 {
			days, sums = append(days, DayMood{Day: day}), append(sums, 0)
		}
		for last := days[len(days)-1].Day; last.Before(day) && !sameDay(last, day); last = days[len(days)-1].Day {
			y, m, d := last.Date()
			days, sums = append(days, DayMood{Day: time.Date(y, m, d+1, 0, 0, 0, 0, last.Location())}), append(sums, 0)
		}
		i := len(days) - 1
		days[i].Rated++
		sums[i] += float64(e.Mood)
	}
	for i := range days {
		if days[i].Rated > 0 {
			days[i].Mean = sums[i] / float64(days[i].Rated)
		}
		var sum float64
		var n int
		for j := max(0, i-RollingDays+1); j <= i; j++ {
			sum, n = sum+sums[j], n+days[j].Rated
		}
		if n > 0 {
			days[i].Rolling = sum / float64(n)
		}
	}
	return days
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.In(a.Location()).Date()
	return ay == by && am == bm && ad == bd
}

// WithMoodCheckIns puts the check-ins' moods among entries (oldest
// first, as Store.Taggings returns them) in time order, for the figures
// of mood: a mood noted without an entry is still a mood.
func WithMoodCheckIns(entries []journal.Tagging, checkIns []journal.MoodCheckIn) []journal.Tagging {
	if len(checkIns) == 0 {
		return entries
	}
	out := append(slices.Clone(entries), journal.MoodCheckInTaggings(checkIns)...)
	slices.SortStableFunc(out, func(a, b journal.Tagging) int { return a.WrittenAt.Compare(b.WrittenAt) })
	return out
}
