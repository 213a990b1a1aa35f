package journal

import "time"

// Settings keys: the names the journal keeps a person's settings under.
const (
	SettingCrisisLine   = "crisis_line"   // the person's own crisis line: after their region's, or for somewhere else
	SettingCrisisRegion = "crisis_region" // where the person lives: a CrisisRegions ID, RegionElsewhere, or "" when not said
	SettingNextSession  = "next_session"  // RFC 3339, or "" when not set
	SettingApproach     = "approach"      // the therapy's approach, one of SessionApproaches, for new sessions
	SettingOnboarded    = "onboarded"     // "1" once the first-run welcome was finished or skipped
)

// NextSessionAt reads the next session's date as SettingNextSession
// keeps it: zero when none is set or it can't be read.
func NextSessionAt(setting string) time.Time {
	t, err := time.Parse(time.RFC3339, setting)
	if err != nil {
		return time.Time{}
	}
	return t
}
