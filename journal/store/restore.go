package store

import (
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// Restore writes snap into this journal, every id kept, in one
// transaction: all of it or nothing. The journal must be empty (no
// entries, people, goals, sessions or questionnaires); its vocabulary
// and settings are replaced by the snapshot's. The snapshot is checked
// first, so a bad one changes nothing.
func (s *Store) Restore(snap journal.Snapshot) error {
	if err := refuseNonEmpty(s.db); err != nil {
		return internal("restore the journal", err)
	}
	tables, err := s.restoreTables(snap)
	if err != nil {
		return err
	}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		if err := refuseNonEmpty(tx); err != nil { // again: another window may have written since
			return err
		}
		for _, clear := range []string{"patterns", "emotions", "settings", "hidden_words"} {
			if err := tx.Exec("DELETE FROM " + clear).Error; err != nil {
				return err
			}
		}
		for _, t := range tables {
			if err := t.insert(tx); err != nil {
				return err
			}
		}
		return nil
	})
	return internal("restore the journal", err)
}

// refuseNonEmpty refuses a journal that has anything a person wrote.
func refuseNonEmpty(tx *gorm.DB) error {
	for _, t := range []struct{ table, what string }{
		{"entries", "entries"}, {"people", "people"}, {"goals", "goals"}, {"sessions", "sessions"}, {"measures", "questionnaires"},
		{"mood_checkins", "check-ins"},
	} {
		var n int64
		if err := tx.Raw("SELECT COUNT(*) FROM (SELECT 1 FROM " + t.table + " LIMIT 1)").Scan(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return journal.Errorf(journal.EInvalid, "This journal already has %s. Import a Throughline export into a new, empty journal: throughline --db NEW.db import FILE", t.what)
		}
	}
	return nil
}

// restoreTable is rows ready to insert: checked, and their text sealed.
type restoreTable struct {
	name    string
	columns []string
	rows    [][]any
	one     bool // a row to a statement
}

func (t *restoreTable) add(values ...any) { t.rows = append(t.rows, values) }

// insertVars bounds the values in one INSERT, under SQLite's oldest limit.
const insertVars = 999

// insert writes the rows many to a statement, so 100,000 entries take a
// few thousand statements rather than 100,000.
func (t *restoreTable) insert(tx *gorm.DB) error {
	per := max(1, insertVars/len(t.columns))
	if t.one {
		per = 1
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(t.columns)), ", ") + ")"
	for start := 0; start < len(t.rows); start += per {
		batch := t.rows[start:min(start+per, len(t.rows))]
		var stmt strings.Builder
		stmt.WriteString("INSERT INTO " + t.name + " (" + strings.Join(t.columns, ", ") + ") VALUES ")
		args := make([]any, 0, len(batch)*len(t.columns))
		for i, values := range batch {
			if i > 0 {
				stmt.WriteString(", ")
			}
			stmt.WriteString(row)
			args = append(args, values...)
		}
		if err := tx.Exec(stmt.String(), args...).Error; err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}
	return nil
}

// restoreTables checks snap and turns it into rows, their text sealed,
// in an order that writes everything before what refers to it.
func (s *Store) restoreTables(snap journal.Snapshot) ([]*restoreTable, error) {
	c := snapshotCheck{s: s, emotions: map[string]int64{}, patterns: map[string]int64{}, people: map[string]int64{}, goals: map[int64]int64{}, files: map[string]int64{}}
	c.vocabulary(snap)
	c.progress(snap)
	c.entries(snap)
	if c.err != nil {
		return nil, c.err
	}
	return c.tables, nil
}

// snapshotCheck checks a snapshot part by part, keeping the first
// problem, and gathers the rows to write.
type snapshotCheck struct {
	s      *Store
	err    error
	tables []*restoreTable

	emotions, patterns, people map[string]int64 // ids by NameKey
	goals                      map[int64]int64  // parent by goal id

	files            map[string]int64 // stored file ids by sha256
	links            int64            // the last entry_attachments id given
	blobs, fileLinks *restoreTable
}

func (c *snapshotCheck) table(name string, columns ...string) *restoreTable {
	t := &restoreTable{name: name, columns: columns}
	c.tables = append(c.tables, t)
	return t
}

// snapshotItem names one item of a snapshot's list for a message: its place
// in the list, from 1, and its id.
type snapshotItem struct {
	what      string
	place, of int
	id        int64
}

// fail records the first problem.
func (c *snapshotCheck) fail(it snapshotItem, format string, args ...any) {
	if c.err == nil {
		c.err = journal.Errorf(journal.EInvalid, "Couldn't import %s %d of %d (id %d): %s. Nothing was changed.",
			it.what, it.place+1, it.of, it.id, fmt.Sprintf(format, args...))
	}
}

// refuse records a domain check's error as the item's problem.
func (c *snapshotCheck) refuse(it snapshotItem, err error) {
	if err != nil {
		c.fail(it, "%s", strings.TrimSuffix(err.Error(), "."))
	}
}

// seal seals a row's text, given as column, text pairs, in that order.
func (c *snapshotCheck) seal(table string, id int64, columnsAndText ...string) []any {
	seal := sealer{codec: c.s.codec, table: table, id: id}
	out := make([]any, 0, len(columnsAndText)/2)
	for i := 0; i < len(columnsAndText); i += 2 {
		out = append(out, seal.seal(columnsAndText[i], columnsAndText[i+1]))
	}
	if c.err == nil {
		c.err = seal.err
	}
	return out
}

// idProblem says what is wrong with an id among seen, or "".
func idProblem(seen map[int64]bool, id int64, what string) string {
	switch {
	case id <= 0:
		return "has no id; ids are whole numbers above 0"
	case seen[id]:
		return fmt.Sprintf("has the id %d, which another %s has", id, what)
	}
	seen[id] = true
	return ""
}

func (c *snapshotCheck) newID(seen map[int64]bool, it snapshotItem) {
	if p := idProblem(seen, it.id, it.what); p != "" {
		c.fail(it, "it %s", p)
	}
}

// newName refuses a blank name, or one another item has ignoring case.
func (c *snapshotCheck) newName(keys map[string]int64, it snapshotItem, name string) {
	key := journal.NameKey(name)
	if other, taken := keys[key]; taken {
		c.fail(it, "its name “%s” is also the name of %s id %d (names match ignoring case)", name, it.what, other)
	} else if key == "" {
		c.fail(it, "it has no name")
	}
	keys[key] = it.id
}

func (c *snapshotCheck) vocabulary(snap journal.Snapshot) {
	emotions := c.table("emotions", "name", "description", "id", "name_key", "family")
	seen := map[int64]bool{}
	for i, e := range snap.Emotions {
		it := snapshotItem{"emotion", i, len(snap.Emotions), e.ID}
		e.Name = journal.CleanName(e.Name)
		c.newID(seen, it)
		c.newName(c.emotions, it, e.Name)
		if !slices.Contains(journal.EmotionFamilies, e.Family) {
			c.fail(it, "“%s” is not a family; use one of: %s", e.Family, strings.Join(journal.EmotionFamilies, ", "))
		}
		emotions.add(append(c.seal("emotions", e.ID, "name", e.Name, "description", strings.TrimSpace(e.Description)), e.ID, c.s.nameKey(e.Name), e.Family)...)
	}

	patterns := c.table("patterns", "name", "description", "id", "name_key", "category", "colour", "archived", "adaptive")
	seen = map[int64]bool{}
	for i, sp := range snap.Patterns {
		it := snapshotItem{"pattern", i, len(snap.Patterns), sp.ID}
		p := journal.Pattern{Name: sp.Name, Category: sp.Category, Description: sp.Description, Colour: sp.Colour}
		c.refuse(it, p.Validate())
		c.newID(seen, it)
		c.newName(c.patterns, it, p.Name)
		patterns.add(append(c.seal("patterns", sp.ID, "name", p.Name, "description", p.Description),
			sp.ID, c.s.nameKey(p.Name), p.Category, p.Colour, sp.Archived, sp.Adaptive)...)
	}

	people := c.table("people", "name", "aliases", "id", "name_key", "role")
	seen = map[int64]bool{}
	for i, sp := range snap.People {
		it := snapshotItem{"person", i, len(snap.People), sp.ID}
		p := journal.Person{Name: sp.Name, Role: journal.Role(sp.Role), Aliases: sp.Aliases}
		c.refuse(it, p.Validate())
		c.newID(seen, it)
		c.newName(c.people, it, p.Name)
		people.add(append(c.seal("people", sp.ID, "name", p.Name, "aliases", strings.Join(p.Aliases, "\n")), sp.ID, c.s.nameKey(p.Name), string(p.Role))...)
	}

	hidden := c.table("hidden_words", "name", "id", "name_key")
	keys := map[string]bool{}
	for i, w := range snap.HiddenWords {
		if w = journal.CleanName(w); w == "" || keys[journal.NameKey(w)] {
			continue // a blank or repeated word hides nothing more
		}
		keys[journal.NameKey(w)] = true
		id := int64(i + 1)
		hidden.add(append(c.seal("hidden_words", id, "name", w), id, c.s.nameKey(w))...)
	}
}

func (c *snapshotCheck) progress(snap journal.Snapshot) {
	c.goalList(snap.Goals)

	checkins := c.table("checkins", "note", "id", "goal_id", "at", "at_offset", "rating")
	seen := map[int64]bool{}
	for i, ci := range snap.CheckIns {
		it := snapshotItem{"check-in", i, len(snap.CheckIns), ci.ID}
		c.newID(seen, it)
		if _, ok := c.goals[ci.GoalID]; !ok {
			c.fail(it, "it is for goal %d, which isn't in the export", ci.GoalID)
		}
		if ci.Rating < 0 || ci.Rating > journal.MaxRating {
			c.fail(it, "its rating %d is out of range; ratings are from 0 to %d", ci.Rating, journal.MaxRating)
		}
		at, offset := c.at(it, ci.At)
		checkins.add(append(c.seal("checkins", ci.ID, "note", ci.Note), ci.ID, ci.GoalID, at, offset, ci.Rating)...)
	}

	sessions := c.table("sessions", "takeaways", "id", "at", "at_offset", "at_zone", "format", "approach", "new_course")
	questions := c.table("session_questions", "text", "id", "session_id", "position", "done")
	seen, seenQuestions := map[int64]bool{}, map[int64]bool{}
	for i, ss := range snap.Sessions {
		it := snapshotItem{"session", i, len(snap.Sessions), ss.ID}
		c.newID(seen, it)
		if !slices.Contains(journal.SessionFormats, ss.Format) {
			c.fail(it, "“%s” is not a session format; use one of: %s", ss.Format, strings.Join(journal.SessionFormats, ", "))
		}
		if !slices.Contains(journal.SessionApproaches, ss.Approach) {
			c.fail(it, "“%s” is not an approach; use one of: %s", ss.Approach, strings.Join(journal.SessionApproaches, ", "))
		}
		if ss.NewCourse && !(journal.Session{Format: ss.Format, Approach: ss.Approach}).CountsInDITCourse() {
			c.fail(it, "it starts a new course, which only an individual session of dynamic interpersonal therapy can")
		}
		at, offset := c.at(it, ss.At)
		sessions.add(append(c.seal("sessions", ss.ID, "takeaways", ss.Takeaways), ss.ID, at, offset, ss.Zone, ss.Format, ss.Approach, ss.NewCourse)...)
		for pos, q := range ss.Questions {
			if p := idProblem(seenQuestions, q.ID, "question"); p != "" {
				c.fail(it, "its question %d %s", pos+1, p)
			}
			questions.add(append(c.seal("session_questions", q.ID, "text", q.Text), q.ID, ss.ID, pos, q.Done)...)
		}
	}

	moods := c.table("mood_checkins", "id", "at", "at_offset", "at_zone", "mood")
	feelings := c.table("mood_checkin_emotions", "checkin_id", "emotion_id")
	seen = map[int64]bool{}
	for i, m := range snap.MoodCheckIns {
		it := snapshotItem{"mood check-in", i, len(snap.MoodCheckIns), m.ID}
		c.newID(seen, it)
		if m.Mood < journal.MinMood || m.Mood > journal.MaxMood {
			c.fail(it, "its mood %d is out of range; moods are from %d to %d", m.Mood, journal.MinMood, journal.MaxMood)
		}
		at, offset := c.at(it, m.At)
		moods.add(m.ID, at, offset, m.Zone, m.Mood)
		c.names(it, m.ID, "emotion", m.Emotions, c.emotions, feelings)
	}

	measures := c.table("measures", "id", "instrument", "at", "at_offset", "answers", "score", "difficulty")
	seen = map[int64]bool{}
	for i, m := range snap.Measures {
		it := snapshotItem{"questionnaire", i, len(snap.Measures), m.ID}
		c.newID(seen, it)
		var score int
		if in, err := journal.InstrumentByID(m.Instrument); err != nil || in.ID != m.Instrument {
			c.fail(it, "“%s” is not a questionnaire; use phq9 or gad7", m.Instrument)
		} else if result, err := in.Score(m.Answers); err != nil {
			c.refuse(it, err)
		} else {
			score = result.Score
		}
		difficulty := difficultyColumn(m.Difficulty)
		if err := difficulty.Check(); err != nil {
			c.refuse(it, err)
		}
		at, offset := c.at(it, m.At)
		measures.add(m.ID, m.Instrument, at, offset, journal.FormatAnswers(m.Answers), score, columnOf(difficulty))
	}

	settings := c.table("settings", "key", "value")
	keys := map[string]bool{}
	for i, st := range snap.Settings {
		if (st.Key == "" || keys[st.Key]) && c.err == nil {
			c.err = journal.Errorf(journal.EInvalid, "Couldn't import setting %d of %d: it has no name, or the name of another setting. Nothing was changed.", i+1, len(snap.Settings))
		}
		keys[st.Key] = true
		settings.add(st.Key, st.Value)
	}
}

// goalList checks goals, main goals written first so a sub-goal's
// parent is there before it.
func (c *snapshotCheck) goalList(goals []journal.SnapshotGoal) {
	mains := c.table("goals", "title", "description", "id", "parent_id", "priority", "status", "created_at", "done_at")
	subs := c.table("goals", mains.columns...)
	for _, g := range goals {
		c.goals[g.ID] = g.ParentID
	}
	seen := map[int64]bool{}
	for i, sg := range goals {
		it := snapshotItem{"goal", i, len(goals), sg.ID}
		c.newID(seen, it)
		g := journal.Goal{Title: sg.Title, Status: journal.GoalStatus(sg.Status)}
		c.refuse(it, g.Validate())
		into := mains
		if sg.ParentID != 0 {
			into = subs
			if grand, ok := c.goals[sg.ParentID]; !ok || sg.ParentID == sg.ID {
				c.fail(it, "it is under goal %d, which isn't in the export", sg.ParentID)
			} else if grand != 0 {
				c.fail(it, "it is under goal %d, which is itself a sub-goal; sub-goals go one level deep", sg.ParentID)
			}
		}
		created := c.recorded(it, sg.CreatedAt)
		var done any
		if sg.DoneAt != "" {
			done = c.recorded(it, sg.DoneAt)
		}
		into.add(append(c.seal("goals", sg.ID, "title", g.Title, "description", sg.Description),
			sg.ID, nullID(sg.ParentID), sg.Priority, string(g.Status), created, done)...)
	}
}

// at reads a dated moment, refusing one that isn't RFC 3339.
func (c *snapshotCheck) at(it snapshotItem, s string) (unix int64, offset int) {
	unix, offset, ok := parseAt(s)
	if !ok {
		c.fail(it, "its time “%s” can't be read; write it like 2026-11-25T18:30:00+01:00", s)
	}
	return unix, offset
}

// recorded reads a time the journal recorded, refusing one that isn't RFC 3339.
func (c *snapshotCheck) recorded(it snapshotItem, s string) int64 {
	millis, ok := parseRecorded(s)
	if !ok {
		c.fail(it, "its time “%s” can't be read; write it like 2026-11-25T17:30:00.000Z", s)
	}
	return millis
}

func (c *snapshotCheck) entries(snap journal.Snapshot) {
	entries := c.table("entries", "title", "body", "id", "written_at", "written_offset", "written_zone",
		"created_at", "updated_at", "kind", "mood", "flagged", "source", "source_id")
	entryEmotions := c.table("entry_emotions", "entry_id", "emotion_id")
	entryPatterns := c.table("entry_patterns", "entry_id", "pattern_id")
	entryGoals := c.table("entry_goals", "entry_id", "goal_id")
	episodes := c.table("episodes", "wish", "other_response", "self_response", "reminds",
		"id", "entry_id", "position", "person_id", "earlier_person_id", "other_expected", "other_valence", "self_expected", "self_valence")
	episodeEmotions := c.table("episode_emotions", "episode_id", "emotion_id")
	episodePatterns := c.table("episode_patterns", "episode_id", "pattern_id")
	c.blobs = c.table("attachments", "sha256", "data", "id", "content_key", "size", "kind", "media_type")
	c.blobs.one = true // each can be 50 MB: one to a statement
	c.fileLinks = c.table("entry_attachments", "name", "id", "entry_id", "attachment_id")
	episodeCategories := c.table("episode_categories", "episode_id", "component", "category")
	// Indexed from the snapshot's text as it goes in, not read back after.
	index := c.table("search_index", "rowid", "title", "body", "episodes")
	seen, seenEpisodes, sources := map[int64]bool{}, map[int64]bool{}, map[[2]string]int64{}
	for i, e := range snap.Entries {
		if c.err != nil {
			return
		}
		it := snapshotItem{"entry", i, len(snap.Entries), e.ID}
		c.newID(seen, it)
		kind, err := journal.ParseKind(e.Kind)
		c.refuse(it, err)
		var mood any
		if e.Mood != 0 {
			if e.Mood < journal.MinMood || e.Mood > journal.MaxMood {
				c.fail(it, "its mood %d is out of range; moods are from %d to %d, or none", e.Mood, journal.MinMood, journal.MaxMood)
			}
			mood = e.Mood
		}
		if e.SourceID != "" {
			key := [2]string{e.Source, e.SourceID}
			if other, dup := sources[key]; dup {
				c.fail(it, "it came from the same %s entry (%s) as entry id %d", e.Source, e.SourceID, other)
			}
			sources[key] = e.ID
		}
		written, offset := c.at(it, e.WrittenAt)
		entries.add(append(c.seal("entries", e.ID, "title", e.Title, "body", e.Body), e.ID, written, offset, e.WrittenZone,
			c.recorded(it, e.CreatedAt), c.recorded(it, e.UpdatedAt), string(kind), mood, e.Flagged, e.Source, e.SourceID)...)
		c.names(it, e.ID, "emotion", e.Emotions, c.emotions, entryEmotions)
		c.names(it, e.ID, "pattern", e.Patterns, c.patterns, entryPatterns)
		linked := map[int64]bool{}
		for _, g := range e.GoalIDs {
			if _, ok := c.goals[g]; !ok {
				c.fail(it, "it is linked to goal %d, which isn't in the export", g)
			} else if linked[g] {
				c.fail(it, "it is linked to goal %d twice", g)
			}
			linked[g] = true
			entryGoals.add(e.ID, g)
		}
		var episodeText []string
		for pos, ep := range e.Episodes {
			episodeText = append(episodeText, ep.Wish, ep.OtherResponse, ep.SelfResponse, ep.Reminds)
			if p := idProblem(seenEpisodes, ep.ID, "episode"); p != "" {
				c.fail(it, "its episode %d %s", pos+1, p)
			}
			person, earlier := c.person(it, ep.Person), c.person(it, ep.EarlierPerson)
			ccrt := ep.CCRT()
			c.refuse(it, ccrt.Validate())
			episodes.add(append(c.seal("episodes", ep.ID, "wish", ep.Wish, "other_response", ep.OtherResponse,
				"self_response", ep.SelfResponse, "reminds", ep.Reminds), ep.ID, e.ID, pos, person, earlier,
				ccrt.Other.Expected, string(ccrt.Other.Valence), ccrt.Self.Expected, string(ccrt.Self.Valence))...)
			for _, comp := range journal.Components {
				for _, name := range ccrt.Of(comp) {
					episodeCategories.add(ep.ID, string(comp), name)
				}
			}
			c.names(it, ep.ID, "emotion", ep.Emotions, c.emotions, episodeEmotions)
			c.names(it, ep.ID, "pattern", ep.Patterns, c.patterns, episodePatterns)
		}
		c.attachments(it, e.ID, e.Attachments)
		index.add(e.ID, e.Title, e.Body, joinText(episodeText))
	}
}

// names links an entry or one of its episodes (owner) to vocabulary
// names, which must be in the snapshot's vocabulary.
func (c *snapshotCheck) names(it snapshotItem, owner int64, word string, names []string, keys map[string]int64, links *restoreTable) {
	linked := map[int64]bool{}
	for _, name := range names {
		id, ok := keys[journal.NameKey(name)]
		if !ok {
			c.fail(it, "it names the %s “%s”, which isn't in the export's %ss", word, name, word)
		} else if linked[id] {
			c.fail(it, "it names the %s “%s” twice", word, name)
		}
		linked[id] = true
		links.add(owner, id)
	}
}

// person finds an episode's person by name; no name is no one.
func (c *snapshotCheck) person(it snapshotItem, name string) any {
	if name == "" {
		return nil
	}
	id, ok := c.people[journal.NameKey(name)]
	if !ok {
		c.fail(it, "it has an episode with “%s”, who isn't in the export's people", name)
	}
	return id
}
