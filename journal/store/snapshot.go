package store

import (
	"database/sql"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// Layouts of a snapshot's times.
const (
	recordedLayout   = "2006-01-02T15:04:05.000Z07:00" // created, updated, done: UTC milliseconds
	offsetSecsLayout = "2006-01-02T15:04:05Z07:00:00"  // a dated moment whose offset has seconds
)

func formatAt(unix int64, offset int) string {
	t := time.Unix(unix, 0).In(time.FixedZone("", offset))
	if offset%60 != 0 {
		return t.Format(offsetSecsLayout)
	}
	return t.Format(time.RFC3339)
}

func parseAt(s string) (unix int64, offset int, ok bool) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		if t, err = time.Parse(offsetSecsLayout, s); err != nil {
			return 0, 0, false
		}
	}
	_, offset = t.Zone()
	return t.Unix(), offset, true
}

func formatRecorded(millis int64) string {
	return time.UnixMilli(millis).UTC().Format(recordedLayout)
}

func parseRecorded(s string) (millis int64, ok bool) {
	t, err := time.Parse(time.RFC3339, s)
	return t.UnixMilli(), err == nil
}

// Snapshot reads the whole journal in one transaction, so what it holds
// is one moment's journal even while another window writes.
func (s *Store) Snapshot() (journal.Snapshot, error) {
	var snap journal.Snapshot
	err := s.StreamSnapshot(func(head *journal.Snapshot, entries int) error {
		snap = *head
		snap.Entries = make([]journal.SnapshotEntry, 0, entries)
		return nil
	}, func(e *journal.SnapshotEntry) error {
		snap.Entries = append(snap.Entries, *e)
		return nil
	})
	if err != nil {
		return journal.Snapshot{}, err
	}
	return snap, nil
}

// StreamSnapshot reads the whole journal in one transaction as Snapshot
// does, but hands the entries over one at a time, in id order, so an
// export of 100,000 of them is written while it is read and never held
// whole: head gets everything else and how many entries follow, then
// each gets every entry (its lists are its own). An error from head or
// each stops the reading and is returned as it is.
func (s *Store) StreamSnapshot(head func(snap *journal.Snapshot, entries int) error, each func(e *journal.SnapshotEntry) error) error {
	var theirs error
	err := s.db.Transaction(func(tx *gorm.DB) error {
		r := snapshotReader{s: s, tx: tx}
		var snap journal.Snapshot
		r.vocabulary(&snap)
		r.progress(&snap)
		links := r.entryLinks()
		var count int64
		if r.err == nil {
			r.err = tx.Raw("SELECT count(*) FROM entries").Row().Scan(&count)
		}
		if r.err != nil {
			return r.err
		}
		if theirs = head(&snap, int(count)); theirs != nil {
			return theirs
		}
		r.entries(links, func(e *journal.SnapshotEntry) bool {
			theirs = each(e)
			return theirs == nil
		})
		if theirs != nil {
			return theirs
		}
		return r.err
	})
	if theirs != nil {
		return theirs
	}
	if err != nil {
		return internal("read the journal", err)
	}
	return nil
}

// snapshotReader reads tables in bulk, keeping the first error.
type snapshotReader struct {
	s   *Store
	tx  *gorm.DB
	err error

	emotions, patterns, people map[int64]string // opened names by id
}

// scan runs query into dest unless an earlier step failed.
func (r *snapshotReader) scan(dest any, query string) {
	if r.err == nil {
		r.err = r.tx.Raw(query).Scan(dest).Error
	}
}

// open opens a stored field, keeping the first error.
func (r *snapshotReader) open(table string, id int64, column, stored string) string {
	if r.err != nil {
		return ""
	}
	seal := sealer{codec: r.s.codec, table: table, id: id}
	plain := seal.open(column, stored)
	r.err = seal.err
	return plain
}

func (r *snapshotReader) vocabulary(snap *journal.Snapshot) {
	snap.Emotions, snap.Patterns, snap.People = []journal.SnapshotEmotion{}, []journal.SnapshotPattern{}, []journal.SnapshotPerson{}
	r.scan(&snap.Emotions, "SELECT id, name, family, description FROM emotions ORDER BY id")
	r.scan(&snap.Patterns, "SELECT id, name, category, description, colour, archived, adaptive FROM patterns ORDER BY id")
	var people []personRow
	r.scan(&people, "SELECT id, name, role, aliases FROM people ORDER BY id")
	r.emotions, r.patterns, r.people = map[int64]string{}, map[int64]string{}, map[int64]string{}
	for i := range snap.Emotions {
		e := &snap.Emotions[i]
		e.Name, e.Description = r.open("emotions", e.ID, "name", e.Name), r.open("emotions", e.ID, "description", e.Description)
		r.emotions[e.ID] = e.Name
	}
	for i := range snap.Patterns {
		p := &snap.Patterns[i]
		p.Name, p.Description = r.open("patterns", p.ID, "name", p.Name), r.open("patterns", p.ID, "description", p.Description)
		r.patterns[p.ID] = p.Name
	}
	for _, p := range people {
		sp := journal.SnapshotPerson{ID: p.ID, Name: r.open("people", p.ID, "name", p.Name), Role: p.Role,
			Aliases: splitAliases(r.open("people", p.ID, "aliases", p.Aliases))}
		snap.People = append(snap.People, sp)
		r.people[p.ID] = sp.Name
	}
	var hidden []struct {
		ID   int64
		Name string
	}
	r.scan(&hidden, "SELECT id, name FROM hidden_words ORDER BY id")
	for _, h := range hidden {
		snap.HiddenWords = append(snap.HiddenWords, r.open("hidden_words", h.ID, "name", h.Name))
	}
}

func (r *snapshotReader) progress(snap *journal.Snapshot) {
	var goals []goalRow
	r.scan(&goals, "SELECT * FROM goals ORDER BY id")
	snap.Goals = make([]journal.SnapshotGoal, len(goals))
	for i, g := range goals {
		snap.Goals[i] = journal.SnapshotGoal{ID: g.ID, ParentID: g.ParentID.Int64, Title: r.open("goals", g.ID, "title", g.Title),
			Description: r.open("goals", g.ID, "description", g.Description), Priority: g.Priority, Status: g.Status,
			CreatedAt: formatRecorded(g.CreatedAt)}
		if g.DoneAt.Valid {
			snap.Goals[i].DoneAt = formatRecorded(g.DoneAt.Int64)
		}
	}

	var checkins []struct {
		ID, GoalID, At   int64
		AtOffset, Rating int
		Note             string
	}
	r.scan(&checkins, "SELECT id, goal_id, at, at_offset, rating, note FROM checkins ORDER BY id")
	snap.CheckIns = make([]journal.SnapshotCheckIn, len(checkins))
	for i, c := range checkins {
		snap.CheckIns[i] = journal.SnapshotCheckIn{ID: c.ID, GoalID: c.GoalID, At: formatAt(c.At, c.AtOffset), Rating: c.Rating,
			Note: r.open("checkins", c.ID, "note", c.Note)}
	}

	var moods []struct {
		ID, At         int64
		AtOffset, Mood int
		AtZone         string
	}
	r.scan(&moods, "SELECT id, at, at_offset, at_zone, mood FROM mood_checkins ORDER BY id")
	snap.MoodCheckIns = make([]journal.SnapshotMoodCheckIn, len(moods))
	moodIndex := map[int64]int{}
	for i, m := range moods {
		snap.MoodCheckIns[i] = journal.SnapshotMoodCheckIn{ID: m.ID, At: formatAt(m.At, m.AtOffset), Zone: m.AtZone, Mood: m.Mood}
		moodIndex[m.ID] = i
	}
	var feelings []struct {
		CheckinID, ID int64
		Name          string
	}
	r.scan(&feelings, "SELECT l.checkin_id, v.id, v.name FROM mood_checkin_emotions l JOIN emotions v ON v.id = l.emotion_id ORDER BY l.checkin_id, v.id")
	for _, f := range feelings {
		if i, ok := moodIndex[f.CheckinID]; ok {
			snap.MoodCheckIns[i].Emotions = append(snap.MoodCheckIns[i].Emotions, r.open("emotions", f.ID, "name", f.Name))
		}
	}

	var sessions []struct {
		ID, At                              int64
		AtOffset                            int
		AtZone, Format, Approach, Takeaways string
		NewCourse                           bool
	}
	r.scan(&sessions, "SELECT id, at, at_offset, at_zone, format, approach, takeaways, new_course FROM sessions ORDER BY id")
	snap.Sessions = make([]journal.SnapshotSession, len(sessions))
	index := map[int64]int{}
	for i, ss := range sessions {
		snap.Sessions[i] = journal.SnapshotSession{ID: ss.ID, At: formatAt(ss.At, ss.AtOffset), Zone: ss.AtZone, Format: ss.Format,
			Approach: ss.Approach, Takeaways: r.open("sessions", ss.ID, "takeaways", ss.Takeaways), NewCourse: ss.NewCourse}
		index[ss.ID] = i
	}
	var questions []struct {
		ID, SessionID int64
		Text          string
		Done          bool
	}
	r.scan(&questions, "SELECT id, session_id, text, done FROM session_questions ORDER BY session_id, position, id")
	for _, q := range questions {
		ss := &snap.Sessions[index[q.SessionID]]
		ss.Questions = append(ss.Questions, journal.SnapshotQuestion{ID: q.ID, Text: r.open("session_questions", q.ID, "text", q.Text), Done: q.Done})
	}

	var measures []struct {
		ID, At              int64
		AtOffset            int
		Instrument, Answers string
		Difficulty          *int
	}
	r.scan(&measures, "SELECT id, instrument, at, at_offset, answers, difficulty FROM measures ORDER BY id")
	snap.Measures = make([]journal.SnapshotMeasure, len(measures))
	for i, m := range measures {
		answers, err := journal.ParseAnswers(m.Answers)
		if err != nil && r.err == nil {
			r.err = fmt.Errorf("questionnaire %d: %w", m.ID, err)
		}
		snap.Measures[i] = journal.SnapshotMeasure{ID: m.ID, Instrument: m.Instrument, At: formatAt(m.At, m.AtOffset), Answers: answers,
			Difficulty: m.Difficulty}
	}

	snap.Settings = []journal.SnapshotSetting{}
	r.scan(&snap.Settings, "SELECT key, value FROM settings ORDER BY key")
}

// entryLinks is what links to entries, by entry id.
type entryLinks struct {
	emotions, patterns map[int64][]string
	goals              map[int64][]int64
	episodes           map[int64][]journal.SnapshotEpisode
	attachments        map[int64][]journal.Attachment
}

// entryLinks reads each link table whole, before the entries, rather
// than asking once per entry.
func (r *snapshotReader) entryLinks() entryLinks {
	l := entryLinks{emotions: map[int64][]string{}, patterns: map[int64][]string{}, goals: map[int64][]int64{},
		episodes: map[int64][]journal.SnapshotEpisode{}}
	r.links("SELECT entry_id, emotion_id FROM entry_emotions ORDER BY entry_id, emotion_id", func(entry, emotion int64) {
		l.emotions[entry] = append(l.emotions[entry], r.emotions[emotion])
	})
	r.links("SELECT entry_id, pattern_id FROM entry_patterns ORDER BY entry_id, pattern_id", func(entry, pattern int64) {
		l.patterns[entry] = append(l.patterns[entry], r.patterns[pattern])
	})
	r.links("SELECT entry_id, goal_id FROM entry_goals ORDER BY entry_id, goal_id", func(entry, goal int64) {
		l.goals[entry] = append(l.goals[entry], goal)
	})

	var episodes []struct {
		ID, EntryID                                int64
		PersonID, EarlierPersonID                  sql.NullInt64
		Wish, OtherResponse, SelfResponse, Reminds string
		OtherExpected, SelfExpected                bool
		OtherValence, SelfValence                  string
	}
	r.scan(&episodes, `SELECT id, entry_id, person_id, earlier_person_id, wish, other_response, self_response, reminds,
		other_expected, other_valence, self_expected, self_valence FROM episodes ORDER BY entry_id, position, id`)
	type place struct {
		entry int64
		i     int
	}
	where := make(map[int64]place, len(episodes))
	for _, ep := range episodes {
		where[ep.ID] = place{ep.EntryID, len(l.episodes[ep.EntryID])}
		l.episodes[ep.EntryID] = append(l.episodes[ep.EntryID], journal.SnapshotEpisode{ID: ep.ID, Person: r.people[ep.PersonID.Int64],
			Wish: r.open("episodes", ep.ID, "wish", ep.Wish), OtherResponse: r.open("episodes", ep.ID, "other_response", ep.OtherResponse),
			SelfResponse: r.open("episodes", ep.ID, "self_response", ep.SelfResponse), Reminds: r.open("episodes", ep.ID, "reminds", ep.Reminds),
			EarlierPerson: r.people[ep.EarlierPersonID.Int64],
			OtherExpected: ep.OtherExpected, OtherValence: ep.OtherValence, SelfExpected: ep.SelfExpected, SelfValence: ep.SelfValence})
	}
	episode := func(id int64) *journal.SnapshotEpisode {
		p := where[id]
		return &l.episodes[p.entry][p.i]
	}
	if r.err == nil {
		ids := make([]int64, 0, len(where))
		for id := range where {
			ids = append(ids, id)
		}
		ccrt := map[int64]*journal.CCRT{}
		r.err = categoriesFor(r.tx, ids, func(id int64) *journal.CCRT {
			if ccrt[id] == nil {
				c := episode(id).CCRT()
				ccrt[id] = &c
			}
			return ccrt[id]
		})
		for id, c := range ccrt {
			episode(id).SetCCRT(*c)
		}
	}
	r.links("SELECT episode_id, emotion_id FROM episode_emotions ORDER BY episode_id, emotion_id", func(ep, emotion int64) {
		episode(ep).Emotions = append(episode(ep).Emotions, r.emotions[emotion])
	})
	r.links("SELECT episode_id, pattern_id FROM episode_patterns ORDER BY episode_id, pattern_id", func(ep, pattern int64) {
		episode(ep).Patterns = append(episode(ep).Patterns, r.patterns[pattern])
	})
	l.attachments = r.attachmentLinks()
	return l
}

// entries reads every entry's own columns in id order, adds its links
// and hands it to each until each returns false. It scans rows directly:
// GORM's reflection per row and column was most of a 100,000-entry export.
func (r *snapshotReader) entries(l entryLinks, each func(e *journal.SnapshotEntry) bool) {
	if r.err != nil {
		return
	}
	rows, err := r.tx.Raw(`SELECT id, written_at, written_offset, written_zone, created_at, updated_at, kind, title, body, mood, flagged, source, source_id
		FROM entries ORDER BY id`).Rows()
	if err != nil {
		r.err = err
		return
	}
	defer rows.Close()
	times := newTimeFormats()
	for rows.Next() {
		var row entryRow
		var mood sql.NullInt64
		if r.err = rows.Scan(&row.ID, &row.WrittenAt, &row.WrittenOffset, &row.WrittenZone, &row.Created, &row.Updated, &row.Kind,
			&row.Title, &row.Body, &mood, &row.Flagged, &row.Source, &row.SourceID); r.err != nil {
			return
		}
		e := journal.SnapshotEntry{ID: row.ID, WrittenAt: times.at(row.WrittenAt, row.WrittenOffset),
			WrittenZone: row.WrittenZone, CreatedAt: times.recorded(row.Created), UpdatedAt: times.recorded(row.Updated), Kind: row.Kind,
			Title: r.open("entries", row.ID, "title", row.Title), Body: r.open("entries", row.ID, "body", row.Body),
			Mood: int(mood.Int64), Flagged: row.Flagged, Source: row.Source, SourceID: row.SourceID,
			Emotions: l.emotions[row.ID], Patterns: l.patterns[row.ID], GoalIDs: l.goals[row.ID], Episodes: l.episodes[row.ID]}
		e.Attachments = r.attachments(l.attachments[row.ID])
		if r.err != nil || !each(&e) {
			return
		}
	}
	r.err = rows.Err()
}

// timeFormats formats a snapshot's times as formatAt and formatRecorded
// do, making each offset's zone once rather than once per entry.
type timeFormats struct {
	zones map[int]*time.Location
	buf   []byte
}

func newTimeFormats() *timeFormats { return &timeFormats{zones: map[int]*time.Location{}} }

func (f *timeFormats) at(unix int64, offset int) string {
	zone, ok := f.zones[offset]
	if !ok {
		zone = time.FixedZone("", offset)
		f.zones[offset] = zone
	}
	layout := time.RFC3339
	if offset%60 != 0 {
		layout = offsetSecsLayout
	}
	f.buf = time.Unix(unix, 0).In(zone).AppendFormat(f.buf[:0], layout)
	return string(f.buf)
}

func (f *timeFormats) recorded(millis int64) string {
	f.buf = time.UnixMilli(millis).UTC().AppendFormat(f.buf[:0], recordedLayout)
	return string(f.buf)
}

// links calls add for each pair of ids query returns, scanning rows
// directly: link tables run to hundreds of thousands of rows.
func (r *snapshotReader) links(query string, add func(owner, id int64)) {
	if r.err != nil {
		return
	}
	rows, err := r.tx.Raw(query).Rows()
	if err != nil {
		r.err = err
		return
	}
	defer rows.Close()
	for rows.Next() {
		var owner, id int64
		if r.err = rows.Scan(&owner, &id); r.err != nil {
			return
		}
		add(owner, id)
	}
	r.err = rows.Err()
}
