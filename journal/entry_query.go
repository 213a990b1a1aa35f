package journal

import "time"

// EntryQuery selects entries, newest first.
type EntryQuery struct {
	From   time.Time // inclusive; zero means from the start
	Before time.Time // exclusive; zero means to the end
	After  *Cursor   // continue a paged listing after this entry
	Limit  int       // 0 means no limit

	// Narrow the selection further; both together select entries that
	// are both. A report reads only these in full, not every entry.
	Flagged      bool // only entries flagged for the session
	WithEpisodes bool // only entries with a relationship episode
}

// Cursor marks a place in the newest-first order, for paging without
// OFFSET, which would get slower the further a person scrolls.
type Cursor struct {
	WrittenAt time.Time
	ID        int64
}

// CursorAfter is the cursor that continues a listing after e.
func CursorAfter(e Entry) *Cursor { return &Cursor{WrittenAt: e.WrittenAt, ID: e.ID} }
